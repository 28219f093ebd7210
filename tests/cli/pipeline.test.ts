import { evaluate } from "../../src/engine";
import { blockedJsonContract, evaluateTable, toJsonContract } from "../../src/pipeline";
import { sampleCountyRecords } from "../../src/sample/sampleCounty";
import type { Grid } from "../../src/sheet/grid";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { INDICATOR_IDS } from "../../src/standard/indicators";
import { profileWith } from "../engine/helpers";
import { tableOf } from "./helpers";

const grid = (values: Grid["values"]): Grid => ({ sheet: "学校", topLeft: "A1", values });

describe("evaluateTable: grid → records + problems → evaluation", () => {
  test("a clean table is evaluated exactly as the engine evaluates its records", () => {
    const records = sampleCountyRecords();
    const result = evaluateTable(grid(tableOf(records)));
    expect(result.ok).toBe(true);
    expect(result.profile).toBe(NATIONAL_2017);
    expect(result.sheet).toBe("学校");
    expect(result.read.records).toHaveLength(records.length);
    const direct = evaluate(records, NATIONAL_2017);
    expect(result.evaluation?.levels).toEqual(direct.levels);
    expect(result.evaluation?.resourcesPass).toBe(false);
  });

  test("errors block the verdict: ok false, evaluation null, the problems kept", () => {
    const rows = tableOf(sampleCountyRecords().slice(0, 3));
    rows[2][0] = rows[1][0]; // duplicate school name
    const result = evaluateTable(grid(rows));
    expect(result.ok).toBe(false);
    expect(result.evaluation).toBeNull();
    expect(result.problems.some((p) => p.severity === "error" && p.code === "duplicate-name")).toBe(true);
  });

  test("the profile reaches the reader and the engine", () => {
    const lenient = profileWith((p) => {
      p.id = "lenient";
      p.cvLimit.primary = 0.6;
    });
    const result = evaluateTable(grid(tableOf(sampleCountyRecords())), lenient);
    expect(result.evaluation?.profile).toBe("lenient");
    expect(result.evaluation?.levels.primary.balance.sportsArea.pass).toBe(true);
  });
});

describe("toJsonContract", () => {
  const result = evaluateTable(grid(tableOf(sampleCountyRecords())));
  const json = toJsonContract(result);

  test("a plain object that survives JSON unchanged (no undefined, no NaN)", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });

  test("levels carry the unrounded coefficients and every indicator id", () => {
    const e = result.evaluation!;
    for (const level of ["primary", "junior"] as const) {
      expect(Object.keys(json.levels![level].cv)).toEqual([...INDICATOR_IDS]);
      for (const id of INDICATOR_IDS) expect(json.levels![level].cv[id]).toBe(e.levels[level].balance[id].cv);
    }
  });

  test("the table summary counts the rows left out by reason (issue 13 item 1)", () => {
    const rows = tableOf(sampleCountyRecords().slice(0, 3));
    rows.splice(2, 0, ["城区学校合计"]);
    rows.push(["合计"], ["注：数据截至 9 月"]);
    const summary = toJsonContract(evaluateTable(grid(rows))).table;
    expect(summary?.schools).toBe(3);
    expect(summary?.skippedRows).toEqual({
      aboveHeader: 0,
      legend: 0,
      subtotal: 0,
      total: 2,
      note: 1,
      blank: 0,
      header: 0,
      afterEnd: 0,
    });
  });

  test("problems in the language asked for", () => {
    const rows = tableOf(sampleCountyRecords().slice(0, 2));
    rows[1][1] = "幼儿园";
    const blocked = evaluateTable(grid(rows));
    const zh = toJsonContract(blocked, "zh");
    const en = toJsonContract(blocked, "en");
    expect(zh.ok).toBe(false);
    expect(zh.levels).toBeNull();
    expect(zh.resourcesPass).toBeNull();
    expect(zh.problems[0].message).toBe(blocked.problems[0].message.zh);
    expect(en.problems[0].message).toBe(blocked.problems[0].message.en);
    expect(zh.problems[0].cell).toBe("学校!B2");
  });

  test("when no table could be read at all", () => {
    const doc = blockedJsonContract(
      NATIONAL_2017,
      [{ severity: "error", code: "file-not-found", cell: null, message: { zh: "找不到", en: "not found" } }],
      "en",
    );
    expect(doc).toEqual({
      profile: "national-2017",
      ok: false,
      problems: [
        {
          severity: "error",
          code: "file-not-found",
          cell: null,
          message: "not found",
          messages: { zh: "找不到", en: "not found" },
        },
      ],
      sections: [],
      levels: null,
      resourcesPass: null,
      table: null,
    });
  });
});
