/**
 * Monitor workers: detection (batched), the sweep that makes detection at-least-once even when
 * an enqueue was lost in a crash, and background file imports.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { enqueueDetection } from './ingest.service.js';
import { detectItems, undetectedIds } from './ingest.detect.js';
import { runImport } from './import/import.service.js';
import { getDetector } from './detect/index.js';

/** Age after which an undetected item is re-enqueued by the scheduled sweep. */
const SWEEP_AFTER_SECONDS = 120;

export async function registerMonitorJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  const actor = systemActor('monitor-detect');
  // Load the model now (about a second) rather than inside the first job, where it would count
  // against that job's expiry and delay the first results.
  getDetector();
  // Several jobs per fetch and two fetch loops: while one batch waits on the database the other
  // runs the detector, which is what keeps one core busy. Each job commits on its own, so a
  // failure retries only its 500 items.
  await jobs.work('monitor.detect', { batchSize: 4, localConcurrency: 2, pollingIntervalSeconds: 0.5, retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 300 }, async (batch) => {
    for (const job of batch) await detectItems(ctx.db, actor, job.data.ids);
  });
  await jobs.work('monitor.sweep', { retryLimit: 1 }, async () => {
    const ids = await undetectedIds(ctx.db, SWEEP_AFTER_SECONDS);
    if (ids.length) log('monitor sweep re-enqueued undetected items', { count: ids.length });
    await enqueueDetection(ctx, ids);
  });
  await jobs.work('monitor.import', { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 3600 }, async (batch) => {
    for (const job of batch) await runImport(ctx, job.data.importId, log);
  });
  await jobs.schedule('monitor.sweep', '* * * * *', {});
  // At start-up nothing of ours is in flight yet, so every undetected row is re-enqueued now
  // rather than after a crashed process's jobs expire (detection skips rows already done).
  await enqueueDetection(ctx, await undetectedIds(ctx.db, 0));
}
