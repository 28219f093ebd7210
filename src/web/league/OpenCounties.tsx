import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../../taskpane/styles";
import { DropZone } from "../DropZone";
import {
  droppedWorkbooks,
  folderWorkbooks,
  MAX_FOLDER_ENTRIES,
  type CountyFile,
  type NothingDropped,
} from "../folderFiles";
import { COUNTY_FILES_ACCEPT } from "../../xlsx/spreadsheetFiles";

/**
 * A button that opens the browser's file chooser: by default for several county workbooks, for the league's view
 * (on the web app's first screen and, as “add files”, on the league screen); with `accept` and `single`, for one
 * file of another kind (the league screen's unit costs file); with `folder`, for a folder and its subfolders (a
 * league bureau's year folders), of which the county workbooks are given, each with its path in the folder
 * (`webkitRelativePath`, 盟/2025/阿尔山市.xlsx).
 */
export function CountyFilesInput(props: {
  lang: Lang;
  id?: string;
  label: string;
  disabled?: boolean;
  appearance?: "primary" | "secondary";
  size?: "small" | "medium";
  /** the file types offered; county workbooks (and the archives counties send them in) by default */
  accept?: string;
  /** one file only */
  single?: boolean;
  /** a folder, subfolders included */
  folder?: boolean;
  onFiles(files: File[]): void;
  /** files were chosen, but none of them is a workbook to read (a folder of other files) */
  onNone?(): void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={(element) => {
          input.current = element;
          // an attribute React does not know: the browser's chooser then asks for a folder
          if (element && props.folder) element.setAttribute("webkitdirectory", "");
        }}
        id={props.id}
        type="file"
        multiple={!props.single}
        hidden
        accept={props.accept ?? COUNTY_FILES_ACCEPT}
        aria-label={props.label}
        onChange={(e) => {
          const given = [...(e.target.files ?? [])];
          e.target.value = "";
          void (async () => {
            const files = props.folder ? await folderWorkbooks(given) : given;
            if (files.length > 0) props.onFiles(files);
            else if (given.length > 0) props.onNone?.();
          })();
        }}
      />
      <Button
        appearance={props.appearance ?? "secondary"}
        size={props.size ?? "medium"}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
    </>
  );
}

/** The first screen's second way in: several counties' workbooks at once, or their folders, for the league summary. */
export function OpenCounties(props: { lang: Lang; disabled: boolean; onFiles(files: CountyFile[]): void }) {
  const { lang } = props;
  const styles = usePaneStyles();
  /** why what was given opened nothing: a dropped folder too big to walk, or a folder of no workbook */
  const [nothing, setNothing] = useState<NothingDropped | null>(null);
  /** a drop, its folders walked: the county workbooks in them, unless there are too many files to walk */
  const dropped = async (data: DataTransfer) => {
    const read = await droppedWorkbooks(data);
    if (read === null) return;
    setNothing("nothing" in read ? read.nothing : null);
    if ("files" in read) props.onFiles(read.files);
  };
  return (
    <section className={styles.step} aria-labelledby="open-counties">
      <h2 id="open-counties" className={styles.stepTitle}>
        {t(lang, "leagueTitle")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "leagueHelp")}
      </Text>
      <DropZone
        name="counties"
        disabled={props.disabled}
        onFiles={props.onFiles}
        onDropped={(data) => void dropped(data)}
      >
        <Text>{t(lang, "leagueDropHere")}</Text>
        <CountyFilesInput
          lang={lang}
          id="county-files"
          label={t(lang, "leagueChooseFiles")}
          disabled={props.disabled}
          onFiles={props.onFiles}
        />
        <CountyFilesInput
          lang={lang}
          id="county-folder"
          label={t(lang, "leagueChooseFolder")}
          disabled={props.disabled}
          folder
          onFiles={(files) => {
            setNothing(null);
            props.onFiles(files);
          }}
          onNone={() => setNothing("empty")}
        />
      </DropZone>
      {nothing === "tooMany" && (
        <MessageBar intent="error" layout="multiline" data-folder-too-many>
          <MessageBarBody>{t(lang, "leagueFolderTooMany", { max: MAX_FOLDER_ENTRIES })}</MessageBarBody>
        </MessageBar>
      )}
      {nothing === "empty" && (
        <MessageBar intent="warning" layout="multiline" data-folder-empty>
          <MessageBarBody>{t(lang, "leagueFolderEmpty")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
