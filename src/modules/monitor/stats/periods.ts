/**
 * Calendar periods of the statistics, in Kazakhstan's time (Asia/Almaty: UTC+5 since
 * 1 March 2024, UTC+6 before; PostgreSQL's tz database knows both). Periods are plain calendar
 * dates; these helpers do date arithmetic on them in UTC so no machine time zone leaks in.
 */
import { AppError } from '../../../platform/errors/catalogue.js';

/** The time zone every period boundary is drawn in. */
export const STATS_TZ = 'Asia/Almaty';
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
/** Most periods one answer may have (a year of days, five years of weeks, ten of months fit). */
export const MAX_BUCKETS = 400;
/** Range shown when the caller gives none: the last 30 days, 12 weeks or 12 months. */
const DEFAULT_SPAN: Record<Granularity, number> = { day: 30, week: 12, month: 12 };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const toUtc = (d: string) => { const [y, m, day] = d.split('-').map(Number); return new Date(Date.UTC(y!, m! - 1, day!)); };
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today's date in Kazakhstan. */
export function todayKz(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: STATS_TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The first day of the period containing `date` (weeks start on Monday, ISO 8601). */
export function bucketStart(date: string, g: Granularity): string {
  const d = toUtc(date);
  if (g === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (g === 'month') d.setUTCDate(1);
  return iso(d);
}

/** The first day of the period after the one starting at `start`. */
export function nextBucket(start: string, g: Granularity): string {
  const d = toUtc(start);
  if (g === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (g === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return iso(d);
}

/** A resolved range: whole periods from `from` (inclusive) to `until` (exclusive), and their keys. */
export interface PeriodRange {
  granularity: Granularity;
  /** First day of the first period. */
  from: string;
  /** Last day of the last period (inclusive, as users read it). */
  to: string;
  /** First day after the range (exclusive bound for queries). */
  until: string;
  /** Start date of each period, oldest first. */
  buckets: string[];
}

/**
 * Widen the requested dates to whole periods (a week range starting on a Wednesday starts on
 * that Monday) and list the periods. Dates are Kazakhstan calendar dates, both inclusive.
 */
export function resolveRange(g: Granularity, from?: string, to?: string, now = new Date()): PeriodRange {
  for (const [k, v] of [['from', from], ['to', to]] as const) {
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(toUtc(v).getTime()) || iso(toUtc(v)) !== v)) throw new AppError('request.invalid', { [k]: 'YYYY-MM-DD' });
  }
  const end = to ?? todayKz(now);
  let start = from;
  if (!start) {
    start = bucketStart(end, g);
    for (let i = 1; i < DEFAULT_SPAN[g]; i++) {
      const d = toUtc(start);
      if (g === 'month') d.setUTCMonth(d.getUTCMonth() - 1); else d.setUTCDate(d.getUTCDate() - (g === 'week' ? 7 : 1));
      start = iso(d);
    }
  }
  if (start > end) throw new AppError('request.invalid', { from: 'after to' });
  const buckets: string[] = [];
  let b = bucketStart(start, g);
  while (b <= end) {
    buckets.push(b);
    if (buckets.length > MAX_BUCKETS) throw new AppError('request.invalid', { range: `at most ${MAX_BUCKETS} ${g}s` });
    b = nextBucket(b, g);
  }
  const last = toUtc(b);
  last.setUTCDate(last.getUTCDate() - 1);
  return { granularity: g, from: buckets[0]!, to: iso(last), until: b, buckets };
}
