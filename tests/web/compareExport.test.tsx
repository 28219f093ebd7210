/** @jest-environment jsdom */
/**
 * The web app's 对比 of a county's workbook against an earlier year's statistics export that holds several
 * counties (a county column): as `balance compare --county` reads every year's table, the earlier export is read
 * for this year's county when it is known (here from the file's name), and the clerk is told what to do when it
 * is not — choose the county in the view, and the export is read again for it. The files are read for real.
 */
import { File as NodeFile } from "node:buffer";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { templateHeaderRow } from "../../src/sheet/template";
import { WebApp } from "../../src/web/WebApp";
import {
  COUNTY_LISTED,
  COUNTY_UNLISTED,
  exportSheet,
  leagueRows,
  templateRowsOf,
  withFewerTeachers,
} from "../recipe/exportFixture";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { rawBook, rawSheet } from "../trust/hostileBooks";

withoutResizeObserver();
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const EXPORT = "盟市导出2025.xlsx";
// 2026: 科右前旗第一小学 keeps a fifth of its teachers, and falls below the qualified teachers' standard
const rows2026 = withFewerTeachers(leagueRows(), "科右前旗第一小学");
const countyBook = () =>
  rawBook([rawSheet([templateHeaderRow(), ...templateRowsOf(rows2026, COUNTY_LISTED)])]);
const exportBook = () => rawBook([rawSheet(exportSheet(leagueRows()).values)]);
/** The league's export of last year split into a sheet per county, each named for its county, ours the second. */
const splitBook = () =>
  rawBook(
    [COUNTY_UNLISTED, COUNTY_LISTED].map((county) =>
      rawSheet(exportSheet(leagueRows().filter((r) => r.county === county)).values, { name: county }),
    ),
  );

/** Chooses `bytes` as `name` in the file chooser `id`, as a clerk does (Node's File gives its bytes; jsdom's not). */
function choose(id: string, name: string, bytes: Uint8Array): void {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  Object.defineProperty(input, "files", { value: [new NodeFile([bytes], name)], configurable: true });
  fireEvent.change(input);
}

/** This year's county workbook opened as `name` and checked, then 对比 with the league's export of last year. */
async function compareWithExport(name: string, earlier = EXPORT, bytes = exportBook()): Promise<void> {
  render(<WebApp lang="zh" theme="light" />);
  choose("workbook-file", name, countyBook());
  await screen.findByRole("button", { name: "读取并检查" });
  await readAndCheck();
  await screen.findByText("没有发现问题。");
  fireEvent.click(screen.getByRole("tab", { name: "对比" }));
  await waitFor(() => expect(document.querySelector("#earlier-file")).not.toBeNull());
  choose("earlier-file", earlier, bytes);
}

/** The comparison shown is of this year's county alone: its schools, none of the other county's. */
async function expectCountyCompared(file = EXPORT, sheet = ".+"): Promise<void> {
  await waitFor(() => expect(document.querySelector("[data-trend]")).not.toBeNull());
  expect(document.querySelector("[data-earlier-errors]")).toBeNull();
  const schools = new Set(leagueRows().filter((r) => r.county === COUNTY_LISTED && r.counted !== "否"));
  expect(schools.size).toBeGreaterThan(0);
  expect(document.querySelector("[data-earlier]")!.textContent).toMatch(
    new RegExp(`^较早一年：“${file}”的工作表“${sheet}”，\\d+ 所学校$`),
  );
  const others = leagueRows().filter((r) => r.county === COUNTY_UNLISTED);
  expect(others.length).toBeGreaterThan(0);
  for (const other of others) expect(document.body.textContent).not.toContain(other.name);
  const regressions = [...document.querySelectorAll("[data-regression]")].map((li) => li.textContent ?? "");
  expect(regressions.some((line) => /科右前旗第一小学（小学）高学历教师/.test(line))).toBe(true);
}

describe("对比 in the web app with an earlier export of several counties", () => {
  it("this year's county known from its file's name: that county's schools read, as compare --county", async () => {
    await compareWithExport(`${COUNTY_LISTED}2026.xlsx`);
    await expectCountyCompared();
  });

  it("an export split into a sheet per county, ours not the first: our county's sheet, as compare --county", async () => {
    await compareWithExport(`${COUNTY_LISTED}2026.xlsx`, "分旗县2025.xlsx", splitBook());
    await expectCountyCompared("分旗县2025.xlsx", COUNTY_LISTED);
  });

  it("the county not known: says to choose it, in the view; chosen, the export is read again for it", async () => {
    await compareWithExport("2026年学校数据.xlsx");
    const errors = await waitFor(() => {
      const bar = document.querySelector("[data-earlier-errors]");
      expect(bar).not.toBeNull();
      return bar!;
    });
    const said = errors.querySelector("li")!.textContent!;
    // the file named above the message, the cell of the county column in it; no "0 schools" before the county
    // is chosen, but the prompt to choose it
    expect(document.querySelector("[data-earlier]")!.textContent).toMatch(`“${EXPORT}”`);
    expect(document.querySelector("[data-earlier]")!.textContent).toMatch(
      /，含 2 个旗县市，请在下方选择旗县市$/u,
    );
    expect(document.body.textContent).not.toContain("0 所学校");
    // the earlier file's cell named with its file, as plain text: that file is not open to select it in
    expect(said.startsWith(`“${EXPORT}”的 `)).toBe(true);
    expect(said).toMatch(/的 学校!C\d+ 表中有 2 个旗县市区（科右前旗、扎鲁特旗）。/);
    expect(said).toMatch(
      /。对比只取本旗县市的学校：请在下方“旗县市”中选择本旗县市，较早一年的表格即按它重新读取。$/,
    );
    // nothing of step 2, which reads this year's table, nor of the command line
    expect(said).not.toContain("第 2 步");
    expect(said).not.toContain("--county");
    fireEvent.change(screen.getByRole("combobox", { name: /^旗县市/ }), { target: { value: COUNTY_LISTED } });
    await expectCountyCompared();
  });
});
