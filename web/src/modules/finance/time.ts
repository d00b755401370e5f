import { formatDateTime } from '../../lib/format.js';

/** Block times come as unix seconds (engine) or ISO strings (store). */
export function formatTime(v: string | number | null | undefined, lang: string): string {
  if (v === null || v === undefined || v === '') return '—';
  const iso = typeof v === 'number' ? new Date(v * 1000).toISOString() : v;
  return formatDateTime(iso, lang);
}
