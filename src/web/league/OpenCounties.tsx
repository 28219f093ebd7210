import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../../taskpane/styles";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/**
 * The chooser of several county workbooks, for the league's view: a file input taking many files, and a zone to
 * drop them on. Used on the web app's first screen and, as “add files”, on the league screen.
 */
export function CountyFilesInput(props: {
  lang: Lang;
  id: string;
  label: string;
  disabled?: boolean;
  appearance?: "primary" | "secondary";
  size?: "small" | "medium";
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <input
        ref={input}
        id={props.id}
        type="file"
        multiple
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
  const own = useStyles();
  const [over, setOver] = useState(false);
  return (
    <section className={styles.step} aria-labelledby="open-counties">
      <h2 id="open-counties" className={styles.stepTitle}>
        {t(lang, "leagueTitle")}
      </h2>
      <Text size={200} className={styles.note}>
        {t(lang, "leagueHelp")}
      </Text>
      <div
        className={`${own.drop} ${over ? own.dropActive : ""}`}
        data-league-drop
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          // dropped here, even one file is a county of the league: the page's own drop handler is not told
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          const files = [...e.dataTransfer.files];
          if (files.length > 0 && !props.disabled) props.onFiles(files);
        }}
      >
        <Text>{t(lang, "leagueDropHere")}</Text>
        <CountyFilesInput
          lang={lang}
          id="county-files"
          label={t(lang, "leagueChooseFiles")}
          disabled={props.disabled}
          onFiles={props.onFiles}
        />
      </div>
    </section>
  );
}
