/**
 * Finance workers: the automatic registration of cards, IBANs and phones from flagged ads into
 * the dropper registry (droppers/ads.service.ts). Scheduled every few minutes; each run follows
 * the traces store from where the previous one stopped, in batches of one transaction each.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { syncAdsDroppers } from './droppers/ads.service.js';

declare module '../../platform/jobs/index.js' {
  interface JobTypes {
    /** Register instruments from flagged ads (idempotent; `full` rescans everything). */
    'finance.ads_sync': { full?: boolean };
  }
}

/** The system actor every automatic registration is attributed to. */
export const ADS_SYNC_ACTOR = 'finance-ads-sync';

export async function registerFinanceJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  const actor = systemActor(ADS_SYNC_ACTOR);
  // Schedule before work(): schedule() re-defines a missing queue with default options (see plan/jobs.ts).
  await jobs.schedule('finance.ads_sync', ctx.config.QALQAN_FINANCE_ADS_CRON, {});
  await jobs.work('finance.ads_sync', { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 1800 }, async (batch) => {
    const r = await syncAdsDroppers(ctx.db, actor, { full: batch.some((j) => j.data.full), defaultRegion: ctx.config.QALQAN_FINANCE_ADS_REGION ?? null });
    if (r.reported || r.invalid) log('finance ads → dropper registry', { created: r.created, reported: r.reported, invalid: r.invalid, noRegion: r.noRegion, more: r.more });
  });
}
