import { z } from "zod";
import { BEYOND_COMPUTATION, LARGEST_FIGURE } from "./figures";

/**
 * A number within LARGEST_FIGURE (Infinity never is), the checks of a field chained after it; beyond it that is
 * the one problem of the field (not also "not a safe integer"). Apart from ./figures, which the reader loads at
 * start without zod (tests/cli/startup.test.ts).
 */
export function computableNumber() {
  const beyond = { message: BEYOND_COMPUTATION, abort: true };
  return z.number().min(-LARGEST_FIGURE, beyond).max(LARGEST_FIGURE, beyond);
}
