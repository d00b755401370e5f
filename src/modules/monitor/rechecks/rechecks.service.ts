/**
 * Rechecks of requested URLs: which URLs are watched (synchronised from the requests), the
 * scheduled batch and "recheck now", and how a check changes a URL's status, its request and
 * the alerts. See docs/monitor-rechecks.md for what the statuses mean.
 *
 * Status machine per URL (classify.ts nextStatus): reachable/pending → blocked | gone on a block
 * or removal; blocked/gone → restored when content is back; error and refused change nothing.
 * Request outcomes (requests' recordOutcome, per entry): the first blocked/gone after sending →
 * 'blocked'; content back after blocked/gone → 'restored' and a `restored` alert.
 */
import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import type { AppContext } from '../../../platform/http/context.js';
import { raiseAlert } from '../mirrors/alerts.service.js';
import { fromHex, hamming } from '../mirrors/simhash.js';
import { recordOutcome, urlsToRecheck } from '../requests/requests.service.js';
import { nextStatus } from './classify.js';
import { checkerOptions, checkUrl, checkUrls, type CheckResult } from './fetcher.js';
import type { Clock } from '../sources/crawler.js';
import type { Resolver } from '../sources/safe-fetch.js';
import { monitorRecheckChecks, monitorRecheckTargets } from './schema.js';

export type TargetRow = typeof monitorRecheckTargets.$inferSelect;
export type CheckRow = typeof monitorRecheckChecks.$inferSelect;
export const TARGET_STATUSES = ['pending', 'reachable', 'blocked', 'gone', 'restored'] as const;

/** Network and time seams for tests (a resolver that maps names to 127.0.0.1, a virtual clock). */
export interface RecheckDeps { resolver?: Resolver; clock?: Clock }

/** A claimed target is not claimed again for this long, even if its batch crashed. */
const LEASE_MINUTES = 30;
/** First retry after an error; doubles per consecutive error up to the normal interval. */
const ERROR_RETRY_MINUTES = 5;

const hostOf = (url: string) => { try { return new URL(url).hostname.toLowerCase(); } catch { return ''; } };
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Bring the watched set in line with the requests: new URL entries become targets (checked at
 * once), request status changes are copied, and entries of requests that left sent/blocked/
 * restored stop being checked (their history stays).
 */
export async function syncTargets(db: Db): Promise<{ watched: number; added: number; deactivated: number }> {
  const list = (await urlsToRecheck(db)).filter((u) => hostOf(u.url));
  const doc = JSON.stringify(list.map((u) => ({ request_id: u.requestId, entry_id: u.entryId, url: u.url, host: hostOf(u.url), region: u.region, status: u.status })));
  return db.transaction(async (tx) => {
    const added = rows<{ inserted: boolean }>(await tx.execute(sql`
      insert into ${monitorRecheckTargets} (request_id, entry_id, url, host, region, request_status)
      select u.request_id, u.entry_id, u.url, u.host, u.region, u.status from jsonb_to_recordset(${doc}::jsonb)
        as u(request_id uuid, entry_id uuid, url text, host text, region text, status text)
      on conflict (request_id, entry_id) do update set request_status = excluded.request_status, region = excluded.region,
        url = excluded.url, host = excluded.host, active = true
      where ${monitorRecheckTargets.requestStatus} is distinct from excluded.request_status or not ${monitorRecheckTargets.active}
        or ${monitorRecheckTargets.url} <> excluded.url or ${monitorRecheckTargets.region} <> excluded.region
      returning (xmax = 0) as inserted`)).filter((r) => r.inserted).length;
    const deactivated = rows<{ id: string }>(await tx.execute(sql`
      update ${monitorRecheckTargets} t set active = false
      where t.active and not exists (select 1 from jsonb_to_recordset(${doc}::jsonb) as u(request_id uuid, entry_id uuid)
        where u.request_id = t.request_id and u.entry_id = t.entry_id)
      returning t.id`)).length;
    return { watched: list.length, added, deactivated };
  });
}

/** Claim up to `limit` due targets by pushing their next check past a lease (safe with parallel workers). */
async function claimDue(db: Db, limit: number): Promise<TargetRow[]> {
  const claimed = rows<{ id: string }>(await db.execute(sql`
    update ${monitorRecheckTargets} set next_check_at = now() + make_interval(mins => ${LEASE_MINUTES})
    where id in (select id from ${monitorRecheckTargets} where active and next_check_at <= now()
      order by next_check_at limit ${limit} for update skip locked)
    returning id`)).map((r) => r.id);
  if (claimed.length === 0) return [];
  return db.select().from(monitorRecheckTargets).where(sql`${monitorRecheckTargets.id} = any(${sql.param(claimed)}::uuid[])`);
}

/**
 * Store one check of one target and apply what follows from it, in one transaction: history
 * row, target status, the request's outcome, a `restored` alert, the audit row.
 */
export async function applyCheck(db: Db, actor: Actor, targetId: string, r: CheckResult, opts: { trigger: 'schedule' | 'manual'; intervalMinutes: number; maxDistance: number }) {
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(monitorRecheckTargets).where(eq(monitorRecheckTargets.id, targetId)).for('update');
    if (!t) throw new AppError('record.not_found');
    const before = t.status;
    const after = nextStatus(before, r.outcome);
    const wasDown = before === 'blocked' || before === 'gone';
    const isDown = r.outcome === 'blocked' || r.outcome === 'gone';
    const distance = r.simhash && t.simhash ? hamming(fromHex(r.simhash), fromHex(t.simhash)) : null;
    // blocked: the first block/removal of this entry (or any while the request is still only sent);
    // restored: content back after blocked/gone. recordOutcome keeps the request's lifecycle rules.
    const requestOutcome = isDown && (!wasDown || t.requestStatus === 'sent') ? 'blocked' : after === 'restored' && wasDown ? 'restored' : null;
    const [check] = await tx.insert(monitorRecheckChecks).values({
      targetId: t.id, checkedAt: r.checkedAt, trigger: opts.trigger, requestedBy: actor.name, outcome: r.outcome, reason: r.reason,
      statusBefore: before, statusAfter: after, httpStatus: r.httpStatus, finalUrl: r.finalUrl, redirects: r.redirects, contentHash: r.contentHash,
      simhash: r.simhash, distance, bytes: r.bytes, durationMs: r.durationMs, requestOutcome, detail: r.detail,
    }).returning();
    let requestStatus = t.requestStatus;
    if (requestOutcome) {
      const res = await recordOutcome(tx, actor, t.requestId, requestOutcome, {
        entryId: t.entryId, checkId: check!.id, url: t.url, outcome: r.outcome, reason: r.reason, httpStatus: r.httpStatus,
        finalUrl: r.finalUrl, contentHash: r.contentHash, checkedAt: r.checkedAt.toISOString(), note: `recheck: ${r.outcome} (${r.reason})`,
      });
      requestStatus = res.status;
    }
    if (after === 'restored' && wasDown) {
      await raiseAlert(tx, actor, {
        kind: 'restored', dedupeKey: `restored:${check!.id}`, regions: [t.region], requestId: t.requestId, targetId: t.id, url: t.url,
        evidence: {
          checkId: check!.id, statusBefore: before, downSince: t.lastChangeAt, httpStatus: r.httpStatus, finalUrl: r.finalUrl,
          contentHash: r.contentHash, simhash: r.simhash, distance, sameContent: r.contentHash !== null && r.contentHash === t.contentHash,
          nearDuplicate: distance !== null && distance <= opts.maxDistance, requestStatus,
        },
      });
    }
    const errors = r.outcome === 'error' ? t.consecutiveErrors + 1 : 0;
    const waitMinutes = r.outcome === 'error' ? Math.min(opts.intervalMinutes, ERROR_RETRY_MINUTES * 2 ** (errors - 1)) : opts.intervalMinutes;
    const [updated] = await tx.update(monitorRecheckTargets).set({
      status: after, lastCheckedAt: r.checkedAt, lastChangeAt: after !== before ? r.checkedAt : t.lastChangeAt,
      nextCheckAt: new Date(Date.now() + waitMinutes * 60_000), consecutiveErrors: errors, lastOutcome: r.outcome,
      lastHttpStatus: r.httpStatus, lastFinalUrl: r.finalUrl, requestStatus,
      ...(r.outcome === 'reachable' ? { contentHash: r.contentHash, simhash: r.simhash } : {}),
    }).where(eq(monitorRecheckTargets.id, t.id)).returning();
    await recordAudit(tx, actor, {
      action: 'monitor.recheck', entityType: 'monitor_recheck_target', entityId: t.id, region: t.region,
      before: { status: before }, after: { status: after },
      details: { trigger: opts.trigger, url: t.url, outcome: r.outcome, reason: r.reason, httpStatus: r.httpStatus, requestOutcome, checkId: check!.id },
    });
    return { target: updated!, check: check! };
  });
}

/** Summary of one batch run. */
export interface BatchSummary { watched: number; added: number; deactivated: number; checked: number; urls: number; byOutcome: Record<string, number>; failed: number }

/** The scheduled job: sync the watched set, claim due targets, fetch each URL once (politely), apply. */
export async function runRecheckBatch(ctx: AppContext, deps: RecheckDeps = {}, log: (msg: string, extra?: unknown) => void = () => undefined): Promise<BatchSummary> {
  const c = ctx.config;
  const actor = systemActor('monitor-rechecks');
  const sync = await syncTargets(ctx.db);
  const due = await claimDue(ctx.db, c.RECHECK_BATCH_SIZE);
  const results = await checkUrls(due.map((t) => t.url), checkerOptions(c, deps));
  const summary: BatchSummary = { ...sync, checked: 0, urls: results.size, byOutcome: {}, failed: 0 };
  for (const t of due) {
    const r = results.get(t.url)!;
    try {
      await applyCheck(ctx.db, actor, t.id, r, { trigger: 'schedule', intervalMinutes: c.RECHECK_INTERVAL_MINUTES, maxDistance: c.MIRROR_MAX_DISTANCE });
      summary.checked++;
      summary.byOutcome[r.outcome] = (summary.byOutcome[r.outcome] ?? 0) + 1;
    } catch (e) {
      // One bad target must not lose the others' results; its lease expires and it is retried.
      summary.failed++;
      log('recheck apply failed', { targetId: t.id, error: (e as Error).message });
    }
  }
  return summary;
}

/** Load one target in the caller's scope (out of scope = not found). */
async function scopedTarget(db: Db, actor: Actor, id: string): Promise<TargetRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [t] = await db.select().from(monitorRecheckTargets).where(and(eq(monitorRecheckTargets.id, id), regionCondition(actor.scope, monitorRecheckTargets.region)));
  if (!t) throw new AppError('record.not_found');
  return t;
}

/** "Recheck now": one fetch of one URL by an officer, applied like a scheduled check. */
export async function recheckNow(ctx: AppContext, actor: Actor, id: string, deps: RecheckDeps = {}) {
  requirePermission(actor, 'monitor.recheck.run');
  const t = await scopedTarget(ctx.db, actor, id);
  if (!t.active) throw new AppError('record.invalid_state', { active: false });
  const opts = checkerOptions(ctx.config, deps);
  // Politeness holds for people too: no second request to the URL within the host interval.
  if (t.lastCheckedAt && opts.clock.now() - t.lastCheckedAt.getTime() < opts.hostIntervalMs) throw new AppError('request.rate_limited');
  const r = await checkUrl(t.url, opts);
  return applyCheck(ctx.db, actor, t.id, r, { trigger: 'manual', intervalMinutes: ctx.config.RECHECK_INTERVAL_MINUTES, maxDistance: ctx.config.MIRROR_MAX_DISTANCE });
}

export interface TargetQuery {
  status?: (typeof TARGET_STATUSES)[number];
  /** Substring of the URL. */
  q?: string;
  requestId?: string;
  region?: string;
  /** Include targets no longer checked (request cancelled/refused). */
  inactive?: boolean;
  limit?: number;
  offset?: number;
}

/** Watched URLs in scope, most recently changed first, with counts per status. */
export async function listTargets(db: Db, actor: Actor, q: TargetQuery = {}) {
  requirePermission(actor, 'monitor.recheck.read');
  const scope: (SQL | undefined)[] = [regionCondition(actor.scope, monitorRecheckTargets.region)];
  if (!q.inactive) scope.push(eq(monitorRecheckTargets.active, true));
  if (q.region) scope.push(eq(monitorRecheckTargets.region, q.region));
  if (q.requestId) scope.push(/^[0-9a-f-]{36}$/i.test(q.requestId) ? eq(monitorRecheckTargets.requestId, q.requestId) : sql`false`);
  const c = [...scope];
  if (q.status) c.push(eq(monitorRecheckTargets.status, q.status));
  if (q.q) c.push(ilike(monitorRecheckTargets.url, `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  const limit = Math.min(q.limit ?? 50, 500);
  const list = await db.select().from(monitorRecheckTargets).where(and(...c))
    .orderBy(sql`${monitorRecheckTargets.lastChangeAt} desc nulls last`, desc(monitorRecheckTargets.createdAt), asc(monitorRecheckTargets.id)).limit(limit + 1).offset(q.offset ?? 0);
  const counts = await db.select({ status: monitorRecheckTargets.status, n: sql<number>`count(*)::int` }).from(monitorRecheckTargets).where(and(...scope)).groupBy(monitorRecheckTargets.status);
  return { targets: list.slice(0, limit), more: list.length > limit, counts: Object.fromEntries(counts.map((r) => [r.status, r.n])) as Record<string, number> };
}

/** One watched URL with its status history (newest first). */
export async function getTarget(db: Db, actor: Actor, id: string, historyLimit = 200) {
  requirePermission(actor, 'monitor.recheck.read');
  const target = await scopedTarget(db, actor, id);
  const history = await db.select().from(monitorRecheckChecks).where(eq(monitorRecheckChecks.targetId, id))
    .orderBy(desc(monitorRecheckChecks.checkedAt), desc(monitorRecheckChecks.id)).limit(Math.min(historyLimit, 1000));
  return { target, history };
}
