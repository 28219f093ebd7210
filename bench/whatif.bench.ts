// The What-if view in a DOM (jsdom): a stepper change on a 300-school county, from the change to the updated
// verdicts on screen (goal < 50 ms), against the engine's re-evaluation alone measured in the same run.
import { JSDOM } from "jsdom";
import { report } from "./harness";
import { generateCounty } from "../tests/plan/county";

const dom = new JSDOM("<!doctype html><html><body><div id=root></div></body></html>", {
  pretendToBeVisual: true,
});
const g = globalThis as Record<string, unknown>;
for (const key of [
  "window",
  "document",
  "navigator",
  "HTMLElement",
  "Node",
  "Element",
  "getComputedStyle",
  "MutationObserver",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "HTMLInputElement",
  "Event",
  "KeyboardEvent",
  "FocusEvent",
  "MouseEvent",
]) {
  if (!(key in g) || key === "window" || key === "document")
    g[key] = (dom.window as unknown as Record<string, unknown>)[key];
}
g.ResizeObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
g.IS_REACT_ACT_ENVIRONMENT = true;

async function main(): Promise<void> {
  const React = await import("react");
  const { act } = React;
  const { createRoot } = await import("react-dom/client");
  const { FluentProvider, webLightTheme } = await import("@fluentui/react-components");
  const { WhatIfView } = await import("../src/taskpane/whatif/WhatIfView");
  const { NATIONAL_2017 } = await import("../src/standard/national2017");
  const { evaluateScenario } = await import("../src/engine/scenario");
  const { evaluate } = await import("../src/engine/evaluate");

  const records = generateCounty(300, 300);
  const container = document.getElementById("root") as HTMLElement;
  const root = createRoot(container);
  await act(async () => {
    root.render(
      React.createElement(
        FluentProvider,
        { theme: webLightTheme },
        React.createElement(WhatIfView, {
          records,
          profile: NATIONAL_2017,
          lang: "zh",
          host: {} as never,
          onWriteSheets: async () => undefined,
        }),
      ),
    );
  });
  const input = container.querySelector('input[aria-label="小学 骨干教师"]') as HTMLInputElement;
  if (!input) throw new Error("no stepper");
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    await act(async () => {
      input.dispatchEvent(
        new dom.window.KeyboardEvent("keydown", { key: i % 2 ? "ArrowDown" : "ArrowUp", bubbles: true }),
      );
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const edits = container.querySelectorAll("ol li").length;
  times.sort((a, b) => a - b);
  const view = times[Math.floor(times.length / 2)];
  const baseline = evaluate(records, NATIONAL_2017);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 15; i++)
    evaluateScenario(
      records,
      [
        {
          kind: "hireTeachers",
          school: records[0].name,
          level: "primary",
          resource: "keyTeachers",
          count: 1,
        },
      ],
      NATIONAL_2017,
      baseline,
    );
  const engine = Number(process.hrtime.bigint() - t0) / 1e6 / 15;
  report(
    "What-if view, one stepper change re-rendered, 300 schools (jsdom)",
    view,
    50,
    `(engine alone ${engine.toFixed(2)} ms; edits listed ${edits})`,
  );
  await act(async () => root.unmount());
}

// React's scheduler leaves message ports open that would keep the process, and `npm run bench` after it, waiting
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
