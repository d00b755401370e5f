/**
 * Crash test: the real server (`node bin/qalqan.js serve`) as a child process on PostgreSQL,
 * batches posted over loopback HTTP, `kill -9` mid-run, restart, every batch that was not
 * acknowledged is re-sent (what a client does), the queue drains, and then every acknowledged
 * item must be stored exactly once and detected exactly once (traces seen_count of its item = 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../src/platform/auth/actor.js';
import { createApiToken } from '../../src/platform/auth/tokens.service.js';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { freePort } from '../../src/platform/testing/pg-server.js';
import { scratchDir } from '../../src/platform/testing/db.js';

const BIN = fileURLToPath(new URL('../../bin/qalqan.js', import.meta.url));

export interface CrashResult {
  acknowledged: number; storedAfterKill: number; duplicatesAfterKill: number; undetected: number;
  /** Flagged items whose follow-up never ran (still pending) / whose traces entity is missing after the drain. */
  pending: number; unobserved: number;
  doubleObserved: number; killedAfterAcks: number;
}

async function startServer(url: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--v8-pool-size=0', BIN, 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', QALQAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', QALQAN_WORKERS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

const q = async (db: Awaited<ReturnType<typeof openDatabase>>['db'], query: ReturnType<typeof sql>) => (await db.execute(query) as unknown as { rows: Record<string, number>[] }).rows[0]!;

export async function crashTest(url: string, texts: string[], opts: { batch: number; runId: string; log: (s: string) => void }): Promise<CrashResult> {
  const database = await openDatabase({ url });
  await migrate(database);
  const { token } = await createApiToken(database.db, systemActor('bench'), { name: `crash-${opts.runId}`, roles: ['analyst'], national: true, regions: [] });
  const source = `crash-${opts.runId}`;
  const batches: { external_id: string; text: string }[][] = [];
  for (let i = 0; i < texts.length; i += opts.batch) batches.push(texts.slice(i, i + opts.batch).map((text, j) => ({ text, external_id: `${opts.runId}-${i + j}` })));
  const port = await freePort();
  const dataDir = scratchDir();
  const acked = new Set<string>();
  const post = async (b: { external_id: string }[]) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/monitor/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ source, items: b }) });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    await res.json();
    for (const it of b) acked.add(it.external_id);
  };

  let child = await startServer(url, port, dataDir);
  const killAt = Math.floor(batches.length / 2);
  const unacked: number[] = [];
  let killedAfterAcks = 0;
  // Two requests in flight; the kill lands while some are being written or detected.
  let next = 0;
  let killed = false;
  const sender = async () => {
    while (next < batches.length && !killed) {
      const i = next++;
      if (i === killAt && !killed) {
        killed = true;
        killedAfterAcks = acked.size;
        child.kill('SIGKILL');
        opts.log(`  kill -9 after ${acked.size} acknowledged items (batch ${i} of ${batches.length})`);
      }
      try { await post(batches[i]!); } catch { unacked.push(i); }
    }
  };
  await Promise.all([sender(), sender()]);
  for (let i = next; i < batches.length; i++) unacked.push(i);
  await new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));

  child = await startServer(url, port, dataDir);
  opts.log(`  restarted; re-sending ${unacked.length} unacknowledged batches`);
  for (const i of unacked.sort((a, b) => a - b)) await post(batches[i]!);
  const deadline = Date.now() + 10 * 60_000;
  let undetected = 0;
  let pending = 0;
  for (;;) {
    undetected = (await q(database.db, sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id where s.name = ${source} and i.label is null`)).n!;
    pending = (await q(database.db, sql`select count(*)::int as n from monitor_pending p join monitor_items i on i.id = p.item_id join monitor_sources s on s.id = i.source_id where s.name = ${source}`)).n!;
    if ((undetected === 0 && pending === 0) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  await new Promise<void>((r) => child.once('exit', () => r()));

  const ids = [...acked];
  const stored = (await q(database.db, sql`select count(distinct i.external_id)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id
    where s.name = ${source} and i.external_id = any(${sql.param(ids)}::text[])`)).n!;
  const dup = (await q(database.db, sql`select coalesce(sum(c - 1), 0)::int as n from (select count(*) as c from monitor_items i join monitor_sources s on s.id = i.source_id
    where s.name = ${source} group by i.external_id) x`)).n!;
  // Each flagged item is observed in traces once; a double detection would make seen_count 2.
  const doubleObserved = (await q(database.db, sql`select count(*)::int as n from trace_entities where type = 'item' and value like ${`api:${source}/%`} and seen_count > 1`)).n!;
  // ... and never skipped: every flagged item has its traces entity once the pipeline drained.
  const unobserved = (await q(database.db, sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id
    where s.name = ${source} and i.label <> 'benign'
      and not exists (select 1 from trace_entities e where e.type = 'item' and e.value = 'api:' || s.name || '/' || i.external_id)`)).n!;
  await database.close();
  return { acknowledged: acked.size, storedAfterKill: stored, duplicatesAfterKill: dup, undetected, pending, unobserved, doubleObserved, killedAfterAcks };
}
