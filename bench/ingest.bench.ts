/**
 * `npm run bench:ingest`: end-to-end ingest throughput (API → queue → detection → DB/traces)
 * on PGlite and PostgreSQL, then the kill -9 crash test on PostgreSQL.
 *
 * PostgreSQL: DATABASE_URL if set (the bench creates its own sources, so a scratch database is
 * best), else a throwaway server (startPgServer). Sizes: BENCH_INGEST_PG_N (default 60,000),
 * BENCH_INGEST_PGLITE_N (20,000), BENCH_INGEST_CRASH_N (40,000). The last line is one JSON object.
 */
import { loadavg } from 'node:os';
import { startPgServer, type PgServer } from '../src/platform/testing/pg-server.js';
import { benchTexts, measureThroughput } from './lib/ingest-throughput.js';
import { crashTest } from './lib/ingest-crash.js';

const log = (s: string) => process.stderr.write(s + '\n');
const n = (name: string, d: number) => Number(process.env[name] ?? d);
const runId = Date.now().toString(36);

const pgN = n('BENCH_INGEST_PG_N', 60_000);
const liteN = n('BENCH_INGEST_PGLITE_N', 20_000);
const crashN = n('BENCH_INGEST_CRASH_N', 40_000);
const texts = benchTexts(Math.max(pgN, liteN, crashN));
log(`ingest bench: ${texts.length} synthetic posts (generator seed 7007), batches of 5,000, 2 requests in flight; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

log('PGlite (embedded, one process):');
const lite = await measureThroughput({}, texts.slice(0, liteN), { batch: 5000, inFlight: 2, runId: `l${runId}`, log });
log(`  ${lite.items} items end to end in ${lite.seconds.toFixed(1)} s → ${lite.itemsPerS} items/s (${lite.flagged} flagged)`);

let server: PgServer | null = null;
const url = process.env.DATABASE_URL ?? (server = await startPgServer()).url;
try {
  log(`PostgreSQL (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'throwaway server, fsync off'}):`);
  const pg = await measureThroughput({ url }, texts.slice(0, pgN), { batch: 5000, inFlight: 2, runId: `p${runId}`, log });
  log(`  ${pg.items} items end to end in ${pg.seconds.toFixed(1)} s → ${pg.itemsPerS} items/s (${pg.flagged} flagged)`);

  log('Crash test (node bin/qalqan.js serve on PostgreSQL, kill -9 mid-run):');
  const crash = await crashTest(url, texts.slice(0, crashN), { batch: 2000, runId: `c${runId}`, log });
  log(`  acknowledged ${crash.acknowledged}, stored ${crash.storedAfterKill}, duplicates ${crash.duplicatesAfterKill}, undetected ${crash.undetected}, follow-up pending ${crash.pending}, flagged items missing in traces ${crash.unobserved}, items observed twice in traces ${crash.doubleObserved}`);
  log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const ok = crash.storedAfterKill === crash.acknowledged && crash.duplicatesAfterKill === 0 && crash.undetected === 0 && crash.pending === 0 && crash.unobserved === 0 && crash.doubleObserved === 0;
  if (!ok) process.exitCode = 1;
  console.log(JSON.stringify({
    pglite_items_per_s: lite.itemsPerS, postgres_items_per_s: pg.itemsPerS,
    acknowledged: crash.acknowledged, stored_after_kill: crash.storedAfterKill, duplicates_after_kill: crash.duplicatesAfterKill,
  }));
} finally {
  server?.stop();
}
