import {
  Field,
  SpinButton,
  type SpinButtonChangeEvent,
  type SpinButtonOnChangeData,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatNumber, parseNumberInput, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";

export interface NumberFieldProps {
  lang: Lang;
  label: string;
  value: number;
  /** decimals shown; a whole number is shown without */
  decimals: number;
  step: number;
  /** called with each number the user sets, by typing or with the arrows; never below 0 */
  onValue(value: number): void;
  /** what the engine said of the number set, shown while the field has no error of its own */
  message?: string;
}

/** A number as the field shows it: whole numbers without decimals, others with `decimals`. */
export function fieldText(value: number, decimals: number, lang: Lang): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : decimals, lang);
}

/**
 * A number the user may type as the pane shows it (`7,399`, `7399`, full-width `７３９９`) or step with the
 * arrows. Text that is not a number is not silently dropped: the field says what it could not read.
 */
export function NumberField(props: NumberFieldProps) {
  const { lang, label, value } = props;
  const [error, setError] = useState<string | null>(null);
  const change = (_e: SpinButtonChangeEvent, data: SpinButtonOnChangeData) => {
    let next: number | null = data.value ?? null;
    if (next === null && data.displayValue !== undefined) {
      next = parseNumberInput(data.displayValue);
      if (next === null) {
        setError(t(lang, "numberUnreadable", { text: data.displayValue.trim() }));
        return;
      }
    }
    if (next === null) return;
    if (next < 0) {
      setError(t(lang, "numberNegative"));
      return;
    }
    setError(null);
    props.onValue(next);
  };
  const shown = error ?? props.message ?? null;
  return (
    <Field label={label} validationState={shown ? "error" : "none"} validationMessage={shown ?? undefined}>
      <SpinButton
        value={value}
        displayValue={fieldText(value, props.decimals, lang)}
        min={0}
        step={props.step}
        onChange={change}
        aria-label={label}
        incrementButton={{ "aria-label": t(lang, "stepUp") }}
        decrementButton={{ "aria-label": t(lang, "stepDown") }}
      />
    </Field>
  );
}
