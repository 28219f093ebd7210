/** @jest-environment jsdom */
/**
 * The workbook view (SheetViewer) outlines the cell a problem names: text runs on into the empty cells to its right,
 * as in Excel, but never over the cell outlined — a blank 所属学校 (D3) beside a teaching point's type in C3 is the
 * cell shown, not hidden under the text — and the text cell outlined is outlined alone, not three columns wide.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ShownCell, ShownSheet } from "../../src/excel/memory/workbookView";
import { SheetViewer } from "../../src/taskpane/components/SheetViewer";

const text = (t: string): ShownCell => ({ text: t, numeric: false });
const number = (t: string): ShownCell => ({ text: t, numeric: true });
const empty = (): ShownCell => ({ text: "", numeric: false });

/** A school table's first rows: a teaching point whose 所属学校 (D) is blank, and its type running on over it. */
const SHEET: ShownSheet = {
  name: "学校",
  rows: [
    [text("学校名称"), text("学校类型"), text("城乡类型"), text("所属学校"), text("小学在校生数")],
    [text("乌兰第1中学"), text("初中"), empty(), empty(), empty()],
    [text("乌兰第2教学点"), text("教学点"), empty(), empty(), number("106")],
  ],
  rowCount: 3,
  columnCount: 5,
};

async function shown(cell: string | null): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetViewer
        lang="zh"
        workbook={{ sheets: async () => [SHEET] }}
        sheet="学校"
        cell={cell}
        version={0}
        onSheet={() => undefined}
      />
    </FluentProvider>,
  );
  await screen.findByRole("region", { name: "学校" });
}

const td = (address: string) => document.querySelector<HTMLTableCellElement>(`td[data-cell="${address}"]`);
const outlined = () =>
  [...document.querySelectorAll<HTMLTableCellElement>('td[aria-selected="true"]')].map((c) => [
    c.dataset.cell,
    c.colSpan,
  ]);

it("runs text on into the empty cells to its right when no cell is outlined", async () => {
  await shown(null);
  expect(td("B3")?.colSpan).toBe(3);
  expect(td("C3")).toBeNull();
  expect(td("D3")).toBeNull();
});

it("shows and outlines a blank cell the text to its left would run over", async () => {
  await shown("D3");
  expect(outlined()).toEqual([["D3", 1]]);
  // the text runs on as far as the cell outlined
  expect(td("B3")?.colSpan).toBe(2);
});

it("outlines a text cell alone, its text not run on", async () => {
  await shown("B2");
  expect(outlined()).toEqual([["B2", 1]]);
  expect(td("C2")).not.toBeNull();
  // another row runs on as before
  expect(td("B3")?.colSpan).toBe(3);
});
