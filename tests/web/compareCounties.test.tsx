/** @jest-environment jsdom */
/**
 * The web app's 对比 of this year's workbook against another file: a file of another county is warned of as
 * `balance compare` warns of it (compare-other-county, workbookCounty.ts `otherCountyWarnings`), in the app's
 * language, and compared all the same; a file of the same county is not; the same table given again as the earlier
 * year is warned of too. The files are read for real.
 */
import { File as NodeFile } from "node:buffer";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { templateHeaderRow } from "../../src/sheet/template";
import { WebApp } from "../../src/web/WebApp";
import { COUNTY_LISTED, leagueRows, templateRowsOf, withFewerTeachers } from "../recipe/exportFixture";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { rawBook, rawSheet } from "../trust/hostileBooks";

withoutResizeObserver();
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const LATER = `${COUNTY_LISTED}2026.xlsx`;
// 2026: 科右前旗第一小学 keeps a fifth of its teachers; 2025 as the league's rows give it
const book = (rows: ReturnType<typeof leagueRows>) =>
  rawBook([rawSheet([templateHeaderRow(), ...templateRowsOf(rows, COUNTY_LISTED)])]);
const book2026 = () => book(withFewerTeachers(leagueRows(), "科右前旗第一小学"));
const book2025 = () => book(leagueRows());

/** Chooses `bytes` as `name` in the file chooser `id`, as a clerk does (Node's File gives its bytes; jsdom's not). */
function choose(id: string, name: string, bytes: Uint8Array): void {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  Object.defineProperty(input, "files", { value: [new NodeFile([bytes], name)], configurable: true });
  fireEvent.change(input);
}

/** This year's workbook opened as LATER and checked, then 对比 with `name` as the earlier year. */
async function compareWith(name: string, bytes: Uint8Array): Promise<void> {
  render(<WebApp lang="zh" theme="light" />);
  choose("workbook-file", LATER, book2026());
  await screen.findByRole("button", { name: "读取并检查" });
  await readAndCheck();
  fireEvent.click(screen.getByRole("tab", { name: "对比" }));
  await waitFor(() => expect(document.querySelector("#earlier-file")).not.toBeNull());
  choose("earlier-file", name, bytes);
  await waitFor(() => expect(document.querySelector("[data-trend]")).not.toBeNull());
}

const warnings = () =>
  [...document.querySelectorAll("[data-compare-warning]")].map((bar) => [
    bar.getAttribute("data-compare-warning"),
    bar.textContent,
  ]);

describe("对比 in the web app of files of two counties", () => {
  it("warns, naming both counties and the file, and compares all the same", async () => {
    await compareWith("突泉县2025.xlsx", book2025());
    expect(warnings()).toEqual([
      [
        "compare-other-county",
        `“${LATER}”（2026 年）是“${COUNTY_LISTED}”的，而 2025 年的文件是“突泉县”的：年度对比应是同一个旗县市各年的数据，请核对是否选错了文件。`,
      ],
    ]);
    const regressions = [...document.querySelectorAll("[data-regression]")].map((li) => li.textContent ?? "");
    expect(regressions.some((line) => /科右前旗第一小学（小学）高学历教师/.test(line))).toBe(true);
  });

  it("no such warning for a file of the same county", async () => {
    await compareWith(`${COUNTY_LISTED}2025.xlsx`, book2025());
    expect(warnings()).toEqual([]);
  });

  it("the same table given again as the earlier year: warned of", async () => {
    await compareWith(`${COUNTY_LISTED}2025.xlsx`, book2026());
    expect([...document.querySelectorAll("[data-unchanged]")].map((bar) => bar.textContent)).toEqual([
      "2025 与 2026 两年各学校的数据完全相同：请确认没有选错文件，较晚一年的数据也已更新",
    ]);
    expect(warnings()).toEqual([]);
  });
});
