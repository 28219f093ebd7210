/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The web app's 下载工作簿 of a workbook holding what the download cannot carry (a pivot table, a chart beside a
 * picture): the note under the button names each, on its sheet, Chinese first; a workbook whose charts are all
 * carried gets no such note. (The Node build of exceljs's uuid, by the export conditions above: jsdom would pick
 * its browser module, which Jest cannot load.)
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { WebApp } from "../../src/web/WebApp";
import { withoutResizeObserver } from "../taskpane/paneDom";
import { bookWith } from "../xlsx/partsBook";
import { openWorkbook } from "./openWorkbook";

withoutResizeObserver();
// the reader decodes the workbook's XML as the browser does; jsdom has no TextDecoder
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

/** the files the page saved, by name: jsdom has no object URLs, and a link's click would navigate */
const saved: string[] = [];
beforeAll(() => {
  URL.createObjectURL = () => "blob:balance";
  URL.revokeObjectURL = () => undefined;
  document.addEventListener("click", (e) => {
    const link = e.target as HTMLAnchorElement;
    if (link.download) {
      saved.push(link.download);
      e.preventDefault();
    }
  });
});

async function download(lang: "zh" | "en", name: string, bytes: Uint8Array): Promise<void> {
  render(<WebApp lang={lang} theme="light" />);
  await openWorkbook(name, bytes, lang === "zh" ? "读取并检查" : "Read and check");
  fireEvent.click(screen.getByRole("button", { name: lang === "zh" ? "下载工作簿" : "Download workbook" }));
  await waitFor(() => expect(document.querySelector('[data-download-note="done"]')).not.toBeNull());
}

describe("下载工作簿 of a workbook with parts the download cannot carry", () => {
  it("names them under the button, on their sheets, Chinese first", async () => {
    await download("zh", "统计.xlsx", await bookWith(["chart", "picture", "pivot", "vba"]));
    expect(saved).toContain("统计-均衡评估.xlsx");
    expect(document.querySelector("[data-download-lost]")!.textContent).toBe(
      "原工作簿中的以下内容不会出现在下载的新工作簿中（原文件未改动）：" +
        "工作表“统计”中的 1 个图表；工作表“学校”中的 1 个数据透视表；宏（VBA 工程）。",
    );
  });

  it("in English", async () => {
    await download("en", "stats.xlsm", await bookWith(["chart", "picture", "chart"]));
    expect(document.querySelector("[data-download-lost]")!.textContent).toBe(
      "Not carried into the downloaded workbook (the original file is unchanged): on sheet 统计: 2 charts.",
    );
  });

  it("says nothing of charts the download carries", async () => {
    await download("zh", "统计.xlsx", await bookWith(["chart"]));
    expect(document.querySelector('[data-download-note="done"]')!.textContent).toMatch(
      /^已下载“统计-均衡评估.xlsx”/,
    );
    expect(document.querySelector("[data-download-lost]")).toBeNull();
  });
});
