/**
 * Reading the value table (`region,indicator,period,value`) and the population table
 * (`region,year,population`). Every row-level problem is collected with its line, so one run
 * shows the statistician all the fixes a file needs.
 */
import { isRegionCode, LEGACY_CODES, type RegionCode } from '../../../platform/geo/regions.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.js';
import { RatingInputError, throwIfAny, type InputIssue, type InputSource } from './errors.js';

/** One observed value of an indicator for a region and period. */
export interface ValueRow {
  readonly region: RegionCode;
  readonly indicator: string;
  /** Free-form period label compared as text, e.g. "2025", "2025-H1", "2025-Q3". */
  readonly period: string;
  readonly value: number;
  /** Line in the source CSV, when the row came from one (used in error messages). */
  readonly line?: number;
}

/** Population (or any per-capita denominator) of a region in a year. */
export interface PopulationRow {
  readonly region: RegionCode;
  readonly year: number;
  readonly population: number;
  readonly line?: number;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number (no thousands separators, no NaN/Infinity/hex), or undefined. */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (!DECIMAL.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function numberProblem(s: string, column: string): string {
  const t = s.trim();
  if (t === '') return `${column} is empty (leave the row out to mark the value missing)`;
  if (/^[+-]?\d+,\d+$/.test(t)) return `${column} "${t}" is not a number: use '.' as the decimal separator`;
  return `${column} "${t}" is not a number`;
}

function regionProblem(s: string): string {
  const legacy = LEGACY_CODES.get(s.toUpperCase());
  return `unknown region code "${s}"` + (legacy ? ` (a pre-2022 code; use ${legacy})` : ' (expected an ISO 3166-2:KZ code KZ-10 … KZ-79)');
}

/** Header check and record split shared by both tables; returns rows keyed by column name. */
function readTable(text: string, source: InputSource, columns: readonly string[], issues: InputIssue[]): { line: number; get(c: string): string }[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new RatingInputError([{ source, line: e.line, message: e.message }]);
    throw e;
  }
  const expected = columns.join(',');
  const [header, ...body] = records;
  if (!header) throw new RatingInputError([{ source, line: 1, message: `empty file: missing header "${expected}"` }]);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  if (!names.some((n) => columns.includes(n))) {
    throw new RatingInputError([{ source, line: header.line, message: `missing header: the first line must be "${expected}", got "${header.fields.join(',')}"` }]);
  }
  const headerIssues: InputIssue[] = [];
  names.forEach((n, k) => {
    if (!columns.includes(n)) headerIssues.push({ source, line: header.line, message: `unknown column "${header.fields[k]}" in header (expected "${expected}")` });
    else if (names.indexOf(n) !== k) headerIssues.push({ source, line: header.line, message: `column "${n}" appears twice in header` });
  });
  for (const c of columns) if (!names.includes(c)) headerIssues.push({ source, line: header.line, message: `header lacks column "${c}" (expected "${expected}")` });
  throwIfAny(headerIssues);

  const out: { line: number; get(c: string): string }[] = [];
  for (const r of body) {
    if (r.fields.length !== names.length) {
      issues.push({ source, line: r.line, message: `expected ${names.length} fields (${expected}), found ${r.fields.length}` });
      continue;
    }
    out.push({ line: r.line, get: (c) => r.fields[names.indexOf(c)].trim() });
  }
  return out;
}

/**
 * Parses the value table. Columns may come in any order; no other columns are allowed, so a
 * misspelt header is caught rather than silently ignored. Throws RatingInputError listing every
 * bad row: unknown region code, empty indicator/period, non-numeric value, duplicate
 * region+indicator+period.
 */
export function parseValuesCsv(text: string): ValueRow[] {
  const issues: InputIssue[] = [];
  const rows: ValueRow[] = [];
  const seen = new Map<string, number>();
  for (const r of readTable(text, 'values', ['region', 'indicator', 'period', 'value'], issues)) {
    const region = r.get('region'), indicator = r.get('indicator'), period = r.get('period');
    const value = parseNumber(r.get('value'));
    const problems: string[] = [];
    if (!isRegionCode(region)) problems.push(regionProblem(region));
    if (indicator === '') problems.push('indicator is empty');
    if (period === '') problems.push('period is empty');
    if (value === undefined) problems.push(numberProblem(r.get('value'), 'value'));
    const key = JSON.stringify([region, indicator, period]);
    const first = seen.get(key);
    if (first !== undefined) problems.push(`duplicate ${region} / ${indicator} / ${period} (first given on line ${first})`);
    else seen.set(key, r.line);
    for (const message of problems) issues.push({ source: 'values', line: r.line, message });
    if (problems.length === 0) rows.push({ region: region as RegionCode, indicator, period, value: value!, line: r.line });
  }
  throwIfAny(issues);
  return rows;
}

/** Parses `region,year,population`; population must be positive, year a whole number, region+year unique. */
export function parsePopulationCsv(text: string): PopulationRow[] {
  const issues: InputIssue[] = [];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const r of readTable(text, 'population', ['region', 'year', 'population'], issues)) {
    const region = r.get('region'), year = r.get('year'), population = parseNumber(r.get('population'));
    const problems: string[] = [];
    if (!isRegionCode(region)) problems.push(regionProblem(region));
    if (!/^\d{4}$/.test(year)) problems.push(`year "${year}" is not a four-digit year`);
    if (population === undefined) problems.push(numberProblem(r.get('population'), 'population'));
    else if (population <= 0) problems.push(`population must be positive, got ${population}`);
    const first = seen.get(`${region}/${year}`);
    if (first !== undefined) problems.push(`duplicate ${region} / ${year} (first given on line ${first})`);
    else seen.set(`${region}/${year}`, r.line);
    for (const message of problems) issues.push({ source: 'population', line: r.line, message });
    if (problems.length === 0) rows.push({ region: region as RegionCode, year: Number(year), population: population!, line: r.line });
  }
  throwIfAny(issues);
  return rows;
}

/**
 * Population per region for a period: the figure for the period's year (its leading four
 * digits), or the latest earlier year when that year is not published yet — statistics offices
 * publish population with a lag, and a rating should not wait for it. Regions with no figure
 * in or before that year are absent (the engine then reports each value that needed one).
 */
export function populationForPeriod(rows: readonly PopulationRow[], period: string): Partial<Record<RegionCode, number>> {
  const m = /^(\d{4})/.exec(period);
  if (!m) throw new RatingInputError([{ source: 'options', message: `period "${period}" does not start with a year, so no population year can be chosen for per-capita indicators` }]);
  const year = Number(m[1]);
  const best = new Map<RegionCode, PopulationRow>();
  for (const r of rows) {
    const b = best.get(r.region);
    if (r.year <= year && (!b || r.year > b.year)) best.set(r.region, r);
  }
  return Object.fromEntries([...best].map(([region, r]) => [region, r.population]));
}
