/** @jest-environment jsdom */
/**
 * useKeptFocus (src/taskpane/useKeptFocus.ts) on a control disabled while it works: the browser drops its focus
 * to <body> as it is disabled, while React draws the change (React hears no blur then), and the focus comes back to
 * the control once it is enabled, though only the control's own part was drawn (下载工作簿 in the web app's file
 * bar) — also when the work is over before the check that follows the blur (下载工作簿 pressed a second time writes
 * the file with the page too busy for a timer). A click on an empty part of the page still moves nothing.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useRef, useState } from "react";
import { useKeptFocus } from "../../src/taskpane/useKeptFocus";
import { chromiumDropsFocus } from "./chromiumFocus";

/** A button that is disabled while it works, with a state of its own (下载工作簿 in the web app's file bar): its
 * changes draw nothing of the part that keeps the focus. `finish` ends the work. */
function Busy(props: { onStart(finish: () => void): void }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      disabled={busy}
      onClick={() => {
        setBusy(true);
        props.onStart(() => setBusy(false));
      }}
    >
      下载工作簿
    </button>
  );
}

/** The part that keeps the focus (the pane), around the button. */
function Harness(props: { onStart(finish: () => void): void }) {
  const root = useRef<HTMLDivElement>(null);
  const kept = useKeptFocus(root, () => null);
  return (
    <div ref={root} onFocus={kept.onFocus} onBlur={kept.onBlur}>
      <Busy onStart={props.onStart} />
      <p>说明文字</p>
    </div>
  );
}

beforeEach(() => {
  jest.useFakeTimers();
  chromiumDropsFocus();
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

it("gives the focus back to a control enabled again before the check after its blur", () => {
  let finish = () => undefined as void;
  render(<Harness onStart={(f) => (finish = f)} />);
  const button = screen.getByRole("button", { name: "下载工作簿" }) as HTMLButtonElement;
  button.focus();
  fireEvent.click(button);
  expect(button.disabled).toBe(true);
  expect(document.activeElement).toBe(document.body);
  // the work is done before any timer runs
  act(() => finish());
  expect(button.disabled).toBe(false);
  act(() => void jest.runOnlyPendingTimers());
  expect(document.activeElement).toBe(button);
});

it("gives the focus back to a control enabled again after the check", () => {
  let finish = () => undefined as void;
  render(<Harness onStart={(f) => (finish = f)} />);
  const button = screen.getByRole("button", { name: "下载工作簿" }) as HTMLButtonElement;
  button.focus();
  fireEvent.click(button);
  expect(document.activeElement).toBe(document.body);
  act(() => void jest.runOnlyPendingTimers());
  expect(document.activeElement).toBe(document.body);
  act(() => finish());
  // the observer of its disabled attribute hands it back
  return Promise.resolve().then(() => expect(document.activeElement).toBe(button));
});

it("moves nothing when the focus leaves a control that is not disabled (a click on the page)", () => {
  render(<Harness onStart={() => undefined} />);
  const button = screen.getByRole("button", { name: "下载工作簿" });
  button.focus();
  button.blur();
  fireEvent.blur(button);
  act(() => void jest.runOnlyPendingTimers());
  expect(document.activeElement).toBe(document.body);
});
