/**
 * Taint tracing from seed addresses: poison, haircut and FIFO (definitions and formulas in
 * docs/finance-tracing.md). Event-driven: outflows of tainted nodes are processed in global
 * time order (heap keyed by (time, edge id)); each tainted node keeps a cursor over its
 * time-sorted inflows and outflows, so its balance/lot state at an outflow's time is exact
 * under the model. Backward tracing = forward tracing on the time-reversed graph.
 *
 * A transfer is followed only if: same asset; time ≥ the time taint arrived at its sender (the
 * cursor enforces it: only inflows with time ≤ t count); time within [from, to]; the sender's
 * hop count < maxHops; value ≥ minValue; tainted amount ≥ minTaint. Taint reaching a stop-tagged
 * node or a high-degree node (unless expandHighDegree) is an exit: recorded, not expanded.
 */
import { DEFAULT_STOP_TAGS, NodeKind } from './codes.js';
import type { Csr, TxGraph } from './csr.js';
import { EventHeap } from './heap.js';

export type TaintModel = 'poison' | 'haircut' | 'fifo';

export interface Seed {
  node: number;
  /** Taint starts at this time (default: options.from, else 0). */
  time?: number;
  /** Fraction of the seed's outflows that is tainted (default 1). */
  share?: number;
}

export interface TraceOptions {
  model: TaintModel;
  asset: number;
  direction?: 'forward' | 'backward';
  maxHops: number;
  /** Window start (unix s); default: earliest seed time. Backward: the window end. */
  from?: number;
  /** Window length in seconds after `from` (before it when backward). Default unlimited. */
  windowSeconds?: number;
  /** Transfers below this value (smallest units) are not followed (dust). */
  minValue?: number;
  /** Tainted amounts below this are not propagated (haircut/FIFO dust). */
  minTaint?: number;
  maxDegree?: number;
  expandHighDegree?: boolean;
  stopTags?: number;
}

export interface Exit {
  /** The tainted transfer that reached the service. */
  edge: number;
  node: number;
  tag: number;
  reason: 'service' | 'high-degree';
  /** Tainted value carried by `edge` (smallest units). */
  amount: number;
  time: number;
  hops: number;
  /** Edge ids from the seed to the exit (dominant-contribution chain for haircut/FIFO). */
  path: number[];
}

export interface TraceResult {
  model: TaintModel;
  direction: 'forward' | 'backward';
  asset: number;
  exits: Exit[];
  /** Tainted amount per followed edge (edge id → smallest units). */
  edgeTaint: Map<number, number>;
  taintedNodes: number;
  edgesExamined: number;
  /** Taint that left a node but was not followed because of the hop limit. */
  atHopLimit: number;
  /** Same-second taint that arrived after the recipient's cursor passed it (FIFO, lot already spent). */
  lateTaint: number;
}

interface Lots { amt: number[]; taint: number[]; edge: number[]; head: number }

/** Per-graph scratch arrays, reset in O(touched) so small traces on a big graph stay cheap. */
class Scratch {
  readonly taint: Float64Array; readonly parent: Int32Array; readonly ehop: Uint8Array;
  readonly state: Uint8Array; readonly hop: Uint8Array; readonly inPtr: Uint32Array; readonly outPtr: Uint32Array;
  readonly bal: Float64Array; readonly tbal: Float64Array; readonly dom: Int32Array; readonly domAmt: Float64Array; readonly lastT: Float64Array;
  readonly seedShare = new Map<number, number>();
  readonly lots = new Map<number, Lots>();
  touchedE: number[] = []; touchedN: number[] = [];
  constructor(n: number, m: number) {
    this.taint = new Float64Array(m); this.parent = new Int32Array(m).fill(-1); this.ehop = new Uint8Array(m);
    this.state = new Uint8Array(n); this.hop = new Uint8Array(n).fill(255); this.inPtr = new Uint32Array(n); this.outPtr = new Uint32Array(n);
    this.bal = new Float64Array(n); this.tbal = new Float64Array(n); this.dom = new Int32Array(n).fill(-1); this.domAmt = new Float64Array(n); this.lastT = new Float64Array(n).fill(-1);
  }
  reset(): void {
    for (const e of this.touchedE) { this.taint[e] = 0; this.parent[e] = -1; this.ehop[e] = 0; }
    for (const u of this.touchedN) { this.state[u] = 0; this.hop[u] = 255; this.bal[u] = 0; this.tbal[u] = 0; this.dom[u] = -1; this.domAmt[u] = 0; this.lastT[u] = -1; }
    this.touchedE = []; this.touchedN = []; this.seedShare.clear(); this.lots.clear();
  }
}
const scratches = new WeakMap<TxGraph, Scratch>();

/** First CSR position in [lo, hi) with time ≥ t (adjacency is time-sorted). */
function lowerBound(time: Uint32Array, lo: number, hi: number, t: number): number {
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (time[mid] < t) lo = mid + 1; else hi = mid; }
  return lo;
}

export function trace(g0: TxGraph, seeds: Seed[], o: TraceOptions): TraceResult {
  const backward = o.direction === 'backward';
  const g = backward ? g0.reversed() : g0;
  const flip = (t: number) => (backward ? 0xffffffff - t : t);
  let sc = scratches.get(g);
  if (!sc) { sc = new Scratch(g.n, g.m); scratches.set(g, sc); }
  sc.reset();
  const S = sc;
  const { model, asset, maxHops } = o;
  const minValue = o.minValue ?? 0, minTaint = o.minTaint ?? 0;
  const stopTags = o.stopTags ?? DEFAULT_STOP_TAGS, maxDegree = o.maxDegree ?? 10_000, expandHigh = o.expandHighDegree ?? false;
  const seedTimes = seeds.map((s) => flip(s.time ?? o.from ?? (backward ? 0xffffffff : 0)));
  const from = o.from !== undefined ? flip(o.from) : Math.min(...seedTimes);
  // Without `from`, a window is measured from the seeds' earliest activity in trace direction (a
  // seed's own time, else its first outflow of the asset, read from g whose times are already
  // flipped when backward) — not from 1970. History before it still counts for balances.
  const firstOut = (u: number): number => {
    for (let p = g.out.off[u]; p < g.out.off[u + 1]; p++) if (g.out.asset[p] === o.asset) return g.out.time[p];
    return 0xffffffff;
  };
  const windowStart = o.from !== undefined || o.windowSeconds === undefined ? from
    : Math.min(...seeds.map((s) => (s.time !== undefined ? flip(s.time) : firstOut(s.node))));
  const to = o.windowSeconds !== undefined ? Math.min(0xffffffff, windowStart + o.windowSeconds) : 0xffffffff;
  const out: Csr = g.out, inn: Csr = g.in;
  const heap = new EventHeap();
  const res: TraceResult = { model, direction: backward ? 'backward' : 'forward', asset, exits: [], edgeTaint: new Map(), taintedNodes: 0, edgesExamined: 0, atHopLimit: 0, lateTaint: 0 };

  const touch = (u: number) => { if (S.state[u] === 0) S.touchedN.push(u); };
  /** Schedule u's next same-asset outflow at CSR position ≥ p, if inside the window. */
  const schedule = (u: number, p: number) => {
    const hi = out.off[u + 1];
    while (p < hi && out.asset[p] !== asset) { p++; res.edgesExamined++; }
    S.outPtr[u] = p;
    if (p < hi && out.time[p] <= to) heap.push(out.time[p], out.edge[p], u);
  };
  /** Apply u's inflows with time ≤ t to its state (balance, lots, hop, dominant parent). */
  const applyIn = (u: number, t: number) => {
    let p = S.inPtr[u];
    const hi = inn.off[u + 1];
    for (; p < hi && inn.time[p] <= t; p++) {
      if (inn.asset[p] !== asset) continue;
      const e = inn.edge[p], x = inn.value[p], ta = S.taint[e];
      if (ta > 0) {
        if (S.ehop[e] < S.hop[u]) S.hop[u] = S.ehop[e];
        if (ta > S.domAmt[u]) { S.domAmt[u] = ta; S.dom[u] = e; }
      }
      if (model === 'haircut') { S.bal[u] += x; S.tbal[u] += ta; }
      else if (model === 'fifo') { const q = S.lots.get(u)!; q.amt.push(x); q.taint.push(ta); q.edge.push(e); }
    }
    S.inPtr[u] = p;
  };
  /** Tainted part of an outflow of value x from u (mutates state); sets S.dom[u] for FIFO. */
  const outTaint = (u: number, x: number): number => {
    const share = S.seedShare.get(u);
    if (share !== undefined) return x * share;
    if (model === 'poison') return S.hop[u] !== 255 ? x : 0;
    if (model === 'haircut') {
      if (S.bal[u] < x) S.bal[u] = x; // missing funds predate the window: assumed clean
      const t = S.tbal[u] > 0 ? (x * S.tbal[u]) / S.bal[u] : 0;
      S.bal[u] -= x; S.tbal[u] = Math.max(0, S.tbal[u] - t);
      return t;
    }
    const q = S.lots.get(u)!;
    let rem = x, t = 0, best = 0;
    while (rem > 0 && q.head < q.amt.length) {
      const i = q.head, take = Math.min(rem, q.amt[i]);
      const part = q.amt[i] > 0 ? (q.taint[i] * take) / q.amt[i] : 0;
      if (part > best) { best = part; S.dom[u] = q.edge[i]; }
      t += part; rem -= take; q.taint[i] -= part; q.amt[i] -= take;
      if (q.amt[i] <= 0) q.head++;
    }
    return t; // rem > 0: coins from before the window, assumed clean
  };
  /** Taint on edge e (time t) arrives at v. */
  const arrive = (v: number, e: number, t: number) => {
    const tag = g.tag[v];
    const service = tag !== 0 && ((stopTags >>> tag) & 1) === 1 && !S.seedShare.has(v);
    const hub = !expandHigh && g.degree(v) > maxDegree && !S.seedShare.has(v);
    if (service || hub) {
      res.exits.push({ edge: e, node: v, tag, reason: service ? 'service' : 'high-degree', amount: S.taint[e], time: g0.time[e], hops: S.ehop[e], path: [] });
      return;
    }
    if (S.state[v] === 0) {
      touch(v); S.state[v] = 1; res.taintedNodes++;
      if (model === 'fifo') S.lots.set(v, { amt: [], taint: [], edge: [], head: 0 });
      const olo = out.off[v], ohi = out.off[v + 1];
      S.inPtr[v] = lowerBound(inn.time, inn.off[v], inn.off[v + 1], from);
      // Replay v's history before t (clean) so balance/lot order is right, then wait for t.
      let p = lowerBound(out.time, olo, ohi, from);
      const start = lowerBound(out.time, olo, ohi, t);
      if (model !== 'poison') {
        for (; p < start; p++) {
          res.edgesExamined++;
          if (out.asset[p] !== asset) continue;
          applyIn(v, out.time[p]); outTaint(v, out.value[p]); S.lastT[v] = out.time[p];
        }
      }
      schedule(v, start);
    } else if (S.lastT[v] >= t) {
      // Same-second tie: v already spent at time t with e applied as clean. Haircut/poison can
      // add the taint late; FIFO only while e's lot is still queued.
      if (S.ehop[e] < S.hop[v]) S.hop[v] = S.ehop[e];
      if (model === 'haircut') S.tbal[v] = Math.min(S.bal[v], S.tbal[v] + S.taint[e]);
      else if (model === 'fifo') {
        const q = S.lots.get(v)!, i = q.edge.indexOf(e);
        if (i >= q.head) q.taint[i] = Math.min(q.amt[i], S.taint[e]); else res.lateTaint += S.taint[e];
      }
    }
  };

  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i].node;
    if (S.seedShare.has(s)) continue;
    touch(s); S.state[s] = 1; S.hop[s] = 0; res.taintedNodes++;
    S.seedShare.set(s, seeds[i].share ?? 1);
    if (model === 'fifo') S.lots.set(s, { amt: [], taint: [], edge: [], head: 0 });
    schedule(s, lowerBound(out.time, out.off[s], out.off[s + 1], Math.max(from, seedTimes[i])));
  }

  while (heap.size > 0) {
    const u = heap.pop();
    const p = S.outPtr[u], e = out.edge[p], t = out.time[p], x = out.value[p], v = out.nbr[p];
    res.edgesExamined++;
    applyIn(u, t);
    const ta = outTaint(u, x);
    S.lastT[u] = t;
    if (ta > 0 && S.hop[u] !== 255) {
      const h = S.hop[u] + (g.kind[v] === NodeKind.TX ? 0 : 1); // tx nodes don't count as hops
      if (h > maxHops) res.atHopLimit += ta;
      else if (x >= minValue && ta >= minTaint) {
        S.taint[e] = ta; S.ehop[e] = h; S.parent[e] = S.seedShare.has(u) ? -1 : S.dom[u]; S.touchedE.push(e);
        res.edgeTaint.set(e, ta);
        arrive(v, e, t);
      }
    }
    schedule(u, p + 1);
  }

  for (const x of res.exits) {
    for (let e = x.edge; e >= 0 && x.path.length <= 255; e = S.parent[e]) x.path.push(e);
    x.path.reverse();
  }
  res.exits.sort((a, b) => b.amount - a.amount || a.time - b.time);
  return res;
}
