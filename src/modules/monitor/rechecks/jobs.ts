/**
 * Background work of rechecks and mirrors: the scheduled recheck batch (pg-boss cron,
 * RECHECK_CRON) and the mirror check draining the queue filled by detection (every minute).
 */
import { systemActor } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/http/context.js';
import { runMirrorBatch } from '../mirrors/mirrors.service.js';
import { runRecheckBatch } from './rechecks.service.js';

declare module '../../../platform/jobs/index.js' {
  interface JobTypes {
    /** One recheck batch: sync watched URLs from the requests, check the due ones. */
    'monitor.recheck': Record<string, never>;
    /** Drain the mirror queue (near-duplicates, shop links, reappeared alerts). */
    'monitor.mirrors': Record<string, never>;
  }
}

/** Largest number of mirror batches one job run drains before yielding to the next tick. */
const MIRROR_BATCHES_PER_RUN = 20;

export async function registerRecheckJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  const c = ctx.config;
  // One batch at a time (localConcurrency 1); the claim lease also keeps two processes apart.
  await jobs.work('monitor.recheck', { retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: 3600 }, async () => {
    const s = await runRecheckBatch(ctx, {}, log);
    if (s.checked || s.added || s.deactivated || s.failed) log('recheck batch', s);
  });
  await jobs.schedule('monitor.recheck', c.RECHECK_CRON, {});
  if (!c.MIRROR_ENABLED) return;
  const actor = systemActor('monitor-mirrors');
  await jobs.work('monitor.mirrors', { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 900 }, async () => {
    for (let i = 0; i < MIRROR_BATCHES_PER_RUN; i++) {
      const s = await runMirrorBatch(ctx.db, actor, { maxDistance: c.MIRROR_MAX_DISTANCE });
      if (s.linked || s.alerts) log('mirror batch', s);
      if (s.processed === 0) break;
    }
  });
  await jobs.schedule('monitor.mirrors', '* * * * *', {});
}
