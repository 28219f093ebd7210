import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { PUNCTUATION, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { cellInMessage, groupProblems, problemMessage, type Problem } from "../../problems/problem";
import { usePaneStyles } from "../styles";

export interface ProblemsStepProps {
  lang: Lang;
  problems: readonly Problem[];
  onSelectCell(cell: string): void;
  onRecheck(): void;
  busy: boolean;
  /** where the cells cannot be edited (the web app): how errors in them are fixed */
  fixHint?: FixHint;
}

/** How a host's errors are fixed where its cells cannot be edited: those in cells, and those of a column. */
export interface FixHint {
  /** an error in a cell: in the file, elsewhere */
  cells: string;
  /** an error that a column matched otherwise may cure: in step 2 */
  columns: string;
}

/**
 * The words of a fix hint that apply to `errors`: none for an error the problem itself says how to fix in the pane
 * (which county to evaluate is chosen in step 2); the cells' words only where such an error names a cell.
 */
function applicableHint(hint: FixHint | undefined, errors: readonly Problem[], lang: Lang): string | null {
  const ours = errors.filter((p) => !p.how);
  if (!hint || ours.length === 0) return null;
  return [...(ours.some((p) => p.cell !== null) ? [hint.cells] : []), hint.columns].join(
    PUNCTUATION[lang].sentence,
  );
}

const PAGE = 20;

/**
 * One problem as a button: its cell (or 整表), then its message; a click selects the cell. A message that opens
 * with its own cell (`学校!F3“初中在校生数”为负数`) is shown after the cell without it, not with the cell twice.
 */
export function ProblemButton(props: { lang: Lang; problem: Problem; onSelectCell(cell: string): void }) {
  const { lang, problem: p } = props;
  const styles = usePaneStyles();
  const message = problemMessage(p, lang, "pane");
  const shown =
    p.cell && cellInMessage(message, p.cell) === 0 ? message.slice(p.cell.length).trim() : message;
  return (
    <button
      type="button"
      className={styles.problem}
      disabled={p.cell === null}
      onClick={() => p.cell && props.onSelectCell(p.cell)}
      data-problem={p.code}
      data-print-as-text
    >
      <span className={styles.cell}>{p.cell ?? t(lang, "problemNoCell")}</span>
      <span>{shown}</span>
    </button>
  );
}

/** A titled list of problems, a page at a time, those of many cells of a column as one; a click on one with a cell selects it. */
export function ProblemGroup(props: {
  lang: Lang;
  title: string;
  problems: readonly Problem[];
  onSelectCell(cell: string): void;
}) {
  const styles = usePaneStyles();
  const [shown, setShown] = useState(PAGE);
  const { lang } = props;
  // many cells of a column with the same problem are one line, their range a click selects
  const problems = useMemo(() => groupProblems(props.problems), [props.problems]);
  if (problems.length === 0) return null;
  const rest = problems.length - shown;
  return (
    <div>
      <h3 className={styles.stepTitle}>{props.title}</h3>
      <ul className={styles.list} aria-label={props.title}>
        {/* all of them in the page, those past the page shown hidden on screen only: a printout lists them all */}
        {problems.map((p, i) => (
          <li
            key={`${p.code}-${p.cell ?? ""}-${i}`}
            className={i < shown ? undefined : styles.printedOnly}
            data-printed-only={i < shown ? undefined : ""}
          >
            <ProblemButton lang={lang} problem={p} onSelectCell={props.onSelectCell} />
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <Button
          size="small"
          appearance="subtle"
          className={styles.screenOnly}
          onClick={() => setShown(shown + PAGE * 5)}
        >
          {t(lang, "problemsShowMore", { n: Math.min(rest, PAGE * 5) })}
        </Button>
      )}
    </div>
  );
}

/** A step's title, its number (`3. `) on screen only: a printed page of results has no steps 1, 2 and 4. */
function StepName({ title }: { title: string }) {
  const styles = usePaneStyles();
  const numbered = /^(\d+\.\s*)(.*)$/su.exec(title);
  if (!numbered) return <>{title}</>;
  return (
    <>
      <span className={styles.screenOnly}>{numbered[1]}</span>
      {numbered[2]}
    </>
  );
}

/** Step 3: the reader's problems, errors first; a click selects the cell in the sheet. */
export function ProblemsStep(props: ProblemsStepProps) {
  const { lang, problems } = props;
  const styles = usePaneStyles();
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const hint = applicableHint(props.fixHint, errors, lang);
  return (
    <section className={styles.step} aria-labelledby="step-check" data-printed>
      <h2 id="step-check" className={styles.stepTitle}>
        <StepName title={t(lang, "stepCheck")} />
      </h2>
      {errors.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {t(lang, "problemsErrorsBlock", { n: errors.length })}
            {/* a click goes to a cell only where a problem names one */}
            {problems.some((p) => p.cell !== null) &&
              `${PUNCTUATION[lang].sentence}${t(lang, "problemsClickCell")}`}
            {hint && (
              <div className={styles.screenOnly} data-fix-hint>
                {hint}
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : warnings.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t(lang, "problemsWarningsOnly", { n: warnings.length })}</MessageBarBody>
        </MessageBar>
      ) : (
        // a result the clerk asked for, said after what is being read: politely (Fluent says success assertively)
        <MessageBar intent="success" politeness="polite">
          <MessageBarBody>{t(lang, "problemsNone")}</MessageBarBody>
        </MessageBar>
      )}
      <ProblemGroup
        lang={lang}
        title={t(lang, "problemsErrors", { n: errors.length })}
        problems={errors}
        onSelectCell={props.onSelectCell}
      />
      <ProblemGroup
        lang={lang}
        title={t(lang, "problemsWarnings", { n: warnings.length })}
        problems={warnings}
        onSelectCell={props.onSelectCell}
      />
      {problems.length > 0 && (
        <div className={`${styles.row} ${styles.screenOnly}`}>
          <Button size="small" disabled={props.busy} onClick={props.onRecheck}>
            {t(lang, "recheck")}
          </Button>
        </div>
      )}
    </section>
  );
}
