/**
 * `npm run bench:trace` — tracing engine throughput vs a PostgreSQL recursive CTE.
 *
 *  1. Synthetic transfer graph (lib/trace-gen.ts; TRACE_EDGES, default 10M; seed 20260401),
 *     CSR build time and memory.
 *  2. reach(): hop-limited BFS from TRACE_SEEDS seeds (200 drug shops + random ordinary
 *     addresses), BTC only, 180-day window, dust filter, hubs (degree > 1000) and services not
 *     expanded. TRACE_RUNS runs; edges examined per second, by wall clock and per CPU-second
 *     (the process is single-threaded, so CPU-seconds = core-seconds; other jobs share the
 *     machine, which inflates wall time but not CPU time).
 *  3. poison / haircut / FIFO taint traces from the shops (one run each, for reference).
 *  4. PostgreSQL (DATABASE_URL or a throwaway server): edges loaded with COPY, index on src,
 *     the same trace as a recursive CTE for a seed subset (TRACE_CTE_SEEDS, same hop limit and
 *     filter — the full trace would take the CTE too long); the engine repeats exactly that
 *     subset; reached sets compared node by node (and min hop).
 * Last line: {"edges","edges_per_s","cte_edges_per_s","ratio"} — edges_per_s = full trace,
 * median per CPU-second; ratio = engine / CTE on the identical subset trace, both per CPU-second
 * of the process doing the work (PostgreSQL backend via /proc; wall clock if not local).
 */
import { TxGraph } from '../src/modules/finance/graph/csr.js';
import { DEFAULT_STOP_TAGS } from '../src/modules/finance/graph/codes.js';
import { expandable, reach, type ReachOptions } from '../src/modules/finance/graph/reach.js';
import { trace } from '../src/modules/finance/graph/taint.js';
import { startPgServer } from '../src/platform/testing/pg-server.js';
import { mulberry32 } from '../src/platform/random.js';
import { generate, T0 } from './lib/trace-gen.js';
import { connect, dropSchema, loadEdges, runCte } from './lib/trace-pg.js';

const EDGES = Number(process.env.TRACE_EDGES ?? 10_000_000);
const SEEDS = Number(process.env.TRACE_SEEDS ?? 2000);
const RUNS = Number(process.env.TRACE_RUNS ?? 5);
const CTE_SEEDS = Number(process.env.TRACE_CTE_SEEDS ?? 100);
const HOPS = Number(process.env.TRACE_HOPS ?? 6);
const log = (s: string) => process.stdout.write(s + '\n');
const M = (x: number) => (x / 1e6).toFixed(1);
const median = (a: number[]) => { const s = a.slice().sort((x, y) => x - y); return s[s.length >> 1]; };
const rss = () => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;

/** Run f, return [result, wall s, cpu s]. */
function timed<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage(), t0 = performance.now();
  const r = f();
  const c = process.cpuUsage(c0);
  return [r, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
}

function bench(g: TxGraph, seeds: number[], o: ReachOptions, runs: number) {
  const wall: number[] = [], cpu: number[] = [];
  let r = reach(g, seeds, o); // warm-up: JIT + stop bitmap
  for (let i = 0; i < runs; i++) {
    const [x, w, c] = timed(() => reach(g, seeds, o));
    r = x; wall.push(r.edgesExamined / w); cpu.push(r.edgesExamined / Math.max(c, 1e-3));
  }
  return { r, wallBest: Math.max(...wall), wallMed: median(wall), cpuBest: Math.max(...cpu), cpuMed: median(cpu) };
}

async function main(): Promise<void> {
  const os = await import('node:os');
  log(`trace bench: ${EDGES} edges, ${SEEDS} seeds, ${HOPS} hops, ${RUNS} runs; ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const [s, genS] = timed(() => generate(EDGES, 20260401));
  const [g, buildS, buildCpu] = timed(() => new TxGraph(s));
  log(`graph: ${g.n} nodes, ${g.m} edges; generated in ${genS.toFixed(1)} s, CSR (fwd+rev, time-sorted) built in ${buildS.toFixed(1)} s wall / ${buildCpu.toFixed(1)} s CPU (${M(g.m / buildCpu)} M edges per CPU-s); rss ${rss()}`);

  const opts: ReachOptions = { asset: 0, maxHops: HOPS, from: T0, to: T0 + 180 * 86400, minValue: 1000, maxDegree: 1000 };
  const isStop = (u: number) => !expandable(g, u, DEFAULT_STOP_TAGS, opts.maxDegree!, false);
  const rnd = mulberry32(77);
  const seeds = [...s.shops];
  while (seeds.length < SEEDS) { const u = Math.floor(rnd() * s.organic); if (g.degree(u) > 0 && !isStop(u) && !seeds.includes(u)) seeds.push(u); }

  const full = bench(g, seeds, opts, RUNS);
  log(`engine reach, ${seeds.length} seeds: ${full.r.nodes.length} nodes reached, ${full.r.nodesExpanded} expanded, ${full.r.edgesExamined} edges examined`);
  log(`  per CPU-second: best ${M(full.cpuBest)} M/s, median ${M(full.cpuMed)} M/s;  wall: best ${M(full.wallBest)} M/s, median ${M(full.wallMed)} M/s`);

  for (const model of ['poison', 'haircut', 'fifo'] as const) {
    const [r, w, c] = timed(() => trace(g, s.shops.map((node) => ({ node })), { model, asset: 0, maxHops: HOPS, from: T0, windowSeconds: 90 * 86400, minValue: 1000, maxDegree: 1000 }));
    const exited = r.exits.reduce((a, x) => a + x.amount, 0);
    log(`taint ${model.padEnd(7)}: ${r.taintedNodes} tainted nodes, ${r.exits.length} exits (${(exited / 1e8).toFixed(2)} BTC), ${r.edgesExamined} edges in ${w.toFixed(2)} s wall / ${c.toFixed(2)} s CPU (${M(r.edgesExamined / c)} M edges/CPU-s)`);
  }

  // ---- PostgreSQL ------------------------------------------------------------------------
  const server = process.env.DATABASE_URL ? null : await startPgServer();
  const client = await connect(process.env.DATABASE_URL ?? server!.url);
  let out = { edges: g.m, edges_per_s: Math.round(full.cpuMed), cte_edges_per_s: 0, ratio: 0 };
  try {
    const stop: number[] = [];
    for (let u = 0; u < g.n; u++) if (isStop(u)) stop.push(u);
    const t0 = performance.now();
    const method = await loadEdges(client, s, stop, log);
    log(`postgres: ${g.m} edges loaded (${method}) + index on src in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${stop.length} stop nodes`);

    const sub = seeds.slice(0, CTE_SEEDS);
    const p = { seeds: sub, maxHops: HOPS, asset: opts.asset, from: opts.from!, to: opts.to!, minValue: opts.minValue! };
    const cte = await runCte(client, p);
    const cteExamined = cte.rows.reduce((a, r) => a + (isStop(r.node) && !sub.includes(r.node) ? 0 : r.expansions * g.outDegree(r.node)), 0);
    const eng = bench(g, sub, opts, Math.max(RUNS, 5));
    // verify: same reached set and same minimum hop per node
    const mine = new Map<number, number>();
    eng.r.nodes.forEach((u, i) => mine.set(u, eng.r.hops[i]));
    const same = cte.rows.length === mine.size && cte.rows.every((r) => mine.get(r.node) === r.hop);
    const cteSecs = cte.cpuS ?? cte.wallS;
    const ctePerS = cteExamined / cteSecs;
    log(`CTE, ${sub.length} seeds, ${HOPS} hops: ${cte.rows.length} nodes in ${cte.wallS.toFixed(2)} s wall / ${cte.cpuS?.toFixed(2) ?? 'n/a'} s backend CPU; edges examined ${cteExamined} (re-expansions at several hops included; the BFS needs ${eng.r.edgesExamined})`);
    log(`  CTE ${M(cteExamined / cte.wallS)} M edges/s wall, ${M(ctePerS)} M edges per ${cte.cpuS === null ? 'wall' : 'CPU'}-second`);
    log(`engine, same ${sub.length} seeds: ${eng.r.nodes.length} nodes, ${eng.r.edgesExamined} edges; per CPU-s best ${M(eng.cpuBest)} / median ${M(eng.cpuMed)} M/s; wall median ${M(eng.wallMed)} M/s`);
    log(`reached sets ${same ? 'IDENTICAL' : 'DIFFER'} (engine ${mine.size}, CTE ${cte.rows.length}); ratio engine/CTE per core ${(eng.cpuMed / ctePerS).toFixed(0)}×, wall ${(eng.wallMed / (cteExamined / cte.wallS)).toFixed(0)}×`);
    if (!same) process.exitCode = 1;
    out = { ...out, cte_edges_per_s: Math.round(ctePerS), ratio: Math.round(eng.cpuMed / ctePerS) };
  } finally {
    await dropSchema(client).catch(() => undefined);
    await client.end();
    server?.stop();
  }
  log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; load average now ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  log(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
