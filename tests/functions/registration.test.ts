/**
 * The thin Excel layer: registration only where Office's registry exists, FunctionError → CustomFunctions.Error,
 * and the active profile followed by every function.
 */
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { parseProfile } from "../../src/standard/load";
import { EXPECTED_IDS } from "./expectedIds";

type FunctionsModule = typeof import("../../src/functions/functions");
type ProfileModule = typeof import("../../src/functions/profile");

class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

function load(): { functions: FunctionsModule; profile: ProfileModule } {
  let loaded!: { functions: FunctionsModule; profile: ProfileModule };
  jest.isolateModules(() => {
    loaded = {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      functions: require("../../src/functions/functions"),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      profile: require("../../src/functions/profile"),
    };
  });
  return loaded;
}

const g = globalThis as { CustomFunctions?: unknown; Excel?: unknown };

afterEach(() => {
  delete g.CustomFunctions;
  delete g.Excel;
});

describe("outside Excel (the pane's demo mode, Node)", () => {
  test("loading the functions registers nothing with Office and does not throw", () => {
    const { functions } = load();
    expect(functions.registeredIds).toHaveLength(9);
  });

  test("bad arguments throw the FunctionError itself", () => {
    const { functions } = load();
    expect(() => functions.balanceCvlimit("中学")).toThrow(/未知的学段/);
  });
});

describe("inside Excel", () => {
  function withOffice() {
    const associate = jest.fn();
    g.CustomFunctions = { associate, Error: FakeExcelError };
    return { associate, ...load() };
  }

  test("each function is associated once with its id", () => {
    const { associate, functions } = withOffice();
    expect(associate.mock.calls.map((c) => c[0])).toEqual(EXPECTED_IDS);
    expect(associate.mock.calls[0][1]).toBe(functions.balanceDiffcoef);
    expect(associate.mock.calls[EXPECTED_IDS.indexOf("COUNTY")][1]).toBe(functions.balanceCounty);
  });

  test("a bad argument becomes CustomFunctions.Error with its code and bilingual message", () => {
    const { functions } = withOffice();
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as FakeExcelError;
      }
      throw new Error("no error");
    };
    const text = caught(() => functions.balanceDiffcoef([[6.2], [3.7]]));
    expect(text).toBeInstanceOf(FakeExcelError);
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toMatch(/按在校生数加权.* \/ .*weighted by enrolment/);
    expect(caught(() => functions.balanceDiffcoef([[0, 10]])).code).toBe("#DIV/0!");
    expect(caught(() => functions.balanceIndicator("高学历教师", "小学", 1, 0)).code).toBe("#DIV/0!");
    expect(caught(() => functions.balanceStandard("图书", "小学")).code).toBe("#VALUE!");
  });

  test("results are plain values Excel takes", () => {
    const { functions } = withOffice();
    expect(
      functions.balanceDiffcoef([
        [6.2, 45],
        [3.7, 37],
      ]),
    ).toEqual(expect.any(Number));
    expect(functions.balanceStandard("教学用房", "初中")).toBe(5.8);
    expect(functions.balanceCvlimit("小学")).toBe(0.5);
    expect(functions.balanceShortfall("高学历教师", "小学", 18, 510, "floor")).toBe(1);
  });
});

describe("inside Excel, with office.js arriving after the functions (it loads async)", () => {
  const scope = globalThis as {
    document?: unknown;
    Office?: unknown;
    balanceOfficeScript?: string;
  };
  afterEach(() => {
    delete scope.document;
    delete scope.Office;
    delete scope.balanceOfficeScript;
  });

  test("the functions are associated once Office is ready, each once, in order", async () => {
    const listeners: Record<string, (() => void)[]> = {};
    const script = {
      addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
      removeEventListener: (type: string, fn: () => void) => {
        listeners[type] = (listeners[type] ?? []).filter((f) => f !== fn);
      },
    };
    scope.balanceOfficeScript = "loading";
    scope.document = {
      querySelector: (selector: string) => (selector.includes("office.js") ? script : null),
    };
    load();
    const associate = jest.fn();
    // office.js runs: Office's registry appears, then the script's load event
    g.CustomFunctions = { associate, Error: FakeExcelError };
    scope.Office = { onReady: async () => ({ host: "Excel", platform: "PC" }) };
    expect(associate).not.toHaveBeenCalled();
    for (const fn of [...(listeners.load ?? [])]) fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(associate.mock.calls.map((c) => c[0])).toEqual(EXPECTED_IDS);
  });
});

describe("the active profile", () => {
  test("the national standard by default; the pane's choice is followed by every function", () => {
    const { functions, profile } = load();
    const initial = profile.activeProfile();
    expect(initial).toEqual(NATIONAL_2017);
    const parsed = parseProfile({ extends: "national-2017", id: "p", cvLimit: { primary: 0.42 } });
    if (!parsed.ok) throw new Error("profile");
    profile.setActiveProfile(parsed.profile);
    expect(functions.balanceCvlimit("小学")).toBe(0.42);
    profile.setActiveProfile(initial);
    expect(functions.balanceCvlimit("小学")).toBe(0.5);
  });

  test("changing it asks Excel for a full recalculation", async () => {
    const calculate = jest.fn();
    const sync = jest.fn(async () => undefined);
    const run = jest.fn(async (batch: (context: unknown) => Promise<void>) =>
      batch({ workbook: { application: { calculate } }, sync }),
    );
    g.Excel = { run, CalculationType: { full: "Full" } };
    const { profile } = load();
    const parsed = parseProfile({ extends: "national-2017", id: "p2" });
    if (!parsed.ok) throw new Error("profile");
    profile.setActiveProfile(parsed.profile);
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(1);
    expect(calculate).toHaveBeenCalledWith("Full");
    expect(sync).toHaveBeenCalled();
    // the same profile again changes nothing
    profile.setActiveProfile(parsed.profile);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
