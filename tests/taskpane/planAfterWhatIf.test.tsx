/** @jest-environment jsdom */
/**
 * 规划 after 模拟 (docs/plans.md#plan-edits): the what-if's edits outlive a visit to another tab, and the plan is
 * made for the county they leave, saying so on screen and on paper, or for the table as read on request.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CellValue } from "../../src/sheet/grid";
import { recordsToRows, templateHeaderRow } from "../../src/sheet/template";
import { Pane } from "../../src/taskpane/Pane";
import { planViewTests, school } from "../plan/planViewSchools";
import { FakeHost } from "./fakeHost";
import { readAndCheck } from "./paneDom";
import { printedPage } from "./printedPage";

planViewTests();

// 城关小学 is short of key teachers (0.9) and rooms (2.2): both in the band, one must reach the standard
const SHEET: CellValue[][] = [
  templateHeaderRow(),
  ...recordsToRows([school("城关小学", 9, 22), school("第二小学", 12, 24)]),
];

describe("规划 after 模拟", () => {
  it("plans for the county the what-if's edits left, labelled and printed, and for the table as read on request", async () => {
    render(<Pane host={new FakeHost(SHEET)} />);
    await readAndCheck();

    // 模拟: 城关小学 hires a key teacher
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    const teachers = screen.getByRole("spinbutton", { name: "小学 骨干教师" });
    // the field's arrows are named in the pane's language, not Fluent UI's English
    expect(
      [...teachers.parentElement!.querySelectorAll("button")].map((b) => b.getAttribute("aria-label")),
    ).toEqual(["增加", "减少"]);
    fireEvent.keyDown(teachers, { key: "ArrowUp" });
    await screen.findByText("城关小学 小学骨干教师 +1 人");

    // 规划: after the edit, by default, and the edit is named before the plan
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    const edited = screen.getByRole("radio", { name: "模拟修改后的学校表（1 项修改）" }) as HTMLInputElement;
    expect(edited.checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    // with the key teacher 城关小学's rooms may stay in the band: nothing to add
    await screen.findByText("无需补充。");
    const paper = printedPage("plan").printedText;
    expect(paper).toContain("按模拟修改后的学校表规划（原表未改动），所应用的修改：");
    expect(paper).toContain("城关小学 小学骨干教师 +1 人");

    // the table as read still needs a room (or a key teacher) at 城关小学, and its page names no edit
    fireEvent.click(screen.getByRole("radio", { name: "读取的学校表（不含模拟修改）" }));
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/城关小学（全校） 多媒体教室 \+1 间，5\.00 万元/);
    expect(screen.queryByText("无需补充。")).toBeNull();
    expect(printedPage("plan").printedText).not.toContain("模拟修改");

    // back in 模拟, the edit is still there
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    await waitFor(() => expect(screen.getByText("城关小学 小学骨干教师 +1 人")).toBeTruthy());
    expect(printedPage("whatif").printedText).toContain("修改清单（1）");
  });

  it("模拟 prices its edits at the unit costs 规划 shows, and says what it does not price", async () => {
    render(<Pane host={new FakeHost(SHEET)} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    fireEvent.keyDown(screen.getByRole("spinbutton", { name: "小学 骨干教师" }), { key: "ArrowUp" });
    fireEvent.keyDown(screen.getByRole("spinbutton", { name: "小学在校生" }), { key: "ArrowUp" });
    // docs/plans.md#costs: a key teacher 150,000 元 a year; pupils are no addition the model prices
    await screen.findByText("费用：每年 15.00 万元");
    expect(screen.getByText(/^费用：不计费用（/u)).toBeTruthy();
    expect(screen.getByText("费用合计（按规划的单位成本）：每年 15.00 万元；另有 1 项不计费用")).toBeTruthy();

    // a key teacher at 200,000 元 in 规划 is what 模拟 prices him at
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    const key = screen.getByRole("spinbutton", { name: "骨干教师／人·年" });
    fireEvent.change(key, { target: { value: "200000" } });
    fireEvent.blur(key);
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    await screen.findByText("费用：每年 20.00 万元");
    expect(printedPage("whatif").printedText).toContain("费用合计（按规划的单位成本）：每年 20.00 万元");
  });
});
