/**
 * Monitor workers: the follow-up of detected items (traces, mirror check, shops; batched), the
 * sweep that makes it at-least-once even when an enqueue was lost in a crash, and background
 * file imports.
 */
import { systemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { enqueueDetection } from './ingest.service.js';
import { detectItems, unfinishedIds } from './ingest.detect.js';
import { abandonImport, runImport } from './import/import.service.js';
import { startDetectWorker, stopDetectWorker } from './detect-worker-pool.js';

/** Age after which an undetected or pending item is re-enqueued by the scheduled sweep. */
const SWEEP_AFTER_SECONDS = 120;

export async function registerMonitorJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  const actor = systemActor('monitor-detect');
  // The detector thread loads the model now (about a second) rather than inside the first job,
  // where it would count against that job's expiry (inline detection loads it on first use).
  startDetectWorker();
  // The thread must not outlive the workers (it would keep the process alive after a batch that
  // was in flight when they stopped).
  jobs.onStop(stopDetectWorker);
  // The jobs of one fetch are followed up together (up to 2 × DETECT_JOB_SIZE items): fewer
  // commits, audit rows and traces upserts per item, and an indicator seen in many posts is
  // written once per batch. Two fetch loops: while one batch holds the shops lock (stage 2), the
  // other writes its traces (stage 1). A failure retries that batch's jobs only.
  await jobs.work('monitor.detect', { batchSize: 2, localConcurrency: 2, pollingIntervalSeconds: 0.5, retryLimit: 5, retryDelaySeconds: 2, expireInSeconds: 300 }, async (batch) => {
    await detectItems(ctx.db, actor, [...new Set(batch.flatMap((job) => job.data.ids))]);
  });
  await jobs.work('monitor.sweep', { retryLimit: 1 }, async () => {
    const ids = await unfinishedIds(ctx.db, SWEEP_AFTER_SECONDS);
    if (ids.length) log('monitor sweep re-enqueued unfinished items', { count: ids.length });
    await enqueueDetection(ctx, ids);
  });
  await jobs.work('monitor.import', { retryLimit: 2, retryDelaySeconds: 10, expireInSeconds: 3600 }, async (batch) => {
    for (const job of batch) await runImport(ctx, job.data.importId, log);
  });
  // After the last retry (database or disk trouble) the job lands in its dead-letter queue: the
  // import is marked failed there and its upload removed.
  await jobs.work('monitor.import.dead', { retryLimit: 3, pollingIntervalSeconds: 5 }, async (batch) => {
    for (const job of batch) {
      log('monitor import failed after its retries', { id: job.data.importId });
      await abandonImport(ctx, job.data.importId);
    }
  });
  await jobs.schedule('monitor.sweep', '* * * * *', {});
  // At start-up nothing of ours is in flight yet, so every unfinished row is re-enqueued now
  // rather than after a crashed process's jobs expire (the job skips rows already done).
  await enqueueDetection(ctx, await unfinishedIds(ctx.db, 0));
}
