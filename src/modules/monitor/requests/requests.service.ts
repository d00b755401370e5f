/**
 * Blocking and freeze requests: creation (generic, for monitoring and financial tracing), reads
 * within region scope, statistics, and the rechecks' view. The lifecycle is in lifecycle.ts and
 * re-exported here; creation from confirmed items and shops is in from-items.service.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor } from '../../../platform/auth/actor.js';
import { rolesAllow } from '../../../platform/auth/policy.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { allowedMoves, type RequestRow } from './lifecycle.js';
import { applyAutoApprove } from './policy.service.js';
import { monitorRequestEntries, monitorRequestHistory, monitorRequests } from './schema.js';
import { recheckUrl, REQUEST_TARGETS, type EntryInput, type RequestTarget } from './targets.js';

export { recordOutcome, transition, type TransitionTo } from './lifecycle.js';
export { REQUEST_STATUSES, REQUEST_TARGETS, type EntryInput, type RequestStatus, type RequestTarget } from './targets.js';

export type RequestEntry = typeof monitorRequestEntries.$inferSelect;
export type RequestHistory = typeof monitorRequestHistory.$inferSelect;

/** Most entries one request may carry (a letter beyond this is split by the caller). */
export const MAX_ENTRIES = 5000;

/** Input of `createRequest`. */
export interface CreateRequestInput {
  target: RequestTarget;
  region: string;
  title?: string;
  addressee?: string;
  legalBasis?: string | null;
  entries: EntryInput[];
  origin: { module: 'monitor' | 'finance'; itemIds?: string[]; shopId?: string };
  /** Evidence items' label and risk, for the auto-approve policy (monitoring fills it). */
  evidenceItems?: { label: string | null; risk: number | null }[];
}

/** Insert a draft with its entries, history and audit inside `tx`, then let the policy act. */
export async function insertRequest(tx: Db, actor: Actor, input: CreateRequestInput): Promise<RequestRow> {
  if (!(REQUEST_TARGETS as readonly string[]).includes(input.target)) throw new AppError('request.invalid', { target: input.target });
  if (!isRegionCode(input.region)) throw new AppError('region.invalid', { region: input.region });
  requireRegion(actor, input.region);
  if (input.entries.length === 0) throw new AppError('monitor.request_nothing');
  if (input.entries.length > MAX_ENTRIES) throw new AppError('request.invalid', { entries: `at most ${MAX_ENTRIES}` });
  for (const e of input.entries) {
    if (!e.type || e.type.length > 40 || !e.value || e.value.length > 4000) throw new AppError('request.invalid', { entry: { type: e.type, value: e.value?.slice(0, 100) } });
  }
  const firstDetected = input.entries.reduce<Date | null>((m, e) => (e.firstSeen && (!m || e.firstSeen < m) ? e.firstSeen : m), null);
  const [r] = await tx.insert(monitorRequests).values({
    target: input.target, region: input.region, title: input.title?.trim() ?? '', addressee: input.addressee?.trim() ?? '', legalBasis: input.legalBasis?.trim() || null,
    originModule: input.origin.module, originItemIds: [...new Set(input.origin.itemIds ?? [])], originShopId: input.origin.shopId ?? null,
    firstDetectedAt: firstDetected, createdById: actor.id, createdByName: actor.name,
  }).returning();
  await tx.insert(monitorRequestEntries).values(input.entries.map((e, i) => ({
    requestId: r!.id, position: i + 1, type: e.type, value: e.value, itemId: e.itemId ?? null, shopId: e.shopId ?? null, entityId: e.entityId ?? null,
    excerpt: (e.excerpt ?? '').slice(0, 1000), sourceUrl: e.sourceUrl ?? null, label: e.label ?? null, risk: e.risk ?? null, firstSeen: e.firstSeen ?? null, meta: e.meta ?? {},
  })));
  await tx.insert(monitorRequestHistory).values({ requestId: r!.id, fromStatus: null, toStatus: 'draft', actorType: actor.type, actorId: actor.id, actorName: actor.name, note: '' });
  await recordAudit(tx, actor, {
    action: 'monitor.request.create', entityType: 'monitor_request', entityId: r!.id, region: r!.region,
    after: { target: r!.target, status: 'draft', entries: input.entries.length, origin: input.origin },
  });
  return applyAutoApprove(tx, r!, input.evidenceItems ?? []);
}

/** Create one draft request (finance uses this for banks and exchanges). */
export async function createRequest(db: Db, actor: Actor, input: CreateRequestInput): Promise<{ id: string; status: string }> {
  requirePermission(actor, 'monitor.request.create');
  const r = await db.transaction((tx) => insertRequest(tx, actor, input));
  return { id: r.id, status: r.status };
}

/** Filters of the request list. */
export interface RequestQuery {
  status?: string;
  target?: string;
  region?: string;
  origin?: 'monitor' | 'finance';
  shopId?: string;
  /** Requests citing this monitored item. */
  itemId?: string;
  limit?: number;
  offset?: number;
}

/** Requests in the caller's scope, newest first, with entry counts. */
export async function listRequests(db: Db, actor: Actor, q: RequestQuery = {}) {
  requirePermission(actor, 'monitor.request.read');
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, monitorRequests.region)];
  if (q.status) c.push(eq(monitorRequests.status, q.status));
  if (q.target) c.push(eq(monitorRequests.target, q.target));
  if (q.region) c.push(eq(monitorRequests.region, q.region));
  if (q.origin) c.push(eq(monitorRequests.originModule, q.origin));
  if (q.shopId && /^[0-9a-f-]{36}$/i.test(q.shopId)) c.push(eq(monitorRequests.originShopId, q.shopId));
  if (q.itemId && /^[0-9a-f-]{36}$/i.test(q.itemId)) c.push(sql`${q.itemId}::uuid = any(${monitorRequests.originItemIds})`);
  const limit = Math.min(q.limit ?? 50, 500);
  const rows = await db.select({
    id: monitorRequests.id, seq: monitorRequests.seq, target: monitorRequests.target, region: monitorRequests.region, title: monitorRequests.title,
    status: monitorRequests.status, originModule: monitorRequests.originModule, createdByName: monitorRequests.createdByName, createdAt: monitorRequests.createdAt,
    updatedAt: monitorRequests.updatedAt, approvedByPolicy: monitorRequests.approvedByPolicy,
    // Spelled out: inside the subquery drizzle would render the outer column unqualified (= e.id).
    entries: sql<number>`(select count(*)::int from monitor_request_entries e where e.request_id = monitor_requests.id)`,
  }).from(monitorRequests).where(and(...c)).orderBy(desc(monitorRequests.createdAt), desc(monitorRequests.seq)).limit(limit + 1).offset(q.offset ?? 0);
  return { requests: rows.slice(0, limit), more: rows.length > limit };
}

/** Load a request in scope (reads: out of scope = not found). */
export async function loadRequest(db: Db, actor: Actor, id: string): Promise<RequestRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [r] = await db.select().from(monitorRequests).where(and(eq(monitorRequests.id, id), regionCondition(actor.scope, monitorRequests.region)));
  if (!r) throw new AppError('record.not_found');
  return r;
}

/** One request with its entries, status history and the moves this caller may make. */
export async function getRequest(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'monitor.request.read');
  const request = await loadRequest(db, actor, id);
  const entries = await db.select().from(monitorRequestEntries).where(eq(monitorRequestEntries.requestId, id)).orderBy(asc(monitorRequestEntries.position));
  const history = await db.select().from(monitorRequestHistory).where(eq(monitorRequestHistory.requestId, id)).orderBy(asc(monitorRequestHistory.seq));
  const allowed = allowedMoves(request, actor, (p) => rolesAllow(actor.roles, p));
  return { request, entries, history, allowed };
}

/** Edit a draft's title, addressee or legal basis line (the author or a reviewer; audited). */
export async function updateDraft(db: Db, actor: Actor, id: string, input: { title?: string; addressee?: string; legalBasis?: string | null }) {
  requirePermission(actor, 'monitor.request.create');
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(monitorRequests).where(and(eq(monitorRequests.id, id), regionCondition(actor.scope, monitorRequests.region))).for('update');
    if (!r) throw new AppError('record.not_found');
    if (r.status !== 'draft') throw new AppError('record.invalid_state', { status: r.status });
    const set = {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.addressee !== undefined ? { addressee: input.addressee.trim() } : {}),
      ...(input.legalBasis !== undefined ? { legalBasis: input.legalBasis?.trim() || null } : {}),
      updatedAt: new Date(),
    };
    const [u] = await tx.update(monitorRequests).set(set).where(eq(monitorRequests.id, id)).returning();
    await recordAudit(tx, actor, { action: 'monitor.request.edit', entityType: 'monitor_request', entityId: id, region: r.region,
      before: { title: r.title, addressee: r.addressee, legalBasis: r.legalBasis }, after: { title: u!.title, addressee: u!.addressee, legalBasis: u!.legalBasis } });
    return u!;
  });
}

/** A URL the rechecks should fetch: one per web entry of every sent, blocked or restored request. */
export interface RecheckTarget { requestId: string; entryId: string; url: string; status: string; region: string; target: string }

/** For the rechecks job (runs as the system, so no scope): web entries of requests awaiting or holding a block. */
export async function urlsToRecheck(db: Db): Promise<RecheckTarget[]> {
  const rows = await db.select({ requestId: monitorRequests.id, entryId: monitorRequestEntries.id, type: monitorRequestEntries.type, value: monitorRequestEntries.value,
    status: monitorRequests.status, region: monitorRequests.region, target: monitorRequests.target })
    .from(monitorRequestEntries).innerJoin(monitorRequests, eq(monitorRequests.id, monitorRequestEntries.requestId))
    .where(inArray(monitorRequests.status, ['sent', 'blocked', 'restored'])).orderBy(asc(monitorRequests.createdAt), asc(monitorRequestEntries.position));
  const out: RecheckTarget[] = [];
  for (const r of rows) {
    const url = recheckUrl(r.type, r.value);
    if (url) out.push({ requestId: r.requestId, entryId: r.entryId, url, status: r.status, region: r.region, target: r.target });
  }
  return out;
}

/** Filter of `requestStats` (period on the request's creation time). */
export interface RequestStatsFilter { from?: string | Date; to?: string | Date; region?: string; target?: string; origin?: 'monitor' | 'finance' }

/**
 * Counts by status, target and region, and detection → block durations (hours): median and 90th
 * percentile of first detection → first block, and of creation → first block.
 */
export async function requestStats(db: Db, actor: Actor, f: RequestStatsFilter = {}) {
  requirePermission(actor, 'monitor.request.read');
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, monitorRequests.region)];
  if (f.from) c.push(gte(monitorRequests.createdAt, new Date(f.from)));
  if (f.to) c.push(lte(monitorRequests.createdAt, new Date(f.to)));
  if (f.region) c.push(eq(monitorRequests.region, f.region));
  if (f.target) c.push(eq(monitorRequests.target, f.target));
  if (f.origin) c.push(eq(monitorRequests.originModule, f.origin));
  const where = and(...c);
  const by = async (col: typeof monitorRequests.status | typeof monitorRequests.target | typeof monitorRequests.region) => {
    const rows = await db.select({ k: sql<string>`${col}`, n: count() }).from(monitorRequests).where(where).groupBy(col);
    return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)])) as Record<string, number>;
  };
  const hours = (a: SQL, b: SQL) => sql`extract(epoch from (${a} - ${b})) / 3600.0`;
  const fb = sql`${monitorRequests.firstBlockedAt}`;
  const [d] = await db.select({
    blocked: sql<number>`count(${monitorRequests.firstBlockedAt})::int`,
    medianDetectToBlock: sql<number | null>`percentile_cont(0.5) within group (order by ${hours(fb, sql`${monitorRequests.firstDetectedAt}`)})`,
    p90DetectToBlock: sql<number | null>`percentile_cont(0.9) within group (order by ${hours(fb, sql`${monitorRequests.firstDetectedAt}`)})`,
    medianCreateToBlock: sql<number | null>`percentile_cont(0.5) within group (order by ${hours(fb, sql`${monitorRequests.createdAt}`)})`,
  }).from(monitorRequests).where(where);
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
  return {
    byStatus: await by(monitorRequests.status), byTarget: await by(monitorRequests.target), byRegion: await by(monitorRequests.region),
    everBlocked: d!.blocked, hours: { medianDetectToBlock: num(d!.medianDetectToBlock), p90DetectToBlock: num(d!.p90DetectToBlock), medianCreateToBlock: num(d!.medianCreateToBlock) },
  };
}
