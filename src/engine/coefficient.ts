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
  const { totalWeight, weightedSum, count } = weightedSums(values, weights, n);
  if (totalWeight === 0) return { totalWeight: 0, mean: null, standardDeviation: null, cv: null, count: 0 };
  const mean = weightedSum / totalWeight;
  const standardDeviation = Math.sqrt(weightedSquares(values, weights, n, mean) / totalWeight);
  const cv = mean === 0 ? null : standardDeviation / Math.abs(mean);
  return { totalWeight, mean, standardDeviation, cv, count };
}

/** The first pass: Σ Pᵢ, Σ Pᵢ·Xᵢ and the number of entries with weight above 0. */
function weightedSums(values: ArrayLike<number>, weights: ArrayLike<number>, n: number) {
  let totalWeight = 0;
  let weightedSum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) {
      totalWeight += w;
      weightedSum += w * values[i];
      count++;
    }
  }
  return { totalWeight, weightedSum, count };
}

/** The second pass: Σ Pᵢ·(Xᵢ − X̄)². */
function weightedSquares(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  mean: number,
): number {
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) {
      const d = values[i] - mean;
      squares += w * d * d;
    }
  }
  return squares;
}
