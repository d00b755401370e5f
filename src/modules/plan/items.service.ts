import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { canSeeRegion, requirePermission, type Actor } from '../../platform/auth/actor.js';
import { rolesAllow } from '../../platform/auth/policy.js';
import { users } from '../../platform/auth/schema.js';
import { CADCA_STRATEGIES, isOneOf, PERIODICITIES } from './constants.js';
import { loadItem, loadPlan, mayAccept, mayManage, mayReport, planScope, requirePlanWrite, type Item } from './access.js';
import { planAttachments, planItemExecutors, planItems, planReports, planSections } from './schema.js';
import { byPlanOrder, computeStates } from './states.js';
import { isIsoDate, planClock } from './time.js';

/** Editable fields of an item or sub-item. */
export interface ItemFields {
  title?: string;
  responsible?: string;
  coExecutors?: string[];
  deadlines?: string[];
  expectedResult?: string;
  kpiName?: string;
  kpiUnit?: string;
  kpiTarget?: number | null;
  reportingForm?: string;
  periodicity?: (typeof PERIODICITIES)[number];
  strategies?: string[];
}

export interface NewItem extends ItemFields {
  sectionId: string;
  parentId?: string | null;
  number: string;
  title: string;
  responsible: string;
}

/** Dates valid, sorted and unique; codes known. Shared with the importer's row checks. */
export function normaliseFields<T extends ItemFields>(f: T): T {
  const out = { ...f };
  if (f.deadlines) {
    const bad = f.deadlines.filter((d) => !isIsoDate(d));
    if (bad.length) throw new AppError('request.invalid', { deadlines: bad });
    out.deadlines = [...new Set(f.deadlines)].sort();
  }
  if (f.strategies) {
    const bad = f.strategies.filter((s) => !isOneOf(CADCA_STRATEGIES, s));
    if (bad.length) throw new AppError('request.invalid', { strategies: bad });
    out.strategies = [...new Set(f.strategies)];
  }
  if (f.coExecutors) out.coExecutors = f.coExecutors.map((c) => c.trim()).filter(Boolean);
  return out;
}

/** Add an item to a section, or a sub-item under an item (two levels, as the Plan has). */
export async function createItem(db: Db, actor: Actor, planId: string, input: NewItem): Promise<Item> {
  requirePermission(actor, 'plan.manage');
  const fields = normaliseFields(input);
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requirePlanWrite(actor, plan.region);
    const [section] = await tx.select().from(planSections).where(and(eq(planSections.id, input.sectionId), eq(planSections.planId, planId)));
    if (!section) throw new AppError('record.not_found', { sectionId: input.sectionId });
    if (input.parentId) {
      const [parent] = await tx.select().from(planItems).where(and(eq(planItems.id, input.parentId), eq(planItems.planId, planId)));
      if (!parent || parent.parentId || parent.sectionId !== section.id) throw new AppError('request.invalid', { parentId: 'must be an item of the same section' });
    }
    const [clash] = await tx.select({ id: planItems.id }).from(planItems).where(and(eq(planItems.planId, planId), eq(planItems.number, input.number)));
    if (clash) throw new AppError('record.conflict', { number: input.number });
    const siblings = await tx.select({ sortOrder: planItems.sortOrder }).from(planItems).where(eq(planItems.sectionId, section.id));
    const [item] = await tx.insert(planItems).values({
      ...fields, planId, sectionId: section.id, parentId: input.parentId ?? null, region: plan.region,
      sortOrder: Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1,
    }).returning();
    await recordAudit(tx, actor, { action: 'plan.item_create', entityType: 'plan_item', entityId: item!.id, region: plan.region, after: { planId, number: item!.number, title: item!.title, responsible: item!.responsible, deadlines: item!.deadlines } });
    return item!;
  });
}

export interface ItemPatch extends ItemFields {
  cancelled?: boolean;
  cancelReason?: string;
}

/** Edit an item; cancelling needs a reason, because a cancelled item drops out of control. */
export async function updateItem(db: Db, actor: Actor, id: string, patch: ItemPatch): Promise<Item> {
  requirePermission(actor, 'plan.manage');
  const fields = normaliseFields(patch);
  if (patch.cancelled && !patch.cancelReason?.trim()) throw new AppError('request.invalid', { cancelReason: 'required when cancelling' });
  return db.transaction(async (tx) => {
    const item = await loadItem(tx, actor, id);
    requirePlanWrite(actor, item.region);
    const set = { ...fields, ...(patch.cancelled === false ? { cancelReason: '' } : {}), updatedAt: new Date() };
    const [updated] = await tx.update(planItems).set(set).where(eq(planItems.id, id)).returning();
    const keys = Object.keys(fields) as (keyof ItemPatch)[];
    await recordAudit(tx, actor, {
      action: patch.cancelled === true ? 'plan.item_cancel' : 'plan.item_update', entityType: 'plan_item', entityId: id, region: item.region,
      before: Object.fromEntries(keys.map((k) => [k, item[k]])), after: Object.fromEntries(keys.map((k) => [k, updated![k]])),
    });
    return updated!;
  });
}

/**
 * Replace an item's executors. Each must be an active user who may report and whose scope
 * covers the item's region, otherwise they could be assigned work they cannot even open.
 */
export async function setExecutors(db: Db, actor: Actor, id: string, usernames: string[]) {
  requirePermission(actor, 'plan.manage');
  const wanted = [...new Set(usernames.map((u) => u.trim().toLowerCase()).filter(Boolean))];
  return db.transaction(async (tx) => {
    const item = await loadItem(tx, actor, id);
    requirePlanWrite(actor, item.region);
    const found = wanted.length ? await tx.select().from(users).where(inArray(users.username, wanted)) : [];
    const ok = found.filter((u) => !u.disabledAt && rolesAllow(u.roles, 'plan.report') && (item.region === null || canSeeRegion({ national: u.national, regions: u.regions as never }, item.region)));
    const invalid = wanted.filter((w) => !ok.some((u) => u.username === w));
    if (invalid.length) throw new AppError('plan.executor_invalid', { usernames: invalid });
    const before = await tx.select({ userId: planItemExecutors.userId }).from(planItemExecutors).where(eq(planItemExecutors.itemId, id));
    await tx.delete(planItemExecutors).where(eq(planItemExecutors.itemId, id));
    if (ok.length) await tx.insert(planItemExecutors).values(ok.map((u) => ({ itemId: id, userId: u.id })));
    await recordAudit(tx, actor, { action: 'plan.executors_set', entityType: 'plan_item', entityId: id, region: item.region, before: before.map((b) => b.userId), after: ok.map((u) => u.username) });
    return ok.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  });
}

/** Executors of an item as id, username and display name. */
export async function executorsOf(db: Db, itemId: string) {
  return db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(planItemExecutors)
    .innerJoin(users, eq(users.id, planItemExecutors.userId)).where(eq(planItemExecutors.itemId, itemId)).orderBy(asc(users.username));
}

/** One item with its state, sub-items, report timeline (visible reports only) and executors. */
export async function getItem(db: Db, actor: Actor, id: string, now = planClock.now()) {
  requirePermission(actor, 'plan.read');
  const item = await loadItem(db, actor, id);
  const plan = await loadPlan(db, actor, item.planId);
  const [section] = await db.select().from(planSections).where(eq(planSections.id, item.sectionId));
  const states = await computeStates(db, actor, now, [item.planId]);
  const self = states.get(id)!;
  const children = self.childIds.map((c) => states.get(c)!).sort((a, b) => byPlanOrder(a.item, b.item))
    .map((c) => ({ id: c.item.id, number: c.item.number, title: c.item.title, status: c.status, nextDeadline: c.state.nextDeadline }));
  const parent = item.parentId ? states.get(item.parentId)?.item : undefined;
  const reports = await db.select().from(planReports).where(and(eq(planReports.itemId, id), planScope(actor.scope, planReports.region))).orderBy(asc(planReports.submittedAt));
  const files = reports.length ? await db.select({
    id: planAttachments.id, reportId: planAttachments.reportId, filename: planAttachments.filename, mime: planAttachments.mime, size: planAttachments.size, sha256: planAttachments.sha256,
  }).from(planAttachments).where(inArray(planAttachments.reportId, reports.map((r) => r.id))) : [];
  const executors = await executorsOf(db, id);
  return {
    item: { ...item, ...self.state, status: self.status },
    plan: { id: plan.id, code: plan.code, title: plan.title, kind: plan.kind, region: plan.region },
    section: section ? { id: section.id, number: section.number, title: section.title, phase: section.phase } : null,
    parent: parent ? { id: parent.id, number: parent.number, title: parent.title } : null,
    children,
    reports: reports.map((r) => ({
      ...r, attachments: files.filter((f) => f.reportId === r.id),
      canReview: r.status === 'submitted' && mayAccept(actor, r.region) && (r.submittedBy === null || r.submittedBy !== actor.id),
    })),
    executors,
    can: {
      report: !item.cancelled && (children.length === 0 || item.deadlines.length > 0) && mayReport(actor, item, executors.map((e) => e.id)),
      manage: mayManage(actor, item.region),
      accept: mayAccept(actor, item.region),
    },
    now: now.toISOString(),
  };
}
