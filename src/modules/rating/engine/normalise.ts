/**
 * Normalisation of one indicator across regions, and ranking helpers. Every normalised value
 * is oriented so that higher = better: lower_better indicators are inverted here, once, so
 * aggregation never needs to know the direction.
 */
import type { Indicator, Normalisation } from './methodology.js';

/** The part of an indicator that normalisation needs. */
export type NormaliseSpec = Pick<Indicator, 'direction' | 'normalisation' | 'target'>;

/** Value every region gets when an indicator does not discriminate (all equal): the middle of the scale. */
export const NEUTRAL = { minmax: 50, rank: 50, zscore: 0 } as const;

// Raw values that differ only by floating-point noise (e.g. two per-capita rates that are equal
// on paper) must not become 0 and 100 after min-max, nor break a tie in rank normalisation.
const RAW_EPS = 1e-12;
const same = (a: number, b: number) => Math.abs(a - b) <= RAW_EPS * Math.max(Math.abs(a), Math.abs(b));

/**
 * Normalises the values of one indicator (regions with a value, observed or imputed).
 *  - minmax: (x − min)/(max − min) × 100, or (max − x)/(max − min) × 100 for lower_better; all equal → 50.
 *  - zscore: (x − mean)/sd with the population sd (the 20 regions are the whole population,
 *    not a sample), negated for lower_better; sd = 0 → 0.
 *  - rank: (n − r)/(n − 1) × 100 where r is the average rank (1 = best, ties share the mean of
 *    their positions); n = 1 → 100, all tied → 50.
 *  - target: higher_better min(max(x, 0)/t, 1) × 100; lower_better 100 when x ≤ t (so also
 *    x = 0), else t/x × 100. An absolute scale: does not depend on the other regions.
 */
export function normalise<K>(values: ReadonlyMap<K, number>, spec: NormaliseSpec): Map<K, number> {
  const xs = [...values.values()];
  const sign = spec.direction === 'higher_better' ? 1 : -1;
  const out = new Map<K, number>();
  switch (spec.normalisation) {
    case 'minmax': {
      const min = Math.min(...xs), max = Math.max(...xs);
      for (const [k, x] of values) {
        out.set(k, same(min, max) ? NEUTRAL.minmax : sign > 0 ? ((x - min) / (max - min)) * 100 : ((max - x) / (max - min)) * 100);
      }
      return out;
    }
    case 'zscore': {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
      for (const [k, x] of values) out.set(k, sd === 0 || sd <= RAW_EPS * Math.abs(mean) ? NEUTRAL.zscore : (sign * (x - mean)) / sd);
      return out;
    }
    case 'rank': {
      const ranks = averageRanks([...values].map(([k, x]) => [k, sign * x] as const));
      const n = values.size;
      for (const [k, r] of ranks) out.set(k, n === 1 ? 100 : ((n - r) / (n - 1)) * 100);
      return out;
    }
    case 'target': {
      const t = spec.target;
      if (t === undefined || !(t > 0)) throw new Error('target normalisation needs a positive target'); // schema guarantees it
      for (const [k, x] of values) out.set(k, sign > 0 ? Math.min(Math.max(x, 0) / t, 1) * 100 : x <= t ? 100 : (t / x) * 100);
      return out;
    }
  }
}

/**
 * Bottom of a normalised scale, used by the 'zero' missing-data rule ("missing counts as
 * worst"): 0 on the 0–100 scales; for z-scores, which have no bottom, the lowest z observed —
 * a literal 0 would put a non-reporting region at the national average.
 */
export function bottomOf(normalisation: Normalisation, observed: Iterable<number>): number {
  return normalisation === 'zscore' ? Math.min(...observed) : 0;
}

/** Average ranks, 1 = highest key value; tied values share the mean of the positions they span. */
export function averageRanks<K>(entries: readonly (readonly [K, number])[]): Map<K, number> {
  const sorted = [...entries].sort((a, b) => b[1] - a[1]);
  const out = new Map<K, number>();
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && same(sorted[j][1], sorted[i][1])) j++;
    const avg = (i + 1 + j) / 2; // mean of positions i+1 … j
    for (let k = i; k < j; k++) out.set(sorted[k][0], avg);
    i = j;
  }
  return out;
}

/** Default tolerance for equal scores: relative, with an absolute floor of the same size near 0. */
export const SCORE_TOLERANCE = 1e-9;

/**
 * Standard competition ranks (1, 2, 2, 4) for scores already sorted best first. Scores within
 * `tol × max(1, |a|, |b|)` of the first score of their tie group tie; comparing with the group's
 * first member, not the previous score, stops a chain of near-equal scores tying end to end.
 */
export function competitionRanks(sortedScores: readonly number[], tol = SCORE_TOLERANCE): number[] {
  const ranks: number[] = [];
  let leader = 0;
  sortedScores.forEach((s, i) => {
    const l = sortedScores[leader];
    if (i > 0 && Math.abs(l - s) <= tol * Math.max(1, Math.abs(l), Math.abs(s))) ranks.push(ranks[leader]);
    else { leader = i; ranks.push(i + 1); }
  });
  return ranks;
}
