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
    const batches: unknown[][] = [];
    for (let i = 0; i < texts.length; i += opts.batch) {
      batches.push(texts.slice(i, i + opts.batch).map((text, j) => ({ text, external_id: `${opts.runId}-${i + j}`, channel: 'bench' })));
    }
    const source = `bench-${opts.runId}`;
    const t0 = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < batches.length) {
        const items = batches[next++]!;
        const res = await app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ source, items }) });
        if (res.statusCode !== 200 || res.json().accepted !== items.length) throw new Error(`ingest failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: opts.inFlight }, sender));
    const apiSeconds = (performance.now() - t0) / 1000;
    opts.log(`  API acknowledged ${texts.length} items in ${apiSeconds.toFixed(1)} s (${Math.round(texts.length / apiSeconds)} items/s); waiting for detection…`);
    for (;;) {
      const r = await ctx.db.execute(sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id where s.name = ${source} and i.label is null`);
      if ((r as unknown as { rows: { n: number }[] }).rows[0]!.n === 0) break;
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
