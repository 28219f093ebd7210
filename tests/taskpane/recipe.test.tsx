/** @jest-environment jsdom */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/sheet/grid";
import { readSchoolTable } from "../../src/sheet/read";
import { Pane } from "../../src/taskpane/Pane";
import { RECIPE_SETTINGS_KEY } from "../../src/taskpane/recipeSettings";
import { COUNTY_LISTED, COUNTY_UNLISTED, exportSheet, leagueRows } from "../recipe/exportFixture";
import { FakeHost } from "./fakeHost";
import { withoutResizeObserver, readAndCheck } from "./paneDom";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(120000);

const exportValues = () => exportSheet(leagueRows()).values as CellValue[][];

function stepText(id: string): string {
  return document.querySelector(`section[aria-labelledby="${id}"]`)?.textContent ?? "";
}

function derivationOf(field: string): string {
  return document.querySelector(`li[data-field="${field}"] [data-derivation]`)?.textContent ?? "";
}

async function chooseCounty(name: string) {
  fireEvent.click(screen.getByRole("combobox", { name: "评估哪个旗县市区" }));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent === name);
    expect(found).toBeDefined();
    return found as HTMLElement;
  });
  fireEvent.click(option);
  await waitFor(() => expect(stepText("step-check")).not.toContain("several-counties"));
}

describe("task pane, step 2 for a statistics export (docs/import.md)", () => {
  it("recognises the export, asks which county, and remembers the answer in the workbook", async () => {
    const host = new FakeHost(exportValues());
    const view = render(<Pane host={host} />);
    await readAndCheck();
    expect(stepText("step-columns")).toContain(
      "按配方“教育事业统计分校数据导出”读取（自动识别为统计导出表）",
    );
    expect(stepText("step-columns")).toContain("表中有 2 个旗县市区，请选择要评估的一个。");
    expect(stepText("step-check")).toContain(COUNTY_UNLISTED);
    // where to choose, in the words of the page, which the web app shows too: not "the task pane"
    expect(stepText("step-columns")).toMatch(/^2\. 核对列/);
    expect(stepText("step-check")).toContain("请在第 2 步“核对列”中选择要评估的一个");
    expect(stepText("step-check")).not.toContain("任务窗格");
    // nor the command line's option, which no one using the pane can give
    expect(stepText("step-check")).not.toContain("--county");
    // the line under the read button counts no schools before the county is chosen: none are read yet
    const readLine = () => document.querySelector("[data-read-from]")?.textContent ?? "";
    expect(readLine()).toContain("表中有 2 个旗县市区，请在第 2 步选择要评估的一个");
    expect(readLine()).not.toMatch(/\d+ 所学校/);

    await chooseCounty(COUNTY_LISTED);
    await waitFor(() => expect(readLine()).toMatch(/：[1-9]\d* 所学校$/));
    await waitFor(() => expect(stepText("step-check")).not.toContain("改正后才能生成报表"));
    expect(host.settings.get(RECIPE_SETTINGS_KEY)).toEqual({ 学校: { county: COUNTY_LISTED } });
    expect((screen.getByRole("button", { name: "生成报表工作表" }) as HTMLButtonElement).disabled).toBe(
      false,
    );

    view.unmount();
    render(<Pane host={host} />);
    await readAndCheck();
    expect(stepText("step-check")).not.toContain("改正后才能生成报表");
  });

  it("says the changes are saved with the workbook only where they are", async () => {
    const saved = render(<Pane host={new FakeHost(exportValues())} />);
    await readAndCheck();
    expect(stepText("step-columns")).toContain("改动和所选旗县随工作簿保存。");
    saved.unmount();
    // the web app: the downloaded workbook keeps no recipe
    render(<Pane host={new FakeHost(exportValues())} keepsSettings={false} />);
    await readAndCheck();
    expect(stepText("step-columns")).toContain(
      "改动和所选旗县只在本次打开期间有效，不会写进下载的工作簿；下次打开时需重新选择。",
    );
    expect(stepText("step-columns")).not.toContain("随工作簿保存");
  });

  it("shows each field's derivation, lets the clerk change one, and saves it as a recipe", async () => {
    const host = new FakeHost(exportValues());
    host.settings.set(RECIPE_SETTINGS_KEY, { 学校: { county: COUNTY_LISTED } });
    render(<Pane host={host} />);
    await readAndCheck();
    expect(derivationOf("teachingArea")).toBe("教学及辅助用房›计 − 其中：室内体育用房");
    expect(derivationOf("primaryQualifiedTeachers")).toBe("按学历分›博士研究生 + 硕士研究生 + 本科 + 专科");

    fireEvent.click(screen.getByRole("button", { name: "修改 教学及辅助用房面积" }));
    const line = screen.getByRole("textbox", { name: "教学及辅助用房面积" }) as HTMLInputElement;
    expect(line.value).toBe(
      "校舍建筑面积›教学及辅助用房›计 − 校舍建筑面积›教学及辅助用房›其中：室内体育用房",
    );

    // a term the table does not have is refused, and nothing is saved
    fireEvent.change(line, { target: { value: "教学用房总面积" } });
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    await screen.findByRole("alert");
    expect(host.settings.get(RECIPE_SETTINGS_KEY)).toEqual({ 学校: { county: COUNTY_LISTED } });

    fireEvent.change(line, { target: { value: "校舍建筑面积›教学及辅助用房›计" } });
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    await waitFor(() => expect(derivationOf("teachingArea")).toBe("校舍建筑面积›教学及辅助用房›计"));
    expect(host.settings.get(RECIPE_SETTINGS_KEY)).toEqual({
      学校: {
        county: COUNTY_LISTED,
        recipe: { extends: "statistics-export", fields: { teachingArea: "校舍建筑面积›教学及辅助用房›计" } },
      },
    });
    expect(stepText("step-columns")).toContain("已修改");

    fireEvent.click(screen.getByRole("button", { name: "恢复内置配方" }));
    await waitFor(() => expect(derivationOf("teachingArea")).toBe("教学及辅助用房›计 − 其中：室内体育用房"));
    expect(host.settings.get(RECIPE_SETTINGS_KEY)).toEqual({ 学校: { county: COUNTY_LISTED } });
  });

  it("converts the export to the school table and its sources, which read back as the same schools", async () => {
    const host = new FakeHost(exportValues());
    host.settings.set(RECIPE_SETTINGS_KEY, { 学校: { county: COUNTY_LISTED } });
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "转换为标准学校表" }));
    await waitFor(() => expect(host.written).toHaveLength(1));
    expect(host.written[0].sheets.map((s) => s.name)).toEqual(["标准学校表", "来源"]);
    const converted = readSchoolTable({
      sheet: "标准学校表",
      topLeft: "A1",
      values: host.sheets.get("标准学校表")!,
    });
    const original = readSchoolTable(
      { sheet: "学校", topLeft: "A1", values: exportValues() },
      { county: COUNTY_LISTED },
    );
    expect(converted.recipe).toBeUndefined();
    expect(converted.records.map((r) => [r.name, r.students, r.facilities])).toEqual(
      original.records.map((r) => [r.name, r.students, r.facilities]),
    );
    const sources = (host.sheets.get("来源") ?? []).map((row) => row.join(" | ")).join("\n");
    expect(sources).toContain("教学及辅助用房›计 − 其中：室内体育用房");
  });
});
