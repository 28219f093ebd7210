/** @jest-environment jsdom */
/**
 * 模拟's 修改清单: 全部清除, or 撤销 of the last edit, leaves a list with nothing to undo or clear. The button pressed
 * can do no more and says so (aria-disabled), but keeps the focus: a disabled button would drop it to <body>, as
 * Chromium does (tests/taskpane/chromiumFocus.ts), and a keyboard's user would start again from the top.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import type { Edit } from "../../src/engine/scenario";
import { whatIfCost } from "../../src/engine/whatifCost";
import { DEFAULT_UNIT_COSTS } from "../../src/engine/plan/costs";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { EditList } from "../../src/taskpane/whatif/EditList";
import { chromiumDropsFocus } from "./chromiumFocus";

const EDITS: Edit[] = [
  { kind: "addStudents", school: "白狼县实验小学", level: "primary", value: 200 },
  { kind: "addFacility", school: "白狼县实验小学", resource: "teachingArea", amount: 1200 },
];

function List() {
  const [edits, setEdits] = useState<Edit[]>(EDITS);
  const applied = edits.map((_, i) => i);
  return (
    <FluentProvider theme={webLightTheme}>
      <EditList
        lang="zh"
        profile={NATIONAL_2017}
        edits={edits}
        applied={applied}
        problems={[]}
        cost={whatIfCost(edits, { applied }, DEFAULT_UNIT_COSTS)}
        onRemove={(i) => setEdits((e) => e.filter((_, k) => k !== i))}
        onUndo={() => setEdits((e) => e.slice(0, -1))}
        onClear={() => setEdits([])}
      />
    </FluentProvider>
  );
}

let drops: jest.SpyInstance;
beforeEach(() => (drops = chromiumDropsFocus()));
afterEach(() => drops.mockRestore());

it("全部清除 keeps the focus once the list is empty, and can do no more", () => {
  render(<List />);
  const clear = screen.getByRole("button", { name: "全部清除" });
  clear.focus();
  fireEvent.click(clear);
  expect(screen.getByText("尚无修改。")).toBeTruthy();
  expect(document.activeElement).toBe(clear);
  expect(clear.getAttribute("aria-disabled")).toBe("true");
});

it("撤销 of the last edit keeps the focus, and can do no more", () => {
  render(<List />);
  const undo = screen.getByRole("button", { name: "撤销" });
  undo.focus();
  fireEvent.click(undo);
  expect(document.activeElement).toBe(undo);
  expect(undo.getAttribute("aria-disabled")).toBeNull();
  fireEvent.click(undo);
  expect(screen.getByText("尚无修改。")).toBeTruthy();
  expect(document.activeElement).toBe(undo);
  expect(undo.getAttribute("aria-disabled")).toBe("true");
});
