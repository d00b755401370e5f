/**
 * Alerts for the cyber-supervision desk: a blocked URL whose content is back (`restored`,
 * raised by the rechecks) and a blocked shop that reappeared in a new item (`reappeared`,
 * raised by the mirror check). Raising is idempotent (dedupe key); acknowledging records who
 * and when and is audited in the same transaction.
 *
 * Region scope: an alert carries the regions of what it is about (the request's region, the
 * item's and shop's regions); a regional reader sees alerts overlapping their regions, and
 * alerts without a region stay with the national desk, as monitor items do.
 */
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { monitorAlerts } from './schema.js';

export const ALERT_KINDS = ['restored', 'reappeared'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertRow = typeof monitorAlerts.$inferSelect;

/** What a raiser knows about the alert. */
export interface NewAlert {
  kind: AlertKind;
  dedupeKey: string;
  regions: string[];
  shopId?: string | null;
  itemId?: string | null;
  requestId?: string | null;
  targetId?: string | null;
  url?: string | null;
  evidence: Record<string, unknown>;
}

/** Region half of every alert query (overlap; region-less alerts are national). */
export function alertScope(actor: Actor): SQL | undefined {
  if (actor.scope.national) return undefined;
  if (actor.scope.regions.length === 0) return sql`false`;
  return sql`${monitorAlerts.regions} && ${sql.param(actor.scope.regions)}::text[]`;
}

/** Raise an alert inside the caller's transaction; returns its id, or null when it was raised before. */
export async function raiseAlert(tx: Db, actor: Actor, a: NewAlert): Promise<string | null> {
  const [row] = await tx.insert(monitorAlerts).values({
    kind: a.kind, dedupeKey: a.dedupeKey, regions: [...new Set(a.regions)].sort(), shopId: a.shopId ?? null, itemId: a.itemId ?? null,
    requestId: a.requestId ?? null, targetId: a.targetId ?? null, url: a.url ?? null, evidence: a.evidence,
  }).onConflictDoNothing({ target: monitorAlerts.dedupeKey }).returning({ id: monitorAlerts.id });
  if (!row) return null;
  await recordAudit(tx, actor, { action: `monitor.alert.${a.kind}`, entityType: 'monitor_alert', entityId: row.id, region: a.regions.length === 1 ? a.regions[0] : null, details: { shopId: a.shopId, itemId: a.itemId, requestId: a.requestId, url: a.url } });
  return row.id;
}

export interface AlertQuery {
  kind?: AlertKind;
  /** open (not acknowledged, the default) | acknowledged | all */
  state?: 'open' | 'acknowledged' | 'all';
  shopId?: string;
  limit?: number;
  offset?: number;
}

/** Alerts in the caller's scope, newest first, with the count of open ones. */
export async function listAlerts(db: Db, actor: Actor, q: AlertQuery = {}) {
  requirePermission(actor, 'monitor.alert.read');
  const c: (SQL | undefined)[] = [alertScope(actor)];
  if (q.kind) c.push(eq(monitorAlerts.kind, q.kind));
  const state = q.state ?? 'open';
  if (state === 'open') c.push(isNull(monitorAlerts.acknowledgedAt));
  if (state === 'acknowledged') c.push(isNotNull(monitorAlerts.acknowledgedAt));
  if (q.shopId) c.push(eq(monitorAlerts.shopId, q.shopId));
  const limit = Math.min(q.limit ?? 50, 500);
  const rows = await db.select().from(monitorAlerts).where(and(...c)).orderBy(desc(monitorAlerts.createdAt), desc(monitorAlerts.id)).limit(limit + 1).offset(q.offset ?? 0);
  const [open] = await db.select({ n: sql<number>`count(*)::int` }).from(monitorAlerts).where(and(alertScope(actor), isNull(monitorAlerts.acknowledgedAt)));
  return { alerts: rows.slice(0, limit), more: rows.length > limit, open: open!.n };
}

/** Acknowledge an open alert (audited); a second acknowledgement is a conflict, not a silent overwrite. */
export async function acknowledgeAlert(db: Db, actor: Actor, id: string, note = ''): Promise<AlertRow> {
  requirePermission(actor, 'monitor.alert.ack');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(monitorAlerts).where(and(eq(monitorAlerts.id, id), alertScope(actor))).for('update');
    if (!a) throw new AppError('record.not_found');
    if (a.acknowledgedAt) throw new AppError('record.invalid_state', { acknowledgedBy: a.acknowledgedBy, acknowledgedAt: a.acknowledgedAt });
    const [u] = await tx.update(monitorAlerts).set({ acknowledgedAt: new Date(), acknowledgedBy: actor.name, acknowledgedById: actor.id, ackNote: note.slice(0, 2000) || null })
      .where(eq(monitorAlerts.id, id)).returning();
    await recordAudit(tx, actor, { action: 'monitor.alert.acknowledge', entityType: 'monitor_alert', entityId: id, region: a.regions.length === 1 ? a.regions[0] : null, before: { acknowledgedAt: null }, after: { acknowledgedAt: u!.acknowledgedAt }, details: { kind: a.kind, note } });
    return u!;
  });
}
