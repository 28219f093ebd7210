import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useRef } from "react";
import type { Lang } from "../i18n/format";
import { t } from "../i18n/messages";
import { usePaneStyles } from "../taskpane/styles";
import { DropZone } from "./DropZone";
import { COUNTY_FILES_ACCEPT } from "../xlsx/spreadsheetFiles";

export interface OpenWorkbookProps {
  lang: Lang;
  /** the file being read, if any */
  reading: string | null;
  /** why the last file could not be opened */
  error: string | null;
  onFile(file: File): void;
  /** several files dropped at once: the counties of the league summary */
  onFiles(files: File[]): void;
  /** a drop, when the app reads more than its files (the folders dropped, walked); then `onFiles` is not told */
  onDropped?(data: DataTransfer): void;
  onSample(): void;
}

/** The first screen's heading: the focus goes there when the clerk comes back to the screen. */
export const OPEN_HEADING = "open-workbook";

/** The web app's first screen: choose or drop an .xlsx (or an old .xls), or try the sample county. */
export function OpenWorkbook(props: OpenWorkbookProps) {
  const { lang } = props;
  const styles = usePaneStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const busy = props.reading !== null;

  return (
    <section className={styles.step} aria-labelledby={OPEN_HEADING}>
      <h2 id={OPEN_HEADING} className={styles.stepTitle} tabIndex={-1}>
        {t(lang, "webOpenTitle")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "webOpenHelp")}
      </Text>
      <DropZone
        name="workbook"
        disabled={busy}
        onFiles={(files) => (files.length > 1 ? props.onFiles(files) : props.onFile(files[0]))}
        onDropped={props.onDropped}
      >
        <Text>{t(lang, "webDropHere")}</Text>
        <input
          ref={input}
          id="workbook-file"
          className={styles.fileInput}
          // the button below opens it: one stop for the keyboard, not an invisible one before it, and one button
          // 选择工作簿… for a screen reader, not a second one it reads out and the eye cannot find
          tabIndex={-1}
          aria-hidden
          type="file"
          // a county's workbook sent zipped is read from the archive, as the league's files are
          accept={COUNTY_FILES_ACCEPT}
          aria-label={t(lang, "webChooseFile")}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) props.onFile(file);
          }}
        />
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
          {t(lang, "webChooseFile")}
        </Button>
        {busy && <Spinner size="tiny" label={t(lang, "webReading", { file: props.reading ?? "" })} />}
      </DropZone>
      {props.error && (
        <MessageBar intent="error" layout="multiline" data-open-error>
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={props.onSample}>
          {t(lang, "webTrySample")}
        </Button>
      </div>
    </section>
  );
}
