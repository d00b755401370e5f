/** The human-readable form of a rating (`qalqan rating compute` without --json). */
import { regionName, REGION_CODES, type RegionCode } from '../../../platform/geo/regions.js';
import type { RankChange, RatingRow } from './compute.js';
import type { Methodology } from './methodology.js';
import type { SensitivityRow } from './sensitivity.js';

/** What the score of a methodology is measured in (see docs/rating-engine.md, "Score scale"). */
export function scoreScale(m: Methodology): string {
  if (m.aggregation === 'geometric') return '1–100';
  const z = m.indicators.filter((i) => i.normalisation === 'zscore').length;
  if (z === 0) return '0–100';
  return z === m.indicators.length ? 'z-units (0 = average region)' : 'mixed (z-scores with 0–100 scales)';
}

/** Extra columns and notes for the table. */
export interface TableExtras {
  readonly period: string;
  readonly previous?: { readonly period: string; readonly changes: readonly RankChange[] };
  readonly sensitivity?: { readonly rows: readonly SensitivityRow[]; readonly runs: number; readonly seed: number; readonly jitter: number; readonly normalisations: readonly string[] };
}

const fmtRank = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** Renders the rating as a fixed-width table, best first, with contributions per indicator. */
export function formatTable(m: Methodology, rows: readonly RatingRow[], extras: TableExtras): string {
  const digits = m.indicators.every((i) => i.normalisation === 'zscore') && m.aggregation === 'arithmetic' ? 3 : 2;
  const num = (x: number) => x.toFixed(digits);
  const change = new Map(extras.previous?.changes.map((c) => [c.region, c]));
  const sens = new Map(extras.sensitivity?.rows.map((s) => [s.region, s]));
  const head = ['rank', 'region', 'name', 'score'];
  if (extras.previous) head.push(`Δ vs ${extras.previous.period}`);
  if (extras.sensitivity) head.push('median rank', '90% interval');
  head.push(...m.indicators.map((i) => i.code));
  let flagged = false;

  const body = rows.map((r) => {
    const cells = [String(r.rank), r.region, regionName(r.region, 'en', { short: true }), num(r.score)];
    if (extras.previous) {
      const c = change.get(r.region);
      cells.push(c?.change == null ? 'new' : c.change > 0 ? `+${c.change}` : c.change < 0 ? `−${-c.change}` : '=');
    }
    if (extras.sensitivity) {
      const s = sens.get(r.region)!;
      cells.push(fmtRank(s.medianRank), `${fmtRank(s.p05)}–${fmtRank(s.p95)}`);
    }
    for (const i of m.indicators) {
      const gone = r.normalised[i.code] === null;
      const mark = r.missing.includes(i.code);
      flagged ||= mark;
      cells.push(gone ? 'n/a*' : num(r.contributions[i.code]) + (mark ? '*' : ''));
    }
    return cells;
  });

  const widths = head.map((h, k) => Math.max(h.length, ...body.map((c) => c[k].length)));
  const left = new Set([1, 2]);
  const line = (cells: readonly string[]) => cells.map((c, k) => (left.has(k) ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();

  const title = `${m.name ?? 'Rating'}${m.version !== undefined ? ` (version ${m.version})` : ''} — period ${extras.period}`;
  const out = [
    title,
    `${m.aggregation} aggregation, missing data: ${m.missing}; score scale ${scoreScale(m)}, higher = better; columns after the score are each indicator's contribution`,
    '',
    line(head),
    ...body.map(line),
  ];
  if (flagged) out.push('', `* no value for this region: ${m.missing === 'reweight' ? 'indicator dropped and the remaining weights rescaled' : m.missing === 'zero' ? 'counted at the bottom of the scale' : "imputed with the indicator's mean"}`);
  if (extras.sensitivity) {
    const s = extras.sensitivity;
    out.push('', `Sensitivity: ${s.runs} Monte Carlo runs, seed ${s.seed}, weights ×[${1 - s.jitter}, ${1 + s.jitter}], normalisation ${s.normalisations.length ? s.normalisations.join('/') : 'as published'}; interval = 5th–95th percentile of rank`);
  }
  const rated = new Set(rows.map((r) => r.region));
  const unrated: RegionCode[] = REGION_CODES.filter((c) => !rated.has(c));
  if (unrated.length) out.push('', `Not rated (no values for ${extras.period}): ${unrated.join(', ')}`);
  return out.join('\n') + '\n';
}
