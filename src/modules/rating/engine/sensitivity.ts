/**
 * Uncertainty analysis of the ranking in the manner of the OECD/JRC Handbook on Constructing
 * Composite Indicators (2008), step 7 "uncertainty and sensitivity analysis": re-run the index
 * many times with perturbed weights and alternative normalisations and report how far each
 * region's rank moves. A region whose 5th–95th percentile interval spans 3rd to 12th should
 * not be praised or blamed for being 7th.
 */
import type { RegionCode } from '../../../platform/geo/regions.js';
import { RatingInputError } from './errors.js';
import { prepareValues, scorePrepared, type RatingOptions } from './compute.js';
import { NORMALISATIONS, parseMethodology, type Methodology, type Normalisation } from './methodology.js';
import type { ValueRow } from './values.js';

// Seeded (platform/random.ts) so a published interval can be reproduced from its seed on any machine.
export { mulberry32 } from '../../../platform/random.js';
import { mulberry32 } from '../../../platform/random.js';

/** Percentile by linear interpolation between order statistics (Hyndman–Fan type 7, as numpy and Excel PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** Options of a Monte Carlo sensitivity run. */
export interface SensitivityOptions extends RatingOptions {
  /** Number of simulated ratings (1 … 100,000). */
  readonly runs: number;
  /** PRNG seed, an integer 0 … 2^32 − 1; the same seed gives the same result. */
  readonly seed: number;
  /** Each weight is multiplied by a factor drawn uniformly from [1 − j, 1 + j]; 0 ≤ j < 1 (default 0.2). */
  readonly weightJitter?: number;
  /**
   * Normalisations to draw from, one per run, applied to every indicator. Empty or absent:
   * keep each indicator's own normalisation (only weights vary).
   */
  readonly normalisations?: readonly Normalisation[];
}

/** One region's rank distribution over the runs. */
export interface SensitivityRow {
  readonly region: RegionCode;
  /** Rank under the methodology as published. */
  readonly rank: number;
  readonly medianRank: number;
  readonly meanRank: number;
  /** 5th and 95th percentiles of the simulated ranks: the 90% rank interval. */
  readonly p05: number;
  readonly p95: number;
}

function checkOptions(m: Methodology, o: SensitivityOptions): { jitter: number; choices: readonly Normalisation[] } {
  const bad = (message: string, indicator?: string): never => {
    throw new RatingInputError([{ source: indicator ? 'methodology' : 'options', indicator, message }]);
  };
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 100_000) bad(`runs must be a whole number from 1 to 100000, got ${o.runs}`);
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) bad(`seed must be a whole number from 0 to 4294967295, got ${o.seed}`);
  const jitter = o.weightJitter ?? 0.2;
  if (!(jitter >= 0 && jitter < 1)) bad(`weight jitter must be at least 0 and below 1, got ${jitter}`);
  const choices = o.normalisations ?? [];
  for (const n of choices) {
    if (!NORMALISATIONS.includes(n)) bad(`unknown normalisation "${n}" (expected ${NORMALISATIONS.join(', ')})`);
    if (n === 'zscore' && m.aggregation === 'geometric') bad('z-score cannot be combined with geometric aggregation (negative values)');
    if (n === 'target') for (const i of m.indicators) if (i.target === undefined) bad(`indicator "${i.code}" has no "target", so 'target' cannot be drawn as a normalisation`, i.code);
  }
  return { jitter, choices };
}

/**
 * Monte Carlo over weights and normalisation choices. Per run, in this order: one uniform draw
 * picks the normalisation (only when `normalisations` is given), then one draw per indicator,
 * in methodology order, scales its weight. Aggregation and missing-data rule stay as published.
 * Result rows are in the order of the published rating (best first).
 */
export function sensitivity(methodology: Methodology, values: readonly ValueRow[], period: string, opts: SensitivityOptions): SensitivityRow[] {
  const m = parseMethodology(methodology);
  const { jitter, choices } = checkOptions(m, opts);
  const prepared = prepareValues(m, values, period, opts);
  const base = scorePrepared(m, prepared, opts.tolerance);
  const rng = mulberry32(opts.seed);
  const ranks = new Map<RegionCode, number[]>(base.map((r) => [r.region, []]));
  for (let run = 0; run < opts.runs; run++) {
    const normalisation = choices.length ? choices[Math.floor(rng() * choices.length)] : undefined;
    const indicators = m.indicators.map((i) => ({ ...i, weight: i.weight * (1 + jitter * (2 * rng() - 1)), normalisation: normalisation ?? i.normalisation }));
    for (const r of scorePrepared({ ...m, indicators }, prepared, opts.tolerance)) ranks.get(r.region)!.push(r.rank);
  }
  return base.map((r) => {
    const sorted = ranks.get(r.region)!.sort((a, b) => a - b);
    return {
      region: r.region,
      rank: r.rank,
      medianRank: percentile(sorted, 0.5),
      meanRank: sorted.reduce((a, b) => a + b, 0) / sorted.length,
      p05: percentile(sorted, 0.05),
      p95: percentile(sorted, 0.95),
    };
  });
}
