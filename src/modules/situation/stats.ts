/**
 * The arithmetic behind the dashboards, kept pure so it can be checked against hand-computed
 * examples: period roll-ups, rates per 100,000 population and robust anomaly scores.
 */
import { childPeriods, formatPeriod, parsePeriod, type Period } from './periods.js';

/** How finer periods combine into a coarser one (see `resolveValue`). */
export const AGGREGATIONS = ['sum', 'last', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/**
 * The value of `period`: the value entered for it, else (for `sum`) the sum of its parts when
 * every part is known, or (for `last`, a stock such as registered patients) its last part.
 * `none` (survey estimates, rates) is never derived. A partial sum would silently understate
 * the figure, so an incomplete period is unknown (null), not a smaller number.
 */
export function resolveValue(direct: ReadonlyMap<string, number>, period: Period, aggregation: Aggregation): number | null {
  const own = direct.get(formatPeriod(period));
  if (own !== undefined) return own;
  const parts = childPeriods(period);
  if (aggregation === 'none' || parts.length === 0) return null;
  if (aggregation === 'last') return resolveValue(direct, parts[parts.length - 1]!, aggregation);
  let sum = 0;
  for (const part of parts) {
    const v = resolveValue(direct, part, aggregation);
    if (v === null) return null;
    sum += v;
  }
  // Binary fractions make 0.1 + 0.2 ≠ 0.3; nobody reports kilograms to more than 6 decimals.
  return Math.round(sum * 1e6) / 1e6;
}

/** Per 100,000 population, or null without a population figure. */
export function ratePer100k(value: number, population: number | null | undefined): number | null {
  if (!population || population <= 0) return null;
  return (value / population) * 100_000;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** Fewer previous periods than this give no anomaly score: a median of 3 points says little. */
export const MIN_BASELINE = 6;
/** How many previous periods form the baseline. */
export const BASELINE_PERIODS = 12;
/** |z| above this is flagged. */
export const Z_THRESHOLD = 3;

/** Anomaly score of one value against the same region's previous periods. */
export interface AnomalyScore {
  /** The previous values used (oldest first). */
  baseline: number[];
  median: number;
  /** Unscaled median absolute deviation of the baseline. */
  mad: number;
  /**
   * Robust spread used as the denominator: 1.4826 × MAD (equals σ for normal data); when MAD is 0
   * (over half the baseline identical), 1.2533 × mean absolute deviation; for counts never below
   * √max(median, 1), the Poisson noise; null when a non-count baseline is completely flat.
   */
  scale: number | null;
  /** (value − median) / scale; null when the scale is null. */
  z: number | null;
  /** |z| > threshold, or any departure from a completely flat baseline. */
  flagged: boolean;
  direction: 'up' | 'down' | null;
}

/**
 * Robust z-score (median/MAD, Iglewicz & Hoaglin) of `value` against `baseline`; null when the
 * baseline is shorter than MIN_BASELINE. Median and MAD ignore the odd past spike that would
 * inflate a mean and standard deviation and hide the next one.
 */
export function robustZ(value: number, baseline: readonly number[], opts: { threshold?: number; counts?: boolean } = {}): AnomalyScore | null {
  if (baseline.length < MIN_BASELINE) return null;
  const threshold = opts.threshold ?? Z_THRESHOLD;
  const med = median(baseline);
  const m = mad(baseline);
  const meanAbs = baseline.reduce((a, x) => a + Math.abs(x - med), 0) / baseline.length;
  let scale = m > 0 ? 1.4826 * m : meanAbs > 0 ? 1.2533 * meanAbs : null;
  // Small counts (0, 0, 1, 0 …) have a tiny MAD, so one more case would look like 10σ. Below the
  // Poisson standard deviation a spread is an artefact of small numbers, not calm.
  if (opts.counts) scale = Math.max(scale ?? 0, Math.sqrt(Math.max(med, 1)));
  const z = scale === null ? null : (value - med) / scale;
  const flagged = z === null ? value !== med : Math.abs(z) > threshold;
  const direction = value > med ? 'up' : value < med ? 'down' : null;
  return { baseline: [...baseline], median: med, mad: m, scale, z, flagged, direction: flagged ? direction : null };
}

/** Convenience for callers holding period strings. */
export const periodOf = (s: string): Period => {
  const p = parsePeriod(s);
  if (!p) throw new Error(`invalid period ${s}`);
  return p;
};
