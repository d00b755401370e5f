/**
 * Formatting shared by the PDF and XLSX reports, so both show the same numbers the same way.
 */
import { regionName, type RegionCode } from '../../platform/geo/regions.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { Methodology } from './engine/index.js';
import { REPORT_TEXT } from './report-text.js';

/** Indicator colours (Tableau 10): distinguishable, and the same in the web UI. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const colourOf = (k: number): string => PALETTE[k % PALETTE.length]!;

const decimalComma = (lang: Lang, s: string) => (lang === 'en' ? s : s.replace('.', ','));

/** Scores: 2 decimals, 3 for an all-z-score methodology (its scores are near 0). */
export function scoreDigits(m: Methodology): number {
  return m.indicators.every((i) => i.normalisation === 'zscore') ? 3 : 2;
}

export const fmtNumber = (lang: Lang, n: number, digits: number): string => decimalComma(lang, n.toFixed(digits));

/** Ranks from the simulation can be fractional (interpolated percentiles). */
export const fmtRank = (lang: Lang, n: number): string => (Number.isInteger(n) ? String(n) : decimalComma(lang, n.toFixed(1)));

/** The 90% rank interval, "3–7", or just "3" when the rank did not move in any run. */
export const fmtInterval = (lang: Lang, lo: number, hi: number): string => (lo === hi ? fmtRank(lang, lo) : `${fmtRank(lang, lo)}\u2013${fmtRank(lang, hi)}`);

/** Rank change: +3 (up), −2 (down), 0, or "new" when not rated before. */
export function fmtChange(lang: Lang, change: number | null): string {
  if (change === null) return REPORT_TEXT[lang].newEntry;
  return change > 0 ? `+${change}` : change < 0 ? `\u2212${-change}` : '0';
}

export const regionLabel = (code: RegionCode, lang: Lang): string => regionName(code, lang);

/** An indicator's display name: its name in the methodology, else its code. */
export const indicatorLabel = (m: Methodology, code: string): string => m.indicators.find((i) => i.code === code)?.name ?? code;

/** Weight shares in percent (weights are only meaningful relative to their sum). */
export function weightShares(m: Methodology): number[] {
  const total = m.indicators.reduce((s, i) => s + i.weight, 0);
  return m.indicators.map((i) => (100 * i.weight) / total);
}

/** "minmax, rank" in words, or "as in the methodology" when only weights vary. */
export function normalisationList(lang: Lang, norms: readonly string[]): string {
  const t = REPORT_TEXT[lang];
  return norms.length ? norms.map((n) => t.normalisations[n] ?? n).join(', ') : t.ownNormalisation;
}

export const fmtDate = (d: Date | string | null): string => (d ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '');
