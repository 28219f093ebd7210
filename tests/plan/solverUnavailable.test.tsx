/** @jest-environment jsdom */
/*
 * A browser that may not compile WebAssembly under the page's policy (before Chrome 95 and Firefox 102 none knows
 * 'wasm-unsafe-eval'): HiGHS cannot be loaded. The least-cost plan goes on without it; the rotation, which needs
 * it, says so and what browser to use, in place of the solver's English error.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PlanView } from "../../src/taskpane/plan/PlanView";
import { SolverFailure, SolverUnavailable, solveLp } from "../../src/engine/plan/highs";
import type { ExcelHost } from "../../src/excel/host";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { planViewTests, school } from "./planViewSchools";

const REFUSED = "Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not allowed";

jest.mock("highs", () => ({
  __esModule: true,
  default: () => Promise.reject(new Error(REFUSED)),
}));

planViewTests();

function renderPlan(lang: "zh" | "en") {
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanView
        records={[school("甲", 9, 22), school("乙", 12, 24)]}
        profile={NATIONAL_2017}
        lang={lang}
        host={{} as ExcelHost}
        onWriteSheets={async () => {}}
      />
    </FluentProvider>,
  );
}

describe("where HiGHS cannot be loaded", () => {
  it("solving says the solver is unavailable, a failure of its own kind", async () => {
    const solving = solveLp("Minimize\n obj: x\nSubject To\n c: x >= 2\nEnd", { output_flag: false });
    await expect(solving).rejects.toBeInstanceOf(SolverUnavailable);
    await expect(solving).rejects.toBeInstanceOf(SolverFailure);
    await expect(solving).rejects.toThrow(REFUSED);
  });

  it("规划: the least-cost plan is computed without it; the rotation says what browser it needs", async () => {
    renderPlan("zh");
    fireEvent.click(screen.getByRole("button", { name: "计算最低成本方案" }));
    await screen.findByText(/^经常性支出：.*；一次性投入：/);
    fireEvent.click(screen.getByRole("button", { name: "计算交流轮岗方案" }));
    await screen.findByText(
      "求解器在此浏览器中无法运行，这项计算需要它。请用 Chrome 或 Edge 95 及以上、Firefox 102 及以上打开本页。",
    );
    expect(screen.queryByText(/HiGHS could not solve/)).toBeNull();
  });

  it("in English too", async () => {
    renderPlan("en");
    fireEvent.click(screen.getByRole("button", { name: /rotation/i }));
    await screen.findByText(/^The solver \(HiGHS, WebAssembly\) cannot run in this browser/);
  });
});
