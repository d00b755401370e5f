/**
 * Sustained ingest throughput: HTTP (fastify.inject, bearer token) → raw rows → pg-boss →
 * detection workers → items updated + traces observe. The clock runs from the first request
 * until the last item is detected, so the figure is end to end, not just the API.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/app/config.js';
import { closeContext, openContext } from '../../src/app/runtime.js';
import { buildServer } from '../../src/app/server.js';
import { systemActor } from '../../src/platform/auth/actor.js';
import { createApiToken } from '../../src/platform/auth/tokens.service.js';
import { openDatabase } from '../../src/platform/db/client.js';
import { scratchDir } from '../../src/platform/testing/db.js';
import { generateCorpus } from '../../src/modules/monitor/detect/train/corpus/index.js';

/** Synthetic posts (generator seed 7007: not a training or evaluation seed). */
export function benchTexts(n: number): string[] {
  return generateCorpus({ seed: 7007, size: n, split: 'all' }).map((e) => e.text);
}

export interface ThroughputResult { items: number; seconds: number; itemsPerS: number; apiSeconds: number; flagged: number }

export async function measureThroughput(target: { url?: string }, texts: string[], opts: { batch: number; inFlight: number; runId: string; log: (s: string) => void }): Promise<ThroughputResult> {
  const dataDir = scratchDir();
  const database = await openDatabase(target.url ? { url: target.url } : { dataDir });
  const config = loadConfig({ QALQAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(target.url ? { DATABASE_URL: target.url } : {}) });
  const ctx = await openContext(config, { jobs: true, database });
  const app = await buildServer(ctx, { logger: false });
  await app.ready();
  try {
    const { token } = await createApiToken(ctx.db, systemActor('bench'), { name: `bench-${opts.runId}`, roles: ['analyst'], national: true, regions: [] });
    const source = `bench-${opts.runId}`;
    // Request bodies are serialised before the clock starts: a real producer builds them in its
    // own process, while here the client shares this process with the server (fastify.inject).
    const bodies: { n: number; body: string }[] = [];
    for (let i = 0; i < texts.length; i += opts.batch) {
      const items = texts.slice(i, i + opts.batch).map((text, j) => ({ text, external_id: `${opts.runId}-${i + j}`, channel: 'bench' }));
      bodies.push({ n: items.length, body: JSON.stringify({ source, items }) });
    }
    const acked: string[][] = [];
    const t0 = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < bodies.length) {
        const { n, body } = bodies[next++]!;
        const res = await app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: body });
        const out = res.statusCode === 200 ? res.json() as { accepted: number; ids: string[] } : null;
        if (!out || out.accepted !== n) throw new Error(`ingest failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
        acked.push(out.ids);
      }
    };
    await Promise.all(Array.from({ length: opts.inFlight }, sender));
    const apiSeconds = (performance.now() - t0) / 1000;
    opts.log(`  API acknowledged ${texts.length} items in ${apiSeconds.toFixed(1)} s (${Math.round(texts.length / apiSeconds)} items/s); waiting for detection…`);
    // Done when no detection job is waiting or running and every acknowledged item is detected
    // and followed up (no pending row left).
    // The queue check scans a few dozen job rows; the items are checked one acknowledged batch at
    // a time, only once the queue looks drained. (A count over the source's rows every 50 ms cost
    // the database as much as a fifth of the pipeline's own work.)
    const one = async (q: ReturnType<typeof sql>) => ((await ctx.db.execute(q)) as unknown as { rows: { x: boolean }[] }).rows[0]!.x;
    while (acked.length) {
      const queued = await one(sql`select exists(select 1 from pgboss.job where name = 'monitor.detect' and state < 'completed') as x`);
      // `label is null` (set with detected_at; rows are written detected) is answered from the label
      // index, which holds next to no such rows; `detected_at is null` fetched all 5,000 rows (~50 ms).
      if (!queued && !(await one(sql`select exists(select 1 from monitor_items where id = any(${sql.param(acked[0]!)}::uuid[]) and label is null)
          or exists(select 1 from monitor_pending where item_id = any(${sql.param(acked[0]!)}::uuid[])) as x`))) {
        acked.shift();
        continue;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const f = await ctx.db.execute(sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id where s.name = ${source} and i.label <> 'benign'`);
    const flagged = (f as unknown as { rows: { n: number }[] }).rows[0]!.n;
    return { items: texts.length, seconds, itemsPerS: Math.round(texts.length / seconds), apiSeconds, flagged };
  } finally {
    await app.close();
    await closeContext(ctx);
  }
}
