import { and, asc, desc, eq, gt, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { regionCondition } from '../db/scope.js';
import { requirePermission } from '../auth/actor.js';
import { auditHead, auditLog } from './schema.js';
import { GENESIS, rowHash } from './chain.js';
import { CSV_BOM, csvCell } from '../reports/csv.js';

/** What a service says about a change it just made. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Region of the affected record (null for national records such as users with national scope). */
  region?: string | null;
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping, e.g. counts of an import. */
  details?: unknown;
}

// Any fixed number works; it only has to be the same for every writer of the chain.
const AUDIT_LOCK_KEY = 727_001;

/**
 * Append one audit row. MUST be called with the transaction that makes the change, so the
 * change and its record commit or roll back together. Writers are serialised by an advisory
 * transaction lock because each row links to the one before it.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const summary = { before: entry.before ?? null, after: entry.after ?? null, ...(entry.details !== undefined ? { details: entry.details } : {}) };
  const fields = {
    at: new Date(),
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    region: entry.region ?? null,
    summary,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 512) ?? null,
    prevHash: head?.hash ?? GENESIS,
  };
  const hash = rowHash(fields);
  const [row] = await tx.insert(auditLog).values({ ...fields, hash }).returning({ seq: auditLog.seq });
  await tx
    .insert(auditHead)
    .values({ id: 1, seq: row!.seq, hash })
    .onConflictDoUpdate({ target: auditHead.id, set: { seq: row!.seq, hash } });
}

/** Filters for browsing the log; all optional. */
export interface AuditQuery {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  region?: string;
  /** Return rows with seq below this (newest-first paging). */
  before?: number;
  limit?: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

function conditions(actor: Actor, q: AuditQuery): SQL | undefined {
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, auditLog.region)];
  if (q.from) c.push(gte(auditLog.at, q.from));
  if (q.to) c.push(lte(auditLog.at, q.to));
  if (q.actor) c.push(or(ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`), eq(auditLog.actorId, q.actor)));
  if (q.action) c.push(ilike(auditLog.action, `${escapeLike(q.action)}%`));
  if (q.entityType) c.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) c.push(eq(auditLog.entityId, q.entityId));
  if (q.region) c.push(eq(auditLog.region, q.region));
  if (q.before) c.push(lt(auditLog.seq, q.before));
  return and(...c);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);

/** Newest first, scoped: a regional auditor sees only rows about their regions. */
export async function listAudit(db: Db, actor: Actor, q: AuditQuery): Promise<AuditRow[]> {
  requirePermission(actor, 'audit.read');
  const limit = Math.min(Math.max(q.limit ?? 50, 1), 500);
  return db.select().from(auditLog).where(conditions(actor, q)).orderBy(desc(auditLog.seq)).limit(limit);
}

const CSV_COLUMNS = ['seq', 'at', 'actorType', 'actorId', 'actorName', 'action', 'entityType', 'entityId', 'region', 'ip', 'userAgent', 'summary', 'hash'] as const;


/** CSV export of the filtered log, oldest first, streamed in pages so large exports stay flat in memory. */
export async function* exportAuditCsv(db: Db, actor: Actor, q: AuditQuery): AsyncGenerator<string> {
  requirePermission(actor, 'audit.read');
  yield CSV_BOM + CSV_COLUMNS.join(',') + '\r\n';
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditLog)
      .where(and(conditions(actor, q), gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq)).limit(1000);
    if (rows.length === 0) return;
    yield rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\r\n') + '\r\n';
    after = rows[rows.length - 1]!.seq;
  }
}

/** Outcome of a chain check. */
export interface VerifyResult {
  ok: boolean;
  rows: number;
  /** The first row whose content or link does not match, or the head mismatch. */
  broken?: { seq: number | null; reason: 'hash_mismatch' | 'link_mismatch' | 'head_mismatch' | 'missing_rows' };
}

/** Walk the whole chain, recomputing every hash. Runs as a system task (CLI), not per user. */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  let prev = GENESIS, after = 0, rows = 0, lastSeq = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(2000);
    for (const r of page) {
      rows++;
      if (r.prevHash !== prev) return { ok: false, rows, broken: { seq: r.seq, reason: 'link_mismatch' } };
      if (rowHash(r) !== r.hash) return { ok: false, rows, broken: { seq: r.seq, reason: 'hash_mismatch' } };
      prev = r.hash;
      lastSeq = r.seq;
    }
    if (page.length < 2000) break;
    after = page[page.length - 1]!.seq;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head) return rows === 0 ? { ok: true, rows } : { ok: false, rows, broken: { seq: null, reason: 'head_mismatch' } };
  if (head.seq !== lastSeq || head.hash !== prev) {
    return { ok: false, rows, broken: { seq: head.seq > lastSeq ? lastSeq + 1 : head.seq, reason: head.seq > lastSeq ? 'missing_rows' : 'head_mismatch' } };
  }
  return { ok: true, rows };
}

/** Events and failed logins in the last 24 hours, within the caller's scope. */
export async function auditStats(db: Db, actor: Actor): Promise<{ events24h: number; failedLogins24h: number }> {
  requirePermission(actor, 'audit.read');
  const since = new Date(Date.now() - 86_400_000);
  const [r] = await db.select({
    n: sql<number>`count(*)`, failed: sql<number>`count(*) filter (where ${auditLog.action} in ('auth.login_failed', 'auth.lockout'))`,
  }).from(auditLog).where(and(gte(auditLog.at, since), regionCondition(actor.scope, auditLog.region)));
  return { events24h: Number(r?.n ?? 0), failedLogins24h: Number(r?.failed ?? 0) };
}
