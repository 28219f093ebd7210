import { Badge, Button, Dropdown, Input, Option, Text } from "@fluentui/react-components";
import { useState } from "react";
import { PUNCTUATION, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import type { RecipeReading } from "../../sheet/recipe/reading";
import { columnById } from "../../standard/columns";
import { usePaneStyles } from "../styles";

export interface RecipeStepProps {
  lang: Lang;
  recipe: RecipeReading;
  /** whether the recipe is the clerk's changed one, saved in the workbook */
  changed: boolean;
  busy: boolean;
  onCounty(county: string): void;
  /** false when the line says no derivation the table has */
  onDerivation(field: string, text: string): Promise<boolean>;
  onReset(): void;
  onConvert(): void;
  /** false where the changes cannot be kept in the workbook (the web app): they last while it is open */
  kept?: boolean;
}

const fieldName = (id: string, lang: Lang) => {
  const column = columnById(id);
  return column ? column[lang] : id;
};

/** One field: its derivation and source cells, and a line to change it. */
function FieldRow(props: {
  lang: Lang;
  field: RecipeReading["fields"][number];
  busy: boolean;
  onDerivation(field: string, text: string): Promise<boolean>;
}) {
  const { lang, field } = props;
  const styles = usePaneStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const name = fieldName(field.field, lang);
  const cells = field.columns.map((c) => c.cell).filter((c): c is string => c !== null);
  return (
    <li className={styles.recipeField} data-field={field.field}>
      <span className={styles.mappingLabel}>{name}</span>
      <span className={styles.recipeDerivation} data-derivation>
        {field.text}
      </span>
      {cells.length > 0 && (
        <Text size={100} className={styles.note}>
          {t(lang, "recipeSources", { cells: cells.join(PUNCTUATION[lang].list) })}
        </Text>
      )}
      {editing === null ? (
        <div>
          <Button
            size="small"
            appearance="subtle"
            aria-label={`${t(lang, "recipeEdit")} ${name}`}
            disabled={props.busy}
            onClick={() => {
              setInvalid(false);
              setEditing(field.formula);
            }}
          >
            {t(lang, "recipeEdit")}
          </Button>
        </div>
      ) : (
        <div className={styles.row}>
          <Input
            size="small"
            className={styles.recipeInput}
            aria-label={name}
            value={editing}
            onChange={(_, data) => setEditing(data.value)}
          />
          <Button
            size="small"
            appearance="primary"
            disabled={props.busy}
            onClick={() => {
              void props.onDerivation(field.field, editing).then((ok) => {
                setInvalid(!ok);
                if (ok) setEditing(null);
              });
            }}
          >
            {t(lang, "recipeApply")}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setEditing(null)}>
            {t(lang, "recipeCancel")}
          </Button>
          {invalid && (
            <Text size={200} className={styles.mappingMissing} role="alert">
              {t(lang, "recipeInvalid")}
            </Text>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * Step 2 for a statistics export read through a recipe (docs/import.md): the county to evaluate, each field's
 * derivation with its source cells and a line to change it, and the conversion to the canonical school table.
 */
export function RecipeStep(props: RecipeStepProps) {
  const { lang, recipe } = props;
  const styles = usePaneStyles();
  const name = recipe.name?.[lang] ?? recipe.id ?? "";
  const several = recipe.counties.length > 1;
  return (
    <section className={styles.step} aria-labelledby="step-columns" data-recipe={recipe.id ?? ""}>
      <h2 id="step-columns" className={styles.stepTitle}>
        {t(lang, "stepColumns")}
      </h2>
      <Text size={200}>
        {t(lang, "recipeReadBy", { name })}
        {recipe.recognised && t(lang, "recipeRecognised")}{" "}
        {props.changed && (
          <Badge size="small" appearance="tint" color="warning">
            {t(lang, "recipeChanged")}
          </Badge>
        )}
      </Text>
      {several && (
        <div className={styles.row}>
          <Text size={200}>{t(lang, "recipeCounty")}</Text>
          <Dropdown
            size="small"
            className={styles.dropdown}
            aria-label={t(lang, "recipeCounty")}
            value={recipe.county ?? t(lang, "recipeCountyNone")}
            selectedOptions={recipe.county ? [recipe.county] : []}
            disabled={props.busy}
            onOptionSelect={(_, data) => {
              if (data.optionValue && data.optionValue !== recipe.county) props.onCounty(data.optionValue);
            }}
          >
            {recipe.counties.map((county) => (
              <Option key={county} value={county}>
                {county}
              </Option>
            ))}
          </Dropdown>
        </div>
      )}
      {several && recipe.county === null && (
        <Text size={200} className={styles.mappingMissing}>
          {t(lang, "recipeCountyAsk", { n: recipe.counties.length })}
        </Text>
      )}
      <Text size={200} className={styles.note}>
        {t(lang, "recipeFieldsHelp")}
        {PUNCTUATION[lang].sentence}
        {t(lang, props.kept === false ? "recipeSession" : "recipeKept")}
      </Text>
      <ul className={styles.list} aria-label={t(lang, "stepColumns")}>
        {recipe.fields.map((field) => (
          <FieldRow
            key={field.field}
            lang={lang}
            field={field}
            busy={props.busy}
            onDerivation={props.onDerivation}
          />
        ))}
      </ul>
      {recipe.unbound.map((u) => (
        <Text key={u.field} size={200} className={styles.mappingMissing}>
          {fieldName(u.field, lang)}：{t(lang, "recipeNotFound", { missing: u.missing.join("、") })}
        </Text>
      ))}
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          disabled={props.busy || recipe.table.rows.length === 0}
          onClick={props.onConvert}
        >
          {t(lang, "convertToTable")}
        </Button>
        {props.changed && (
          <Button size="small" appearance="subtle" disabled={props.busy} onClick={props.onReset}>
            {t(lang, "recipeReset")}
          </Button>
        )}
      </div>
      <Text size={200} className={styles.note}>
        {t(lang, "convertHelp")}
      </Text>
    </section>
  );
}
