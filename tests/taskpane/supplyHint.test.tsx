/** @jest-environment jsdom */
/**
 * The pane (and the web app, which shows the same pane) on a statistics export: 全部指标 says which figures of items
 * 3 and 5 the export has no column for, for how many schools, and where to add them; the clerk adds the columns as
 * said, reads again, and the items are decided on them (docs/import.md#template-columns).
 */
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { columnIndex, type CellValue } from "../../src/sheet/grid";
import { Pane } from "../../src/taskpane/Pane";
import { COUNTY_LISTED, exportSheet, leagueRows } from "../recipe/exportFixture";
import { FakeHost } from "./fakeHost";
import { readAndCheck, withoutResizeObserver } from "./paneDom";

withoutResizeObserver();
configure({ defaultHidden: true, asyncUtilTimeout: 10000 });
jest.setTimeout(120000);

function itemNamed(name: string): Element {
  const found = [...document.querySelectorAll("li[data-status]")].find((li) =>
    li.textContent?.includes(name),
  );
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

async function checkCounty(host: FakeHost): Promise<void> {
  render(<Pane host={host} />);
  await readAndCheck();
  fireEvent.click(screen.getByRole("combobox", { name: "评估哪个旗县市区" }));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('[role="option"]')].find(
      (o) => o.textContent === COUNTY_LISTED,
    );
    expect(found).toBeDefined();
    return found as HTMLElement;
  });
  fireEvent.click(option);
  await waitFor(() => expect(screen.getByRole("tab", { name: "全部指标" })).toBeTruthy());
  fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
}

describe("全部指标 for a statistics export", () => {
  it("names the figures to add and where; added as said, they are read", async () => {
    const sheet = exportSheet(leagueRows());
    const values = sheet.values.map((r) => [...r]) as CellValue[][];
    const host = new FakeHost(values);
    await checkCounty(host);
    const note = await waitFor(() => {
      const found = document.querySelector("[data-supply]");
      expect(found).not.toBeNull();
      return found!;
    });
    const headers = [...note.querySelectorAll("[data-supply-column]")].map((li) =>
      li.getAttribute("data-supply-column"),
    );
    expect(headers).toContain("音乐专用教室数（间）");
    expect(headers).toContain("小学最大班额");
    expect(note.textContent).toContain(
      "导出表中没有政府保障程度第 3 项（音乐美术专用教室）、第 5 项（班额）",
    );
    expect(itemNamed("音乐美术专用教室").getAttribute("data-status")).toBe("missing");

    // the clerk writes each header where the note says, and each school's figures on its rows
    const how = /在工作表“([^”]+)”中从 ([A-Z]+)(\d+) 起向右/u.exec(note.textContent ?? "")!;
    expect(how[1]).toBe(host.active);
    const first = columnIndex(how[2]);
    const headerRow = Number(how[3]) - 1;
    const width = first + headers.length;
    for (const row of values) while (row.length < width) row.push(null);
    headers.forEach((h, i) => (values[headerRow][first + i] = h));
    const levelCol = sheet.columns.find((c) => c.path[0] === "学段")!.index;
    for (const r of sheet.dataRows) {
      const level = values[r][levelCol];
      headers.forEach((h, i) => {
        if ((/^小学/u.test(h!) && level === "初中") || (/^初中/u.test(h!) && level === "小学")) return;
        values[r][first + i] = /班级数/u.test(h!)
          ? 12
          : /最小面积/u.test(h!)
            ? 100
            : /班额/u.test(h!)
              ? 40
              : 2;
      });
    }
    fireEvent.click(screen.getByRole("tab", { name: "检查与报表" }));
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "全部指标" }));
    await waitFor(() => expect(document.querySelector("[data-supply]")).toBeNull());
    expect(itemNamed("音乐美术专用教室").getAttribute("data-status")).toBe("pass");
    expect(itemNamed("班额").getAttribute("data-status")).toBe("pass");
  });
});
