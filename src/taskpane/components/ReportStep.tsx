import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { PUNCTUATION, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../styles";
import type { PendingConfirm } from "../useCheckFlow";
import { typedCounty, yearIsWrong, type TitleFields } from "../reportTitle";
import { controlsRemovedWords } from "../../engine/names";

export interface ReportStepProps {
  lang: Lang;
  /** errors block the report */
  blocked: boolean;
  writing: boolean;
  disabled: boolean;
  /** sheets written from this table so far */
  written: string[];
  /** the county and year for the titles, as typed */
  title: TitleFields;
  /** the county chosen from a statistics export of several: the titles' county when none is typed */
  chosenCounty?: string | null;
  onTitle(title: TitleFields): void;
  /** the clerk has finished typing (the field lost focus): the title is kept with the workbook */
  onTitleDone(): void;
  onWrite(): void;
}

/** Step 4: the county and year of the titles, then write the report sheets (汇总, 达标情况, 差异系数 …). */
export function ReportStep(props: ReportStepProps) {
  const { lang, title } = props;
  const styles = usePaneStyles();
  const wrongYear = yearIsWrong(title.year);
  // a county typed with controls goes by its name without them: the field says so (docs/school-table.md#names)
  const county = typedCounty(title);
  const cleaned =
    county.removed.length > 0
      ? t(lang, "reportCountyControls", { words: controlsRemovedWords(county.removed, county.name)[lang] })
      : undefined;
  return (
    <section className={styles.step} aria-labelledby="step-report">
      <h2 id="step-report" className={styles.stepTitle}>
        {t(lang, "stepReport")}
      </h2>
      <div className={styles.titleGrid}>
        <Field
          label={t(lang, "reportCounty")}
          validationState={cleaned ? "warning" : "none"}
          validationMessage={cleaned}
        >
          <Input
            className={styles.fillInput}
            value={title.county}
            placeholder={props.chosenCounty ?? t(lang, "reportCountyPlaceholder")}
            onChange={(_, data) => props.onTitle({ ...title, county: data.value })}
            onBlur={props.onTitleDone}
          />
        </Field>
        <Field
          label={t(lang, "reportYear")}
          validationState={wrongYear ? "error" : "none"}
          validationMessage={wrongYear ? t(lang, "reportYearWrong") : undefined}
        >
          <Input
            className={styles.fillInput}
            value={title.year}
            placeholder={t(lang, "reportYearPlaceholder")}
            onChange={(_, data) => props.onTitle({ ...title, year: data.value })}
            onBlur={props.onTitleDone}
          />
        </Field>
      </div>
      <Text size={200} className={styles.note}>
        {t(lang, "reportTitleHelp")}
      </Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={props.blocked || props.disabled || wrongYear}
          onClick={props.onWrite}
        >
          {t(lang, "makeReport")}
        </Button>
        {props.writing && <Spinner size="tiny" label={t(lang, "writing")} />}
      </div>
      {props.blocked && (
        <Text size={200} className={styles.note}>
          {t(lang, "reportBlocked")}
        </Text>
      )}
      {props.written.length > 0 && !props.writing && (
        <Text size={200} role="status" data-written={props.written.join("|")}>
          {t(lang, "reportWritten", { sheets: props.written.join(PUNCTUATION[lang].list) })}
        </Text>
      )}
    </section>
  );
}

/**
 * The dialog's surface and backdrop fill the window as Fluent UI places them (`inset: 0`), in longhands too: a
 * browser before Chrome 87 (360 安全浏览器 13's kernel is Chromium 86) knows no `inset`, and there showed the surface
 * at the page's top left with no backdrop.
 */
const FILL_WINDOW = { top: 0, right: 0, bottom: 0, left: 0 } as const;

/** Asks before replacing report sheets the add-in made earlier; nothing else is ever replaced. */
export function ConfirmReplaceDialog(props: { lang: Lang; confirm: PendingConfirm | null }) {
  const { lang, confirm } = props;
  const sep = PUNCTUATION[lang].list;
  return (
    <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && confirm?.resolve(false)}>
      <DialogSurface
        aria-describedby="confirm-replace-body"
        style={{ ...FILL_WINDOW, maxWidth: "min(92vw, 420px)" }}
        backdrop={{ style: FILL_WINDOW }}
      >
        <DialogBody>
          <DialogTitle>{t(lang, "confirmTitle")}</DialogTitle>
          <DialogContent id="confirm-replace-body">
            {t(lang, "confirmBody", { sheets: (confirm?.sheets ?? []).join(sep) })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => confirm?.resolve(true)}>
              {t(lang, "confirmReplace")}
            </Button>
            <Button onClick={() => confirm?.resolve(false)}>{t(lang, "cancel")}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
