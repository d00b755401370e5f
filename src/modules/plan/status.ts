import type { ItemStatus } from './constants.js';
import { isPast } from './time.js';

/** What status computation needs to know about a report. */
export interface ReportFacts {
  dueDate: string | null;
  status: string;
  final: boolean;
  kpiValue: number | null;
  submittedAt: Date;
  reviewedAt: Date | null;
}

/** What it needs to know about an item. */
export interface ItemFacts {
  cancelled: boolean;
  deadlines: string[];
}

/** The computed state of one item at one moment. */
export interface ItemState {
  status: ItemStatus;
  /** Earliest control date without a submitted or accepted report. */
  nextDeadline: string | null;
  /** The first missed control date when overdue. */
  overdueSince: string | null;
  /** KPI value of the latest accepted report that has one. */
  kpiActual: number | null;
  /** Reports waiting for the secretariat. */
  pending: number;
}

/**
 * A control date counts as covered by a report submitted for it that is waiting or accepted:
 * the executor did their part on time even if the secretariat has not reviewed it yet, while a
 * returned report must be redone.
 */
export function uncoveredDeadlines(deadlines: readonly string[], reports: readonly ReportFacts[]): string[] {
  const covered = new Set(reports.filter((r) => r.status === 'submitted' || r.status === 'accepted').map((r) => r.dueDate));
  return [...deadlines].sort().filter((d) => !covered.has(d));
}

/**
 * Status from deadlines and reports, in Asia/Almaty days:
 * cancelled (set by the secretariat) → done (an accepted final report, or every control date
 * has an accepted report) → overdue (a control date is over with no report for it) →
 * in_progress (any report exists) → not_started.
 */
export function itemState(item: ItemFacts, reports: readonly ReportFacts[], now: Date): ItemState {
  const accepted = reports.filter((r) => r.status === 'accepted');
  const latestKpi = accepted.filter((r) => r.kpiValue !== null)
    .sort((a, b) => (a.reviewedAt ?? a.submittedAt).getTime() - (b.reviewedAt ?? b.submittedAt).getTime()).at(-1);
  const open = uncoveredDeadlines(item.deadlines, reports);
  const base = { nextDeadline: open[0] ?? null, overdueSince: null, kpiActual: latestKpi?.kpiValue ?? null, pending: reports.filter((r) => r.status === 'submitted').length };
  if (item.cancelled) return { ...base, status: 'cancelled' };
  const acceptedDates = new Set(accepted.map((r) => r.dueDate));
  const allAccepted = item.deadlines.length > 0 && item.deadlines.every((d) => acceptedDates.has(d));
  if (accepted.some((r) => r.final) || allAccepted) return { ...base, status: 'done' };
  const missed = open.find((d) => isPast(d, now));
  if (missed) return { ...base, status: 'overdue', overdueSince: missed };
  return { ...base, status: reports.length > 0 ? 'in_progress' : 'not_started' };
}

/**
 * Status of a parent (an item with sub-items, a section, a plan) from its children's: any
 * overdue child makes it overdue; it is done only when every live child is done.
 */
export function aggregateStatus(children: readonly ItemStatus[]): ItemStatus {
  const live = children.filter((s) => s !== 'cancelled');
  if (children.length === 0) return 'not_started';
  if (live.length === 0) return 'cancelled';
  if (live.includes('overdue')) return 'overdue';
  if (live.every((s) => s === 'done')) return 'done';
  if (live.some((s) => s === 'done' || s === 'in_progress')) return 'in_progress';
  return 'not_started';
}

/** Counts per status, every status present (zeros included) so charts stack consistently. */
export function countStatuses(statuses: readonly ItemStatus[]): Record<ItemStatus, number> {
  const out: Record<ItemStatus, number> = { not_started: 0, in_progress: 0, done: 0, overdue: 0, cancelled: 0 };
  for (const s of statuses) out[s]++;
  return out;
}
