import type { AppContext } from '../../platform/http/context.js';
import { runReminders } from './notify.service.js';

declare module '../../platform/jobs/index.js' {
  interface JobTypes {
    /** Daily: deadline reminders (14/7/1 days) and overdue notices for executors. */
    'plan.reminders': Record<string, never>;
  }
}

/**
 * Reminders run every morning at 08:00 Almaty time, when staff start work. The job is
 * idempotent (see runReminders), so retries and manual re-runs are harmless.
 */
export async function registerPlanJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  // Schedule first: Jobs.schedule() re-defines the queue with default options, so calling it after
  // work() would silently reset the retry and expiry settings given here.
  await jobs.schedule('plan.reminders', '0 8 * * *', {});
  await jobs.work('plan.reminders', { retryLimit: 2, expireInSeconds: 1800 }, async () => {
    const r = await runReminders(ctx.db);
    log('plan reminders', r);
  });
}
