/**
 * Shapes the rating API returns (mirrors of src/modules/rating/*). The engine's methodology type
 * is imported from the engine itself, so the editor and the server agree on one schema.
 */
import type { Methodology, Normalisation } from '../../../../src/modules/rating/engine/methodology.js';

export type { Methodology, Normalisation };

export const RATING_STATUSES = ['draft', 'approved', 'published'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

export interface MethodologyVersion {
  id: string;
  name: string;
  version: string;
  config: Methodology;
  status: 'draft' | 'active' | 'retired';
  basedOn: string | null;
  createdBy: string;
  createdAt: string;
  activatedBy: string | null;
  activatedAt: string | null;
  warnings?: string[];
}

export interface ResultRow {
  region: string;
  score: number;
  rank: number;
  contributions: Record<string, number>;
  normalised: Record<string, number | null>;
  missing: string[];
  previousRank: number | null;
  change: number | null;
}

export interface SensitivityRow { region: string; rank: number; medianRank: number; meanRank: number; p05: number; p95: number }

export interface SensitivitySettings { runs: number; seed: number; weightJitter: number; normalisations: Normalisation[] }

export interface Rating {
  id: string;
  period: string;
  previousPeriod: string | null;
  methodologyId: string;
  status: RatingStatus;
  inputSource: string;
  inputNote: string;
  inputs: { region: string; indicator: string; period: string; value: number }[];
  sensitivityOptions: SensitivitySettings;
  result: { rows: ResultRow[]; previous: { region: string; score: number; rank: number }[] | null; unrated: string[]; warnings: string[] };
  sensitivity: SensitivityRow[];
  inputHash: string;
  resultHash: string;
  computedBy: string;
  computedById: string;
  computedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface RatingListItem {
  id: string;
  period: string;
  previousPeriod: string | null;
  status: RatingStatus;
  methodologyId: string;
  methodologyName: string;
  methodologyVersion: string;
  inputSource: string;
  rated: number;
  inputHash: string;
  computedBy: string;
  computedAt: string;
  approvedBy: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface Verification {
  ok: boolean;
  inputHash: { stored: string; recomputed: string; match: boolean };
  resultHash: { stored: string; recomputed: string | null; match: boolean };
  verifiedAt: string;
}

/** Indicator colours: the same palette as the PDF report (src/modules/rating/report.format.ts). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const colourOf = (k: number): string => PALETTE[k % PALETTE.length]!;

/** Scores keep full precision; shown with 2 decimals (3 when every indicator is a z-score). */
export const scoreDigits = (m: Methodology): number => (m.indicators.every((i) => i.normalisation === 'zscore') ? 3 : 2);

/** A simulated rank may be fractional (interpolated percentile). */
export const fmtRank = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
export const fmtInterval = (lo: number, hi: number): string => (lo === hi ? fmtRank(lo) : `${fmtRank(lo)}\u2013${fmtRank(hi)}`);

export const indicatorName = (m: Methodology, code: string): string => m.indicators.find((i) => i.code === code)?.name || code;
