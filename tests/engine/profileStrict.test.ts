/**
 * Custom profiles are read strictly (issue 13 item 6): an unknown field at any depth is refused naming its path,
 * a UTF-8 byte-order mark is no obstacle, `__proto__`, `constructor` and `prototype` are refused and never
 * merged, and figures beyond what can be computed are refused with their path.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseProfile, parseProfileText } from "../../src/standard/load";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { run, tempDir } from "../cli/helpers";

const fieldsOf = (json: unknown) => {
  const result = parseProfile(json);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe("an unknown field is refused, naming its whole path", () => {
  test.each([
    ["cvLimit.juniour", { cvLimit: { juniour: 0.4 } }],
    [
      "indicators.teachingArea.standard.primery",
      { indicators: { teachingArea: { standard: { primery: 5 } } } },
    ],
    ["indicators.teachingArea.unitt", { indicators: { teachingArea: { unitt: { zh: "㎡", en: "m²" } } } }],
    ["indicators.teachingAreaa", { indicators: { teachingAreaa: {} } }],
    ["passRule.minmet", { passRule: { minmet: 5 } }],
    ["exclusions.vocationl", { exclusions: { vocationl: false } }],
    ["apportioning.nineYear.senior", { apportioning: { nineYear: { senior: 1.2 } } }],
    ["name.fr", { name: { fr: "Norme" } }],
    ["cvlimit", { cvlimit: { junior: 0.4 } }],
  ])("%s, extending the national profile", (field, patch) => {
    expect(fieldsOf({ extends: "national-2017", ...patch })).toEqual([field]);
  });

  test("in a profile that gives every field, and several at once", () => {
    const full = JSON.parse(JSON.stringify(NATIONAL_2017));
    full.cvLimit.juniour = 0.4;
    full.counties = [{ name: "白狼县", targetYear: 2030, targetYaer: 2031 }];
    full.colour = "red";
    expect(fieldsOf(full).sort()).toEqual(["colour", "counties.0.targetYaer", "cvLimit.juniour"]);
  });

  test("the message names the field in both languages", () => {
    const result = parseProfile({ extends: "national-2017", cvLimit: { juniour: 0.4 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message.zh).toContain("未知字段 cvLimit.juniour");
    expect(result.errors[0].message.en).toContain("unknown field cvLimit.juniour");
  });
});

describe("__proto__, constructor and prototype are refused and never merged", () => {
  test.each([
    ["__proto__", '{"extends":"national-2017","__proto__":{"counties":[{"name":"甲县","targetYear":2030}]}}'],
    ["cvLimit.__proto__", '{"extends":"national-2017","cvLimit":{"__proto__":{"junior":0.1}}}'],
    ["constructor", '{"extends":"national-2017","constructor":{"prototype":{"polluted":true}}}'],
    [
      "indicators.sportsArea.prototype",
      '{"extends":"national-2017","indicators":{"sportsArea":{"prototype":1}}}',
    ],
    ["counties.0.__proto__", '{"extends":"national-2017","counties":[{"__proto__":{"name":"甲县"}}]}'],
  ])("%s", (field, text) => {
    const result = parseProfileText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([field]);
    expect(result.errors[0].message.en).toContain(`the field name ${field} is not allowed`);
    // nothing reached any prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).counties).toBeUndefined();
    expect(Object.getPrototypeOf(NATIONAL_2017.cvLimit)).toBe(Object.prototype);
  });

  test("without extends too", () => {
    const full = JSON.parse(
      JSON.stringify(NATIONAL_2017).replace('"cvLimit":{', '"cvLimit":{"__proto__":{},'),
    );
    expect(fieldsOf(full)).toEqual(["cvLimit.__proto__"]);
  });
});

describe("figures beyond what can be computed are refused with their path", () => {
  test.each([
    [
      "indicators.teachingArea.standard.primary",
      { indicators: { teachingArea: { standard: { primary: 1e308 } } } },
    ],
    [
      "indicators.equipmentValue.standard.junior",
      { indicators: { equipmentValue: { standard: { junior: 1e16 } } } },
    ],
    ["cvLimit.junior", { cvLimit: { junior: -0.45 } }],
    ["cvLimit.primary", { cvLimit: { primary: 0 } }],
    ["cvLimit.primary", { cvLimit: { primary: 1e300 } }],
    ["apportioning.twelveYear.senior", { apportioning: { twelveYear: { senior: -1 } } }],
    ["exclusions.teachingPointMinStudents", { exclusions: { teachingPointMinStudents: -50 } }],
    ["equipmentImplausibleBelow", { equipmentImplausibleBelow: 1e308 }],
    ["counties.0.targetYear", { counties: [{ name: "白狼县", targetYear: 1e15 }] }],
  ])("%s", (field, patch) => {
    expect(fieldsOf({ extends: "national-2017", ...patch })).toEqual([field]);
  });

  test("1e309, which JSON.parse reads as Infinity, is refused where it is written", () => {
    const result = parseProfileText('{"extends":"national-2017","cvLimit":{"junior":1e309}}');
    expect(result.ok === false && result.errors).toEqual([
      {
        field: "(json)",
        message: {
          zh: "第 1 行第 48 列（cvLimit.junior）：数字 1e309 太大，超出可以计算的范围",
          en: "line 1, column 48 (cvLimit.junior): the number 1e309 is too large to compute with",
        },
      },
    ]);
  });

  test("the message says why, in both languages", () => {
    const result = parseProfile({ extends: "national-2017", cvLimit: { primary: 1e300 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message.zh).toBe(
      "字段 cvLimit.primary 无效：超出可计算的范围（绝对值不超过 1e15）",
    );
    expect(result.errors[0].message.en).toBe(
      "field cvLimit.primary is invalid: beyond what can be computed (at most 1e15 in size)",
    );
  });

  test("large figures that can be computed are kept", () => {
    const result = parseProfile({
      extends: "national-2017",
      indicators: { equipmentValue: { standard: { junior: 1e6 } } },
    });
    expect(result.ok && result.profile.indicators.equipmentValue.standard.junior).toBe(1e6);
  });
});

describe("a profile file with a UTF-8 byte-order mark", () => {
  const text = '\uFEFF{"extends":"national-2017","id":"bom","cvLimit":{"junior":0.4}}';

  test("is read", () => {
    const result = parseProfileText(text);
    expect(result.ok && [result.profile.id, result.profile.cvLimit.junior]).toEqual(["bom", 0.4]);
  });

  test("by balance evaluate --profile (a file saved by Notepad)", async () => {
    const dir = tempDir();
    const file = join(dir, "profile.json");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.slice(1))]));
    const r = await run("evaluate", "examples/sample-county.xlsx", "--profile", file, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe("bom");
  });

  test("balance evaluate --profile with a misspelt field: exit 2, the path named", async () => {
    const dir = tempDir();
    const file = join(dir, "profile.json");
    writeFileSync(file, JSON.stringify({ extends: "national-2017", cvLimit: { juniour: 0.4 } }));
    const r = await run("evaluate", "examples/sample-county.xlsx", "--profile", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cvLimit.juniour");
  });
});
