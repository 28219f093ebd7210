/** @jest-environment jsdom */
import { configure, fireEvent, screen, waitFor } from "@testing-library/react";
import { school } from "./schools";
import { withoutResizeObserver } from "../taskpane/paneDom";
import { renderWhatIf, spin } from "./whatifDom";
import { parseProfile } from "../../src/standard/load";

withoutResizeObserver();
configure({ defaultHidden: true });
jest.setTimeout(60000);

const setup = (lang: "zh" | "en" = "zh") =>
  renderWhatIf([school("城关小学", 500), school("第二小学", 500)], lang);

describe("What-if view", () => {
  it("changing enrolment with the stepper updates the verdict, the deltas and the list of edits; undo restores", async () => {
    setup();
    expect(screen.getByText(/小学：达标/)).toBeTruthy();
    const students = spin("小学在校生");
    expect(students.value).toBe("500");
    fireEvent.change(students, { target: { value: "620" } });
    fireEvent.blur(students);
    await screen.findByText(/小学：不达标（原 达标）/);
    expect(screen.getByText("城关小学 小学在校生 +120")).toBeTruthy();
    expect(screen.getByText(/高学历教师：5\.00 → 4\.03/)).toBeTruthy();
    expect(screen.getByText("全县资源配置未达标")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await screen.findByText(/小学：达标/);
    expect(screen.getByText("尚无修改。")).toBeTruthy();
  });

  it("steps of one school merge into one edit; another school's changes are separate", async () => {
    setup();
    const key = spin("小学 骨干教师");
    fireEvent.keyDown(key, { key: "ArrowUp" });
    fireEvent.keyDown(key, { key: "ArrowUp" });
    await screen.findByText("城关小学 小学骨干教师 +2 人");
    fireEvent.change(screen.getByRole("combobox", { name: "学校" }), { target: { value: "第二小学" } });
    const area = spin("教学用房（㎡）");
    fireEvent.keyDown(area, { key: "ArrowDown" });
    await screen.findByText("第二小学 教学用房 -100 ㎡");
    expect(screen.getAllByRole("listitem").filter((li) => li.closest("ol"))).toHaveLength(2);
  });

  it("an area typed with decimals is the difference as written, however binary floating point subtracts", async () => {
    setup();
    const area = spin("教学用房（㎡）");
    // 2500.7 − 2500 is 0.6999999999998181 in floating point
    fireEvent.change(area, { target: { value: "2500.7" } });
    fireEvent.blur(area);
    await screen.findByText("城关小学 教学用房 +0.7 ㎡");
    // the next change to the same number is merged into the edit: 0.7 + 0.4
    fireEvent.change(area, { target: { value: "2501.1" } });
    fireEvent.blur(area);
    await screen.findByText("城关小学 教学用房 +1.1 ㎡");
    expect(screen.getAllByRole("listitem").filter((li) => li.closest("ol"))).toHaveLength(1);
  });

  it("part of a teacher typed is refused under its edit, by the profile's whole counts; the number typed next replaces it", async () => {
    setup();
    const key = spin("小学 骨干教师");
    fireEvent.change(key, { target: { value: "8.5" } });
    fireEvent.blur(key);
    await screen.findByText("城关小学 小学骨干教师 +2.5 人");
    await screen.findByText("未应用：修改无效（应为整数，这里是 2.5：骨干教师按整人计）");
    expect(document.querySelector('[data-edit="0"]')?.getAttribute("data-applied")).toBe("no");
    // the school still has its 6: 8 is 2 more, in place of the edit refused
    fireEvent.change(key, { target: { value: "8" } });
    fireEvent.blur(key);
    await screen.findByText("城关小学 小学骨干教师 +2 人");
    expect(screen.queryByText(/^未应用/)).toBeNull();
    expect(screen.getAllByRole("listitem").filter((li) => li.closest("ol"))).toHaveLength(1);
  });

  it("a profile counting key teachers in parts takes part of one", async () => {
    const parsed = parseProfile({
      extends: "national-2017",
      indicators: { keyTeachers: { integral: false } },
    });
    if (!parsed.ok) throw new Error("the profile must be one");
    renderWhatIf([school("城关小学", 500)], "zh", parsed.profile);
    const key = spin("小学 骨干教师");
    fireEvent.change(key, { target: { value: "8.5" } });
    fireEvent.blur(key);
    await screen.findByText("城关小学 小学骨干教师 +2.5 人");
    expect(document.querySelector('[data-edit="0"]')?.getAttribute("data-applied")).toBe("yes");
    expect(screen.queryByText(/^未应用/)).toBeNull();
  });

  it("equipment typed in 万元, as the field asks, is no doubt about its unit however small the change", async () => {
    setup();
    const equipment = spin("仪器设备（万元）");
    expect(equipment.value).toBe("120");
    fireEvent.change(equipment, { target: { value: "120.05" } });
    fireEvent.blur(equipment);
    await screen.findByText("城关小学 仪器设备 +500 元");
    expect(screen.queryByText(/以元计/)).toBeNull();
  });

  it("saves the scenario as a sheet: the edits and the resulting compliance", async () => {
    const { written } = setup();
    fireEvent.change(spin("小学在校生"), { target: { value: "620" } });
    fireEvent.blur(spin("小学在校生"));
    await screen.findByText(/小学：不达标/);
    fireEvent.click(screen.getByRole("button", { name: "将模拟方案保存为工作表" }));
    await waitFor(() => expect(written).toHaveLength(1));
    const [sheet] = written[0];
    expect(sheet.key).toBe("scenario");
    expect(sheet.name).toBe("模拟方案");
    const text = sheet.rows.flat().map((c) => c.value);
    expect(text).toContain("城关小学 小学在校生 +120");
    expect(text).toContain("不达标");
    expect(text).toContain("模拟后：资源配置未达标");
    // what the screen says of the edit's cost and the total, the sheet says too
    const onScreen = [...document.querySelectorAll("[data-edit-cost], [data-whatif-cost]")].map(
      (e) => e.textContent,
    );
    expect(onScreen).toEqual([
      "费用：不计费用（在校生变化不是成本模型计价的投入）",
      "费用合计（按规划的单位成本）：0.00 万元；另有 1 项不计费用",
    ]);
    expect(text).toEqual(expect.arrayContaining(onScreen));
    await screen.findByText("已写入工作表：模拟方案");
  });

  it("speaks English when asked", () => {
    setup("en");
    expect(screen.getByText(/Primary: Pass/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save the scenario as a sheet" })).toBeTruthy();
  });
});
