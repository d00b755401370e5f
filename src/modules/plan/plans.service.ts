import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { isRegionCode } from '../../platform/geo/regions.js';
import { CADCA_STEPS, isOneOf, type ItemStatus } from './constants.js';
import { LABELS } from './labels.js';
import { loadPlan, mayAccept, mayManage, planScope, requirePlanWrite, type Plan } from './access.js';
import { planCoalitionMembers, planOutcomes, planPlans, planSections } from './schema.js';
import { byPlanOrder, computeStates } from './states.js';
import { countStatuses } from './status.js';
import { isIsoDate, planClock } from './time.js';

export type Section = typeof planSections.$inferSelect;

export interface NewPlan {
  kind: 'national' | 'regional';
  region?: string | null;
  code: string;
  title: string;
  description?: string;
  periodStart: string;
  periodEnd: string;
}

function checkPeriod(start: string, end: string): void {
  if (!isIsoDate(start) || !isIsoDate(end) || start > end) throw new AppError('request.invalid', { period: 'periodStart must be a date not after periodEnd' });
}

/**
 * Create the national Plan or a regional HQ plan. A regional plan starts with the five CADCA
 * steps as its sections, so the HQ plans along the Strategic Prevention Framework from day one.
 */
export async function createPlan(db: Db, actor: Actor, input: NewPlan): Promise<Plan> {
  requirePermission(actor, 'plan.manage');
  const region = input.kind === 'regional' ? input.region ?? null : null;
  if (input.kind === 'regional' && !isRegionCode(region)) throw new AppError('region.invalid', { region });
  if (input.kind === 'national' && input.region) throw new AppError('request.invalid', { region: 'the national plan has no region' });
  checkPeriod(input.periodStart, input.periodEnd);
  requirePlanWrite(actor, region);
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: planPlans.id }).from(planPlans).where(eq(planPlans.code, input.code));
    if (clash) throw new AppError('record.conflict', { code: input.code });
    const [plan] = await tx.insert(planPlans).values({
      kind: input.kind, region, code: input.code, title: input.title, description: input.description ?? '',
      periodStart: input.periodStart, periodEnd: input.periodEnd, currentPhase: region ? 'assessment' : null, createdBy: actor.name,
    }).returning();
    if (region) {
      await tx.insert(planSections).values(CADCA_STEPS.map((phase, i) => ({
        planId: plan!.id, region, number: String(i + 1), title: LABELS.ru.phase[phase], phase, sortOrder: i + 1,
      })));
    }
    await recordAudit(tx, actor, { action: 'plan.create', entityType: 'plan', entityId: plan!.id, region, after: { code: plan!.code, title: plan!.title, kind: plan!.kind } });
    return plan!;
  });
}

export interface PlanPatch {
  title?: string;
  description?: string;
  periodStart?: string;
  periodEnd?: string;
  currentPhase?: (typeof CADCA_STEPS)[number];
}

export async function updatePlan(db: Db, actor: Actor, id: string, patch: PlanPatch): Promise<Plan> {
  requirePermission(actor, 'plan.manage');
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, id);
    requirePlanWrite(actor, plan.region);
    if (patch.currentPhase && plan.kind !== 'regional') throw new AppError('record.invalid_state', { currentPhase: 'regional plans only' });
    checkPeriod(patch.periodStart ?? plan.periodStart, patch.periodEnd ?? plan.periodEnd);
    const [updated] = await tx.update(planPlans).set({ ...patch, updatedAt: new Date() }).where(eq(planPlans.id, id)).returning();
    const keys = Object.keys(patch) as (keyof PlanPatch)[];
    await recordAudit(tx, actor, {
      action: 'plan.update', entityType: 'plan', entityId: id, region: plan.region,
      before: Object.fromEntries(keys.map((k) => [k, plan[k]])), after: Object.fromEntries(keys.map((k) => [k, updated![k]])),
    });
    return updated!;
  });
}

/** Plans the caller may see (the national Plan and their regions' plans) with status counts. */
export async function listPlans(db: Db, actor: Actor, now = planClock.now()) {
  requirePermission(actor, 'plan.read');
  const plans = await db.select().from(planPlans).where(planScope(actor.scope, planPlans.region)).orderBy(asc(planPlans.kind), asc(planPlans.region), asc(planPlans.code));
  const states = await computeStates(db, actor, now, plans.map((p) => p.id));
  return plans.map((p) => {
    // Top-level items only, with sub-items folded in: that is how the Plan counts its 106 items.
    const top = [...states.values()].filter((s) => s.item.planId === p.id && !s.item.parentId).map((s) => s.status);
    return { ...p, items: top.length, counts: countStatuses(top) };
  });
}

/** A plan with its sections and every item (flat, parents first) with computed statuses. */
export async function getPlan(db: Db, actor: Actor, id: string, now = planClock.now()) {
  requirePermission(actor, 'plan.read');
  const plan = await loadPlan(db, actor, id);
  const sections = await db.select().from(planSections).where(eq(planSections.planId, id)).orderBy(asc(planSections.sortOrder), asc(planSections.number));
  const states = await computeStates(db, actor, now, [id]);
  const items = [...states.values()].sort((a, b) => byPlanOrder(a.item, b.item)).map((s) => ({ ...s.item, ...s.state, status: s.status, children: s.childIds.length }));
  const sectionStatus = (sid: string): Record<ItemStatus, number> => countStatuses(items.filter((i) => i.sectionId === sid && !i.parentId).map((i) => i.status));
  const [coalition, outcomes] = plan.kind === 'regional'
    ? await Promise.all([
      db.select().from(planCoalitionMembers).where(eq(planCoalitionMembers.planId, id)).orderBy(asc(planCoalitionMembers.sector), asc(planCoalitionMembers.organisation)),
      db.select().from(planOutcomes).where(eq(planOutcomes.planId, id)).orderBy(asc(planOutcomes.name)),
    ])
    : [[], []];
  return {
    plan, items,
    sections: sections.map((s) => ({ ...s, counts: sectionStatus(s.id) })),
    counts: countStatuses(items.filter((i) => !i.parentId).map((i) => i.status)),
    coalition, outcomes,
    can: { manage: mayManage(actor, plan.region), accept: mayAccept(actor, plan.region) },
    now: now.toISOString(),
  };
}

export interface NewSection {
  number: string;
  title: string;
  phase?: (typeof CADCA_STEPS)[number] | null;
}

export async function createSection(db: Db, actor: Actor, planId: string, input: NewSection): Promise<Section> {
  requirePermission(actor, 'plan.manage');
  if (input.phase && !isOneOf(CADCA_STEPS, input.phase)) throw new AppError('request.invalid', { phase: input.phase });
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requirePlanWrite(actor, plan.region);
    const existing = await tx.select({ number: planSections.number, sortOrder: planSections.sortOrder }).from(planSections).where(eq(planSections.planId, planId));
    if (existing.some((s) => s.number === input.number)) throw new AppError('record.conflict', { number: input.number });
    const [section] = await tx.insert(planSections).values({
      planId, region: plan.region, number: input.number, title: input.title, phase: input.phase ?? null,
      sortOrder: Math.max(0, ...existing.map((s) => s.sortOrder)) + 1,
    }).returning();
    await recordAudit(tx, actor, { action: 'plan.section_create', entityType: 'plan_section', entityId: section!.id, region: plan.region, after: { planId, number: section!.number, title: section!.title } });
    return section!;
  });
}

/** Sections of some plans, keyed by id (for exports and dashboards). */
export async function sectionsOf(db: Db, actor: Actor, planIds: string[]): Promise<Map<string, Section>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.select().from(planSections).where(and(inArray(planSections.planId, planIds), planScope(actor.scope, planSections.region)));
  return new Map(rows.map((s) => [s.id, s]));
}
