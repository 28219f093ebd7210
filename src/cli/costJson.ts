import type { UnitCosts } from "../engine/plan/costs";
import type { WhatIfCost } from "../engine/whatifCost";

/**
 * docs/plans.md#whatif-cost: a what-if's edits' cost in `--json` (`balance whatif`'s `cost`, `balance plan
 * --edits`'s `edits.cost`), each edit by its position in the edits file (`indexes`: applied edit → position).
 */
export function costJson(cost: WhatIfCost, costs: UnitCosts, indexes: readonly number[]) {
  return {
    recurringCost: cost.recurringCost,
    oneOffCost: cost.oneOffCost,
    totalCost: cost.totalCost,
    unpriced: cost.unpriced,
    edits: cost.edits.map((c) => ({ ...c, edit: indexes[c.edit] })),
    unitCosts: costs,
  };
}
