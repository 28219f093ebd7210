/**
 * The largest figure the tool computes with: 10^15, where Excel's 15 significant digits end. Every threshold,
 * weight and amount a person gives (a profile, a what-if edit) stays within it, so that sums, products and sums
 * of squares of the difference coefficient stay finite and exact enough; 1e308 would overflow to Infinity and
 * then count as met or as 0.
 */
export const LARGEST_FIGURE = 1e15;

/** The message of a figure beyond LARGEST_FIGURE, for zod's `.max` / `.min`. */
export const BEYOND_COMPUTATION = "beyond what can be computed (at most 1e15 in size)";

/** BEYOND_COMPUTATION in Chinese, for the messages that quote it. */
export const BEYOND_COMPUTATION_ZH = "超出可计算的范围（绝对值不超过 1e15）";
