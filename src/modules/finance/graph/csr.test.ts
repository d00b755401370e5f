/** CSR build and reachability against naive adjacency lists on a random graph. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../platform/random.js';
import { Tag } from './codes.js';
import { timeOrder, TxGraph } from './csr.js';
import { reach } from './reach.js';

function randomGraph(n: number, m: number, seed: number): TxGraph {
  const r = mulberry32(seed);
  const src = new Uint32Array(m), dst = new Uint32Array(m), time = new Uint32Array(m);
  const value = new Float64Array(m), asset = new Uint8Array(m), tx = new Uint32Array(m);
  for (let e = 0; e < m; e++) {
    src[e] = Math.floor(r() * n); dst[e] = Math.floor(r() * n);
    time[e] = Math.floor(r() * 2 ** 32); // exercise both 16-bit radix passes
    value[e] = Math.floor(r() * 1000); asset[e] = r() < 0.8 ? 0 : 3; tx[e] = e;
  }
  const tag = new Uint8Array(n);
  for (let i = 0; i < 5; i++) tag[Math.floor(r() * n)] = Tag.EXCHANGE;
  return new TxGraph({ n, src, dst, value, time, asset, tx, tag });
}

test('radix time order is sorted and stable', () => {
  const t = Uint32Array.from([5, 70000, 5, 3, 70000, 0]);
  assert.deepEqual([...timeOrder(t)], [5, 3, 0, 2, 1, 4]);
});

test('forward and reverse CSR equal naive adjacency lists (time-sorted)', () => {
  const g = randomGraph(300, 5000, 11);
  const fwd: number[][] = Array.from({ length: g.n }, () => []), rev: number[][] = Array.from({ length: g.n }, () => []);
  for (let e = 0; e < g.m; e++) { fwd[g.src[e]].push(e); rev[g.dst[e]].push(e); }
  const byTime = (a: number, b: number) => g.time[a] - g.time[b] || a - b;
  for (let u = 0; u < g.n; u++) {
    for (const [csr, naive, other] of [[g.out, fwd[u], g.dst], [g.in, rev[u], g.src]] as const) {
      const got = [...csr.edge.subarray(csr.off[u], csr.off[u + 1])];
      assert.deepEqual(got, naive.slice().sort(byTime));
      for (let p = csr.off[u]; p < csr.off[u + 1]; p++) {
        const e = csr.edge[p];
        assert.equal(csr.nbr[p], other[e]); assert.equal(csr.time[p], g.time[e]);
        assert.equal(csr.rec32[6 * p], other[e]); assert.equal(csr.rec32[6 * p + 1], g.time[e]);
        assert.equal(csr.rec32[6 * p + 4], g.asset[e]); assert.equal(csr.rec64[3 * p + 1], g.value[e]);
      }
    }
  }
  const rv = g.reversed();
  assert.deepEqual([...rv.out.off], [...g.in.off]);
});

test('reach() equals a naive BFS with the same filter and stop rule', () => {
  const g = randomGraph(400, 3000, 5);
  const o = { asset: 0, maxHops: 4, from: 2 ** 30, to: 2 ** 32 - 2 ** 29, minValue: 100, maxDegree: 20 };
  const seeds = [1, 2, 3, 50];
  const dist = new Map<number, number>(seeds.map((s) => [s, 0]));
  let frontier = [...seeds], examined = 0;
  for (let h = 1; h <= o.maxHops; h++) {
    const next: number[] = [];
    for (const u of frontier) {
      if (h > 1 && (g.tag[u] === Tag.EXCHANGE || g.degree(u) > o.maxDegree)) continue;
      for (let e = 0; e < g.m; e++) {
        if (g.src[e] !== u) continue;
        examined++;
        if (g.asset[e] !== o.asset || g.time[e] < o.from || g.time[e] > o.to || g.value[e] < o.minValue || dist.has(g.dst[e])) continue;
        dist.set(g.dst[e], h); next.push(g.dst[e]);
      }
    }
    frontier = next;
  }
  const r = reach(g, seeds, o);
  const got = new Map<number, number>();
  r.nodes.forEach((u, i) => got.set(u, r.hops[i]));
  assert.deepEqual([...got.entries()].sort((a, b) => a[0] - b[0]), [...dist.entries()].sort((a, b) => a[0] - b[0]));
  assert.equal(r.edgesExamined, examined);
  assert.ok(r.nodes.length > 20); // the test is not vacuous
  // re-attributing a reached, expanded node makes it a stop on the next call (cache keyed on tagVersion)
  const mid = r.nodes.find((u, i) => r.hops[i] === 1 && g.tag[u] === 0 && g.degree(u) <= o.maxDegree)!;
  g.setTag(mid, Tag.EXCHANGE);
  assert.ok(reach(g, seeds, o).nodesExpanded < r.nodesExpanded);
});
