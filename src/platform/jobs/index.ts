import { PgBoss, type Job, type SendOptions } from 'pg-boss';
import type { Database } from '../db/client.js';

/**
 * Job names and their payload types. Modules add theirs by declaration merging:
 *   declare module '../../platform/jobs/index.js' { interface JobTypes { 'monitor.ingest': {...} } }
 */
export interface JobTypes {
  /** Deletes expired sessions. */
  'platform.sessions_cleanup': Record<string, never>;
  /** Walks the audit chain and logs/exports the result. */
  'platform.audit_verify': Record<string, never>;
}
export type JobName = keyof JobTypes;

/** How a queue behaves: retries with optional exponential backoff, then its dead-letter queue. */
export interface QueueSpec {
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Jobs handed to one handler call; batch-friendly handlers should use 100–1000. */
  batchSize?: number;
  /** Parallel fetch loops in this process. */
  localConcurrency?: number;
  pollingIntervalSeconds?: number;
}

export type JobHandler<N extends JobName> = (jobs: Job<JobTypes[N]>[]) => Promise<void>;

/** Dead-letter queue name for a queue: failed jobs land there after their last retry. */
export const deadLetterOf = (name: string) => `${name}.dead`;

/**
 * Typed facade over pg-boss. Same code on both backends: on PostgreSQL pg-boss opens its own
 * pool; on PGlite it shares the embedded instance through the `db` adapter.
 */
export class Jobs {
  private constructor(readonly boss: PgBoss) {}

  static async start(database: Database, onError: (e: Error) => void = () => undefined): Promise<Jobs> {
    const boss = database.kind === 'postgres'
      ? new PgBoss({ connectionString: database.url!, schema: 'pgboss', max: 4, application_name: 'qalqan-jobs' })
      : new PgBoss({ db: { executeSql: (text, values) => database.raw.query(text, values) }, schema: 'pgboss' });
    boss.on('error', onError);
    await boss.start();
    return new Jobs(boss);
  }

  /** Create the queue and its dead-letter queue (idempotent). */
  async define(name: JobName, spec: QueueSpec = {}): Promise<void> {
    const dead = deadLetterOf(name);
    if (!(await this.boss.getQueue(dead))) await this.boss.createQueue(dead, { retentionSeconds: 30 * 86_400 });
    const options = {
      retryLimit: spec.retryLimit ?? 3,
      retryDelay: spec.retryDelaySeconds ?? 5,
      retryBackoff: spec.retryBackoff ?? true,
      expireInSeconds: spec.expireInSeconds ?? 900,
      deadLetter: dead,
    };
    if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
    else await this.boss.createQueue(name, options);
  }

  /** Define the queue and start consuming it in this process. */
  async work<N extends JobName>(name: N, spec: QueueSpec, handler: JobHandler<N>): Promise<void> {
    await this.define(name, spec);
    const batchSize = spec.batchSize ?? 1;
    await this.boss.work<JobTypes[N]>(
      name,
      {
        batchSize,
        localConcurrency: spec.localConcurrency ?? 1,
        pollingIntervalSeconds: spec.pollingIntervalSeconds ?? 2,
        ...(batchSize > 1 ? { burstWhenBatchFull: true } : {}),
      },
      async (jobs: Job<JobTypes[N]>[]) => handler(jobs),
    );
  }

  send<N extends JobName>(name: N, data: JobTypes[N], options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data as object, options);
  }

  /** Enqueue many jobs in one statement: the only sane way past a few hundred jobs/s. */
  async sendBatch<N extends JobName>(name: N, items: JobTypes[N][]): Promise<void> {
    for (let i = 0; i < items.length; i += 1000) {
      await this.boss.insert(name, items.slice(i, i + 1000).map((data) => ({ data: data as object })));
    }
  }

  /**
   * Cron schedule in `tz` (Asia/Almaty by default); re-scheduling the same name replaces it.
   * The queue keeps the options its worker defined (work() before or after schedule()).
   */
  async schedule<N extends JobName>(name: N, cron: string, data: JobTypes[N], tz = 'Asia/Almaty'): Promise<void> {
    if (!(await this.boss.getQueue(name))) await this.define(name);
    await this.boss.schedule(name, cron, data as object, { tz });
  }

  /** Counts per state, for /metrics and the admin page. */
  async stats(name: JobName) {
    return this.boss.getQueue(name);
  }

  private readonly stopHooks: (() => Promise<void>)[] = [];

  /** Run `fn` when the workers stop (e.g. a module's worker thread that serves its jobs). */
  onStop(fn: () => Promise<void>): void {
    this.stopHooks.push(fn);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
    for (const fn of this.stopHooks.splice(0)) await fn().catch(() => undefined);
  }
}
