import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import type { AppContext } from '../../../platform/http/context.js';
import { allowlisted, blockedReason, parseAllowlist, parseIp } from './ip.js';
import { monitorSourceRuns } from './schema.js';
import type { CursorStore } from './telegram.js';

/** Run log and Telegram cursors (schema.ts). */
export type SourceRun = typeof monitorSourceRuns.$inferSelect;

export interface CrawlRequest { seeds: string[]; maxDepth?: number; maxPages?: number; allowedHosts?: string[] }

/** What a crawl job needs; stored as the run's params and sent as the job payload. */
export interface CrawlParams { seeds: string[]; maxDepth: number; maxPages: number; allowedHosts: string[] }

/**
 * Validate a crawl request against the configured ceilings, record the run (audited: who asked
 * to crawl what) and enqueue it. Obviously unsafe seeds (non-http schemes, literal private
 * addresses) are refused here already; names are resolved and checked by the crawler itself.
 */
export async function startCrawl(ctx: AppContext, actor: Actor, input: CrawlRequest): Promise<SourceRun> {
  requirePermission(actor, 'monitor.ingest');
  const allow = parseAllowlist(ctx.config.CRAWLER_ALLOW_PRIVATE_HOSTS);
  const seeds: string[] = [];
  for (const s of input.seeds) {
    let u: URL;
    try { u = new URL(s); } catch { throw new AppError('request.invalid', { seed: s, reason: 'invalid_url' }); }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new AppError('request.invalid', { seed: s, reason: 'scheme' });
    if (u.username || u.password) throw new AppError('request.invalid', { seed: s, reason: 'credentials' });
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const ip = parseIp(host);
    const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    if (ip && blockedReason(ip) && !allowlisted(allow, host, port, host)) throw new AppError('request.invalid', { seed: s, reason: 'blocked_address' });
    u.hash = '';
    seeds.push(u.href);
  }
  const params: CrawlParams = {
    seeds,
    maxDepth: Math.min(input.maxDepth ?? ctx.config.CRAWLER_MAX_DEPTH, ctx.config.CRAWLER_MAX_DEPTH),
    maxPages: Math.min(input.maxPages ?? ctx.config.CRAWLER_MAX_PAGES, ctx.config.CRAWLER_MAX_PAGES),
    allowedHosts: (input.allowedHosts ?? []).map((h) => h.toLowerCase()),
  };
  if (!ctx.jobs) throw new AppError('server.unavailable', { reason: 'no job queue in this process' });
  const run = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(monitorSourceRuns).values({ kind: 'crawl', name: new URL(seeds[0]!).hostname, status: 'queued', params, requestedBy: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'monitor.crawl_start', entityType: 'monitor_source_run', entityId: row!.id, details: params });
    return row!;
  });
  await ctx.jobs.send('monitor.crawl', { runId: run.id, ...params });
  return run;
}

/** Recent runs, newest first. Not regional: runs are operational records of national sources. */
export async function listRuns(db: Db, actor: Actor, q: { kind?: 'crawl' | 'telegram'; name?: string; limit?: number }): Promise<SourceRun[]> {
  requirePermission(actor, 'monitor.ingest');
  const where = and(q.kind ? eq(monitorSourceRuns.kind, q.kind) : undefined, q.name ? eq(monitorSourceRuns.name, q.name) : undefined);
  return db.select().from(monitorSourceRuns).where(where).orderBy(desc(monitorSourceRuns.createdAt)).limit(Math.min(q.limit ?? 50, 500));
}

/** Job bookkeeping (not audited: the ingest pipeline audits what the run stored). */
export async function markRun(db: Db, id: string, patch: Partial<Pick<SourceRun, 'status' | 'stats' | 'error' | 'startedAt' | 'finishedAt' | 'cursor'>>): Promise<void> {
  await db.update(monitorSourceRuns).set(patch).where(eq(monitorSourceRuns.id, id));
}

/**
 * Cursor store over the run log for one poll: the cursor is the channel's largest run cursor;
 * `set` writes it into this poll's run row, created on the first page so idle polls leave no row.
 */
export function runCursorStore(db: Db, requestedBy: string): CursorStore & { runId(): string | null; ensureRun(channel: string, cursor: number | null): Promise<string> } {
  let id: string | null = null;
  return {
    runId: () => id,
    async get(channel) {
      const [r] = await db.select({ c: sql<string | null>`max(${monitorSourceRuns.cursor})` }).from(monitorSourceRuns)
        .where(and(eq(monitorSourceRuns.kind, 'telegram'), eq(monitorSourceRuns.name, channel)));
      return r?.c == null ? null : Number(r.c);
    },
    async set(channel, messageId) {
      if (id) await markRun(db, id, { cursor: messageId });
      else await this.ensureRun(channel, messageId);
    },
    /** This poll's row, created if needed (a null cursor never lowers the channel's max). */
    async ensureRun(channel, cursor) {
      if (id) return id;
      const [row] = await db.insert(monitorSourceRuns).values({ kind: 'telegram', name: channel, status: 'running', cursor, requestedBy, startedAt: new Date() }).returning({ id: monitorSourceRuns.id });
      return (id = row!.id);
    },
  };
}

/** Drop runs older than `days`, except each channel's cursor-holding row (its newest cursor must survive). */
export async function pruneRuns(db: Db, days: number): Promise<void> {
  await db.execute(sql`delete from ${monitorSourceRuns} r where r.created_at < now() - make_interval(days => ${days})
    and not (r.kind = 'telegram' and r.cursor is not null and r.cursor = (select max(x.cursor) from ${monitorSourceRuns} x where x.kind = 'telegram' and x.name = r.name))`);
}
