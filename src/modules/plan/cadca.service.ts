import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { CADCA_SECTORS, isOneOf } from './constants.js';
import { checkId, loadPlan, planScope, requirePlanWrite, type Plan } from './access.js';
import { planCoalitionMembers, planOutcomes } from './schema.js';

/** Coalitions and outcome measures belong to regional HQ plans only. */
async function regionalPlan(db: Db, actor: Actor, planId: string): Promise<Plan> {
  const plan = await loadPlan(db, actor, planId);
  requirePlanWrite(actor, plan.region);
  if (plan.kind !== 'regional') throw new AppError('record.invalid_state', { plan: 'CADCA data belongs to regional plans' });
  return plan;
}

export interface NewMember { sector: (typeof CADCA_SECTORS)[number]; organisation: string; contact?: string }

/** Add an organisation to a regional HQ's coalition under one of the 12 sectors. */
export async function addCoalitionMember(db: Db, actor: Actor, planId: string, input: NewMember) {
  requirePermission(actor, 'plan.manage');
  if (!isOneOf(CADCA_SECTORS, input.sector)) throw new AppError('request.invalid', { sector: input.sector });
  return db.transaction(async (tx) => {
    const plan = await regionalPlan(tx, actor, planId);
    const [m] = await tx.insert(planCoalitionMembers).values({ planId, region: plan.region, sector: input.sector, organisation: input.organisation, contact: input.contact ?? '' }).returning();
    await recordAudit(tx, actor, { action: 'plan.coalition_add', entityType: 'plan_coalition_member', entityId: m!.id, region: plan.region, after: { planId, sector: m!.sector, organisation: m!.organisation } });
    return m!;
  });
}

export async function removeCoalitionMember(db: Db, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'plan.manage');
  checkId(id);
  await db.transaction(async (tx) => {
    const [m] = await tx.select().from(planCoalitionMembers).where(and(eq(planCoalitionMembers.id, id), planScope(actor.scope, planCoalitionMembers.region)));
    if (!m) throw new AppError('record.not_found');
    await regionalPlan(tx, actor, m.planId);
    await tx.delete(planCoalitionMembers).where(eq(planCoalitionMembers.id, id));
    await recordAudit(tx, actor, { action: 'plan.coalition_remove', entityType: 'plan_coalition_member', entityId: id, region: m.region, before: { sector: m.sector, organisation: m.organisation } });
  });
}

export interface OutcomeInput { name?: string; unit?: string; baseline?: number; baselineYear?: number | null; target?: number; actual?: number | null; source?: string }

/** Add an outcome measure (baseline and target required; actual comes with evaluation). */
export async function createOutcome(db: Db, actor: Actor, planId: string, input: OutcomeInput & { name: string; baseline: number; target: number }) {
  requirePermission(actor, 'plan.manage');
  return db.transaction(async (tx) => {
    const plan = await regionalPlan(tx, actor, planId);
    const [o] = await tx.insert(planOutcomes).values({ ...input, planId, region: plan.region }).returning();
    await recordAudit(tx, actor, { action: 'plan.outcome_create', entityType: 'plan_outcome', entityId: o!.id, region: plan.region, after: input });
    return o!;
  });
}

/** Update an outcome measure, typically its actual value after evaluation. */
export async function updateOutcome(db: Db, actor: Actor, id: string, patch: OutcomeInput) {
  requirePermission(actor, 'plan.manage');
  checkId(id);
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(planOutcomes).where(and(eq(planOutcomes.id, id), planScope(actor.scope, planOutcomes.region)));
    if (!o) throw new AppError('record.not_found');
    await regionalPlan(tx, actor, o.planId);
    const [updated] = await tx.update(planOutcomes).set({ ...patch, updatedAt: new Date() }).where(eq(planOutcomes.id, id)).returning();
    const keys = Object.keys(patch) as (keyof OutcomeInput)[];
    await recordAudit(tx, actor, {
      action: 'plan.outcome_update', entityType: 'plan_outcome', entityId: id, region: o.region,
      before: Object.fromEntries(keys.map((k) => [k, o[k]])), after: Object.fromEntries(keys.map((k) => [k, updated![k]])),
    });
    return updated!;
  });
}
