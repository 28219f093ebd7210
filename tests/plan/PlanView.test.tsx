/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PlanView } from "../../src/taskpane/plan/PlanView";
import type { ViewProps } from "../../src/taskpane/viewProps";
import type { ExcelHost } from "../../src/excel/host";
import type { ReportSheet } from "../../src/report/model";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { planViewTests, school } from "./planViewSchools";
import type { Edit } from "../../src/engine/scenario";

planViewTests();

function setup(edits?: Edit[]) {
  const written: ReportSheet[][] = [];
  const props: ViewProps = {
    // 甲 is short of key teachers (0.9) and rooms (2.2): both in the band, one must reach the standard
    // 乙 has a key teacher to spare (1.2 → 1.1 keeps it passing)
    records: [school("甲", 9, 22), school("乙", 12, 24)],
    profile: NATIONAL_2017,
    lang: "zh",
    host: {} as ExcelHost,
    onWriteSheets: async (sheets) => {
      written.push(sheets);
    },
    // the what-if's edits as the pane keeps them; the plan view only reads them
    whatIf: edits && { edits, setEdits: () => undefined },
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanView {...props} />
    </FluentProvider>,
  );
  return { written };
}

describe("Plan view", () => {
  it("runs the least-cost plan with the default costs, and again with edited costs", async () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲（全校） 多媒体教室 \+1 间，5\.00 万元/);
    // teachers a cost every year, the rest once, each in 万元
    expect(screen.getByText(/经常性支出：0\.00 万元\/年；一次性投入：5\.00 万元/)).toBeTruthy();
    expect(screen.getByText("补充后达标")).toBeTruthy();
    // what is proven of the plan, in the words the command and the sheet use
    expect(
      screen.getByText("已证明这是最低成本方案：差异系数都不构成约束，逐校精确求解即为最优。"),
    ).toBeTruthy();
    const rooms = screen.getByRole("spinbutton", { name: "多媒体教室／间" }) as HTMLInputElement;
    fireEvent.change(rooms, { target: { value: "1000000" } });
    fireEvent.blur(rooms);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲 小学 骨干教师 \+1 人，15\.00 万元\/年/);
  });

  it("a unit cost typed in 万元 is questioned beside the fields, and the doubt goes once it is in 元", async () => {
    setup();
    const teachers = screen.getByRole("spinbutton", { name: "高学历教师／人·年" }) as HTMLInputElement;
    const doubt = /^qualifiedTeachers（高学历教师）：单位成本 12 元，不到默认值 120000 元的百分之一/;
    expect(screen.queryByText(doubt)).toBeNull();
    fireEvent.change(teachers, { target: { value: "12" } });
    fireEvent.blur(teachers);
    await screen.findByText(doubt);
    fireEvent.change(teachers, { target: { value: "120000" } });
    fireEvent.blur(teachers);
    await waitFor(() => expect(screen.queryByText(doubt)).toBeNull());
  });

  it("plans with the project sizes set in the pane, and the sheet written says them", async () => {
    const { written } = setup();
    fireEvent.click(screen.getByRole("button", { name: "项目规模" }));
    const minimum = screen.getByRole("spinbutton", { name: "多媒体教室：最小（间）" }) as HTMLInputElement;
    expect(minimum.value).toBe("1");
    // two rooms at 5 万元 each still cost less than a key teacher's 15 万元 a year
    fireEvent.change(minimum, { target: { value: "2" } });
    fireEvent.blur(minimum);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲（全校） 多媒体教室 \+2 间，10\.00 万元/);
    // four rooms would cost more: the key teacher is the cheaper way
    fireEvent.change(minimum, { target: { value: "4" } });
    fireEvent.blur(minimum);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲 小学 骨干教师 \+1 人，15\.00 万元\/年/);
    fireEvent.click(screen.getByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    const notes = written[0][0].rows.flat().map((c) => String(c?.value ?? ""));
    expect(notes.find((v) => v.startsWith("设施按项目规模补充"))).toContain(
      "多媒体教室至少 4 间（按 1 间 取整）",
    );
  });

  it("a minimum between two steps is said to count as the next step, and the plan keeps to it", async () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "项目规模" }));
    const minimum = screen.getByRole("spinbutton", { name: "多媒体教室：最小（间）" }) as HTMLInputElement;
    const step = screen.getByRole("spinbutton", { name: "多媒体教室：步长（间）" }) as HTMLInputElement;
    const said = /^minimum\.multimediaRooms（多媒体教室）：最小规模 1 间不是步长 2 间的整数倍，按 2 间计/;
    expect(screen.queryByText(said)).toBeNull();
    fireEvent.change(step, { target: { value: "2" } });
    fireEvent.blur(step);
    await screen.findByText(said);
    expect(minimum.value).toBe("1");
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲（全校） 多媒体教室 \+2 间，10\.00 万元/);
  });

  it("a budget short of the plan says so first, what still fails, and writes the plan within it too", async () => {
    const { written } = setup();
    const budget = screen.getByRole("spinbutton", {
      name: "预算（万元，0 表示不设预算）",
    }) as HTMLInputElement;
    fireEvent.change(budget, { target: { value: "1" } });
    fireEvent.blur(budget);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText("预算 1.00 万元不足以使全县资源配置达标：达标的最低成本方案需 5.00 万元。");
    expect(screen.getByText("预算内无法使任何未达标学校（校区）达标。")).toBeTruthy();
    expect(screen.getByText("达标学校（校区）：1 → 1（参评 2 个）；合计 0.00 万元")).toBeTruthy();
    expect(screen.getByText("仍未达标的学校（校区）1 个：甲 小学")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0].map((s) => s.name)).toEqual(["补充方案", "预算内方案"]);
    fireEvent.change(budget, { target: { value: "10" } });
    fireEvent.blur(budget);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText("预算 10.00 万元足以使全县资源配置达标：方案合计 5.00 万元，余 5.00 万元。");
    expect(screen.queryByText(/仍未达标的学校（校区）/)).toBeNull();
  });

  it("plans the rotation and writes the plan and the rotation as sheets", async () => {
    const { written } = setup();
    fireEvent.click(screen.getByRole("button", { name: "计算交流轮岗方案" }));
    await screen.findByText(/乙 → 甲（小学）骨干教师 1 人/);
    expect(screen.getByText(/达标 1 → 2，交流 1 人/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/^经常性支出：.*；一次性投入：/);
    fireEvent.click(screen.getByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0].map((s) => s.key)).toEqual(["plan", "rotation"]);
    const plan = written[0][0];
    expect(plan.name).toBe("补充方案");
    // the cost a formula of the amount and the unit cost, in 万元
    const costCell = plan.rows.flat().find((c) => c?.formula?.startsWith("=D"));
    expect(costCell).toMatchObject({ value: 5, format: "#,##0.00" });
    expect(plan.rows.flat().some((c) => c?.formula?.startsWith("=SUM(G"))).toBe(true);
  });

  it("plans for the county after the what-if's edits, says which, and plans for the table as read on request", async () => {
    const { written } = setup([
      // 甲 reaches the key teachers' standard: its rooms may stay in the band, nothing is left to add
      { kind: "hireTeachers", school: "甲", level: "primary", resource: "keyTeachers", count: 1 },
      { kind: "hireTeachers", school: "丙", level: "primary", resource: "keyTeachers", count: 1 },
    ]);
    const edited = screen.getByRole("radio", { name: "模拟修改后的学校表（1 项修改）" }) as HTMLInputElement;
    expect(edited.checked).toBe(true);
    const said = screen.getByRole("region", { name: /^按模拟修改后的学校表规划（原表未改动）/ });
    expect(said.hasAttribute("data-printed")).toBe(true);
    expect(said.querySelectorAll("li")).toHaveLength(1);
    expect(said.textContent).toContain("甲 小学骨干教师 +1 人");
    expect(said.textContent).toContain("另有 1 项修改未能应用，不计入规划，见“模拟”页。");
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText("无需补充。");
    fireEvent.click(screen.getByRole("button", { name: "计算交流轮岗方案" }));
    await screen.findByText(/达标 2 → 2，交流 0 人/);
    fireEvent.click(screen.getByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    // both sheets say the plan is the edited table's, with the edit applied; the plan's, as on screen, with what
    // the edit costs (a key teacher, 150,000 元 a year), the edit left out, and the plan's cost and the edit's
    const [planTexts, rotationTexts] = written[0].map((sheet) =>
      sheet.rows.flat().map((c) => String(c?.value ?? "")),
    );
    expect(planTexts).toEqual(
      expect.arrayContaining([
        "一、模拟修改（本方案按修改后的学校表求出，原表未改动）",
        "甲 小学骨干教师 +1 人",
        "费用：每年 15.00 万元",
        "费用合计（按规划的单位成本）：每年 15.00 万元",
        "另有 1 项修改未能应用，不计入规划，见“模拟”页。",
        "连同修改清单本身的费用，合计：每年 15.00 万元",
      ]),
    );
    expect(rotationTexts).toContain(
      "本方案按修改后的学校表求出（模拟，原表未改动）：1. 甲 小学骨干教师 +1 人。",
    );

    // the table as read: the results made after the edits are gone, the plan is the table's, its sheet says none
    fireEvent.click(screen.getByRole("radio", { name: "读取的学校表（不含模拟修改）" }));
    await waitFor(() => expect(screen.queryByText("无需补充。")).toBeNull());
    expect(screen.queryByRole("region", { name: /^按模拟修改后的学校表规划/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/甲（全校） 多媒体教室 \+1 间，5\.00 万元/);
    fireEvent.click(screen.getByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(2));
    expect(written[1][0].rows.flat().some((c) => String(c?.value ?? "").includes("修改后的学校表"))).toBe(
      false,
    );
  });

  it("a merger the plan is made after says what it moved, on screen and on the sheet written", async () => {
    const { written } = setup([{ kind: "mergeSchool", school: "乙", into: "甲" }]);
    const said = screen.getByRole("region", { name: /^按模拟修改后的学校表规划（原表未改动）/ });
    const effects = [...said.querySelectorAll("[data-edit-effect]")].map((e) => e.textContent ?? "");
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatch(/^乙并入甲：小学在校生 \+1,000 人，/);
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    fireEvent.click(await screen.findByRole("button", { name: "写入工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0][0].rows.flat().map((c) => c?.value)).toContain(effects[0]);
  });

  it("without what-if edits there is nothing to choose: the plan is the table's", () => {
    setup([]);
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.queryByText(/模拟修改/)).toBeNull();
  });
});
