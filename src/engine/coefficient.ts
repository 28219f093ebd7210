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
 * The coefficient of the values of one indicator (a level's sections, each weighted by its enrolment; the engine
 * gives an excluded section weight 0), in one pass over the entries.
 *
 * X̄ is Σ Pᵢ·Xᵢ / P as the standard writes it. Σ Pᵢ·(Xᵢ − X̄)² is gathered around the mean of the entries so far,
 * moved by each entry in proportion to its weight (West's weighted update, D. H. D. West 1979): as exact as the
 * two passes over stored values, without a second pass, where Σ Pᵢ·Xᵢ² − P·X̄² would lose the digits that matter.
 */
export function differenceCoefficient(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
): DifferenceCoefficient {
  // the lesser length as a whole number, not Math.min's number: the loop then counts in integers
  const n = values.length < weights.length ? values.length : weights.length;
  let totalWeight = 0;
  let count = 0;
  /** Σ Pᵢ·Xᵢ */
  let weightedSum = 0;
  /** the weighted mean of the entries so far, and Σ Pᵢ·(Xᵢ − mean)² over them */
  let runningMean = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const weight = weights[i];
    if (!(weight > 0)) continue;
    const value = values[i];
    const before = totalWeight;
    totalWeight = before + weight;
    // the entry moves the mean by this share of its distance from it
    const distance = value - runningMean;
    const step = distance * (weight / totalWeight);
    runningMean += step;
    squares += before * distance * step;
    weightedSum += weight * value;
    count++;
  }
  if (totalWeight === 0) return { totalWeight: 0, mean: null, standardDeviation: null, cv: null, count: 0 };
  const mean = weightedSum / totalWeight;
  const standardDeviation = Math.sqrt(squares / totalWeight);
  const cv = mean === 0 ? null : standardDeviation / Math.abs(mean);
  return { totalWeight, mean, standardDeviation, cv, count };
}
