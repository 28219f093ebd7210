import { Button, Text } from "@fluentui/react-components";
import { useRef } from "react";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../../taskpane/styles";
import { DropZone } from "../DropZone";
import { SPREADSHEET_ACCEPT } from "../../xlsx/spreadsheetFiles";

/**
 * A button that opens the browser's file chooser: by default for several county workbooks, for the league's view
 * (on the web app's first screen and, as “add files”, on the league screen); with `accept` and `single`, for one
 * file of another kind (the league screen's unit costs file).
 */
export function CountyFilesInput(props: {
  lang: Lang;
  id?: string;
  label: string;
  disabled?: boolean;
  appearance?: "primary" | "secondary";
  size?: "small" | "medium";
  /** the file types offered; county workbooks by default */
  accept?: string;
  /** one file only */
  single?: boolean;
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={input}
        id={props.id}
        type="file"
        multiple={!props.single}
        hidden
        accept={props.accept ?? SPREADSHEET_ACCEPT}
        aria-label={props.label}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length > 0) props.onFiles(files);
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

/** The first screen's second way in: several counties' workbooks at once, for the league summary. */
export function OpenCounties(props: { lang: Lang; disabled: boolean; onFiles(files: File[]): void }) {
  const { lang } = props;
  const styles = usePaneStyles();
  return (
    <section className={styles.step} aria-labelledby="open-counties">
      <h2 id="open-counties" className={styles.stepTitle}>
        {t(lang, "leagueTitle")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "leagueHelp")}
      </Text>
      <DropZone name="counties" disabled={props.disabled} onFiles={props.onFiles}>
        <Text>{t(lang, "leagueDropHere")}</Text>
        <CountyFilesInput
          lang={lang}
          id="county-files"
          label={t(lang, "leagueChooseFiles")}
          disabled={props.disabled}
          onFiles={props.onFiles}
        />
      </DropZone>
    </section>
  );
}
