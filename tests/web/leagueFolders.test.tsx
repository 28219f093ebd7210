/** @jest-environment jsdom */
/**
 * The web app's whole page in jsdom, a league bureau's year folders given whole: chosen by the first screen's
 * folder chooser (each file with its path in the folder, as the browser gives it) or dropped on the league's drop
 * zone (the browser's entries walked, a folder's reader giving its entries in batches), or dropped on the first
 * screen's own drop zone or anywhere on the page, walked the same way. The counties are shown
 * year by year, the years being the folders' (2025/, 2026/); lock files and files of other kinds are not read;
 * a folder too big to walk is said so and not read, on the first screen and on the league's screen alike. The files
 * are read for real, as .csv school tables.
 */
import { File as NodeFile } from "node:buffer";
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { WebApp } from "../../src/web/WebApp";
import { randomCounty } from "../league/helpers";
import { csvBytes } from "./schoolCsv";
import { withoutResizeObserver } from "../taskpane/paneDom";

withoutResizeObserver();
// the reader decodes text as the browser does; jsdom has no TextDecoder
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

/** 盟/2025/ and 盟/2026/, each with two counties' workbooks, a lock file, notes and a Word file beside them. */
const FOLDER: Record<string, Uint8Array> = {
  "盟/2025/阿尔山市.csv": csvBytes(randomCounty(7301, 8, "阿")),
  "盟/2025/科右前旗.csv": csvBytes(randomCounty(7302, 9, "前")),
  "盟/2025/~$阿尔山市.xlsx": new Uint8Array([0, 1, 2]),
  "盟/2025/说明.docx": new Uint8Array([3, 4, 5]),
  // notes a bureau keeps beside the workbooks, named as text tables may be: no county, as the command line lists
  "盟/2025/说明.txt": Buffer.from("各旗县市报送的工作簿。\n2025年9月汇总。\n", "utf8"),
  "盟/2026/报送要求.html": Buffer.from("<html><body><p>请于月底前报送。</p></body></html>", "utf8"),
  "盟/2026/阿尔山市.csv": csvBytes(randomCounty(7303, 8, "阿")),
  "盟/2026/科右前旗.csv": csvBytes(randomCounty(7304, 9, "前")),
  "盟/2026/.~科右前旗.csv": new Uint8Array([6]),
  "盟/照片.jpg": new Uint8Array([7]),
};

/** A copy of 阿尔山市's 2026 workbook sent again by mistake with other figures: a second file of the year. */
const COPY: Record<string, Uint8Array> = {
  "盟/2026/阿尔山市(副本).csv": csvBytes(randomCounty(7305, 8, "阿")),
};

/** A file of the folder, as the browser's File (jsdom's cannot give its bytes; Node's can). */
const fileOf = (path: string) =>
  new NodeFile([FOLDER[path] ?? COPY[path]], path.split("/").pop()!) as unknown as globalThis.File;

/** Each county's years on screen: its name, then the years of its lines. */
function shownYears(): string[][] {
  return [...document.querySelectorAll("[data-years-county]")].map((c) => [
    c.getAttribute("data-years-county")!,
    ...[...c.querySelectorAll("[data-year]")].map((li) => li.getAttribute("data-year")!),
  ]);
}

/** The two counties, each in 2025 and 2026: four files read, the years' section listing both years. */
async function expectYearByYear(): Promise<void> {
  await screen.findByText(/^盟市汇总：4 个文件/);
  await waitFor(() => expect(document.querySelector("[data-years]")).not.toBeNull());
  expect(document.querySelector("[data-years] h2")?.textContent).toBe("逐年情况");
  expect(shownYears().sort()).toEqual([
    ["科右前旗", "2025", "2026"],
    ["阿尔山市", "2025", "2026"],
  ]);
  expect(document.querySelector("[data-skipped-files]")).toBeNull();
}

/** A browser's entry of a file or a folder, as the walk uses it. */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(done: (file: globalThis.File) => void): void;
  createReader?(): { readEntries(done: (entries: Entry[]) => void): void };
}

/** A browser's entry of a file of the folder, at its path. */
function fileEntry(path: string): Entry {
  return {
    isFile: true,
    isDirectory: false,
    name: path.split("/").pop()!,
    fullPath: `/${path}`,
    file: (done: (file: globalThis.File) => void) => done(fileOf(path)),
  };
}

/** A browser's entry of a folder, whose reader gives its entries in two batches, then none, as Chrome does. */
function folderEntry(path: string, children: Entry[]): Entry {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split("/").pop()!,
    fullPath: `/${path}`,
    createReader: () => {
      const half = Math.max(1, Math.floor(children.length / 2));
      const batches = [children.slice(0, half), children.slice(half)];
      return { readEntries: (done: (entries: Entry[]) => void) => done(batches.shift() ?? []) };
    },
  };
}

/** The folder 盟 as the browser's entries, built from FOLDER's paths. */
function folderOf(root: string, paths: string[]): Entry {
  const here = paths.filter((p) => p.startsWith(`${root}/`));
  const names = [...new Set(here.map((p) => p.slice(root.length + 1).split("/")[0]))];
  return folderEntry(
    root,
    names.map((name) => {
      const path = `${root}/${name}`;
      return here.includes(path) ? fileEntry(path) : folderOf(path, here);
    }),
  );
}

/**
 * Drops the entries on a drop zone (the league's by default; the first screen's workbook zone), or on the page
 * outside any zone, as a browser's drop of folders.
 */
function drop(entries: Entry[], on: "counties" | "workbook" | "page" = "counties"): void {
  const zone = on === "page" ? document.body : document.querySelector(`[data-drop-zone="${on}"]`)!;
  const items = entries.map((entry) => ({ kind: "file", webkitGetAsEntry: () => entry }));
  // a folder is in the drop's files as a file of no bytes: the entries are what tell its files
  fireEvent.drop(zone, { dataTransfer: { items, files: entries.map(() => new NodeFile([], "盟")) } });
}

/** Chooses the files of FOLDER at `paths` by the folder chooser `id`, as a browser gives a folder chosen whole. */
function chooseFolder(id: string, paths: string[]): void {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  expect(input.hasAttribute("webkitdirectory")).toBe(true);
  const files = paths.map((path) => {
    const file = fileOf(path);
    // a browser gives a file of a folder chosen whole its path in the folder; Node's File has none
    Object.defineProperty(file, "webkitRelativePath", { value: path });
    return file;
  });
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

/** What a folder chosen or dropped that holds no spreadsheet is said to be, with what to do instead. */
const FOLDER_EMPTY =
  "所选或拖入的文件夹中没有表格文件（.xlsx、.xls、.csv 等），没有读取。请选择存放各旗县市工作簿的文件夹，或含各年份文件夹（如 2025、2026）的上一级文件夹。";

/** The web app, its league opened with the folder 盟/2025/ chosen whole; the paths of FOLDER. */
async function openFirstYear(): Promise<string[]> {
  render(<WebApp lang="zh" theme="light" />);
  const paths = Object.keys(FOLDER);
  chooseFolder(
    "county-folder",
    paths.filter((p) => p.startsWith("盟/2025/")),
  );
  await screen.findByText(/^盟市汇总：2 个文件/);
  return paths;
}

describe("a league bureau's year folders given to the web app whole", () => {
  it("chosen: each county year by year, by its files' folders; lock files and other files not read", async () => {
    render(<WebApp lang="zh" theme="light" />);
    chooseFolder("county-folder", Object.keys(FOLDER));
    await expectYearByYear();
  });

  it("chosen, in whatever order the browser lists it: the files in the command line's order, so the same copy counts", async () => {
    // a browser gives a folder's files in the order the disk keeps them, not by name; balance batch takes a
    // folder's files by name (docs/cli.md#batch), and of two files of one year counts the later (engine/league.ts)
    render(<WebApp lang="zh" theme="light" />);
    const workbooks = [...Object.keys(FOLDER), ...Object.keys(COPY)].filter(
      (p) => p.endsWith(".csv") && !/\/[.~]/.test(p),
    );
    chooseFolder("county-folder", [...workbooks].reverse());
    await screen.findByText(/^盟市汇总：5 个文件/);
    const files = [...document.querySelectorAll("[data-county]")].map(
      (card) => /文件：(\S+?\.csv)/.exec(card.textContent ?? "")![1],
    );
    // the counted cards first, then the earlier years and the copy, each county's together
    expect(files).toEqual([
      "盟/2026/科右前旗.csv",
      "盟/2026/阿尔山市.csv",
      "盟/2025/科右前旗.csv",
      "盟/2025/阿尔山市.csv",
      "盟/2026/阿尔山市(副本).csv",
    ]);
    // two files of 2026 for 阿尔山市: a warning naming both; the years of 科右前旗 no warning of their own
    expect(document.querySelector('[data-repeated="阿尔山市"]')?.textContent).toContain(
      "阿尔山市 2026 年有 2 个文件（“2026/阿尔山市.csv”“阿尔山市(副本).csv”）：只计入“2026/阿尔山市.csv”",
    );
    expect(document.querySelector('[data-repeated="科右前旗"]')).toBeNull();
  });

  it("chosen a year at a time, the next by the league screen's folder chooser: the same", async () => {
    const paths = await openFirstYear();
    chooseFolder(
      "more-county-folder",
      paths.filter((p) => !p.startsWith("盟/2025/")),
    );
    await expectYearByYear();
  });

  it("dropped: the folder walked, its readers read to the end, gives the same", async () => {
    render(<WebApp lang="zh" theme="light" />);
    drop([folderOf("盟", Object.keys(FOLDER))]);
    await expectYearByYear();
  });

  it("dropped, a folder of more than 10,000 files: said so, in Chinese first, and nothing read", async () => {
    render(<WebApp lang="zh" theme="light" />);
    const many = Array.from({ length: 10_001 }, (_, i) => fileEntry(`大/县${i}.csv`));
    drop([folderEntry("大", many)]);
    const message = await waitFor(() => {
      const bar = document.querySelector("[data-folder-too-many]");
      expect(bar).not.toBeNull();
      return bar!.textContent!;
    });
    expect(message).toBe(
      "拖入的文件夹里文件太多（超过 10000 个文件和文件夹），没有读取。请拖入各年份的文件夹（如 2025、2026），或只拖入其中的工作簿。",
    );
    // still the first screen: no league was opened
    expect(document.querySelector("[data-league-bar]")).toBeNull();
  });

  it("a folder of no workbook, chosen or dropped: said so, and nothing read", async () => {
    render(<WebApp lang="zh" theme="light" />);
    const notes = ["盟/2025/说明.txt", "盟/2025/说明.docx", "盟/照片.jpg"];
    chooseFolder("county-folder", notes);
    const said = FOLDER_EMPTY;
    await waitFor(() => expect(document.querySelector("[data-folder-empty]")?.textContent).toBe(said));
    expect(document.querySelector("[data-league-bar]")).toBeNull();
    drop([folderOf("盟", notes)]);
    await waitFor(() => expect(document.querySelector("[data-folder-empty]")?.textContent).toBe(said));
    expect(document.querySelector("[data-league-bar]")).toBeNull();
  });
});

describe("a folder dropped on the league's screen that adds no county", () => {
  it("of no workbook, then of too many files: each said, in Chinese first, with what to do; the summary kept", async () => {
    const paths = await openFirstYear();
    const notice = () => document.querySelector("[data-league-drop]");
    expect(notice()).toBeNull();

    // the screen's own folder chooser, given a folder of notes: said in the bar, with what to choose instead
    chooseFolder("more-county-folder", ["盟/2025/说明.txt", "盟/2025/说明.docx", "盟/照片.jpg"]);
    await waitFor(() =>
      expect(document.querySelector('[data-download-note="failed"]')?.textContent).toBe(FOLDER_EMPTY),
    );

    // a folder of notes and pictures only
    drop([folderOf("盟", ["盟/2025/说明.txt", "盟/2025/说明.docx", "盟/照片.jpg"])], "page");
    await waitFor(() => expect(notice()?.getAttribute("data-league-drop")).toBe("empty"));
    expect(notice()!.textContent).toBe(
      "拖入的文件或文件夹中没有表格文件（.xlsx、.xls、.csv 等），没有添加任何文件，汇总不变。请拖入各旗县市的工作簿，或存放它们的年份文件夹（如 2025、2026）。",
    );
    expect(screen.getByText(/^盟市汇总：/).textContent).toMatch(/^盟市汇总：2 个文件/);

    const many = Array.from({ length: 10_001 }, (_, i) => fileEntry(`大/县${i}.csv`));
    drop([folderEntry("大", many)], "page");
    await waitFor(() => expect(notice()?.getAttribute("data-league-drop")).toBe("tooMany"));
    expect(notice()!.textContent).toBe(
      "拖入的文件夹里文件太多（超过 10000 个文件和文件夹），没有读取，也没有添加任何文件，汇总不变。请拖入各年份的文件夹（如 2025、2026），或只拖入其中的工作簿。",
    );
    expect(screen.getByText(/^盟市汇总：/).textContent).toMatch(/^盟市汇总：2 个文件/);

    // a drop that adds counties: read, and the notice gone
    drop(
      [
        folderOf(
          "盟",
          paths.filter((p) => p.startsWith("盟/2026/")),
        ),
      ],
      "page",
    );
    await expectYearByYear();
    expect(notice()).toBeNull();
  });
});

describe("a folder dropped on the first screen's drop zone, not the league's, or anywhere on the page", () => {
  it.each(["workbook", "page"] as const)(
    "of several county workbooks in year folders, on the %s: the league's view, year by year, as the league's zone",
    async (on) => {
      render(<WebApp lang="zh" theme="light" />);
      drop([folderOf("盟", Object.keys(FOLDER))], on);
      await expectYearByYear();
    },
  );

  it("of one county workbook beside notes and a lock file: that workbook opened as the county", async () => {
    render(<WebApp lang="zh" theme="light" />);
    const paths = Object.keys(FOLDER).filter((p) => p.startsWith("盟/2025/") && !p.includes("科右前旗"));
    drop([folderOf("盟", paths)], "workbook");
    const bar = await waitFor(() => {
      const found = document.querySelector("[data-file-bar]");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(bar.textContent).toContain("已打开“阿尔山市.csv”，共 1 个工作表");
    expect(document.querySelector("[data-league-bar]")).toBeNull();
    expect(document.querySelector("[data-open-error]")).toBeNull();
  });

  it("of no workbook: the league's words, and nothing opened", async () => {
    render(<WebApp lang="zh" theme="light" />);
    drop([folderOf("盟", ["盟/2025/说明.txt", "盟/2025/说明.docx", "盟/照片.jpg"])], "workbook");
    await waitFor(() => expect(document.querySelector("[data-open-error]")?.textContent).toBe(FOLDER_EMPTY));
    expect(document.querySelector("[data-league-bar]")).toBeNull();
    expect(document.querySelector("[data-file-bar]")).toBeNull();
  });
});
