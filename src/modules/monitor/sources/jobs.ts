import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/http/context.js';
import { ingestBatch, type IngestResult } from '../ingest.service.js';
import { crawl, realClock, type Clock } from './crawler.js';
import { parseAllowlist } from './ip.js';
import { runErrorText } from './run-error.js';
import type { Resolver } from './safe-fetch.js';
import { markRun, pruneRuns, runCursorStore, type CrawlParams } from './runs.service.js';
import type { IngestItem, IngestSink } from './sink.js';
import { normalizeChannel, TelegramPoller, type TelegramInvoker } from './telegram.js';
import { openTelegram, telegramConfigured } from './telegram-client.js';

declare module '../../../platform/jobs/index.js' {
  interface JobTypes {
    /** Crawl seed URLs within limits; the run row (monitor_source_runs) records progress and stats. */
    'monitor.crawl': CrawlParams & { runId: string };
    /** Scheduled without a channel: fans out one job per configured channel; with one: poll it. */
    'monitor.telegram_poll': { channel?: string };
  }
}

type Log = (msg: string, extra?: unknown) => void;
const RUN_RETENTION_DAYS = 30;

/**
 * THE wiring between the sources and the ingest pipeline: an IngestSink over `ingestBatch`.
 * Items are grouped by channel so each site host / Telegram channel is its own ingest source
 * (kind web|telegram, name = host or username); results are merged back into input positions.
 */
export function ingestSinkFor(ctx: AppContext, actor: Actor, kind: 'web' | 'telegram'): IngestSink {
  return async (items: IngestItem[]): Promise<IngestResult> => {
    const groups = new Map<string, number[]>();
    items.forEach((it, i) => { const k = it.channel ?? kind; groups.set(k, [...(groups.get(k) ?? []), i]); });
    const total: IngestResult = { accepted: 0, duplicates: 0, rejected: [], ids: [], flagged: 0 };
    for (const [name, idx] of groups) {
      const r = await ingestBatch(ctx, actor, { source: { kind, name }, items: idx.map((i) => items[i]!) });
      total.accepted += r.accepted;
      total.duplicates += r.duplicates;
      total.flagged += r.flagged;
      total.ids.push(...r.ids);
      total.rejected.push(...r.rejected.map((x) => ({ index: idx[x.index]!, reason: x.reason })));
    }
    return total;
  };
}

/** Run one crawl job; `deps` lets tests swap the network resolver, clock and sink. */
export async function runCrawlJob(ctx: AppContext, data: CrawlParams & { runId: string }, deps: { resolver?: Resolver; clock?: Clock; sink?: IngestSink } = {}) {
  const c = ctx.config;
  await markRun(ctx.db, data.runId, { status: 'running', startedAt: new Date(), error: null });
  try {
    const stats = await crawl({
      seeds: data.seeds, allowedHosts: data.allowedHosts, maxDepth: data.maxDepth, maxPages: data.maxPages,
      maxBytes: c.CRAWLER_MAX_BYTES, requestTimeoutMs: c.CRAWLER_REQUEST_TIMEOUT_SECONDS * 1000, runTimeoutMs: c.CRAWLER_RUN_TIMEOUT_MINUTES * 60_000,
      maxRedirects: c.CRAWLER_MAX_REDIRECTS, minHostIntervalMs: c.CRAWLER_MIN_HOST_INTERVAL_MS, userAgent: c.CRAWLER_USER_AGENT,
      allowlist: parseAllowlist(c.CRAWLER_ALLOW_PRIVATE_HOSTS), resolver: deps.resolver, clock: deps.clock ?? realClock,
      sink: deps.sink ?? ingestSinkFor(ctx, systemActor('monitor-crawler'), 'web'),
    });
    await markRun(ctx.db, data.runId, { status: 'done', stats, finishedAt: new Date() });
    return stats;
  } catch (e) {
    await markRun(ctx.db, data.runId, { status: 'failed', error: runErrorText(e), finishedAt: new Date() });
    throw e;
  }
}

/** Poll one channel and log it as a run (idle polls leave no row, see runCursorStore). */
export async function pollChannel(ctx: AppContext, client: TelegramInvoker, pollers: Map<string, TelegramPoller>, channel: string, deps: { clock?: Clock; sink?: IngestSink } = {}) {
  const c = ctx.config;
  const cursors = runCursorStore(ctx.db, 'system');
  // One poller per channel, kept for the process: resolved peers and back-offs outlive a poll.
  let poller = pollers.get(channel);
  if (!poller) {
    poller = new TelegramPoller({
      client, cursors, clock: deps.clock ?? realClock, sink: deps.sink ?? ingestSinkFor(ctx, systemActor('monitor-telegram'), 'telegram'),
      floodWaitMaxSeconds: c.TELEGRAM_FLOOD_WAIT_MAX_SECONDS, backfill: c.TELEGRAM_BACKFILL, maxMessagesPerPoll: c.TELEGRAM_MAX_MESSAGES_PER_POLL,
    });
    pollers.set(channel, poller);
  }
  poller.setCursorStore(cursors);
  const started = new Date();
  try {
    const stats = await poller.poll(channel);
    // Polls that stored nothing leave no row unless something is worth seeing (flood waits, back-off, not found).
    const worthARow = cursors.runId() !== null || stats.status !== 'ok' || stats.floodWaits > 0;
    if (worthARow) {
      const id = await cursors.ensureRun(channel, null);
      await markRun(ctx.db, id, { status: stats.status === 'ok' ? 'done' : stats.status, stats, startedAt: started, finishedAt: new Date() });
    }
    return stats;
  } catch (e) {
    const id = cursors.runId();
    if (id) await markRun(ctx.db, id, { status: 'failed', error: runErrorText(e), finishedAt: new Date() });
    throw e;
  }
}

/** Workers for both sources; Telegram only when configured (credentials + channels). */
export async function registerMonitorSourceJobs(ctx: AppContext, log: Log): Promise<void> {
  const jobs = ctx.jobs!;
  const c = ctx.config;
  await jobs.work('monitor.crawl', { retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: c.CRAWLER_RUN_TIMEOUT_MINUTES * 60 + 600 }, async (batch) => {
    for (const job of batch) log('crawl finished', { runId: job.data.runId, stats: await runCrawlJob(ctx, job.data) });
  });
  if (!telegramConfigured(c)) { log('telegram polling off (TELEGRAM_API_ID/TELEGRAM_API_HASH/TELEGRAM_CHANNELS not set)'); return; }
  const channels = [...new Set(c.TELEGRAM_CHANNELS.split(',').map(normalizeChannel).filter(Boolean))];
  let client: Promise<TelegramInvoker> | null = null;
  const pollers = new Map<string, TelegramPoller>();
  // One MTProto connection per process, opened on first use; a failed open is retried next time.
  const getClient = () => (client ??= openTelegram(c).catch((e) => { client = null; throw e; }));
  await jobs.work('monitor.telegram_poll', { retryLimit: 1, localConcurrency: 1, expireInSeconds: 1800 }, async (batch) => {
    for (const job of batch) {
      if (!job.data.channel) {
        await pruneRuns(ctx.db, RUN_RETENTION_DAYS);
        // singletonKey + singletonSeconds: at most one poll per channel per minute, so a repeated
        // tick (two schedulers, a retry) does not poll a channel twice. (A bare singletonKey does
        // nothing on pg-boss' standard queue policy.)
        for (const ch of channels) await jobs.send('monitor.telegram_poll', { channel: ch }, { singletonKey: `tg:${ch}`, singletonSeconds: 60 });
        continue;
      }
      log('telegram poll', await pollChannel(ctx, await getClient(), pollers, normalizeChannel(job.data.channel)));
    }
  });
  await jobs.schedule('monitor.telegram_poll', c.TELEGRAM_POLL_CRON, {});
}
