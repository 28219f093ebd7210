/** @jest-environment jsdom */
/**
 * The 模拟 view's forms for the edits that change which schools there are (新建、撤并、撤销学校), rotate teachers
 * (交流教师) and move pupils (调整学区), driven as a planner would: each form checked by the engine's own rules and
 * messages, each edit listed in order, removable, the county evaluated again after each.
 */
import { configure, fireEvent, screen, within } from "@testing-library/react";
import type { SchoolRecord } from "../../src/engine/records";
import { withoutResizeObserver } from "../taskpane/paneDom";
import { juniorSchool, school } from "./schools";
import { renderWhatIf, spin } from "./whatifDom";

withoutResizeObserver();
configure({ defaultHidden: true });
jest.setTimeout(60000);

/** A junior school of 400 pupils. */
const juniorSchoolOf400 = juniorSchool("青山镇中学");

const county = () => [school("城关第一小学", 500), school("红石乡中心小学", 300), juniorSchoolOf400];

const kind = (code: string) =>
  fireEvent.change(screen.getByRole("combobox", { name: "调整方式" }), { target: { value: code } });
const pick = (label: string, text: string) =>
  fireEvent.change(screen.getByRole("combobox", { name: label }), { target: { value: text } });
const setNumber = (label: string, value: number) => {
  const field = spin(label);
  fireEvent.change(field, { target: { value: String(value) } });
  fireEvent.blur(field);
};
const add = () => fireEvent.click(screen.getByRole("button", { name: "加入修改清单" }));
const listed = () =>
  screen.queryByRole("list", { name: "修改清单" })
    ? within(screen.getByRole("list", { name: "修改清单" }))
        .getAllByRole("listitem")
        .map((li) => li.querySelector("[data-edit-text]")?.textContent ?? "")
    : [];
const notAdded = () => document.querySelector("[data-not-added]")?.textContent;
const schoolsOffered = () =>
  within(screen.getByRole("combobox", { name: "学校" }))
    .getAllByRole("option")
    .map((o) => o.textContent);

describe("What-if forms for schools opened, merged, closed and teachers rotated", () => {
  it("a merge that would lose pupils is refused at its field; a merge that moves them is listed and evaluated", async () => {
    const point: SchoolRecord = { ...school("红石乡柳树屯教学点", 30), type: "teachingPoint" };
    renderWhatIf([...county(), point]);
    kind("mergeSchool");
    pick("被撤并的学校", "青山镇中学");
    pick("并入学校", "红石乡柳树屯教学点");
    add();
    await screen.findByText("学校“红石乡柳树屯教学点”没有初中学段，初中在校生 400 人无处计入，未应用");
    expect(notAdded()).toContain("未加入修改清单：青山镇中学 并入 红石乡柳树屯教学点");
    expect(listed()).toEqual([]);

    pick("被撤并的学校", "红石乡中心小学");
    pick("并入学校", "城关第一小学");
    add();
    await screen.findByText("已加入：红石乡中心小学 并入 城关第一小学");
    expect(listed()).toEqual(["红石乡中心小学 并入 城关第一小学"]);
    // 50 qualified teachers for 800 pupils: the county evaluated again, as after a stepper
    expect(screen.getByText(/高学历教师：5\.00 → 6\.25/)).toBeTruthy();
    expect(schoolsOffered()).toEqual(["城关第一小学", "青山镇中学", "红石乡柳树屯教学点"]);
  });

  it("a merger says under its edit what moved, the receiving school's new type and what it holds", async () => {
    renderWhatIf(county());
    kind("mergeSchool");
    pick("被撤并的学校", "青山镇中学");
    pick("并入学校", "城关第一小学");
    add();
    await screen.findByText("已加入：青山镇中学 并入 城关第一小学");
    const [item] = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    const said = item.querySelector("[data-edit-effect]")?.textContent ?? "";
    // 青山镇中学's 400 pupils, 28 + 6 + 5 teachers, 2,800 ㎡, 5,000 ㎡, 100 万元 and 10 rooms, added to 城关第一小学's
    // 500 pupils, 25 + 6 + 5 teachers, 2,500 ㎡, 4,000 ㎡, 120 万元 and 13 rooms
    expect(said).toContain(
      "青山镇中学并入城关第一小学：初中在校生 +400 人，初中高学历教师 +28 人，初中骨干教师 +6 人，初中体艺教师 +5 人，" +
        "教学用房 +2,800 ㎡，运动场馆 +5,000 ㎡，仪器设备 +100.00 万元，多媒体教室 +10 间；学校类型由小学改为九年一贯制学校；",
    );
    expect(said).toContain("教学用房 5,300 ㎡，运动场馆 9,000 ㎡，仪器设备 220.00 万元，多媒体教室 23 间");
    // 28 qualified teachers for 400 junior pupils: 7.00 per 100
    expect(said).toContain("模拟后该校初中 7 项指标达到");
    expect(said).toContain("高学历教师 7.00");
    expect(schoolsOffered()).toEqual(["城关第一小学", "红石乡中心小学"]);
  });

  it("closing a school with its pupils is listed with the engine's warning; removing the edit restores the county", async () => {
    renderWhatIf(county());
    kind("closeSchool");
    pick("撤销的学校", "红石乡中心小学");
    add();
    await screen.findByText("已加入：撤销学校 红石乡中心小学");
    const [item] = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    expect(item.textContent).toContain(
      "提示：撤销后，“红石乡中心小学”的 300 名学生不再计入任何学校；要把学生和教师转入另一所学校，请改用“撤并学校”",
    );
    expect(schoolsOffered()).toEqual(["城关第一小学", "青山镇中学"]);
    fireEvent.click(screen.getByRole("button", { name: "删除第 1 项" }));
    await screen.findByText("尚无修改。");
    expect(schoolsOffered()).toEqual(["城关第一小学", "红石乡中心小学", "青山镇中学"]);
  });

  it("a name no school has is refused with the schools one character away", async () => {
    renderWhatIf(county());
    kind("closeSchool");
    pick("撤销的学校", "城关第一小雪");
    add();
    await screen.findByText("找不到学校“城关第一小雪”；是否指“城关第一小学”？");
    expect(listed()).toEqual([]);
  });

  it("opening a school: the edits' schema checks the form, then the new school is evaluated with the county", async () => {
    renderWhatIf(county());
    // the first form is 新建学校
    add();
    await screen.findByText("修改无效（不能为空）");
    expect(listed()).toEqual([]);

    fireEvent.change(screen.getByRole("textbox", { name: "新学校名称" }), {
      target: { value: "新区第一小学" },
    });
    setNumber("新校 小学在校生", 600);
    setNumber("新校 小学 高学历教师", 30);
    setNumber("新校 小学 骨干教师", 7);
    setNumber("新校 小学 体艺教师", 6);
    setNumber("新校 教学用房（㎡）", 3000);
    setNumber("新校 运动场馆（㎡）", 5000);
    setNumber("新校 仪器设备（万元）", 150);
    setNumber("新校 多媒体教室（间）", 15);
    add();
    await screen.findByText("已加入：新建学校 新区第一小学");
    expect(listed()).toEqual(["新建学校 新区第一小学"]);
    expect(schoolsOffered()).toContain("新区第一小学");
    fireEvent.change(screen.getByRole("combobox", { name: "学校" }), { target: { value: "新区第一小学" } });
    const table = await screen.findByRole("table", { name: "新区第一小学 · 小学：7 项指标" });
    // 150 万元 typed is 1,500,000 元 for 600 pupils
    const equipment = table.querySelector('tr[data-indicator="equipmentValue"]');
    expect(equipment?.textContent).toContain("2,500.00");

    // the same name again
    fireEvent.change(screen.getByRole("textbox", { name: "新学校名称" }), {
      target: { value: "城关第一小学" },
    });
    add();
    await screen.findByText("已有名为“城关第一小学”的学校");
    expect(listed()).toHaveLength(1);
  });

  it("a new school's equipment per pupil that doubts its unit is said in the form and the list, in 万元 as typed", async () => {
    renderWhatIf(county());
    const open = (name: string, equipment: number) => {
      fireEvent.change(screen.getByRole("textbox", { name: "新学校名称" }), { target: { value: name } });
      setNumber("新校 小学在校生", 600);
      setNumber("新校 小学 高学历教师", 30);
      setNumber("新校 仪器设备（万元）", equipment);
      add();
    };
    const warned = () => [...document.querySelectorAll("[data-added-warning]")].map((e) => e.textContent);
    // 0.5 万元 (shown 0.50, as the field shows it) is 5,000 元 for 600 pupils: 8.33 元 each, below the 50 元 of docs/standard.md#equipment-unit
    open("新区第一小学", 0.5);
    await screen.findByText("已加入：新建学校 新区第一小学");
    const low =
      "提示：仪器设备值 0.50 万元，折合生均仅 8.33 元，低于 50 元：请核对数值（此处按万元填写，如 120 万元填 120）";
    expect(warned()).toEqual([low]);
    // 1,500,000 typed (the 元 of 150 万元) is 1.5 × 10¹⁰ 元: 25,000,000 元 each, above 1,000,000
    open("新区第二小学", 1_500_000);
    await screen.findByText("已加入：新建学校 新区第二小学");
    const high =
      "提示：仪器设备值 1,500,000 万元，折合生均达 25,000,000 元，高于 1,000,000 元：是否按元填写了？此处按万元填写，请换算为万元";
    expect(warned()).toEqual([high]);
    // the list says it of each edit, without the 元 the edits file takes
    const items = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    expect(items.map((li) => li.textContent?.includes(low) || li.textContent?.includes(high))).toEqual([
      true,
      true,
    ]);
    expect(document.body.textContent).not.toContain("以元计");
    // a figure that raises no doubt: 150 万元 for 600 pupils is 2,500 元 each
    open("新区第三小学", 150);
    await screen.findByText("已加入：新建学校 新区第三小学");
    expect(warned()).toEqual([]);
  });

  it("a new school's name typed with an override is added without it, and the form says what was removed", async () => {
    renderWhatIf(county());
    fireEvent.change(screen.getByRole("textbox", { name: "新学校名称" }), {
      target: { value: "新区\u202e第一小学" },
    });
    setNumber("新校 小学在校生", 600);
    setNumber("新校 小学 高学历教师", 30);
    setNumber("新校 仪器设备（万元）", 150);
    add();
    await screen.findByText("已加入：新建学校 新区第一小学");
    expect(listed()).toEqual(["新建学校 新区第一小学"]);
    expect([...document.querySelectorAll("[data-added-warning]")].map((e) => e.textContent)).toEqual([
      "提示：名称中有 1 个不可见的控制字符（<U+202E>），已去除，读作“新区第一小学”",
    ]);
    expect(schoolsOffered()).toContain("新区第一小学");
    expect(schoolsOffered().some((s) => s?.includes("\u202e"))).toBe(false);
  });

  it("rotating teachers: more than a school has or part of a teacher is refused at the count", async () => {
    renderWhatIf(county());
    kind("transferTeachers");
    pick("派出学校", "城关第一小学");
    pick("接收学校", "红石乡中心小学");
    fireEvent.change(screen.getByRole("combobox", { name: "教师类别" }), {
      target: { value: "keyTeachers" },
    });
    setNumber("人数", 7);
    add();
    await screen.findByText("学校“城关第一小学”小学骨干教师只有 6 人，不能派出 7 人，未应用");
    setNumber("人数", 1.5);
    add();
    await screen.findByText(/^修改无效（应为整数/);
    setNumber("人数", 2);
    add();
    await screen.findByText("已加入：骨干教师 2 人：城关第一小学（小学）→ 红石乡中心小学（小学）");
    expect(screen.getByText(/骨干教师：1\.20 → 0\.80/)).toBeTruthy();

    // a degree is asked of a junior teacher: the engine's warning shows with the edit
    pick("接收学校", "青山镇中学");
    fireEvent.change(screen.getByRole("combobox", { name: "接收学段" }), { target: { value: "junior" } });
    fireEvent.change(screen.getByRole("combobox", { name: "教师类别" }), {
      target: { value: "qualifiedTeachers" },
    });
    add();
    await screen.findByText("已加入：高学历教师 2 人：城关第一小学（小学）→ 青山镇中学（初中）");
    const items = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    expect(items[1].textContent).toContain("提示：小学的高学历教师指专科及以上，初中指本科及以上");
  });

  it("moving pupils (调整学区): refusals at their fields, then the move listed with what it did and both schools evaluated", async () => {
    renderWhatIf(county());
    kind("moveStudents");
    pick("调出学校", "城关第一小学");
    pick("调入学校", "红石乡中心小学");
    // more pupils than the school has
    setNumber("调整人数", 600);
    add();
    await screen.findByText("学校“城关第一小学”小学在校生只有 500 人，不能调出 600 人，未应用");
    // a level the sending school does not have
    setNumber("调整人数", 150);
    fireEvent.change(screen.getByRole("combobox", { name: "学生所在学段" }), { target: { value: "junior" } });
    add();
    await screen.findByText("学校“城关第一小学”没有初中学段");
    // to itself
    fireEvent.change(screen.getByRole("combobox", { name: "学生所在学段" }), {
      target: { value: "primary" },
    });
    pick("调入学校", "城关第一小学");
    add();
    await screen.findByText("调出和调入是同一所学校“城关第一小学”，调整不改变任何数值，未应用");
    expect(listed()).toEqual([]);

    pick("调入学校", "红石乡中心小学");
    add();
    await screen.findByText("已加入：调整学区 小学在校生 150 人：城关第一小学 → 红石乡中心小学");
    expect(listed()).toEqual(["调整学区 小学在校生 150 人：城关第一小学 → 红石乡中心小学"]);
    const [item] = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    // 500 − 150 and 300 + 150; the teachers and facilities of each school stay
    expect(item.querySelector("[data-edit-effect]")?.textContent).toContain(
      "小学在校生 150 人由城关第一小学调入红石乡中心小学，教师和设施不随之调整；" +
        "调整后城关第一小学有小学在校生 350 人，红石乡中心小学有小学在校生 450 人；",
    );
    expect(item.textContent).toContain("不计费用（学生调整不是成本模型计价的投入）");
    // 25 qualified teachers for 350 pupils and for 450, per 100: both schools evaluated again
    expect(screen.getByText(/高学历教师：5\.00 → 7\.14/)).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "学校" }), { target: { value: "红石乡中心小学" } });
    expect(await screen.findByText(/高学历教师：8\.33 → 5\.56/)).toBeTruthy();
  });

  it("an edit left without its school says why; a school an earlier edit closed is named with that edit", async () => {
    renderWhatIf(county());
    fireEvent.change(screen.getByRole("textbox", { name: "新学校名称" }), {
      target: { value: "新区第一小学" },
    });
    setNumber("新校 小学在校生", 200);
    add();
    await screen.findByText("已加入：新建学校 新区第一小学");
    kind("transferTeachers");
    pick("派出学校", "城关第一小学");
    pick("接收学校", "新区第一小学");
    add();
    await screen.findByText("已加入：高学历教师 1 人：城关第一小学（小学）→ 新区第一小学（小学）");
    kind("closeSchool");
    pick("撤销的学校", "红石乡中心小学");
    add();
    await screen.findByText("已加入：撤销学校 红石乡中心小学");
    kind("transferTeachers");
    pick("接收学校", "红石乡中心小学");
    add();
    await screen.findByText("找不到学校“红石乡中心小学”（已由第 3 项撤销）");
    expect(listed()).toHaveLength(3);

    // the new school removed: the rotation to it is kept in its place, not applied, and says why
    fireEvent.click(screen.getByRole("button", { name: "删除第 1 项" }));
    await screen.findByText("未应用：找不到学校“新区第一小学”");
    const items = screen.getAllByRole("listitem").filter((li) => li.closest("ol"));
    expect(items.map((li) => li.getAttribute("data-applied"))).toEqual(["no", "yes"]);
  });

  it("speaks English when asked", async () => {
    renderWhatIf(county(), "en");
    fireEvent.change(screen.getByRole("combobox", { name: "Change" }), { target: { value: "mergeSchool" } });
    fireEvent.change(screen.getByRole("combobox", { name: "School merged away" }), {
      target: { value: "青山镇中学" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Merged into" }), {
      target: { value: "城关第一小学" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add to the edits" }));
    // the merger applies, and what moved is said in English under the edit
    await screen.findByText(/^青山镇中学 merged into 城关第一小学: junior students \+400, /);
    expect(document.querySelector("[data-edit-effect]")?.textContent).toContain(
      "its type changes from primary school to nine-year school",
    );
  });
});
