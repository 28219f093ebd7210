import { Button, MessageBar, MessageBarBody, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PUNCTUATION, type Lang } from "../../i18n/format";
import { t } from "../../i18n/messages";
import { schoolAndWhat, type CountyItem, type CountyItems } from "../../report/allItems";
import type { Readiness } from "../../engine/county/readiness";
import { groupProblems, type Problem } from "../../problems/problem";
import type { CountyNameSource } from "../../sheet/countyName";
import { supplyHintLines, type SupplyHint } from "../../sheet/recipe/supply";
import { SCHOOL_TABLE_LIMITS } from "../../standard/county";
import { usePaneStyles } from "../styles";
import { ProblemButton } from "./ProblemsStep";

export interface ChecklistViewProps {
  lang: Lang;
  county: CountyItems;
  /** the county sheet read (县级指标), or null: every item it answers is then missing */
  countySheet: string | null;
  countyProblems: readonly Problem[];
  /** what the export read leaves items 3 and 5 without, and how to add it; null when nothing */
  supply?: SupplyHint | null;
  /** the county's readiness for its target year, where the profile's plan knows the county; null otherwise */
  readiness?: Readiness | null;
  /** what named the county of `readiness` */
  countyFrom?: "given" | CountyNameSource | null;
  busy: boolean;
  onReadCountySheet(): void;
  /** inserts a blank county sheet to fill in */
  onInsertCountySheet(): void;
  onSelectCell(cell: string): void;
}

type Filter = "all" | "fail" | "missing";

const PART_NAMES: Record<CountyItem["part"], { zh: string; en: string }> = {
  resources: { zh: "资源配置", en: "Resources" },
  guarantee: { zh: "政府保障程度", en: "Government guarantee" },
  quality: { zh: "教育质量", en: "Education quality" },
  recognition: { zh: "社会认可度", en: "Social recognition" },
  vetoes: { zh: "一票否决", en: "Vetoes" },
};

/** A small status mark drawn as SVG: a tick in green, a cross in red, a dash in amber. */
function StatusIcon({ status }: { status: CountyItem["status"] }) {
  const color =
    status === "pass"
      ? tokens.colorPaletteGreenForeground1
      : status === "fail"
        ? tokens.colorPaletteRedForeground1
        : tokens.colorPaletteMarigoldForeground1;
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" style={{ flex: "none", marginTop: 2 }}>
      <circle cx="7" cy="7" r="6.25" fill="none" stroke={color} strokeWidth="1.5" />
      {status === "pass" && <path d="M4 7.2l2 2 4-4.4" fill="none" stroke={color} strokeWidth="1.6" />}
      {status === "fail" && <path d="M4.6 4.6l4.8 4.8M9.4 4.6l-4.8 4.8" stroke={color} strokeWidth="1.6" />}
      {status === "missing" && <path d="M4.2 7h5.6" stroke={color} strokeWidth="1.6" />}
    </svg>
  );
}

const STATUS_KEY = { pass: "statusPass", fail: "statusFail", missing: "statusMissing" } as const;

/** The schools (and cells) an item names on screen before "N more"; a printout names them all. */
const SCHOOLS_SHOWN = 8;

/** A month given as YYYY-MM, as the clerk reads it: 2026 年 9 月, or 2026-09. */
function monthOf(month: string, lang: Lang): string {
  const [year, m] = month.split("-");
  return lang === "zh" && m !== undefined ? `${year} 年 ${Number(m)} 月` : month;
}

const FROM_KEY = {
  table: "readinessFromTable",
  countySheet: "readinessFromCountySheet",
  tableTitle: "readinessFromTableTitle",
  file: "readinessFromFile",
} as const;

/**
 * The county's readiness for its target year (engine/county/readiness.ts), as `balance evaluate --county` prints
 * it: the years left, each part's failing and missing items counted, the starting-grade rule, and what named the
 * county when the clerk did not.
 */
function ReadinessBlock(props: {
  lang: Lang;
  readiness: Readiness;
  from: "given" | CountyNameSource | null;
}) {
  const { lang, readiness: r } = props;
  const styles = usePaneStyles();
  const left =
    r.yearsRemaining > 0
      ? t(lang, "readinessYearsLeft", { n: r.yearsRemaining })
      : r.yearsRemaining === 0
        ? t(lang, "readinessThisYear")
        : t(lang, "readinessYearsPast", { n: -r.yearsRemaining });
  const sep = PUNCTUATION[lang].clause;
  const partStatus = (failing: number, missing: number) =>
    failing === 0 && missing === 0
      ? t(lang, "readinessPass")
      : [
          failing > 0 ? t(lang, "readinessFailing", { n: failing }) : "",
          missing > 0 ? t(lang, "readinessMissing", { n: missing }) : "",
        ]
          .filter(Boolean)
          .join(sep);
  const grades = r.startingGrades;
  return (
    <div className={styles.small} data-readiness={r.county}>
      <Text weight="semibold">
        {t(lang, "readinessTarget", { county: r.county, year: r.targetYear, left })}
      </Text>
      <ul className={styles.list}>
        {r.parts.map((p) => (
          <li key={p.part} data-readiness-part={p.part} data-status={p.status}>
            {t(lang, "readinessPart", {
              part: p.partName[lang],
              status: partStatus(p.failing.length, p.missing.length),
            })}
          </li>
        ))}
        {grades.from !== null && (
          <li data-readiness-part="startingGrades" data-status={grades.status}>
            {t(lang, "readinessStartingGrades", {
              from: monthOf(grades.from, lang),
              primary: SCHOOL_TABLE_LIMITS.classSize.primary,
              junior: SCHOOL_TABLE_LIMITS.classSize.junior,
              status: grades.inForce ? t(lang, STATUS_KEY[grades.status]) : t(lang, "readinessNotInForce"),
            })}
          </li>
        )}
      </ul>
      {props.from !== null && props.from !== "given" && (
        <div className={styles.note}>
          {t(lang, "readinessFrom", { source: t(lang, FROM_KEY[props.from]) })}
        </div>
      )}
    </div>
  );
}

/**
 * 全部指标: every item of the county verdict as the engine decided it, filterable to what fails or is missing. On
 * paper every item is listed, whatever the filter, without the buttons that read or insert the county sheet.
 */
/** A cell named in the checklist, as a button that goes to it (printed as its address). */
function CellButton(props: { cell: string; onSelectCell: (cell: string) => void }) {
  const styles = usePaneStyles();
  return (
    <button
      type="button"
      className={styles.inlineCell}
      onClick={() => props.onSelectCell(props.cell)}
      data-print-as-text
    >
      {props.cell}
    </button>
  );
}

/** What the export lacks for items 3 and 5, each header to add with its schools, and how (sheet/recipe/supply.ts). */
function SupplyNote({ lang, hint }: { lang: Lang; hint: SupplyHint }) {
  const styles = usePaneStyles();
  const said = supplyHintLines(hint);
  return (
    <MessageBar intent="warning" layout="multiline" data-supply={hint.columns.length}>
      <MessageBarBody>
        {said.what[lang]}
        <ul className={styles.list}>
          {said.columns.map((c, i) => (
            <li key={hint.columns[i].id} data-supply-column={hint.columns[i].header}>
              {c[lang]}
            </li>
          ))}
        </ul>
        {said.how[lang]}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ChecklistView(props: ChecklistViewProps) {
  const { lang, county } = props;
  const styles = usePaneStyles();
  const [filter, setFilter] = useState<Filter>("all");
  const sep = PUNCTUATION[lang].clause;
  const count = (status: CountyItem["status"]) => county.items.filter((i) => i.status === status).length;
  const shown = (item: CountyItem) => filter === "all" || item.status === filter;

  return (
    <section className={styles.step} aria-labelledby="all-items" data-printed>
      <h2 id="all-items" className={styles.stepTitle}>
        {t(lang, "tabAllItems")}
      </h2>
      <Text
        size={400}
        className={county.countyPass ? styles.verdictPass : styles.verdictFail}
        data-county-verdict={county.countyPass ? "pass" : "fail"}
      >
        {county.countyPass ? t(lang, "countyPass") : t(lang, "countyFail")}
      </Text>
      {props.readiness && (
        <ReadinessBlock lang={lang} readiness={props.readiness} from={props.countyFrom ?? null} />
      )}
      <Text size={200} className={styles.note}>
        {props.countySheet ? (
          t(lang, "countySheetRead", { sheet: props.countySheet })
        ) : (
          <>
            {t(lang, "countySheetNone")}
            {/* the buttons it names are controls, which paper leaves out */}
            <span className={styles.screenOnly} data-screen-only>
              {PUNCTUATION[lang].sentence}
              {t(lang, "countySheetNoneHow")}
            </span>
          </>
        )}
      </Text>
      <div className={styles.row}>
        <Button size="small" disabled={props.busy} onClick={props.onReadCountySheet}>
          {t(lang, "countySheetReadButton")}
        </Button>
        <Button size="small" disabled={props.busy} onClick={props.onInsertCountySheet}>
          {t(lang, "countySheetInsertButton")}
        </Button>
      </div>
      {props.supply && <SupplyNote lang={lang} hint={props.supply} />}
      {props.countyProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul className={styles.list}>
              {/* a column of uncalculated formulas is one line, its range selected by a click */}
              {groupProblems(props.countyProblems).map((p, i) => (
                <li key={i}>
                  <ProblemButton lang={lang} problem={p} onSelectCell={props.onSelectCell} />
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <TabList size="small" selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)}>
        <Tab value="all">
          {t(lang, "filterAll")}（{county.items.length}）
        </Tab>
        <Tab value="fail">
          {t(lang, "filterFailing")}（{count("fail")}）
        </Tab>
        <Tab value="missing">
          {t(lang, "filterMissing")}（{count("missing")}）
        </Tab>
      </TabList>
      <ul className={styles.list} aria-label={t(lang, "tabAllItems")}>
        {/* every item in the page, those the filter leaves out hidden on screen only: a printout lists them all */}
        {county.items.map((item) => {
          const requirement =
            typeof item.requirement === "string" ? item.requirement : item.requirement[lang];
          const schools = item.schools ?? [];
          const rows = item.rows ?? [];
          return (
            <li
              key={`${item.part}-${item.item}`}
              className={shown(item) ? styles.checkItem : `${styles.checkItem} ${styles.printedOnly}`}
              data-status={item.status}
              data-printed-only={shown(item) ? undefined : ""}
            >
              <StatusIcon status={item.status} />
              <div className={styles.small}>
                <div>
                  <span className={styles.note}>
                    {PART_NAMES[item.part][lang]} {item.item}
                  </span>{" "}
                  {item.name[lang]}
                  <span className={styles.note}>
                    {" · "}
                    {t(lang, STATUS_KEY[item.status])}
                  </span>
                </div>
                <div className={styles.note}>
                  {requirement}
                  {item.value !== null && item.value !== "" && `${sep}${t(lang, "countyValue")}${item.value}`}
                </div>
                {rows.length > 0 && (
                  <div>
                    {/* the county sheet's rows to fix: a cell to go to, or the row that is to be added */}
                    {rows.map((r, i) => (
                      <span key={i}>
                        {i > 0 && sep}
                        {r.cell ? (
                          <>
                            {r.code}
                            <CellButton cell={r.cell} onSelectCell={props.onSelectCell} />
                          </>
                        ) : (
                          r.place
                        )}
                      </span>
                    ))}
                  </div>
                )}
                {schools.length > 0 && (
                  <div>
                    {/* the first few on screen, with how many more; on paper every one */}
                    {schools.map((s, i) => (
                      <span
                        key={i}
                        className={i < SCHOOLS_SHOWN ? undefined : styles.printedOnly}
                        data-printed-only={i < SCHOOLS_SHOWN ? undefined : ""}
                      >
                        {i > 0 && sep}
                        {schoolAndWhat(s)}
                        {s.cell && <CellButton cell={s.cell} onSelectCell={props.onSelectCell} />}
                      </span>
                    ))}
                    {schools.length > SCHOOLS_SHOWN && (
                      <span className={styles.screenOnly} data-screen-only>
                        {sep}
                        {t(lang, "checklistMore", { n: schools.length - SCHOOLS_SHOWN })}
                      </span>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
