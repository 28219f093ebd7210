/** @jest-environment jsdom */
/**
 * A school's name holding a bidi override, on the web app's screens (docs/school-table.md#names): the name is read
 * without it, so the check screen shows it as it reads, never reversed, and no view escapes names of its own.
 */
import { TextDecoder as NodeTextDecoder } from "node:util";
import { configure, render, screen } from "@testing-library/react";
import { cellOf, COUNTY, FAILING, rawBook, rawSheet, withCells } from "../trust/hostileBooks";
import { WebApp } from "../../src/web/WebApp";
import { readAndCheck, withoutResizeObserver } from "../taskpane/paneDom";
import { openWorkbook } from "./openWorkbook";

withoutResizeObserver();
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
configure({ defaultHidden: true, asyncUtilTimeout: 20000 });
jest.setTimeout(60000);

const RLO = "\u202e";

it("the check screen shows a name read without its override, and says which cell held it", async () => {
  const name = COUNTY[FAILING].name as string;
  const row = FAILING + 2;
  const spoofed = `${name.slice(0, 2)}${RLO}${name.slice(2)}`;
  const bytes = rawBook([rawSheet(withCells({ [row]: { name: spoofed } }))]);
  render(<WebApp lang="zh" theme="light" />);
  await openWorkbook("白狼县.xlsx", bytes);
  await readAndCheck();
  // the school that fails, named among the sections short of the standard
  await screen.findByText(/未达标的学校（校区）/);
  expect(document.body.textContent).toContain(`${name}（小学）`);
  expect(document.body.textContent).not.toContain(RLO);
  const warning = document.querySelector<HTMLElement>('[data-problem="name-controls-removed"]');
  expect(warning?.textContent).toContain(cellOf("name", row));
  expect(warning?.textContent).toContain("<U+202E>");
});
