/**
 * An export's 城乡分类 as the statistics system writes it — the area's name (主城区, 村庄) or its code (220) — is
 * written into the school table in the template's three words, which its drop-down offers
 * (docs/school-table.md#locales).
 */
import { readSchoolTable } from "../../src/sheet/read";
import { COUNTY_LISTED, exportSheet, leagueRows } from "./exportFixture";

describe("the locale of an imported school", () => {
  const spellings = ["主城区", "220", "镇中心区（121）", 111, "乡中心区", "牧区"];
  const rows = leagueRows()
    .filter((r) => r.county === COUNTY_LISTED)
    .map((r, i) => ({ ...r, locale: spellings[i % spellings.length] as string }));
  const sheet = exportSheet(rows);
  const read = readSchoolTable({
    sheet: sheet.sheet,
    topLeft: "A1",
    values: sheet.values,
    merges: sheet.merges,
  });
  const table = read.recipe?.table;

  it("is the template's word where the export's is known, and as written where it is not", () => {
    if (!table) throw new Error("not read through the recipe");
    const name = table.columnIds.indexOf("name");
    const locale = table.columnIds.indexOf("locale");
    const written = new Map(table.rows.map((row) => [row[name], row[locale]]));
    const expected: Record<string, string> = {
      主城区: "城区",
      "220": "乡村",
      "镇中心区（121）": "镇区",
      "111": "城区",
      乡中心区: "乡村",
      牧区: "牧区",
    };
    // a campus joins its school and gives no row of its own: the schools with rows of their own
    const own = rows.filter((r) => written.has(r.name));
    expect(own.length).toBeGreaterThan(spellings.length);
    for (const r of own) {
      const first = rows.find((x) => x.name === r.name) as (typeof rows)[number];
      expect(written.get(r.name)).toBe(expected[String(first.locale)]);
    }
  });

  it("warns of the one it does not know, naming the export's cell", () => {
    const unknown = read.problems.filter((p) => p.code === "unknown-locale");
    expect(unknown.length).toBeGreaterThan(0);
    for (const p of unknown) {
      expect(p.cell).toMatch(new RegExp(`^${sheet.sheet}!`, "u"));
      expect(p.message.zh).toContain("牧区");
    }
  });
});
