/**
 * Checks one submitted figure (from the entry form or a file row) and says exactly what is wrong,
 * with a stable code per problem so the SPA can explain it in the user's language.
 */
import { canSeeRegion, type RegionScope } from '../../platform/auth/actor.js';
import { isRegionCode, LEGACY_CODES } from '../../platform/geo/regions.js';
import { INTEGER_UNITS, type Unit } from './catalogue.data.js';
import type { Indicator } from './catalogue.service.js';
import { formatPeriod, parsePeriod, periodEnded, type PeriodKind } from './periods.js';

/** Why a row was refused. */
export const ROW_ERRORS = [
  'indicator_unknown', 'indicator_inactive', 'unit_mismatch', 'region_invalid', 'region_out_of_scope', 'period_invalid',
  'period_granularity', 'period_future', 'value_not_number', 'value_negative', 'value_not_integer', 'value_out_of_range',
  'duplicate_in_file', 'already_accepted', 'text_too_long',
] as const;
export type RowErrorCode = (typeof ROW_ERRORS)[number];

/** One problem in one row; `row` is the line number as a spreadsheet shows it (header = 1). */
export interface RowError {
  row: number;
  column: 'indicator' | 'unit' | 'region' | 'period' | 'value' | 'source' | 'note';
  code: RowErrorCode;
  /** The offending cell as read (truncated). */
  value?: string;
  /** What would be accepted, e.g. the indicator's unit or allowed granularities. */
  expected?: string;
  /** For duplicates: the row that first gave this indicator, region and period. */
  firstRow?: number;
}

/** A row as read, before checking. `unit` is null when the caller does not state one (entry form). */
export interface RawRow {
  row: number;
  indicator: string;
  region: string;
  period: string;
  value: string | number;
  unit: string | null;
  source: string;
  note: string;
}

/** A row that passed every check. */
export interface CleanRow {
  row: number;
  indicatorCode: string;
  region: string;
  period: string;
  periodKind: PeriodKind;
  value: number;
  source: string;
  note: string;
}

export const MAX_TEXT = 500;

/**
 * A number as staff type it: `12.5` or `12,5` (Kazakh and Russian decimal comma), spaces as
 * thousands separators (`1 250`). No exponents, no mixed separators: `1,250.5` is ambiguous.
 */
export function parseNumberCell(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return null;
}

const cut = (s: string) => (s.length > 60 ? s.slice(0, 60) + '…' : s);

/** Context for checking: the catalogue, the caller's scope, and what is already stored. */
export interface CheckContext {
  indicators: ReadonlyMap<string, Indicator>;
  scope: RegionScope;
  now: Date;
  /** Status of stored values by `indicator|region|period`. */
  existing: ReadonlyMap<string, string>;
}

export const valueKey = (indicator: string, region: string, period: string) => `${indicator}|${region}|${period}`;

/** Check every row; the file is good only when `errors` is empty. */
export function checkRows(rows: readonly RawRow[], ctx: CheckContext): { clean: CleanRow[]; errors: RowError[] } {
  const clean: CleanRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const errs: RowError[] = [];
    const err = (column: RowError['column'], code: RowErrorCode, extra: Partial<RowError> = {}) => errs.push({ row: r.row, column, code, ...extra });
    const code = r.indicator.trim();
    const ind = ctx.indicators.get(code);
    if (!ind) err('indicator', 'indicator_unknown', { value: cut(code) });
    else if (!ind.active) err('indicator', 'indicator_inactive', { value: code });
    if (ind && r.unit !== null && r.unit.trim().toLowerCase() !== ind.unit) err('unit', 'unit_mismatch', { value: cut(r.unit), expected: ind.unit });

    const region = r.region.trim().toUpperCase();
    if (!isRegionCode(region)) err('region', 'region_invalid', { value: cut(r.region), ...(LEGACY_CODES.has(region) ? { expected: LEGACY_CODES.get(region) } : {}) });
    else if (!canSeeRegion(ctx.scope, region)) err('region', 'region_out_of_scope', { value: region });

    const p = parsePeriod(r.period.trim());
    if (!p) err('period', 'period_invalid', { value: cut(r.period), expected: 'YYYY-MM | YYYY-Qn | YYYY' });
    else if (ind && !(ind.periods as string[]).includes(p.kind)) err('period', 'period_granularity', { value: r.period.trim(), expected: ind.periods.join(', ') });
    else if (!periodEnded(p, ctx.now)) err('period', 'period_future', { value: r.period.trim() });

    const n = parseNumberCell(r.value);
    if (n === null) err('value', 'value_not_number', { value: cut(String(r.value)) });
    else if (n < 0) err('value', 'value_negative', { value: String(n) });
    else if (ind && INTEGER_UNITS.has(ind.unit as Unit) && !Number.isInteger(n)) err('value', 'value_not_integer', { value: String(n) });
    else if (ind && ind.unit === 'percent' && n > 100) err('value', 'value_out_of_range', { value: String(n), expected: '0–100' });

    if (r.source.length > MAX_TEXT) err('source', 'text_too_long', { expected: String(MAX_TEXT) });
    if (r.note.length > MAX_TEXT) err('note', 'text_too_long', { expected: String(MAX_TEXT) });

    if (p && isRegionCode(region)) {
      const period = formatPeriod(p);
      const key = valueKey(code, region, period);
      const first = seen.get(key);
      if (first !== undefined) err('period', 'duplicate_in_file', { value: `${code} ${region} ${period}`, firstRow: first });
      else seen.set(key, r.row);
      if (ctx.existing.get(key) === 'accepted') err('value', 'already_accepted', { value: `${code} ${region} ${period}` });
      if (!errs.length) clean.push({ row: r.row, indicatorCode: code, region, period, periodKind: p.kind, value: n!, source: r.source.trim(), note: r.note.trim() });
    }
    errors.push(...errs);
  }
  return { clean, errors };
}
