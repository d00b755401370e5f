import { and, eq, isNull, or, type Column, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { canSeeRegion, requireRegion, type Actor, type RegionScope } from '../../platform/auth/actor.js';
import { rolesAllow } from '../../platform/auth/policy.js';
import { planItems, planPlans, planReports } from './schema.js';

export type Plan = typeof planPlans.$inferSelect;
export type Item = typeof planItems.$inferSelect;
export type Report = typeof planReports.$inferSelect;

/**
 * Region scope for plan rows. Rows with region null belong to the national Plan, which every
 * region executes and may read; regional rows follow the usual scope. National scope: no filter.
 */
export function planScope(scope: RegionScope, column: Column): SQL | undefined {
  const own = regionCondition(scope, column);
  return own === undefined ? undefined : or(isNull(column), own);
}

/** Writes to the national Plan need national scope; writes to a regional plan need its region. */
export function requirePlanWrite(actor: Actor, region: string | null): void {
  if (region === null) {
    if (!actor.scope.national) throw new AppError('auth.region_forbidden', { region: 'national' });
  } else requireRegion(actor, region);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot exist: answer like a missing record rather than let the cast fail. */
export function checkId(id: string): void {
  if (!UUID.test(id)) throw new AppError('record.not_found');
}

// Outside the scope looks exactly like "does not exist": no existence oracle across regions.
export async function loadPlan(db: Db, actor: Actor, id: string): Promise<Plan> {
  checkId(id);
  const [p] = await db.select().from(planPlans).where(and(eq(planPlans.id, id), planScope(actor.scope, planPlans.region)));
  if (!p) throw new AppError('record.not_found');
  return p;
}

export async function loadItem(db: Db, actor: Actor, id: string): Promise<Item> {
  checkId(id);
  const [i] = await db.select().from(planItems).where(and(eq(planItems.id, id), planScope(actor.scope, planItems.region)));
  if (!i) throw new AppError('record.not_found');
  return i;
}

export async function loadReport(db: Db, actor: Actor, id: string): Promise<Report> {
  checkId(id);
  const [r] = await db.select().from(planReports).where(and(eq(planReports.id, id), planScope(actor.scope, planReports.region)));
  if (!r) throw new AppError('record.not_found');
  return r;
}

/**
 * Who may report on an item: the system (seeding), an assigned executor, or the regional HQ
 * of the item's region (it executes its own plan). Everyone else only reads.
 */
export function mayReport(actor: Actor, item: Item, executorIds: readonly string[]): boolean {
  if (actor.type === 'system') return true;
  if (!rolesAllow(actor.roles, 'plan.report')) return false;
  if (actor.id && executorIds.includes(actor.id)) return true;
  return item.region !== null && actor.roles.includes('regional_hq') && canSeeRegion(actor.scope, item.region);
}

/** The region a report speaks for: the item's, else the regional reporter's own, else national. */
export function reportRegion(actor: Actor, item: Item): string | null {
  if (item.region) return item.region;
  return actor.scope.national ? null : (actor.scope.regions[0] ?? null);
}

/** May this actor change the plan that owns `region` (used to show or hide UI actions)? */
export const mayManage = (actor: Actor, region: string | null): boolean =>
  rolesAllow(actor.roles, 'plan.manage') && (region === null ? actor.scope.national : canSeeRegion(actor.scope, region));

/** May this actor accept or return reports of `region`? */
export const mayAccept = (actor: Actor, region: string | null): boolean =>
  rolesAllow(actor.roles, 'plan.accept') && (region === null ? actor.scope.national : canSeeRegion(actor.scope, region));
