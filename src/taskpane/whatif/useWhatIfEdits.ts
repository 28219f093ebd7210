import * as React from "react";
import type { Edit } from "../../engine/scenario";
import type { SchoolRecord } from "../../engine/records";
import type { Profile } from "../../standard/profile";

/** The what-if's edits and how to change them, as 模拟 makes them and 规划 plans after them. */
export interface WhatIfEdits {
  edits: readonly Edit[];
  setEdits: React.Dispatch<React.SetStateAction<Edit[]>>;
}

const NONE: Edit[] = [];

/**
 * The what-if's edits of the table read. The pane keeps them, not the 模拟 view, so that they outlive a visit to
 * another tab and 规划 can plan after them; another table (or profile) starts a new scenario, with no edits.
 */
export function useWhatIfEdits(records: readonly SchoolRecord[], profile: Profile): WhatIfEdits {
  const [state, setState] = React.useState({ records, profile, edits: NONE });
  const current = state.records === records && state.profile === profile;
  const setEdits = React.useCallback<WhatIfEdits["setEdits"]>(
    (next) =>
      setState((s) => {
        const before = s.records === records && s.profile === profile ? s.edits : NONE;
        return { records, profile, edits: typeof next === "function" ? next(before) : next };
      }),
    [records, profile],
  );
  return { edits: current ? state.edits : NONE, setEdits };
}
