/**
 * Shapes the situation API returns and small helpers the pages share. Period arithmetic is the
 * server's own pure module, so the SPA and the API agree on what "the previous 12 quarters" are.
 */
import { api, type Lang } from '../../api.js';
import { LOCALE_TAG } from '../../i18n/index.js';
import { formatPeriod, lastEndedPeriod, parsePeriod, shiftPeriod, type PeriodKind } from '../../../../src/modules/situation/periods.js';

export type { PeriodKind };
export const PERIOD_KINDS: PeriodKind[] = ['month', 'quarter', 'year'];
type Names = Record<Lang, string>;

/** A catalogue entry (mirror of the server's Indicator). */
export interface Indicator {
  code: string;
  category: string;
  names: Names;
  description: Names;
  unit: string;
  polarity: 'higher_better' | 'higher_worse' | 'neutral';
  perCapita: boolean;
  aggregation: 'sum' | 'last' | 'none';
  periods: PeriodKind[];
  source: Names;
  sortOrder: number;
  active: boolean;
}

export interface Catalogue {
  items: Indicator[];
  units: Record<string, Names>;
  categories: Record<string, Names>;
  limits: { maxRows: number; maxBytes: number };
}

export type ValueStatus = 'submitted' | 'accepted' | 'returned';

/** A stored figure. */
export interface SituationValue {
  id: string;
  indicatorCode: string;
  region: string;
  period: string;
  periodKind: PeriodKind;
  value: number;
  source: string;
  note: string;
  status: ValueStatus;
  reviewComment: string;
  submittedById: string | null;
  submittedByName: string;
  submittedAt: string;
  importFile: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
}

export interface Anomaly {
  baseline: number[];
  median: number;
  mad: number;
  scale: number | null;
  z: number | null;
  flagged: boolean;
  direction: 'up' | 'down' | null;
}

export interface RegionFigure {
  region: string;
  value: number | null;
  population: number | null;
  populationYear: number | null;
  rate: number | null;
  anomaly: Anomaly | null;
}

export interface View {
  indicator: Indicator;
  period: string;
  rows: RegionFigure[];
  total: { value: number | null; population: number; rate: number | null };
}

export interface Trend {
  indicator: Indicator;
  periods: string[];
  series: { region: string; values: (number | null)[]; rates: (number | null)[] }[];
  total: { values: (number | null)[]; rates: (number | null)[] };
}

export interface AnomalyRow extends Anomaly {
  indicator: string;
  region: string;
  period: string;
  value: number;
}

export interface Stats {
  indicators: number;
  values: Record<ValueStatus, number>;
  latest: Partial<Record<PeriodKind, string>>;
}

/** One row problem of a refused import (server's RowError). */
export interface RowError {
  row: number;
  column: string;
  code: string;
  value?: string;
  expected?: string;
  firstRow?: number;
}

export interface ImportResult {
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  rows: number;
  inserted: number;
  replaced: number;
  skipped: number;
  values: { id: string | null; indicator: string; region: string; period: string; value: number; status: string }[];
}

// The catalogue changes rarely; one request per page load is plenty.
let catalogue: Promise<Catalogue> | null = null;
export function loadCatalogue(fresh = false): Promise<Catalogue> {
  if (fresh || !catalogue) catalogue = api.get<Catalogue>('/api/situation/indicators', { all: 'true' }).catch((e) => { catalogue = null; throw e; });
  return catalogue;
}

/** Name of an indicator in the UI language, or its code while the catalogue loads. */
export const nameOf = (cat: Catalogue | null, code: string, lang: Lang): string => cat?.items.find((i) => i.code === code)?.names[lang] ?? code;
export const unitOf = (cat: Catalogue | null, unit: string, lang: Lang): string => cat?.units[unit]?.[lang] ?? unit;

/** The latest `n` ended periods of a kind, newest first, ending at `latest` when given. */
export function recentPeriods(kind: PeriodKind, n: number, latest?: string): string[] {
  const end = (latest && parsePeriod(latest)?.kind === kind ? parsePeriod(latest) : null) ?? lastEndedPeriod(kind);
  return Array.from({ length: n }, (_, i) => formatPeriod(shiftPeriod(end, -i)));
}

/** `n` periods ending at `period` (inclusive), oldest first: the trend window. */
export function windowEnding(period: string, n: number): { from: string; to: string } {
  const p = parsePeriod(period)!;
  return { from: formatPeriod(shiftPeriod(p, 1 - n)), to: period };
}

/** Numbers with at most `digits` decimals in the UI language's format. */
export function fmt(n: number | null | undefined, lang: Lang, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(LOCALE_TAG[lang], { maximumFractionDigits: digits }).format(n);
}

/** A file's bytes as base64, in chunks so large files do not overflow the argument list. */
export function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
