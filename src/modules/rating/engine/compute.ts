/**
 * Computing one period's rating: per-capita division, missing-data rule, normalisation,
 * aggregation with per-indicator contributions, and ranking.
 */
import type { RegionCode } from '../../../platform/geo/regions.js';
import { throwIfAny, type InputIssue } from './errors.js';
import { parseMethodology, type Methodology } from './methodology.js';
import { bottomOf, competitionRanks, normalise, SCORE_TOLERANCE } from './normalise.js';
import type { ValueRow } from './values.js';

/** Per-capita denominators by name (an indicator's `perCapita.denominator`), then by region. */
export type Denominators = Readonly<Record<string, Readonly<Partial<Record<string, number>>>>>;

/** Options of computeRating. */
export interface RatingOptions {
  /** Needed when an indicator is per capita, e.g. `{ population: { 'KZ-71': 1_500_000, ... } }` for the period. */
  readonly denominators?: Denominators;
  /** Relative tolerance under which two scores tie (default 1e-9). */
  readonly tolerance?: number;
}

/** One region's place in a rating. */
export interface RatingRow {
  readonly region: RegionCode;
  /** Full precision; round only for display. Scale: see docs/rating-engine.md. */
  readonly score: number;
  /** Standard competition rank: 1 = best, equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** Indicator code → share of the score; they sum to the score (arithmetic and geometric). */
  readonly contributions: Record<string, number>;
  /** Indicator code → normalised value (higher = better); null where the 'reweight' rule dropped it. */
  readonly normalised: Record<string, number | null>;
  /** Indicators this region had no value for (handled by the methodology's missing-data rule). */
  readonly missing: readonly string[];
}

/** One period's values after filtering and per-capita division: what every Monte Carlo run reuses. */
export interface PreparedValues {
  readonly period: string;
  /** Regions with at least one value for the period, in code order; the rest are not rated. */
  readonly regions: readonly RegionCode[];
  /** Indicator code → region → value (per capita where the methodology says so). */
  readonly values: ReadonlyMap<string, ReadonlyMap<RegionCode, number>>;
}

/**
 * Selects the period's values of the methodology's indicators and divides per-capita ones by
 * their denominator. Throws RatingInputError for duplicates, missing denominators, indicators
 * with no values for the period, or a period with no values at all.
 */
export function prepareValues(m: Methodology, rows: readonly ValueRow[], period: string, opts: RatingOptions = {}): PreparedValues {
  const issues: InputIssue[] = [];
  const byCode = new Map(m.indicators.map((i) => [i.code, i]));
  const values = new Map(m.indicators.map((i) => [i.code, new Map<RegionCode, number>()]));
  const lines = new Map<string, number | undefined>();
  const regions = new Set<RegionCode>();
  for (const row of rows) {
    const ind = byCode.get(row.indicator);
    if (row.period !== period || !ind) continue;
    const at = row.line;
    const key = `${row.region}/${row.indicator}`;
    if (lines.has(key)) {
      issues.push({ source: 'values', line: at, message: `duplicate ${row.region} / ${row.indicator} / ${period}` });
      continue;
    }
    lines.set(key, at);
    if (!Number.isFinite(row.value)) {
      issues.push({ source: 'values', line: at, message: `value of ${row.region} / ${row.indicator} is not a finite number` });
      continue;
    }
    let v = row.value;
    if (ind.perCapita) {
      const { denominator, per } = ind.perCapita;
      const d = opts.denominators?.[denominator]?.[row.region];
      if (d === undefined || !(d > 0)) {
        issues.push({ source: 'values', line: at, message: `${row.region}: no positive "${denominator}" denominator for period ${period} (indicator "${ind.code}" is per capita)` });
        continue;
      }
      v = (v / d) * per;
    }
    values.get(ind.code)!.set(row.region, v);
    regions.add(row.region);
  }
  if (regions.size === 0 && issues.length === 0) {
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    issues.push({ source: 'values', message: `no values of the methodology's indicators for period "${period}"` + (periods.length ? ` (periods present: ${periods.join(', ')})` : '') });
  } else if (issues.length === 0) {
    for (const [code, vs] of values) {
      if (vs.size === 0) issues.push({ source: 'methodology', indicator: code, message: `indicator "${code}" has no values for period "${period}"` });
    }
  }
  throwIfAny(issues);
  return { period, regions: [...regions].sort(), values };
}

// Geometric aggregation maps 0–100 onto 1–100 so that every factor is ≥ 1: a single 0 would
// otherwise zero the whole product, and all log-terms stay ≥ 0 so contributions are never negative.
const positive = (n: number) => 1 + 0.99 * n;

/** Scores and ranks prepared values under a (validated) methodology; no input checks. */
export function scorePrepared(m: Methodology, p: PreparedValues, tolerance = SCORE_TOLERANCE): RatingRow[] {
  const norm = m.indicators.map((ind) => {
    const observed = p.values.get(ind.code)!;
    const absent = p.regions.filter((r) => !observed.has(r));
    const vals = new Map(observed);
    if (m.missing === 'mean' && absent.length) {
      const mean = [...observed.values()].reduce((a, b) => a + b, 0) / observed.size;
      for (const r of absent) vals.set(r, mean);
    }
    const n = normalise(vals, ind);
    if (m.missing === 'zero' && absent.length) {
      const bottom = bottomOf(ind.normalisation, n.values());
      for (const r of absent) n.set(r, bottom);
    }
    return n;
  });

  const unranked = p.regions.map((region) => {
    const active = m.indicators.map((ind, k) => ({ ind, n: norm[k].get(region) })).filter((a) => a.n !== undefined) as { ind: Methodology['indicators'][number]; n: number }[];
    const total = active.reduce((s, a) => s + a.ind.weight, 0);
    const contributions: Record<string, number> = Object.fromEntries(m.indicators.map((i) => [i.code, 0]));
    let score: number;
    if (m.aggregation === 'arithmetic') {
      for (const a of active) contributions[a.ind.code] = (a.ind.weight * a.n) / total;
      score = active.reduce((s, a) => s + contributions[a.ind.code], 0);
    } else {
      const terms = active.map((a) => (a.ind.weight / total) * Math.log(positive(a.n)));
      const logScore = terms.reduce((s, t) => s + t, 0);
      score = Math.exp(logScore);
      // Log-share: each indicator gets the part of the score its log-term is of log(score).
      active.forEach((a, k) => (contributions[a.ind.code] = logScore > 0 ? (score * terms[k]) / logScore : (score * a.ind.weight) / total));
    }
    return {
      region,
      score,
      contributions,
      normalised: Object.fromEntries(m.indicators.map((i, k) => [i.code, norm[k].get(region) ?? null])),
      missing: m.indicators.filter((i) => !p.values.get(i.code)!.has(region)).map((i) => i.code),
    };
  });

  unranked.sort((a, b) => b.score - a.score || (a.region < b.region ? -1 : 1));
  const ranks = competitionRanks(unranked.map((r) => r.score), tolerance);
  return unranked.map((r, k) => ({ region: r.region, score: r.score, rank: ranks[k], contributions: r.contributions, normalised: r.normalised, missing: r.missing }));
}

/**
 * The rating of every region with data for `period`, best first. Regions with no value of
 * any methodology indicator in the period are not rated (left out, not ranked last).
 * Throws RatingInputError for an invalid methodology or unusable values.
 */
export function computeRating(methodology: Methodology, values: readonly ValueRow[], period: string, opts: RatingOptions = {}): RatingRow[] {
  const m = parseMethodology(methodology);
  return scorePrepared(m, prepareValues(m, values, period, opts), opts.tolerance);
}

/** A region's movement between two ratings. */
export interface RankChange {
  readonly region: RegionCode;
  readonly rank: number;
  /** Null when the region was not rated in the previous period. */
  readonly previousRank: number | null;
  /** previousRank − rank: positive = moved up. Null when not rated before. */
  readonly change: number | null;
}

/** Rank change of each region of `current` against `previous`, in the order of `current`. */
export function rankChange(current: readonly RatingRow[], previous: readonly RatingRow[]): RankChange[] {
  const before = new Map(previous.map((r) => [r.region, r.rank]));
  return current.map((r) => {
    const p = before.get(r.region);
    return { region: r.region, rank: r.rank, previousRank: p ?? null, change: p === undefined ? null : p - r.rank };
  });
}
