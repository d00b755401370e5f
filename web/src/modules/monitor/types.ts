/** Shapes the monitor API returns (mirrors of src/modules/monitor/*.service.ts). */
export const LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign'] as const;
export type Label = (typeof LABELS)[number];

export interface ItemSummary {
  id: string; externalId: string; url: string | null; channel: string | null; author: string | null;
  postedAt: string | null; ingestedAt: string; regions: string[]; label: Label | null; risk: number | null;
  detectedAt: string | null; source: string; sourceKind: string; preview: string;
}

export interface Evidence { kind: 'term' | 'emoji' | 'indicator' | 'feature'; text: string; category: string; substance?: string; weight?: number; start: number; end: number }
export interface Indicator { type: string; value: string; start: number; end: number }

export interface ItemDetail extends Omit<ItemSummary, 'preview'> {
  text: string; scores: Record<Label, number> | null; explain: Evidence[] | null; indicators: Indicator[] | null; modelVersion: string | null;
}

export interface ImportStatus {
  id: string; sourceName: string; format: string; fileName: string; status: 'queued' | 'running' | 'done' | 'failed';
  bytesTotal: number; bytesDone: number; accepted: number; duplicates: number; rejected: number; skipped: number;
  errors: { row: number; reason: string }[]; failure: string | null;
}
