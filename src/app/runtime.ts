import { lt } from 'drizzle-orm';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';
import { loadSecretKey } from '../platform/auth/secrets.js';
import { sessions } from '../platform/auth/schema.js';
import { verifyAudit } from '../platform/audit/audit.service.js';
import { Jobs } from '../platform/jobs/index.js';
import type { AppContext } from '../platform/http/context.js';
import { seedCatalogue as seedSituationCatalogue } from '../modules/situation/catalogue.service.js';
import { registerPlanJobs } from '../modules/plan/jobs.js';
import { registerMonitorJobs } from '../modules/monitor/jobs.js';
import { registerMonitorSourceJobs } from '../modules/monitor/sources/jobs.js';
import { registerRecheckJobs } from '../modules/monitor/rechecks/jobs.js';
import { registerFinanceJobs } from '../modules/finance/jobs.js';

/** Open the configured database (PostgreSQL when DATABASE_URL is set, else embedded PGlite). */
export function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  return openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.dataDir });
}

export interface RuntimeOptions {
  /** Start pg-boss and this process's workers. */
  jobs: boolean;
  log?: (msg: string, extra?: unknown) => void;
  /** Use an already open database (tests share one instance). */
  database?: Database;
}

/** Open DB, run migrations, start jobs: everything a server or worker needs. */
export async function openContext(config: AppConfig, opts: RuntimeOptions): Promise<AppContext> {
  const database = opts.database ?? (await openConfiguredDatabase(config));
  await migrate(database);
  // Reference data that ships with the release (insert-only, idempotent): the situation indicator catalogue.
  await seedSituationCatalogue(database.db);
  const ctx: AppContext = {
    config, database, db: database.db,
    auth: {
      maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES, idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteHours: config.SESSION_ABSOLUTE_HOURS, secretKey: loadSecretKey(config.QALQAN_SECRET_KEY, config.dataDir),
    },
  };
  if (opts.jobs) await startJobs(ctx, opts.log);
  return ctx;
}

/** Start pg-boss and this process's workers; separate so a server can listen before it. */
export async function startJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void = () => undefined): Promise<void> {
  ctx.jobs = await Jobs.start(ctx.database, (e) => log('job error', e));
  await registerPlatformJobs(ctx, log);
}

/** Housekeeping every deployment needs: expired sessions go, the audit chain is checked nightly. */
async function registerPlatformJobs(ctx: AppContext, log: (msg: string, extra?: unknown) => void): Promise<void> {
  const jobs = ctx.jobs!;
  await jobs.work('platform.sessions_cleanup', { retryLimit: 2 }, async () => {
    await ctx.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  });
  await jobs.work('platform.audit_verify', { retryLimit: 1, expireInSeconds: 3600 }, async () => {
    const r = await verifyAudit(ctx.db);
    log(r.ok ? 'audit chain verified' : 'AUDIT CHAIN BROKEN', r);
    if (!r.ok) throw new Error(`audit chain broken at seq ${r.broken?.seq}`);
  });
  await jobs.schedule('platform.sessions_cleanup', '17 * * * *', {});
  await jobs.schedule('platform.audit_verify', '30 2 * * *', {});
  await registerPlanJobs(ctx, log);
  await registerMonitorJobs(ctx, log);
  await registerMonitorSourceJobs(ctx, log);
  await registerRecheckJobs(ctx, log);
  await registerFinanceJobs(ctx, log);
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs?.stop().catch(() => undefined);
  await ctx.database.close();
}
