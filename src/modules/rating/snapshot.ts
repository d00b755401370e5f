/**
 * The reproducible core of a stored rating: a snapshot (methodology + periods + frozen input
 * values + Monte Carlo settings) fully determines the result. Pure functions, no database, so
 * the service, the verify endpoint and the tests all recompute exactly the same way.
 */
import { createHash } from 'node:crypto';
import { REGION_CODES, type RegionCode } from '../../platform/geo/regions.js';
import {
  computeRating, methodologyWarnings, parseMethodology, rankChange, sensitivity,
  type Methodology, type Normalisation, type RatingRow, type SensitivityRow, type ValueRow,
} from './engine/index.js';

/** Version tag inside every snapshot; bump when the canonical form or the computation changes. */
export const SNAPSHOT_FORMAT = 'qalqan.rating-snapshot/1';

/** One frozen input value (a ValueRow without its source line). */
export interface SnapshotValue { region: RegionCode; indicator: string; period: string; value: number }

/** Monte Carlo settings; stored with the rating because they determine the intervals. */
export interface SensitivitySettings { runs: number; seed: number; weightJitter: number; normalisations: Normalisation[] }

export const DEFAULT_SENSITIVITY: SensitivitySettings = { runs: 1000, seed: 1, weightJitter: 0.2, normalisations: [] };

/** Everything a rating is computed from. Its canonical JSON is what `inputHash` hashes. */
export interface RatingSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  methodology: { name: string; version: string; config: Methodology };
  period: string;
  previousPeriod: string | null;
  sensitivity: SensitivitySettings;
  inputs: SnapshotValue[];
}

/** One region's line of a stored rating: the engine's row plus the change against the previous period. */
export interface ResultRow extends RatingRow {
  previousRank: number | null;
  change: number | null;
}

/** The stored, computed part of a rating (sensitivity is kept beside it). */
export interface RatingResult {
  rows: ResultRow[];
  /** The previous period's ranking under the same methodology; null without a previous period. */
  previous: { region: RegionCode; score: number; rank: number }[] | null;
  /** Regions with no value of any methodology indicator in the period: not rated, not last. */
  unrated: RegionCode[];
  warnings: string[];
}

/**
 * JSON with object keys sorted at every level and no whitespace. PostgreSQL's jsonb reorders
 * keys, so hashing anything but a canonical form would break after a round trip through the
 * database. Numbers use JavaScript's shortest round-trip form, which survives jsonb's numeric.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(v) ?? 'null';
  }
  if (Array.isArray(v)) return '[' + v.map((x) => canonicalJson(x === undefined ? null : x)).join(',') + ']';
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((v as Record<string, unknown>)[k])).join(',') + '}';
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Denominator names the methodology's per-capita indicators need (e.g. "population"). */
export const denominatorNames = (m: Methodology): string[] =>
  [...new Set(m.indicators.flatMap((i) => (i.perCapita ? [i.perCapita.denominator] : [])))];

/**
 * Keeps only the values the rating uses (its indicators and denominators, in its periods) and
 * sorts them, so the same data always gives the same snapshot whatever order it arrived in.
 */
export function selectInputs(m: Methodology, rows: readonly ValueRow[], periods: readonly string[]): SnapshotValue[] {
  const wanted = new Set([...m.indicators.map((i) => i.code), ...denominatorNames(m)]);
  return rows
    .filter((r) => wanted.has(r.indicator) && periods.includes(r.period))
    .map((r) => ({ region: r.region, indicator: r.indicator, period: r.period, value: r.value }))
    .sort((a, b) => cmp(a.period, b.period) || cmp(a.region, b.region) || cmp(a.indicator, b.indicator));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per-capita denominators of one period, read from the input rows named like the denominators. */
function denominatorsFor(m: Methodology, inputs: readonly SnapshotValue[], period: string) {
  return Object.fromEntries(denominatorNames(m).map((name) => [
    name, Object.fromEntries(inputs.filter((r) => r.indicator === name && r.period === period).map((r) => [r.region, r.value])),
  ]));
}

/** SHA-256 of the canonical snapshot: the published fingerprint of "these rules on this data". */
export const snapshotHash = (s: RatingSnapshot): string => sha256Hex(canonicalJson(s));

/** SHA-256 of the canonical result and sensitivity. */
export const resultHash = (result: RatingResult, sens: readonly SensitivityRow[]): string =>
  sha256Hex(canonicalJson({ result, sensitivity: sens }));

/**
 * Computes a rating from its snapshot: ranking with contributions, the previous period under
 * the same methodology for the rank change, and the Monte Carlo intervals. Throws the engine's
 * RatingInputError for unusable data.
 */
export function computeSnapshot(s: RatingSnapshot): { result: RatingResult; sensitivity: SensitivityRow[] } {
  const m = parseMethodology(s.methodology.config);
  const rows = computeRating(m, s.inputs, s.period, { denominators: denominatorsFor(m, s.inputs, s.period) });
  const previous = s.previousPeriod === null ? null
    : computeRating(m, s.inputs, s.previousPeriod, { denominators: denominatorsFor(m, s.inputs, s.previousPeriod) });
  const changes = new Map(rankChange(rows, previous ?? []).map((c) => [c.region, c]));
  const rated = new Set(rows.map((r) => r.region));
  const sens = sensitivity(m, s.inputs, s.period, {
    runs: s.sensitivity.runs, seed: s.sensitivity.seed, weightJitter: s.sensitivity.weightJitter,
    normalisations: s.sensitivity.normalisations, denominators: denominatorsFor(m, s.inputs, s.period),
  });
  return {
    result: {
      rows: rows.map((r) => ({ ...r, missing: [...r.missing], previousRank: changes.get(r.region)!.previousRank, change: changes.get(r.region)!.change })),
      previous: previous?.map((r) => ({ region: r.region, score: r.score, rank: r.rank })) ?? null,
      // As in the CLI table: every unit without a value is listed, so a silent region is visible.
      unrated: REGION_CODES.filter((r) => !rated.has(r)),
      warnings: methodologyWarnings(m),
    },
    sensitivity: sens.map((r) => ({ ...r })),
  };
}
