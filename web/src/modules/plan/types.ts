/**
 * Shapes the plan API returns (mirrors of src/modules/plan) and the fixed vocabularies the UI
 * translates. The server decides everything; these only shape forms and labels.
 */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const CADCA_STEPS = ['assessment', 'capacity', 'planning', 'implementation', 'evaluation'] as const;
export const CADCA_SECTORS = ['youth', 'parents', 'business', 'media', 'schools', 'youth_orgs', 'law_enforcement', 'religious', 'civic_volunteer', 'healthcare', 'government', 'other'] as const;
export const CADCA_STRATEGIES = ['provide_information', 'enhance_skills', 'provide_support', 'enhance_access', 'change_consequences', 'physical_design', 'modify_policies'] as const;
export const PERIODICITIES = ['once', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;

export type Counts = Record<ItemStatus, number>;

export interface Plan {
  id: string; code: string; kind: 'national' | 'regional'; region: string | null; title: string; description: string;
  periodStart: string; periodEnd: string; currentPhase: string | null;
}
export interface PlanSummary extends Plan { items: number; counts: Counts }

export interface Section { id: string; number: string; title: string; phase: string | null; sortOrder: number; counts: Counts }

export interface Item {
  id: string; planId: string; sectionId: string; parentId: string | null; region: string | null; number: string; title: string;
  responsible: string; coExecutors: string[]; deadlines: string[]; expectedResult: string; kpiName: string; kpiUnit: string;
  kpiTarget: number | null; reportingForm: string; periodicity: string; strategies: string[]; cancelled: boolean; cancelReason: string;
  status: ItemStatus; nextDeadline: string | null; overdueSince: string | null; kpiActual: number | null; pending: number;
}
export interface PlanItem extends Item { children: number }

export interface Member { id: string; sector: string; organisation: string; contact: string }
export interface Outcome { id: string; name: string; unit: string; baseline: number; baselineYear: number | null; target: number; actual: number | null; source: string }

export interface PlanDetail {
  plan: Plan; sections: Section[]; items: PlanItem[]; counts: Counts; coalition: Member[]; outcomes: Outcome[];
  can: { manage: boolean; accept: boolean }; now: string;
}

export interface Attachment { id: string; filename: string; size: number; sha256: string; mime: string }
export interface Report {
  id: string; itemId: string; region: string | null; dueDate: string | null; text: string; kpiValue: number | null; final: boolean;
  status: 'submitted' | 'accepted' | 'returned'; submittedByName: string; submittedAt: string; reviewedByName: string | null;
  reviewedAt: string | null; reviewComment: string; attachments: Attachment[]; canReview: boolean;
}

export interface ItemDetail {
  item: Item;
  plan: { id: string; code: string; title: string; kind: string; region: string | null };
  section: { id: string; number: string; title: string; phase: string | null } | null;
  parent: { id: string; number: string; title: string } | null;
  children: { id: string; number: string; title: string; status: ItemStatus; nextDeadline: string | null }[];
  reports: Report[];
  executors: { id: string; username: string; displayName: string }[];
  can: { report: boolean; manage: boolean; accept: boolean };
}

export interface QueueReport extends Omit<Report, 'attachments'> {
  attachments: number;
  item: { number: string; title: string; responsible: string };
  plan: { code: string; title: string };
}

export interface Notification {
  id: string; kind: string; day: string; dueDate: string | null; createdAt: string; readAt: string | null; itemId: string; planId: string;
  params: { number?: string; title?: string; planCode?: string; days?: number; comment?: string };
}

export interface Dashboard {
  by: 'section' | 'agency' | 'region'; today: string; totals: Counts;
  rows: { key: string; label: string; phase: string | null; counts: Counts; total: number }[];
  overdue: { itemId: string; planId: string; planCode: string; region: string | null; number: string; title: string; responsible: string; overdueSince: string; daysOverdue: number }[];
}

/** Bytes of a chosen file as base64, for the JSON-only API. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Split "a; b" or one-per-line input into a clean list. */
export const splitList = (s: string): string[] => s.split(/[;\n]+/).map((x) => x.trim()).filter(Boolean);

/** 12.5 MB-style size for attachment lists. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Dates stay calendar days (YYYY-MM-DD → 30.06.2026); never shifted through a time zone. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '';
  const [y, m, d] = day.split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

export const STATUS_COLORS: Record<ItemStatus, string> = {
  not_started: '#8a94a0', in_progress: '#0b73a8', done: '#2e7d4f', overdue: '#c0392b', cancelled: '#c8ccd2',
};
