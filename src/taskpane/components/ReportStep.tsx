import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
} from "@fluentui/react-components";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../styles";
import type { PendingConfirm } from "../useCheckFlow";

export interface ReportStepProps {
  lang: Lang;
  /** errors block the report */
  blocked: boolean;
  writing: boolean;
  disabled: boolean;
  /** sheets written from this table so far */
  written: string[];
  onWrite(): void;
}

/** Step 4: write the report sheets (达标情况, 差异系数, 汇总). */
export function ReportStep(props: ReportStepProps) {
  const { lang } = props;
  const styles = usePaneStyles();
  return (
    <section className={styles.step} aria-labelledby="step-report">
      <h2 id="step-report" className={styles.stepTitle}>
        {t(lang, "stepReport")}
      </h2>
      <div className={styles.row}>
        <Button appearance="primary" disabled={props.blocked || props.disabled} onClick={props.onWrite}>
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
          {t(lang, "reportWritten", { sheets: props.written.join(lang === "zh" ? "、" : ", ") })}
        </Text>
      )}
    </section>
  );
}

/** Asks before replacing report sheets the add-in made earlier; nothing else is ever replaced. */
export function ConfirmReplaceDialog(props: { lang: Lang; confirm: PendingConfirm | null }) {
  const { lang, confirm } = props;
  const sep = lang === "zh" ? "、" : ", ";
  return (
    <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && confirm?.resolve(false)}>
      <DialogSurface aria-describedby="confirm-replace-body" style={{ maxWidth: "min(92vw, 420px)" }}>
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
