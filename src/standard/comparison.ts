/**
 * docs/standard.md#comparison: comparison is exact, with no rounding before comparing. Values computed in binary floating
 * point (e.g. 0.85 × 4.2) carry errors of about 1e-16; a relative tolerance of 1e-9 absorbs those and nothing a
 * person could see, so a value exactly at its threshold passes.
 *
 * This is the one tolerance of the engine's comparisons: hosts and the planner compare with `atLeast` / `atMost`
 * (or, where they must scale a limit themselves, with this constant), never with a bare `<=`.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** value ≥ threshold, up to the engine's tolerance: a standard is met, a floor reached. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= leastReaching(threshold);
}

/** The least value that is `atLeast` the threshold: comparing with it once computed is the same comparison. */
export function leastReaching(threshold: number): number {
  return threshold - Math.abs(threshold) * RELATIVE_TOLERANCE;
}

/** value ≤ limit, up to the engine's tolerance: a difference coefficient within its limit. */
export function atMost(value: number, limit: number): boolean {
  return value <= limit + Math.abs(limit) * RELATIVE_TOLERANCE;
}

/** a = b up to the engine's tolerance: two readings of one figure that agree, a figure that is a whole number. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.abs(a), Math.abs(b)) * RELATIVE_TOLERANCE;
}

/** Smallest whole number ≥ x, ignoring floating-point noise (3.0000000000004 → 3). */
export function ceilWhole(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= Math.max(1, Math.abs(x)) * RELATIVE_TOLERANCE ? r : Math.ceil(x);
}
