import { and, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { ItemStatus } from './constants.js';
import { planScope, type Item } from './access.js';
import { planItems, planReports } from './schema.js';
import { aggregateStatus, itemState, type ItemState, type ReportFacts } from './status.js';

/** An item with its computed state; `status` of a parent aggregates its sub-items. */
export interface ItemWithState {
  item: Item;
  state: ItemState;
  status: ItemStatus;
  childIds: string[];
  /** The visible reports' facts, for callers that need more than the status (reminders). */
  reports: ReportFacts[];
}

/**
 * Statuses of every item the actor may see (optionally of some plans only), computed from the
 * reports the actor may see: a regional user sees how their region executes a national item.
 * Computed on read rather than stored, because "overdue" changes with the clock alone.
 */
export async function computeStates(db: Db, actor: Actor, now: Date, planIds?: string[]): Promise<Map<string, ItemWithState>> {
  if (planIds && planIds.length === 0) return new Map();
  const itemWhere: (SQL | undefined)[] = [planScope(actor.scope, planItems.region), planIds ? inArray(planItems.planId, planIds) : undefined];
  const items = await db.select().from(planItems).where(and(...itemWhere));
  const reportWhere: (SQL | undefined)[] = [planScope(actor.scope, planReports.region), planIds ? inArray(planReports.planId, planIds) : undefined];
  const reports = await db.select({
    itemId: planReports.itemId, dueDate: planReports.dueDate, status: planReports.status, final: planReports.final,
    kpiValue: planReports.kpiValue, submittedAt: planReports.submittedAt, reviewedAt: planReports.reviewedAt,
  }).from(planReports).where(and(...reportWhere));
  const byItem = new Map<string, ReportFacts[]>();
  for (const r of reports) {
    const list = byItem.get(r.itemId) ?? [];
    list.push(r);
    byItem.set(r.itemId, list);
  }
  const out = new Map<string, ItemWithState>();
  for (const item of items) {
    const own = byItem.get(item.id) ?? [];
    const state = itemState(item, own, now);
    out.set(item.id, { item, state, status: state.status, childIds: [], reports: own });
  }
  for (const s of out.values()) if (s.item.parentId) out.get(s.item.parentId)?.childIds.push(s.item.id);
  for (const s of out.values()) {
    if (s.childIds.length === 0 || s.item.cancelled) continue;
    const statuses = s.childIds.map((id) => out.get(id)!.state.status);
    // A parent with its own control dates or reports counts as one more child.
    if (s.item.deadlines.length || (byItem.get(s.item.id)?.length ?? 0) > 0) statuses.push(s.state.status);
    s.status = aggregateStatus(statuses);
  }
  return out;
}

/**
 * The status an item is followed up by on its own control dates (reminders, the overdue list): a
 * leaf's status; a parent's own state when it has dates of its own (its status aggregates the
 * sub-items'); null for a parent executed through its sub-items only.
 */
export function ownStatus(s: ItemWithState): ItemStatus | null {
  if (s.childIds.length === 0) return s.status;
  return s.item.deadlines.length ? s.state.status : null;
}

/** Items ordered as the plan prints them: by sort order, then number (natural). */
export const byPlanOrder = (a: Item, b: Item): number =>
  a.sortOrder - b.sortOrder || a.number.localeCompare(b.number, 'ru', { numeric: true });
