import { LOCALE_TAG } from '../i18n/index.js';
import type { Lang } from '../api.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates as staff write them, in the browser's time zone (Kazakhstan's, in practice).
 * Kazakh and Russian use 22.11.2026 14:05 by hand: Chromium's bundled ICU has no Kazakh month
 * names (it prints "2026 M11 22"), so the numeric form is built here rather than by Intl.
 */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (lang === 'en') return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(LOCALE_TAG[lang as Lang] ?? 'ru-RU').format(n);
}

/** Pretty JSON for audit summaries; rendered inside <pre> as text, never as HTML. */
export function prettyJson(v: unknown): string {
  if (v === null || v === undefined) return '—';
  try { return JSON.stringify(v, null, 2); } catch { return String(v); }
}
