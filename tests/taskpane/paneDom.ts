/** What the pane's component tests share: a browser part jsdom lacks, and the first step a clerk takes. */
import { fireEvent, screen } from "@testing-library/react";

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}

/** Fluent UI watches sizes with ResizeObserver, which jsdom has not: an observer that watches nothing. */
export function withoutResizeObserver(): void {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
}

/** Step 1 → 3: press 读取并检查 and wait for the check's heading. */
export async function readAndCheck(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "读取并检查" }));
  await screen.findByRole("heading", { name: "3. 数据检查" });
}
