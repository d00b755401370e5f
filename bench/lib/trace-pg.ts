/**
 * The PostgreSQL side of the tracing benchmark: load the synthetic edges into
 * edges(src, dst, value, ts, asset) (+ stop(id)), index src, and run the SAME hop-limited
 * reachability as reach() as a recursive CTE.
 *
 * Loading: server-side `COPY edges FROM '<file>'` from a world-readable temp file (the local
 * throwaway server runs as user postgres and we connect as superuser); if the server cannot
 * read the file (e.g. a remote DATABASE_URL), batched INSERT … SELECT FROM unnest($arrays).
 */
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EdgeArrays } from '../../src/modules/finance/graph/csr.js';

export interface CteParams { seeds: number[]; maxHops: number; asset: number; from: number; to: number; minValue: number }
export interface CteResult { wallS: number; cpuS: number | null; rows: { node: number; hop: number; expansions: number }[] }

const SCHEMA = 'qalqan_trace_bench';

export async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}; SET search_path = ${SCHEMA}`);
  // One core, like the engine: a recursive CTE is not parallelised anyway, keep it explicit.
  await c.query(`SET max_parallel_workers_per_gather = 0; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'`);
  return c;
}

export async function dropSchema(c: pg.Client): Promise<void> { await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`); }

/** Load all edges (every asset: the CTE must scan the same adjacency the engine scans). */
export async function loadEdges(c: pg.Client, g: EdgeArrays, stop: number[], log: (s: string) => void): Promise<string> {
  await c.query(`CREATE UNLOGGED TABLE edges (src int NOT NULL, dst int NOT NULL, value float8 NOT NULL, ts int NOT NULL, asset smallint NOT NULL)`);
  await c.query(`CREATE UNLOGGED TABLE stop (id int PRIMARY KEY)`);
  await c.query(`INSERT INTO stop SELECT unnest($1::int[])`, [stop]);
  const m = g.src.length;
  const dir = mkdtempSync(join(tmpdir(), 'qalqan-trace-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'edges.tsv');
  let method = 'COPY FROM file';
  try {
    const fd = openSync(file, 'w', 0o644);
    for (let lo = 0; lo < m; lo += 200_000) {
      const hi = Math.min(m, lo + 200_000);
      let s = '';
      for (let e = lo; e < hi; e++) s += `${g.src[e]}\t${g.dst[e]}\t${g.value[e]}\t${g.time[e]}\t${g.asset[e]}\n`;
      writeSync(fd, s);
    }
    closeSync(fd);
    chmodSync(file, 0o644);
    await c.query(`COPY edges FROM '${file}'`);
  } catch (err) {
    log(`  server-side COPY failed (${(err as Error).message.split('\n')[0]}); falling back to batched INSERT`);
    method = 'INSERT … unnest batches';
    await c.query('TRUNCATE edges');
    for (let lo = 0; lo < m; lo += 100_000) {
      const hi = Math.min(m, lo + 100_000);
      await c.query(`INSERT INTO edges SELECT * FROM unnest($1::int[], $2::int[], $3::float8[], $4::int[], $5::int2[])`, [
        Array.from(g.src.subarray(lo, hi)), Array.from(g.dst.subarray(lo, hi)), Array.from(g.value.subarray(lo, hi)), Array.from(g.time.subarray(lo, hi)), Array.from(g.asset.subarray(lo, hi)),
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await c.query(`CREATE INDEX edges_src ON edges (src)`);
  await c.query(`ANALYZE edges; ANALYZE stop`);
  return method;
}

/** utime+stime of a local process in seconds, or null (remote server, no /proc). */
function procCpu(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // fields 14, 15: clock ticks (USER_HZ 100)
  } catch { return null; }
}

/**
 * Same semantics as reach(): walks of ≤ maxHops filtered edges; a row (node, hop) is expanded
 * when hop < maxHops and (hop = 0 or node is not a stop node). UNION dedupes (node, hop) pairs,
 * so a node can be expanded once per distinct hop — `expansions` counts that, and the caller
 * charges out-degree × expansions as the CTE's edges examined.
 */
export async function runCte(c: pg.Client, p: CteParams): Promise<CteResult> {
  const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  const sql = `
    WITH RECURSIVE r(node, hop) AS (
      SELECT s, 0 FROM unnest($1::int[]) AS s
      UNION
      SELECT e.dst, r.hop + 1
      FROM r JOIN edges e ON e.src = r.node
      WHERE r.hop < $2 AND (r.hop = 0 OR r.node NOT IN (SELECT id FROM stop))
        AND e.asset = $3 AND e.ts BETWEEN $4 AND $5 AND e.value >= $6
    )
    SELECT node, min(hop) AS hop, count(*) FILTER (WHERE hop < $2) AS expansions FROM r GROUP BY node`;
  const cpu0 = procCpu(pid);
  const t0 = performance.now();
  const res = await c.query(sql, [p.seeds, p.maxHops, p.asset, p.from, p.to, p.minValue]);
  const wallS = (performance.now() - t0) / 1000;
  const cpu1 = procCpu(pid);
  return {
    wallS,
    cpuS: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
    rows: res.rows.map((r) => ({ node: Number(r.node), hop: Number(r.hop), expansions: Number(r.expansions) })),
  };
}
