import { officeScriptLoaded } from "../excel/officeScript";
import type { FunctionError } from "./errors";

/** The part of Office's custom-functions runtime (the `CustomFunctions` global inside Excel) that we use. */
export interface OfficeCustomFunctions {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  /** new CustomFunctions.Error(code, message): code is an ErrorCode value such as "#VALUE!" */
  Error: new (code: string, message?: string) => Error;
}

/** Office's registry when running inside Excel; undefined in a browser without Office, in Node and in tests. */
export function officeCustomFunctions(): OfficeCustomFunctions | undefined {
  const candidate = (globalThis as { CustomFunctions?: Partial<OfficeCustomFunctions> }).CustomFunctions;
  return candidate && typeof candidate.associate === "function" && typeof candidate.Error === "function"
    ? (candidate as OfficeCustomFunctions)
    : undefined;
}

export interface Registry {
  /** ids associated so far, in order */
  readonly associated: string[];
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/**
 * Registration that works everywhere: forwards each id once to Office when Excel is there, and otherwise only
 * records it (the pane's demo mode loads the functions bundle in a plain browser). office.js loads async: an id
 * associated before it has run is forwarded once Office is ready.
 */
export function excelRuntime(): Registry {
  const associated: string[] = [];
  const pending: [string, (...args: never[]) => unknown][] = [];
  let waiting = false;
  const forwardPending = () => {
    const office = officeCustomFunctions();
    if (office) for (const [id, fn] of pending.splice(0)) office.associate(id, fn);
  };
  return {
    associated,
    associate(id, fn) {
      if (associated.includes(id)) return;
      associated.push(id);
      const office = officeCustomFunctions();
      if (office) {
        office.associate(id, fn);
        return;
      }
      pending.push([id, fn]);
      if (waiting) return;
      waiting = true;
      void officeScriptLoaded().then((loaded) => loaded?.onReady().then(forwardPending, () => undefined));
    },
  };
}

/**
 * The value a function throws to Excel for a bad argument: a CustomFunctions.Error with the bilingual message
 * (Excel shows messages on #VALUE! and #N/A; it shows the bare error for the others). Outside Excel the
 * FunctionError itself.
 */
export function toExcelError(error: FunctionError): Error {
  const office = officeCustomFunctions();
  return office ? new office.Error(error.kind, error.message) : error;
}
