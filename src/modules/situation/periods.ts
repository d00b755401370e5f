/**
 * Reporting periods: a month `2026-03`, a quarter `2026-Q1` or a year `2026`. Pure functions,
 * shared by the server and the SPA (no Node-only imports).
 */

/** Granularity of a period. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A parsed period. `index` is the month (1–12), the quarter (1–4), or 0 for a year. */
export interface Period {
  kind: PeriodKind;
  year: number;
  index: number;
}

// Years outside this window are typing errors (e.g. 2062 for 2026), not history or plans.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Parse the canonical text form; anything else (`2026-3`, `Q1 2026`, `2026-13`) is null. */
export function parsePeriod(s: string): Period | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2]) return { kind: 'month', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 0 };
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'month') return `${p.year}-${String(p.index).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return String(p.year);
}

const perYear = (kind: PeriodKind): number => (kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1);

/** A running number per kind, so consecutive periods differ by one (also across years). */
function ordinal(p: Period): number {
  return p.kind === 'year' ? p.year : p.year * perYear(p.kind) + (p.index - 1);
}

function fromOrdinal(kind: PeriodKind, n: number): Period {
  if (kind === 'year') return { kind, year: n, index: 0 };
  const k = perYear(kind);
  return { kind, year: Math.floor(n / k), index: (n % k) + 1 };
}

/** The period `steps` periods after `p` (negative: before). */
export function shiftPeriod(p: Period, steps: number): Period {
  return fromOrdinal(p.kind, ordinal(p) + steps);
}

/** Up to `n` periods right before `p`, oldest first. */
export function previousPeriods(p: Period, n: number): Period[] {
  return Array.from({ length: n }, (_, i) => shiftPeriod(p, i - n));
}

/** Every period of one kind from `from` to `to` inclusive (empty when reversed); capped at `max`. */
export function periodRange(from: Period, to: Period, max = 240): Period[] {
  if (from.kind !== to.kind) return [];
  const out: Period[] = [];
  for (let n = ordinal(from); n <= ordinal(to) && out.length < max; n++) out.push(fromOrdinal(from.kind, n));
  return out;
}

/** The first instant after the period ends (UTC), e.g. 2026-04-01 for 2026-Q1. */
export function periodEnd(p: Period): Date {
  if (p.kind === 'year') return new Date(Date.UTC(p.year + 1, 0, 1));
  const lastMonth = p.kind === 'month' ? p.index : p.index * 3;
  return new Date(Date.UTC(p.year, lastMonth, 1));
}

/** A period is reportable once it has ended: values for the future are typing errors. */
export const periodEnded = (p: Period, now: Date = new Date()): boolean => periodEnd(p).getTime() <= now.getTime();

/** The finer periods a period is made of: a quarter's 3 months, a year's 4 quarters; none for a month. */
export function childPeriods(p: Period): Period[] {
  if (p.kind === 'quarter') return [1, 2, 3].map((i) => ({ kind: 'month', year: p.year, index: (p.index - 1) * 3 + i }));
  if (p.kind === 'year') return [1, 2, 3, 4].map((i) => ({ kind: 'quarter', year: p.year, index: i }));
  return [];
}

/** The latest ended period of a kind, relative to `now`. */
export function lastEndedPeriod(kind: PeriodKind, now: Date = new Date()): Period {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  if (kind === 'year') return { kind, year: y - 1, index: 0 };
  if (kind === 'quarter') return shiftPeriod({ kind, year: y, index: Math.ceil(m / 3) }, -1);
  return shiftPeriod({ kind, year: y, index: m }, -1);
}
