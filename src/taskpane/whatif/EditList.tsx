import { Button, Text } from "@fluentui/react-components";
import { describeEdit, type Edit, type EditEffect, type EditProblem } from "../../engine/scenario";
import { withoutEditPlace } from "../../engine/edits";
import { editCostWords, whatIfCostWords, type WhatIfCost } from "../../engine/whatifCost";
import type { Profile } from "../../standard/profile";
import type { Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { usePaneStyles } from "../styles";
import { paneEditMessage } from "./equipment";

export interface EditListProps {
  lang: Lang;
  profile: Profile;
  edits: readonly Edit[];
  /** indexes of the edits the engine applied */
  applied: readonly number[];
  /** what the engine said of the edits, each naming its edit's index */
  problems: readonly EditProblem[];
  /** what the applied edits cost at the plan's unit costs (docs/plans.md#whatif-cost) */
  cost: WhatIfCost;
  /** what the engine said each structural edit moved or dropped, each naming its edit's index */
  effects?: readonly EditEffect[];
  onRemove(index: number): void;
  onUndo(): void;
  onClear(): void;
}

/**
 * 修改清单: the edits in the order they apply, numbered as the engine counts them (第 3 项), each removable, each
 * with what the engine said of it: why it was not applied (a school an earlier edit closed, a level the school
 * lacks) or what to check (a school closed with its pupils, equipment that looks like 万元), and what a merger,
 * a closure, a new school or a transfer moved or dropped.
 */
export function EditList(props: EditListProps) {
  const { lang, profile, edits } = props;
  const styles = usePaneStyles();
  // what the engine said, in the pane's words (equipment in 万元); what never applies to the pane's edits left out
  const worded = (place: boolean) =>
    props.problems.flatMap((p) => {
      const message = paneEditMessage(p, lang, place ? withoutEditPlace(p.message[lang]) : p.message[lang]);
      return message === null ? [] : [{ ...p, message }];
    });
  const saidOf = (index: number) => worded(true).filter((p) => p.edit === index);
  // the whole list's problems (none the pane's own edits make) still show
  const unplaced = worded(false).filter((p) => p.edit === null || p.edit >= edits.length);
  // an applied edit's cost in words; none for an edit not applied, which changes nothing
  const costText = (index: number) => {
    const c = props.cost.edits.find((x) => x.edit === index);
    return c ? editCostWords(c, lang) : null;
  };
  return (
    // printed with the what-if's results: what was assumed is half of what is signed for
    <div data-printed>
      <div className={styles.row}>
        <h2 className={styles.stepTitle}>
          {t(lang, "whatifEdits")}
          {lang === "zh" ? `（${edits.length}）` : ` (${edits.length})`}
        </h2>
        {/* focusable while unusable: the last edit undone or the list cleared, the button pressed can do no more,
          and a disabled one would drop the focus to <body> */}
        <Button size="small" disabledFocusable={edits.length === 0} onClick={props.onUndo}>
          {t(lang, "whatifUndo")}
        </Button>
        <Button size="small" disabledFocusable={edits.length === 0} onClick={props.onClear}>
          {t(lang, "whatifClear")}
        </Button>
      </div>
      {edits.length === 0 ? (
        <Text className={styles.note}>{t(lang, "whatifNoEdits")}</Text>
      ) : (
        <ol className={styles.bullets} aria-label={t(lang, "whatifEdits")}>
          {edits.map((e, i) => (
            <li key={i} data-edit={i} data-applied={props.applied.includes(i) ? "yes" : "no"}>
              <span data-edit-text>{describeEdit(e, profile, lang)}</span>{" "}
              <Button
                size="small"
                appearance="subtle"
                aria-label={t(lang, "whatifRemove", { n: i + 1 })}
                title={t(lang, "whatifRemove", { n: i + 1 })}
                onClick={() => props.onRemove(i)}
              >
                ✕
              </Button>
              {props.effects
                ?.filter((e) => e.edit === i)
                .map((e, k) => (
                  <Text key={`effect-${k}`} block size={200} data-edit-effect>
                    {e.words[lang]}
                  </Text>
                ))}
              {costText(i) && (
                <Text block size={200} className={styles.note} data-edit-cost>
                  {t(lang, "whatifCostOf", { cost: costText(i) ?? "" })}
                </Text>
              )}
              {saidOf(i).map((p, k) => (
                <Text
                  key={k}
                  block
                  size={200}
                  className={p.severity === "error" ? styles.mappingMissing : styles.note}
                >
                  {t(lang, p.severity === "error" ? "whatifNotApplied" : "whatifWarning", {
                    message: p.message,
                  })}
                </Text>
              ))}
            </li>
          ))}
        </ol>
      )}
      {props.cost.edits.length > 0 && (
        <>
          <Text block weight="semibold" data-whatif-cost>
            {whatIfCostWords(props.cost, lang)}
          </Text>
          <Text block size={200} className={styles.note}>
            {t(lang, "whatifCostSource")}
          </Text>
        </>
      )}
      {unplaced.map((p, i) => (
        <Text key={i} className={styles.note} block>
          {p.message}
        </Text>
      ))}
    </div>
  );
}
