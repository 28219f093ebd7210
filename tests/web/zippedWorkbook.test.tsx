/** @jest-environment jsdom */
/**
 * The web app's first screen given a county's workbook zipped (白狼县2025.zip, as the statistics system downloads
 * it or the league emails it): the one spreadsheet in it is opened, and the screen says which, Chinese first; an
 * archive of several still names them, and says to open it in 盟市汇总, which reads them together. 对比 takes the
 * earlier year's workbook zipped the same way, named through its archive as `balance compare` names it.
 */
import { File as NodeFile } from "node:buffer";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { strToU8, zipSync } from "fflate";
import { countyRows, rawBook, rawSheet } from "../trust/hostileBooks";
import { WebApp } from "../../src/web/WebApp";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";

withoutResizeObserver();
// the reader decodes the workbook's XML as the browser does; jsdom has no TextDecoder
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const BOOK = rawBook([rawSheet(countyRows())]);

/** Chooses `bytes` as `name` in the file chooser `id` (the first screen's by default), as a clerk does. */
function choose(name: string, bytes: Uint8Array, id = "workbook-file"): void {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  // jsdom's File cannot give its bytes; Node's can, as the browser's does
  Object.defineProperty(input, "files", { value: [new NodeFile([bytes], name)], configurable: true });
  fireEvent.change(input);
}

describe("the first screen given a county's workbook zipped", () => {
  it("offers archives in its file chooser", () => {
    render(<WebApp lang="zh" theme="light" />);
    expect(document.querySelector<HTMLInputElement>("#workbook-file")!.accept).toContain(".zip");
  });

  it("opens the one workbook in it, macOS's and Excel's leftovers and a note left out, and says which", async () => {
    const zip = zipSync({
      "白狼县2025.xlsx": BOOK,
      "~$白狼县2025.xlsx": new Uint8Array([1, 2]),
      "__MACOSX/._白狼县2025.xlsx": new Uint8Array([3]),
      "说明.txt": strToU8("请查收。\n"),
    });
    render(<WebApp lang="zh" theme="light" />);
    choose("白狼县2025.zip", zip);
    await screen.findByRole("button", { name: "读取并检查" });
    const bar = document.querySelector("[data-file-bar]")!;
    expect(bar.textContent).toContain("已打开“白狼县2025.xlsx”，共 1 个工作表");
    expect(document.querySelector("[data-from-archive]")!.textContent).toBe(
      "读取压缩包“白狼县2025.zip”中的“白狼县2025.xlsx”",
    );
  });

  it("names the workbooks of an archive of several, and says to open it in 盟市汇总", async () => {
    const zip = zipSync({ "白狼县2025.xlsx": BOOK, "突泉县2025.xlsx": BOOK });
    render(<WebApp lang="zh" theme="light" />);
    choose("两县.zip", zip);
    const error = await waitFor(() => {
      const found = document.querySelector("[data-open-error]");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(error.textContent).toContain("其中有表格文件“白狼县2025.xlsx”、“突泉县2025.xlsx”：请先解压");
    expect(error.textContent).toContain("要一并读取其中的各个工作簿，请在“盟市汇总”中打开这个压缩包");
  });
});

describe("对比 given the earlier year's workbook zipped", () => {
  /** This year's workbook opened and checked, then the 对比 tab: its file chooser, and the first screen's. */
  async function compareTab(): Promise<{ input: HTMLInputElement; first: HTMLInputElement }> {
    render(<WebApp lang="zh" theme="light" />);
    const first = document.querySelector<HTMLInputElement>("#workbook-file")!;
    choose("白狼县2025.xlsx", BOOK);
    await screen.findByRole("button", { name: "读取并检查" });
    await readAndCheck();
    fireEvent.click(screen.getByRole("tab", { name: "对比" }));
    return waitFor(() => {
      const input = document.querySelector<HTMLInputElement>("#earlier-file");
      expect(input).not.toBeNull();
      return { input: input!, first };
    });
  }

  it("offers in its file chooser the files the first screen offers", async () => {
    const { input, first } = await compareTab();
    expect(input.accept).toBe(first.accept);
    expect(input.accept.split(",")).toContain(".zip");
  });

  it("compares with the one workbook in it, named through the archive, its year the archive's", async () => {
    await compareTab();
    // the workbook's name gives no year: the archive's does, as balance compare reads 压缩包名/文件名
    choose(
      "白狼县2024.zip",
      zipSync({ "学校统计.xlsx": BOOK, "说明.txt": strToU8("请查收。\n") }),
      "earlier-file",
    );
    await waitFor(() => expect(document.querySelector("[data-trend]")).not.toBeNull());
    expect(document.querySelector("[data-earlier]")!.textContent).toMatch(
      /^较早一年：“白狼县2024\.zip\/学校统计\.xlsx”的工作表“.+”，\d+ 所学校$/u,
    );
    expect(screen.getByRole("textbox", { name: "较早年份" })).toHaveProperty("value", "2024");
  });
});
