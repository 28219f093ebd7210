/** @jest-environment jsdom */
/**
 * What a screen reader finds in the pane and the web app (WCAG 2.0 AA, which GB/T 37668 follows): the language
 * switch named with the word it shows, in the page's language; the views' parts as headings; the tabs in a landmark;
 * a message bar that appears after a click read out. The browser test (tests/e2e/accessibility.e2e.test.ts) walks
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

describe("a message bar that appears after an action", () => {
  it("is read out: a file that cannot be opened is said in the live region", async () => {
    // what Fluent's announcer puts into its live region (each message a span, removed again after a moment)
    const said: string[] = [];
    const watch = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          const region = (node as Element).closest?.("[aria-live]");
          // jsdom draws nothing, so it keeps innerText as it was set rather than as text
          if (region) said.push((node as HTMLElement).innerText || node.textContent || "");
        }
    });
    watch.observe(document.body, { childList: true, subtree: true });
    render(<WebApp lang="zh" theme="light" />);
    const { File: NodeFile } = await import("node:buffer");
    const input = document.querySelector<HTMLInputElement>("#workbook-file")!;
    Object.defineProperty(input, "files", {
      value: [new NodeFile([new Uint8Array([1, 2, 3, 4])], "坏文件.xlsx")],
      configurable: true,
    });
    fireEvent.change(input);
    const bar = await waitFor(() => {
      const found = document.querySelector("[data-open-error]");
      if (!found) throw new Error("no error yet");
      return found;
    });
    await waitFor(() => expect(said.join(" ")).toContain("无法打开“坏文件.xlsx”"));
    expect(bar.textContent).toContain("无法打开“坏文件.xlsx”");
    watch.disconnect();
  });
});
