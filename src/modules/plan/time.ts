/**
 * Calendar arithmetic in Asia/Almaty. Plan deadlines are days, not instants: "2026-06-30" is
 * met until 23:59:59.999 Almaty time, i.e. 18:59:59.999Z since Kazakhstan moved to UTC+5 on
 * 1 March 2024. The offset comes from the runtime's tz database (Intl), not a constant, so old
 * dates keep their historical offset.
 */
export const PLAN_TZ = 'Asia/Almaty';

/**
 * The module's clock. Services and the reminder job read it instead of `new Date()` so tests
 * can pin "now" on both sides of midnight; production never replaces it.
 */
export const planClock = { now: (): Date => new Date() };

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PLAN_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: PLAN_TZ, timeZoneName: 'longOffset' });

/** True for a real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The Almaty calendar day an instant falls on. */
export function almatyDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** Almaty's UTC offset in minutes at an instant (300 since 2024-03-01). */
function offsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The first instant after the day: the deadline is missed from this moment on. */
export function deadlinePassedAt(day: string): Date {
  const nextMidnightUtc = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  // No DST in Kazakhstan, so the offset at noon of the day holds at its end.
  return new Date(nextMidnightUtc - offsetMinutes(new Date(nextMidnightUtc - DAY_MS / 2)) * 60_000);
}

/** True once the whole Almaty day `day` is over at `now`. */
export const isPast = (day: string, now: Date): boolean => now.getTime() >= deadlinePassedAt(day).getTime();

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
