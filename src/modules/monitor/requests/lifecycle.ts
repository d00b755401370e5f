/**
 * The request lifecycle, shared by monitoring and financial tracing:
 *
 *   draft → approved → sent → blocked ⇄ restored
 *     ↘        ↘         ↘ refused
 *   cancelled  cancelled
 *
 * Approval needs monitor.request.approve and is refused for the request's author (four eyes),
 * also for admins. Every transition writes a history row and an audit row in one transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requirePerson, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import type { Permission } from '../../../platform/auth/policy.js';
import { monitorRequestEntries, monitorRequestHistory, monitorRequests } from './schema.js';
import type { RequestStatus } from './targets.js';

export type RequestRow = typeof monitorRequests.$inferSelect;
/** A status a caller can move a request to. */
export type TransitionTo = Exclude<RequestStatus, 'draft'>;

/** Allowed next statuses. */
export const NEXT: Record<RequestStatus, readonly TransitionTo[]> = {
  draft: ['approved', 'cancelled'],
  approved: ['sent', 'cancelled'],
  sent: ['blocked', 'refused'],
  blocked: ['restored'],
  restored: ['blocked'],
  refused: [],
  cancelled: [],
};

/** Permission each move needs (cancelling: the author's create right or a reviewer's). */
const NEEDS: Record<TransitionTo, Permission> = {
  approved: 'monitor.request.approve', sent: 'monitor.request.send', blocked: 'monitor.request.send', refused: 'monitor.request.send',
  restored: 'monitor.request.send', cancelled: 'monitor.request.create',
};

/** True when the actor created the request (ids when both have one, else the name). */
export function isAuthor(r: Pick<RequestRow, 'createdById' | 'createdByName'>, actor: Actor): boolean {
  if (r.createdById && actor.id) return r.createdById === actor.id;
  return r.createdByName === actor.name;
}

/** The moves this actor may make now, for the UI to show only allowed actions (the server still checks). */
export function allowedMoves(r: RequestRow, actor: Actor, can: (p: Permission) => boolean): TransitionTo[] {
  return NEXT[r.status as RequestStatus].filter((to) => {
    if (to === 'approved') return can('monitor.request.approve') && !isAuthor(r, actor) && actor.type !== 'token';
    if (to === 'cancelled') return can('monitor.request.approve') || (can('monitor.request.create') && isAuthor(r, actor) && r.status === 'draft');
    return can(NEEDS[to]);
  });
}

/** Load one request in the actor's scope, locked for the transition; out of scope = not found. */
export async function lockScoped(tx: Db, actor: Actor, id: string): Promise<RequestRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [r] = await tx.select().from(monitorRequests).where(and(eq(monitorRequests.id, id), regionCondition(actor.scope, monitorRequests.region))).for('update');
  if (!r) throw new AppError('record.not_found');
  return r;
}

/** Who a history row names: a person/token, or the auto-approve policy. */
export interface HistoryActor { type: 'user' | 'token' | 'system' | 'policy' | 'anonymous'; id: string | null; name: string }

/**
 * Apply a checked move inside `tx`: timestamps, history row, audit row. `auditActor` is who the
 * audit trail names (the policy acts as a system actor named after it).
 */
export async function applyMove(tx: Db, auditActor: Actor, who: HistoryActor, r: RequestRow, to: TransitionTo, note: string, evidence?: Record<string, unknown>): Promise<RequestRow> {
  const now = new Date();
  const set: Partial<RequestRow> = { status: to, updatedAt: now };
  if (to === 'approved') Object.assign(set, { approvedByName: who.name, approvedAt: now, approvedByPolicy: who.type === 'policy' ? who.name : null });
  if (to === 'sent') set.sentAt = now;
  if (to === 'blocked') { set.blockedAt = now; if (!r.firstBlockedAt) set.firstBlockedAt = now; }
  if (to === 'restored') set.restoredAt = now;
  const [updated] = await tx.update(monitorRequests).set(set).where(eq(monitorRequests.id, r.id)).returning();
  await tx.insert(monitorRequestHistory).values({ requestId: r.id, fromStatus: r.status, toStatus: to, actorType: who.type, actorId: who.id, actorName: who.name, note, evidence: evidence ?? null });
  await recordAudit(tx, auditActor, {
    action: `monitor.request.${to}`, entityType: 'monitor_request', entityId: r.id, region: r.region,
    before: { status: r.status }, after: { status: to }, details: { note, target: r.target, ...(who.type === 'policy' ? { policy: who.name } : {}), ...(evidence ? { evidence } : {}) },
  });
  return updated!;
}

/** Move a request to `to`, checking permission, the transition table and four eyes. */
export async function transition(db: Db, actor: Actor, id: string, to: TransitionTo, note = ''): Promise<RequestRow> {
  requirePermission(actor, 'monitor.request.read');
  return db.transaction(async (tx) => {
    const r = await lockScoped(tx, actor, id);
    if (!NEXT[r.status as RequestStatus].includes(to)) throw new AppError('record.invalid_state', { status: r.status, to });
    if (to === 'approved') {
      requirePermission(actor, 'monitor.request.approve');
      if (isAuthor(r, actor)) throw new AppError('monitor.request_self_approval');
      // Automation approves through the audited auto-approve policy, never with a token.
      requirePerson(actor);
    } else if (to === 'cancelled') {
      // The author may withdraw their own draft; an approved request, or someone else's draft,
      // needs the reviewer's right (the author alone must not undo a second person's approval).
      if (isAuthor(r, actor) && r.status === 'draft') requirePermission(actor, 'monitor.request.create');
      else requirePermission(actor, 'monitor.request.approve');
    } else requirePermission(actor, NEEDS[to]);
    return applyMove(tx, actor, { type: actor.type, id: actor.id, name: actor.name }, r, to, note);
  });
}

/**
 * A recheck's finding. With `evidence.entryId` the entry's outcome is stored and the request's
 * status follows all entries (restored if any entry is reachable again, else blocked); without,
 * the whole request takes the outcome. Only sent/blocked/restored requests move; repeating the
 * current status records nothing. Returns whether the status changed.
 */
export async function recordOutcome(db: Db, actor: Actor, requestId: string, outcome: 'blocked' | 'restored', evidence: Record<string, unknown>): Promise<{ changed: boolean; status: string }> {
  requirePermission(actor, 'monitor.request.send');
  return db.transaction(async (tx) => {
    const r = await lockScoped(tx, actor, requestId);
    let target: 'blocked' | 'restored' = outcome;
    const entryId = typeof evidence.entryId === 'string' && /^[0-9a-f-]{36}$/i.test(evidence.entryId) ? evidence.entryId : null;
    if (entryId) {
      const upd = await tx.update(monitorRequestEntries).set({ outcome, outcomeAt: new Date() })
        .where(and(eq(monitorRequestEntries.id, entryId), eq(monitorRequestEntries.requestId, r.id))).returning({ id: monitorRequestEntries.id });
      if (upd.length === 0) throw new AppError('record.not_found');
      const [agg] = await tx.select({ restored: sql<number>`count(*) filter (where ${monitorRequestEntries.outcome} = 'restored')::int` })
        .from(monitorRequestEntries).where(inArray(monitorRequestEntries.requestId, [r.id]));
      target = agg!.restored > 0 ? 'restored' : 'blocked';
    }
    if (r.status === target || !NEXT[r.status as RequestStatus].includes(target)) return { changed: false, status: r.status };
    const note = typeof evidence.note === 'string' ? evidence.note.slice(0, 2000) : 'recheck';
    const u = await applyMove(tx, actor, { type: actor.type, id: actor.id, name: actor.name }, r, target, note, evidence);
    return { changed: true, status: u.status };
  });
}
