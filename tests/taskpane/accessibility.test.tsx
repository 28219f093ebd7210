/** @jest-environment jsdom */
/**
 * What a screen reader finds in the pane and the web app (WCAG 2.0 AA, which GB/T 37668 follows): the language
 * switch named with the word it shows, in the page's language; the views' parts as headings; the tabs in a landmark;
 * a message bar that appears after a click read out, once, errors at once and notices politely, and every bar in a
 * landmark; each tab tied to its panel; the focus kept when an action takes away what had it. The browser test (tests/e2e/accessibility.e2e.test.ts) walks
 * the same screens by keyboard and scans them with axe-core.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Pane } from "../../src/taskpane/Pane";
import { WebApp } from "../../src/web/WebApp";
import { FakeHost } from "./fakeHost";
import { smallCounty, tableOf } from "./county";
import { readAndCheck, withoutResizeObserver } from "./paneDom";

withoutResizeObserver();
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

/**
 * What the live regions say from now on: each message put into one (a span, taken away again after a moment) with
 * the region's politeness, and every element that is a live region of its own when its words appear.
 */
function listen(): { said: { live: string; words: string }[]; stop(): void } {
  const said: { live: string; words: string }[] = [];
  const watch = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        const region = (node as Element).closest?.('[aria-live], [role="alert"], [role="status"]');
        if (!region) continue;
        const live = region.getAttribute("aria-live") ?? region.getAttribute("role") ?? "";
        // jsdom draws nothing, so it keeps innerText as it was set rather than as text
        said.push({ live, words: (node as HTMLElement).innerText || node.textContent || "" });
      }
  });
  watch.observe(document.body, { childList: true, subtree: true });
  return { said, stop: () => watch.disconnect() };
}

/** The landmark an element is in (HTML's own or an ARIA role), if any. */
const landmarkOf = (el: Element) =>
  el.closest(
    'main, nav, aside, body > header, div:not(main):not(section) > header, section[aria-label], section[aria-labelledby], [role="main"], [role="navigation"], [role="region"][aria-label], [role="banner"], [role="complementary"]',
  );

/** Opens a file the web app cannot read, from its file chooser. */
async function openBadFile(): Promise<void> {
  const { File: NodeFile } = await import("node:buffer");
  const input = document.querySelector<HTMLInputElement>("#workbook-file")!;
  Object.defineProperty(input, "files", {
    value: [new NodeFile([new Uint8Array([1, 2, 3, 4])], "坏文件.xlsx")],
    configurable: true,
  });
  fireEvent.change(input);
  await waitFor(() => expect(document.querySelector("[data-open-error]")).not.toBeNull());
}

describe("the language switch", () => {
  it("is named by what it does and by the word on it, each in its own language", () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    // (the part not drawn is positioned, so a browser may put a space between the two)
    const zh = screen.getByRole("button", { name: /^界面语言：\s?English$/ });
    // the word seen is the word a speech user says (WCAG 2.5.3), and it is spoken as English
    expect(zh.querySelector('[lang="en"]')?.textContent).toBe("English");
    fireEvent.click(zh);
    const en = screen.getByRole("button", { name: /^Language:\s+中文$/ });
    expect(en.querySelector('[lang="zh-CN"]')?.textContent).toBe("中文");
  });
});

describe("landmarks and headings", () => {
  it("puts the tabs in a named navigation landmark", () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    const nav = screen.getByRole("navigation", { name: "视图" });
    expect(nav.querySelectorAll('[role="tab"]').length).toBeGreaterThan(0);
  });

  it("titles the parts of 模拟 and 规划 with headings a screen reader can jump between", async () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    for (const name of ["小学", "全校设施", "学校布局调整", "修改清单（0）"])
      expect(await screen.findByRole("heading", { level: 2, name })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    expect(await screen.findByRole("heading", { level: 2, name: "单位成本（元）" })).toBeTruthy();
  });
});

describe("the workbook view", () => {
  it("lets the keyboard scroll a sheet: the sheet's frame is a stop, a region named by the sheet", async () => {
    render(<WebApp lang="zh" theme="light" />);
    fireEvent.click(screen.getByRole("button", { name: "用示例县数据试用" }));
    fireEvent.click(await screen.findByRole("tab", { name: "工作簿" }));
    const table = await waitFor(() => {
      const found = document.querySelector<HTMLElement>("table[data-sheet]");
      if (!found) throw new Error("no sheet yet");
      return found;
    });
    const frame = screen.getByRole("region", { name: table.dataset.sheet });
    expect(frame.contains(table)).toBe(true);
    expect(frame.tabIndex).toBe(0);
  });
});

describe("a result that appears after a click", () => {
  it("规划: the plan's cost and verdict are a status, read out when they appear", async () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    fireEvent.click(await screen.findByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/^经常性支出：/);
    const said = screen.getAllByRole("status").map((s) => s.textContent ?? "");
    expect(said).toEqual(
      expect.arrayContaining([expect.stringMatching(/^经常性支出：.*(补充后达标|仍未达标)/)]),
    );
  });
});

describe("a message bar: in a landmark, read out once when it appears, errors at once and notices politely", () => {
  it("the web app's bars above the tabs (the workbook open) are in a named region", async () => {
    render(<WebApp lang="zh" theme="light" />);
    fireEvent.click(screen.getByRole("button", { name: "用示例县数据试用" }));
    await screen.findByRole("tab", { name: "工作簿" });
    const bars = [...document.querySelectorAll(".fui-MessageBar")];
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.filter((bar) => landmarkOf(bar) === null)).toEqual([]);
    const region = screen.getByRole("region", { name: "工作簿与提示" });
    expect(region.contains(document.querySelector("[data-file-bar]"))).toBe(true);
  });

  it("an error is said at once (assertive) and a notice politely, each once, the bar no live region itself", async () => {
    const heard = listen();
    const web = render(<WebApp lang="zh" theme="light" />);
    await openBadFile();
    const error = "无法打开“坏文件.xlsx”";
    await waitFor(() => expect(heard.said.filter((s) => s.words.includes(error))).toHaveLength(1));
    // aria-live="assertive" is what role="alert" means
    expect(heard.said.find((s) => s.words.includes(error))?.live).toMatch(/^(assertive|alert)$/);
    // the bar is drawn in the page, not a live region of its own that would say it a second time
    const bar = document.querySelector("[data-open-error]")!;
    expect(bar.textContent).toContain(error);
    expect(bar.closest('[aria-live], [role="alert"], [role="status"]')).toBeNull();
    web.unmount();

    // a notice: 对比 inside Excel compares with a sheet of the workbook
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    const note = await waitFor(() => {
      const found = document.querySelector("[data-sheet-only]");
      if (!found) throw new Error("no note yet");
      return found;
    });
    const words = note.textContent ?? "";
    expect(words).not.toBe("");
    await waitFor(() => expect(heard.said.filter((s) => s.words.includes(words))).toHaveLength(1));
    expect(heard.said.find((s) => s.words.includes(words))?.live).toBe("polite");
    heard.stop();
  });
});

describe("tabs tied to their panels", () => {
  it("each tab controls its panel, which is named by the tab and reached with Tab", async () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    await readAndCheck();
    for (const name of ["检查与报表", "模拟", "规划", "全部指标", "对比"]) {
      fireEvent.click(screen.getByRole("tab", { name }));
      const tab = screen.getByRole("tab", { name, selected: true });
      expect(tab.id).not.toBe("");
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      expect(panel?.getAttribute("role")).toBe("tabpanel");
      expect(panel?.getAttribute("aria-labelledby")).toBe(tab.id);
      expect(panel?.tabIndex).toBe(0);
      expect(panel?.hidden).toBe(false);
      // the one panel shown: every other is hidden or not drawn
      const shown = [...document.querySelectorAll('[role="tabpanel"]')].filter(
        (p) => !(p as HTMLElement).hidden,
      );
      expect(shown).toEqual([panel]);
      expect(screen.getByRole("tabpanel", { name })).toBe(panel);
    }
    fireEvent.click(screen.getByRole("tab", { name: "模拟" }));
    const whatIf = screen.getByRole("tabpanel", { name: "模拟" });
    expect(whatIf.contains(await screen.findByRole("heading", { level: 2, name: "小学" }))).toBe(true);
  });
});

describe("the focus after an action replaces what had it", () => {
  it("web app: a workbook opened puts the focus on the bar that names it", async () => {
    const heard = listen();
    render(<WebApp lang="zh" theme="light" />);
    const sample = screen.getByRole("button", { name: "用示例县数据试用" });
    sample.focus();
    fireEvent.click(sample);
    await screen.findByRole("tab", { name: "工作簿" });
    const focused = document.activeElement as HTMLElement;
    expect(focused.closest("[data-file-bar]")).not.toBeNull();
    expect(focused.textContent).toBe("示例县（虚构的白狼县）");
    expect(focused.tabIndex).toBe(-1);
    // said by the focus, and not by a live region a second time
    expect(heard.said.filter((s) => s.words.includes(focused.textContent ?? ""))).toEqual([]);
    heard.stop();
  });

  it("web app: 打开其他工作簿 and a file that cannot be opened put the focus on the first screen's heading", async () => {
    render(<WebApp lang="zh" theme="light" />);
    fireEvent.click(screen.getByRole("button", { name: "用示例县数据试用" }));
    const another = await screen.findByRole("button", { name: "打开其他工作簿" });
    another.focus();
    fireEvent.click(another);
    const heading = await screen.findByRole("heading", { level: 2, name: "打开学校数据工作簿" });
    expect(document.activeElement).toBe(heading);
    expect(heading.tabIndex).toBe(-1);

    heading.blur();
    await openBadFile();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: "打开学校数据工作簿" })),
    );
  });

  it("pane: 读取并检查, disabled while it reads, has the focus again once it is done", async () => {
    render(<Pane host={new FakeHost(tableOf(smallCounty()), "zh-CN")} />);
    const read = screen.getByRole("button", { name: "读取并检查" }) as HTMLButtonElement;
    read.focus();
    fireEvent.click(read);
    expect(read.disabled).toBe(true);
    // what Chromium does to a focused button disabled (measured in Debian's Chromium 150): the focus to <body>,
    // with a focusout on the button; jsdom keeps the focus on it, and refuses to blur it, so it is taken away
    const away = document.body.appendChild(document.createElement("input"));
    away.focus();
    away.blur();
    away.remove();
    expect(document.activeElement).toBe(document.body);
    await screen.findByRole("heading", { name: "3. 数据检查" });
    await waitFor(() => expect(document.activeElement).toBe(read));
  });

  it("pane: a message bar dismissed gives the focus to the view it was above", async () => {
    const host = new FakeHost(tableOf(smallCounty()), "zh-CN");
    host.failNextWrite = new Error("请求过大");
    render(<Pane host={host} />);
    await readAndCheck();
    fireEvent.click(screen.getByRole("button", { name: "生成报表工作表" }));
    await screen.findByText("Excel 操作失败：请求过大");
    const dismiss = screen.getByRole("button", { name: "关闭" });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(document.querySelector("[data-failure]")).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("tabpanel", { name: "检查与报表" })),
    );
  });
});
