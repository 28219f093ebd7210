/** @jest-environment jsdom */
/**
 * The web app in a full window, 1280 px wide: the views 模拟, 规划 and 对比 are no wider than the column mapping of
 * step 2, so that an indicator's figures stay beside its name and a field beside its label, not a screen's width
 * apart. jsdom lays nothing out: the widths asserted are the style sheets' caps, as the browser applies them.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { countyRows, rawBook, rawSheet } from "../trust/hostileBooks";
import { WebApp } from "../../src/web/WebApp";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { openWorkbook } from "./openWorkbook";

withoutResizeObserver();
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const WINDOW = 1280;

/** An element's max-width in px, the rem the style sheets give it taken at the page's 16 px; null for none. */
function maxWidthPx(element: Element): number | null {
  const value = getComputedStyle(element).maxWidth;
  const rem = /^([\d.]+)rem$/u.exec(value);
  if (rem) return Number(rem[1]) * 16;
  const px = /^([\d.]+)px$/u.exec(value);
  return px ? Number(px[1]) : null;
}

describe("the web app's wide views in a 1280 px window", () => {
  it("模拟, 规划 and 对比 are each capped at the column mapping's width, well inside the window", async () => {
    render(<WebApp lang="zh" theme="light" />);
    await openWorkbook("白狼县.xlsx", rawBook([rawSheet(countyRows())]));
    await readAndCheck();
    await screen.findByText("没有发现问题。");
    // the column mapping of step 2: a field beside the column it is read from
    const rows = [...document.querySelectorAll("[data-mapping-row]")];
    expect(rows.length).toBeGreaterThan(0);
    const cap = maxWidthPx(rows[0]);
    expect(cap).not.toBeNull();
    expect(cap).toBeLessThan(WINDOW);
    const views: [string, string][] = [
      ["模拟", "[data-print-page='whatif']"],
      ["规划", "[data-print-page='plan']"],
      ["对比", "[data-print-page='compare']"],
    ];
    for (const [tab, selector] of views) {
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      const view = await waitFor(() => {
        const found = document.querySelector(selector);
        expect(found).not.toBeNull();
        return found!;
      });
      expect([tab, maxWidthPx(view)]).toEqual([tab, cap]);
    }
  });
});
