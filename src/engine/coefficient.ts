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

export function differenceCoefficient(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DifferenceCoefficient {
  const n = Math.min(values.length, weights.length);
  const spread = weightedSpread(1);
  const entry = new Float64Array(1);
  for (let i = 0; i < n; i++) {
    entry[0] = values[i];
    addEntry(spread, entry, weights[i]);
  }
  return spreadCoefficient(spread, 0);
}

/**
 * The difference coefficients of several indicators over the same weighted entries (a level's sections, each
 * with its enrolment and its value of every indicator), gathered in one pass, an entry at a time.
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
  /** Σ Pᵢ·Xᵢ, per indicator */
  weightedSums: Float64Array;
  /** the weighted mean of the entries so far, per indicator */
  runningMeans: Float64Array;
  /** Σ Pᵢ·(Xᵢ − mean)² over the entries so far, per indicator */
  squares: Float64Array;
}

/** No entries yet, of `indicators` values each. (A plain object of one literal shape, which the engine's pass is
 * compiled for once, rather than a class instance whose shape may be dropped between evaluations.) */
export function weightedSpread(indicators: number): WeightedSpread {
  return {
    totalWeight: 0,
    count: 0,
    weightedSums: new Float64Array(indicators),
    runningMeans: new Float64Array(indicators),
    squares: new Float64Array(indicators),
  };
}

/** An entry: its weight and its value of each indicator (an entry of weight 0 takes no part). */
export function addEntry(spread: WeightedSpread, values: ArrayLike<number>, weight: number): void {
  if (!(weight > 0)) return;
  const before = spread.totalWeight;
  const total = before + weight;
  // one division for every indicator: the entry moves each mean by this share of its distance from it
  const pull = weight / total;
  const { weightedSums, runningMeans, squares } = spread;
  for (let x = 0; x < runningMeans.length; x++) {
    const value = values[x];
    const distance = value - runningMeans[x];
    const step = distance * pull;
    runningMeans[x] += step;
    squares[x] += before * distance * step;
    weightedSums[x] += weight * value;
  }
  spread.totalWeight = total;
  spread.count++;
}

/** The difference coefficient of the `indicator`-th values of the entries added. */
export function spreadCoefficient(spread: WeightedSpread, indicator: number): DifferenceCoefficient {
  const { totalWeight, count } = spread;
  if (totalWeight === 0) return { totalWeight: 0, mean: null, standardDeviation: null, cv: null, count: 0 };
  const mean = spread.weightedSums[indicator] / totalWeight;
  const standardDeviation = Math.sqrt(spread.squares[indicator] / totalWeight);
  const cv = mean === 0 ? null : standardDeviation / Math.abs(mean);
  return { totalWeight, mean, standardDeviation, cv, count };
}
