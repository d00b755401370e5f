/**
 * Hop-limited reachability (level-synchronous BFS) with a static edge filter — the fastest
 * trace and the kernel the benchmark compares with a PostgreSQL recursive CTE.
 *
 * Semantics (identical to the CTE in bench/lib/trace-pg.ts): node v is reached iff there is a
 * walk seed → … → v of ≤ maxHops edges, every edge passing the filter (asset, time in
 * [from, to], value ≥ minValue), every intermediate node expandable. A node is not expanded
 * (but is reached) when it is tagged with a stop tag or its total degree exceeds maxDegree.
 * Seeds are always expanded. "Edges examined" = Σ out-degree of expanded nodes: every
 * adjacency entry the loop reads, whether or not it passes the filter.
 */
import { DEFAULT_STOP_TAGS } from './codes.js';
import type { TxGraph } from './csr.js';

export interface ReachOptions {
  asset: number;
  maxHops: number;
  from?: number;
  to?: number;
  minValue?: number;
  /** Nodes with in+out degree above this are reached but not expanded (exchanges, pools). */
  maxDegree?: number;
  expandHighDegree?: boolean;
  stopTags?: number;
}

export interface ReachResult {
  /** Reached node ids: expanded/expandable nodes in BFS order (seeds first), then stop nodes. */
  nodes: Uint32Array;
  /** BFS hop distance per entry of `nodes`. */
  hops: Uint8Array;
  edgesExamined: number;
  nodesExpanded: number;
}

/** Whether u is expanded by a trace with these options (seeds are expanded regardless). */
export function expandable(g: TxGraph, u: number, stopTags: number, maxDegree: number, expandHighDegree: boolean): boolean {
  if ((stopTags >>> g.tag[u]) & 1 && g.tag[u] !== 0) return false;
  return expandHighDegree || g.out.off[u + 1] - g.out.off[u] + g.in.off[u + 1] - g.in.off[u] <= maxDegree;
}

/**
 * Per-graph, per-stop-rule bitmap of stop nodes (reached but never expanded), cached. Visited
 * and stop sets are bitmaps (n/8 bytes: 256 KiB for 2M nodes) so the per-edge "seen?" probe
 * stays in L2 cache instead of missing on a byte array.
 */
const templates = new WeakMap<TxGraph, Map<string, Int32Array>>();

function stopBits(g: TxGraph, stopTags: number, maxDegree: number, expandHigh: boolean): Int32Array {
  let byKey = templates.get(g);
  if (!byKey) { byKey = new Map(); templates.set(g, byKey); }
  const key = `${g.tagVersion}:${stopTags}:${expandHigh ? -1 : maxDegree}`;
  let t = byKey.get(key);
  if (!t) {
    t = new Int32Array((g.n + 31) >>> 5);
    for (let u = 0; u < g.n; u++) if (!expandable(g, u, stopTags, maxDegree, expandHigh)) t[u >>> 5] |= 1 << (u & 31);
    if (byKey.size > 8) byKey.clear();
    byKey.set(key, t);
  }
  return t;
}

export function reach(g: TxGraph, seeds: ArrayLike<number>, o: ReachOptions): ReachResult {
  if (o.maxHops > 250) throw new Error('maxHops ≤ 250');
  const from = o.from ?? 0, to = o.to ?? 0xffffffff, minValue = o.minValue ?? 0, asset = o.asset;
  const stop = stopBits(g, o.stopTags ?? DEFAULT_STOP_TAGS, o.maxDegree ?? 10_000, o.expandHighDegree ?? false);
  const seen = new Int32Array(stop.length);
  const { off, rec32, rec64 } = g.out;
  // The queue doubles as the result: BFS order, levels contiguous (levelStart). Stop nodes go
  // to `stops` with their hop in `stopHop` (reached, never expanded).
  let queue = new Uint32Array(Math.max(16, seeds.length * 4));
  let stops = new Uint32Array(16), stopHop = new Uint8Array(16);
  const levelStart = [0];
  let qn = 0, sn = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i];
    if ((seen[s >>> 5] & (1 << (s & 31))) === 0) { seen[s >>> 5] |= 1 << (s & 31); queue[qn++] = s; } // seeds always expand
  }
  if (qn > 1) queue.subarray(0, qn).sort();
  // Newly discovered expandable nodes are marked in `next` and extracted in ascending id order
  // at the end of the level: each level is then expanded in node-id order, so CSR offset and
  // record reads become forward sweeps the hardware prefetcher can follow (a few hops out the
  // frontier is dense). The extraction is O(n/32 + level size) — cheaper than sorting.
  const next = new Int32Array(stop.length);
  let examined = 0, head = 0;
  for (let hop = 0; hop < o.maxHops && head < qn; hop++) {
    const levelEnd = qn, d = hop + 1;
    levelStart.push(levelEnd);
    let found = 0;
    for (; head < levelEnd; head++) {
      const u = queue[head];
      const lo = off[u], hi = off[u + 1];
      examined += hi - lo;
      for (let p = lo; p < hi; p++) {
        const r = 6 * p;
        if (rec32[r + 4] !== asset) continue;
        const t = rec32[r + 1];
        if (t < from || t > to || rec64[3 * p + 1] < minValue) continue;
        const v = rec32[r], w = v >>> 5, bit = 1 << (v & 31);
        if (seen[w] & bit) continue;
        seen[w] |= bit;
        if ((stop[w] & bit) === 0) { next[w] |= bit; found++; }
        else {
          if (sn === stops.length) { const q = new Uint32Array(sn * 2); q.set(stops); stops = q; const h = new Uint8Array(sn * 2); h.set(stopHop); stopHop = h; }
          stopHop[sn] = d; stops[sn++] = v;
        }
      }
    }
    if (found === 0) continue;
    if (qn + found > queue.length) { const q = new Uint32Array(Math.max(queue.length * 2, qn + found)); q.set(queue.subarray(0, qn)); queue = q; }
    for (let w = 0; w < next.length; w++) {
      let x = next[w];
      if (x === 0) continue;
      next[w] = 0;
      const base = w << 5;
      while (x !== 0) { queue[qn++] = base + 31 - Math.clz32(x & -x); x &= x - 1; }
    }
  }
  levelStart.push(qn);
  const nodes = new Uint32Array(qn + sn);
  nodes.set(queue.subarray(0, qn)); nodes.set(stops.subarray(0, sn), qn);
  const hops = new Uint8Array(qn + sn);
  for (let l = 0; l + 1 < levelStart.length; l++) hops.fill(l, levelStart[l], levelStart[l + 1]);
  hops.set(stopHop.subarray(0, sn), qn);
  return { nodes, hops, edgesExamined: examined, nodesExpanded: head };
}
