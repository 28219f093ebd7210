import { nearlyEqual } from "../standard/comparison";

/**
 * The enrolment-weighted difference coefficient (差异系数) of docs/standard.md#coefficient, population form around the
 * county ratio:
 *
 *     P = Σ Pᵢ,  X̄ = Σ Pᵢ·Xᵢ / P,  S = √( Σ Pᵢ·(Xᵢ − X̄)² / P ),  CV = S / X̄
 *
 * Entries with weight 0 take no part. With no weight at all, or X̄ = 0, the coefficient is undefined (null).
 *
 * @example differenceCoefficient([6.2, 279/45 ...], [45, ...]).cv // 0.5153 for the published example
 */
export interface DifferenceCoefficient {
  /** Σ Pᵢ */
  totalWeight: number;
  /** X̄, the county ratio */
  mean: number | null;
  /** S */
  standardDeviation: number | null;
  /** CV = S / X̄; null when X̄ is 0 or there is no weight */
  cv: number | null;
  /** number of entries with weight above 0 */
  count: number;
}

/**
 * The sums a difference coefficient is made of, gathered an entry at a time (`addEntry`) in one pass: the engine
 * adds each section's value of an indicator as it judges it, weighted by the section's enrolment.
 *
 * X̄ is Σ Pᵢ·Xᵢ / P as the standard writes it. Σ Pᵢ·(Xᵢ − X̄)² is gathered around the mean of the entries so far,
 * moved by each entry in proportion to its weight (West's weighted update, D. H. D. West 1979): as exact as the
 * two passes over stored values, without storing them, where Σ Pᵢ·Xᵢ² − P·X̄² would lose the digits that matter.
 */
export interface WeightedSpread {
  /** Σ Pᵢ */
  totalWeight: number;
  /** number of entries with weight above 0 */
  count: number;
  /** Σ Pᵢ·Xᵢ */
  weightedSum: number;
  /** the weighted mean of the entries so far */
  runningMean: number;
  /** Σ Pᵢ·(Xᵢ − mean)² over the entries so far */
  squares: number;
}

/** No entries yet. */
export function weightedSpread(): WeightedSpread {
  return { totalWeight: 0, count: 0, weightedSum: 0, runningMean: 0, squares: 0 };
}

/** An entry: its value and its weight (an entry of weight 0 takes no part). */
export function addEntry(spread: WeightedSpread, value: number, weight: number): void {
  if (!(weight > 0)) return;
  addPulledEntry(spread, value, weight, weight / (spread.totalWeight + weight));
}

/**
 * `addEntry` for an entry of weight above 0 whose pull on the mean, weight / (totalWeight + weight), is known:
 * several spreads of entries of the same weights (a level's indicators, over the same sections) share it.
 */
export function addPulledEntry(spread: WeightedSpread, value: number, weight: number, pull: number): void {
  spread.squares = squaresWith(spread.squares, spread.totalWeight, spread.runningMean, value, pull);
  spread.runningMean = meanWith(spread.runningMean, value, pull);
  spread.weightedSum += weight * value;
  spread.totalWeight += weight;
  spread.count++;
}

/*
 * West's update, one entry at a time, as two steps on plain numbers. `addPulledEntry` takes them on a spread's
 * fields; a loop over many entries (evaluate.ts `judgeIndicator`) takes them on its own local copies of the sums,
 * which the processor keeps in registers from one entry to the next, and writes the sums back once.
 */

/** The mean of the entries so far moved by a new entry: by its pull's share of its distance from the mean. */
export function meanWith(runningMean: number, value: number, pull: number): number {
  return runningMean + (value - runningMean) * pull;
}

/**
 * Σ Pᵢ·(Xᵢ − mean)² grown by a new entry, `totalWeight` and `runningMean` being the entries' so far: by
 * totalWeight · pull · (value − mean)².
 */
export function squaresWith(
  squares: number,
  totalWeight: number,
  runningMean: number,
  value: number,
  pull: number,
): number {
  const distance = value - runningMean;
  return squares + totalWeight * distance * (distance * pull);
}

/** The difference coefficient of the entries added. */
export function spreadCoefficient(spread: WeightedSpread): DifferenceCoefficient {
  const { totalWeight, count } = spread;
  if (totalWeight === 0) return { totalWeight: 0, mean: null, standardDeviation: null, cv: null, count: 0 };
  const mean = spread.weightedSum / totalWeight;
  const standardDeviation = Math.sqrt(spread.squares / totalWeight);
  const cv = mean === 0 ? null : standardDeviation / Math.abs(mean);
  return { totalWeight, mean, standardDeviation, cv, count };
}

export function differenceCoefficient(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DifferenceCoefficient {
  // the lesser length as a whole number, not Math.min's number: the loop then counts in integers
  const n = values.length < weights.length ? values.length : weights.length;
  const spread = weightedSpread();
  for (let i = 0; i < n; i++) addEntry(spread, values[i], weights[i]);
  return spreadCoefficient(spread);
}

/**
 * The entry of a list of (value, weight) pairs that plainly is the list's total row rather than a school, or null
 * (docs/functions.md#total-row): the first or the last entry of weight above 0 whose weight is the sum of the
 * other entries' weights and whose value is their weighted mean X̄, to the digits it is written with (6.3344 for
 * 6.33443…, as a published table rounds it; otherwise up to the engine's one tolerance). Taken in as a school, a
 * total sits at X̄ with half the county's weight and halves Σ Pᵢ·(Xᵢ − X̄)² ÷ P: the coefficient shrinks by √2 and a
 * county could pass that does not. Only when at least two other entries differ in value: a total of equal
 * values, or of one school, changes nothing. A school of exactly half the pupils at exactly the mean of the rest is
 * the one case read as a total, and it is not a case a county's figures meet.
 */
export function totalEntry(values: ArrayLike<number>, weights: ArrayLike<number>): number | null {
  const n = values.length < weights.length ? values.length : weights.length;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] > 0)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  for (const candidate of first === last ? [last] : [last, first]) {
    const others = weightedSpread();
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      if (i === candidate || !(weights[i] > 0)) continue;
      addEntry(others, values[i], weights[i]);
      if (values[i] < low) low = values[i];
      if (values[i] > high) high = values[i];
    }
    if (others.count < 2 || low === high || !nearlyEqual(weights[candidate], others.totalWeight)) continue;
    const mean = others.weightedSum / others.totalWeight;
    const written = Math.min(halfLastDigit(values[candidate]), Math.abs(mean) * 1e-3);
    if (Math.abs(values[candidate] - mean) <= written || nearlyEqual(values[candidate], mean))
      return candidate;
  }
  return null;
}

/** Half a unit of the last decimal a number is written with: 0.00005 for 6.3344, 0.5 for 302. */
function halfLastDigit(x: number): number {
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
  const decimals = (mantissa.split(".")[1]?.length ?? 0) - Number(exponent);
  return 0.5 * 10 ** -decimals;
}
