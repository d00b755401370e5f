/**
 * Compact in-memory transfer graph in CSR (compressed sparse row) form, forward and reverse.
 *
 * Edge arrays are struct-of-arrays, indexed by edge id (the caller's order is kept, so edge ids
 * are stable and can be cited in reports):
 *   src, dst  Uint32 node ids
 *   value     Float64, in the asset's smallest unit (satoshi, wei, sun, 10^-6 USDT). Exact for
 *             integers ≤ 2^53 (≈ 9.0e15): every BTC amount (21e6 BTC = 2.1e15 sat), any single
 *             USDT/USDC transfer below 9e9 tokens. Larger wei amounts (> 0.009 ETH) are rounded to
 *             the nearest double, relative error ≤ 2^-53 ≈ 1.1e-16 — far below any taint-model
 *             uncertainty; exact amounts stay in the source records, reachable via `tx`.
 *   time      Uint32 unix seconds (valid until 2106)
 *   asset     Uint8 asset code (codes.ts)
 *   tx        Uint32 index into the transaction-id table
 *
 * The CSR adjacency of each node is sorted by time (stable, then by edge id), which the taint
 * models rely on (they replay a node's inflows/outflows in time order). For locality the
 * traversal hot loops read neighbour, time, asset and value from CSR-ordered copies instead of
 * chasing edge ids (≈ 21 bytes per edge per direction).
 */
import { NodeKind, type AssetCode } from './codes.js';

export interface EdgeArrays {
  src: Uint32Array;
  dst: Uint32Array;
  value: Float64Array;
  time: Uint32Array;
  asset: Uint8Array;
  tx: Uint32Array;
}

/** One direction of adjacency: for node u, positions off[u] .. off[u+1]-1. */
export interface Csr {
  off: Uint32Array;
  edge: Uint32Array;
  nbr: Uint32Array;
  time: Uint32Array;
  asset: Uint8Array;
  value: Float64Array;
  /**
   * The same four fields interleaved, 24 bytes per position, so the BFS kernel touches one
   * cache line per neighbour instead of four streams: u32 view [6p] nbr, [6p+1] time,
   * [6p+4] asset; f64 view [3p+1] value.
   */
  rec32: Uint32Array;
  rec64: Float64Array;
}

export interface GraphInput extends EdgeArrays {
  n: number;
  tag?: Uint8Array;
  kind?: Uint8Array;
  addresses?: string[];
  txIds?: string[];
}

export class TxGraph implements EdgeArrays {
  readonly n: number;
  readonly m: number;
  readonly src: Uint32Array;
  readonly dst: Uint32Array;
  readonly value: Float64Array;
  readonly time: Uint32Array;
  readonly asset: Uint8Array;
  readonly tx: Uint32Array;
  readonly out: Csr;
  readonly in: Csr;
  /** Attribution tag per node (Tag codes). Update through setTag() (caches key on tagVersion). */
  readonly tag: Uint8Array;
  /** Bumped by setTag(); reach() caches its stop bitmap per version. */
  tagVersion = 0;
  /** NodeKind per node (address or UTXO transaction node). */
  readonly kind: Uint8Array;
  readonly addresses: string[] | undefined;
  readonly txIds: string[] | undefined;
  private ids: Map<string, number> | undefined;
  private rev: TxGraph | undefined;

  constructor(g: GraphInput) {
    this.n = g.n;
    this.m = g.src.length;
    if (this.m >= 2 ** 32) throw new Error('too many edges for Uint32 CSR offsets');
    this.src = g.src; this.dst = g.dst; this.value = g.value; this.time = g.time; this.asset = g.asset; this.tx = g.tx;
    for (const a of [g.dst, g.value, g.time, g.asset, g.tx]) if (a.length !== this.m) throw new Error('edge arrays differ in length');
    this.tag = g.tag ?? new Uint8Array(g.n);
    this.kind = g.kind ?? new Uint8Array(g.n);
    this.addresses = g.addresses;
    this.txIds = g.txIds;
    const order = timeOrder(g.time);
    this.out = csrBy(g.src, g.dst, this, order);
    this.in = csrBy(g.dst, g.src, this, order);
  }

  /** Attribute a node without rebuilding the graph. */
  setTag(u: number, tag: number): void { this.tag[u] = tag; this.tagVersion++; }

  outDegree(u: number): number { return this.out.off[u + 1] - this.out.off[u]; }
  inDegree(u: number): number { return this.in.off[u + 1] - this.in.off[u]; }
  degree(u: number): number { return this.outDegree(u) + this.inDegree(u); }

  /** Node id of an address string (Map built once, on first use). */
  id(address: string): number | undefined {
    if (!this.addresses) return undefined;
    if (!this.ids) {
      this.ids = new Map();
      for (let i = 0; i < this.addresses.length; i++) this.ids.set(this.addresses[i], i);
    }
    return this.ids.get(address);
  }

  label(u: number): string { return this.addresses?.[u] ?? `#${u}`; }
  txLabel(e: number): string { return this.txIds?.[this.tx[e]] ?? `tx#${this.tx[e]}`; }

  /**
   * The time-reversed graph (src/dst swapped, time → 2^32-1-time) used for backward tracing:
   * a backward trace is a forward trace in reversed time. Edge ids are identical. Cached.
   */
  reversed(): TxGraph {
    if (!this.rev) {
      const t = new Uint32Array(this.m);
      for (let e = 0; e < this.m; e++) t[e] = 0xffffffff - this.time[e];
      this.rev = new TxGraph({ n: this.n, src: this.dst, dst: this.src, value: this.value, time: t, asset: this.asset, tx: this.tx, tag: this.tag, kind: this.kind, addresses: this.addresses, txIds: this.txIds });
      this.rev.rev = this;
    }
    return this.rev;
  }
}

/** Edge ids sorted by time, stable: LSD radix sort, two 16-bit counting passes, O(E). */
export function timeOrder(time: Uint32Array): Uint32Array {
  const m = time.length;
  const out = new Uint32Array(m);
  let sorted = true;
  for (let e = 1; e < m; e++) if (time[e] < time[e - 1]) { sorted = false; break; }
  if (sorted) { for (let e = 0; e < m; e++) out[e] = e; return out; }
  const tmp = new Uint32Array(m);
  const cnt = new Uint32Array(65536);
  for (let e = 0; e < m; e++) cnt[time[e] & 0xffff]++;
  prefix(cnt);
  for (let e = 0; e < m; e++) tmp[cnt[time[e] & 0xffff]++] = e;
  cnt.fill(0);
  for (let e = 0; e < m; e++) cnt[time[e] >>> 16]++;
  prefix(cnt);
  for (let i = 0; i < m; i++) { const e = tmp[i]; out[cnt[time[e] >>> 16]++] = e; }
  return out;
}

/** Exclusive prefix sum in place. */
function prefix(cnt: Uint32Array): void {
  let s = 0;
  for (let i = 0; i < cnt.length; i++) { const c = cnt[i]; cnt[i] = s; s += c; }
}

/** Counting sort of `order` by key (stable, so adjacency stays time-sorted), O(N + E). */
function csrBy(key: Uint32Array, other: Uint32Array, g: TxGraph, order: Uint32Array): Csr {
  const n = g.n, m = g.m;
  const off = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const k = key[e];
    if (k >= n || other[e] >= n) throw new Error(`edge ${e}: node id out of range`);
    off[k + 1]++;
  }
  for (let i = 0; i < n; i++) off[i + 1] += off[i];
  const pos = off.slice(0, n);
  const edge = new Uint32Array(m), nbr = new Uint32Array(m), time = new Uint32Array(m);
  const asset = new Uint8Array(m), value = new Float64Array(m);
  const buf = new ArrayBuffer(m * 24), rec32 = new Uint32Array(buf), rec64 = new Float64Array(buf);
  const gt = g.time, ga = g.asset, gv = g.value;
  // Scatter only the edge id (one random write per edge), then gather the fields in CSR order:
  // sequential writes + independent random reads run far faster than nine random writes.
  for (let i = 0; i < m; i++) { const e = order[i]; edge[pos[key[e]]++] = e; }
  for (let p = 0; p < m; p++) {
    const e = edge[p];
    const o = other[e], t = gt[e], a = ga[e], v = gv[e];
    nbr[p] = o; time[p] = t; asset[p] = a; value[p] = v;
    rec32[6 * p] = o; rec32[6 * p + 1] = t; rec32[6 * p + 4] = a; rec64[3 * p + 1] = v;
  }
  return { off, edge, nbr, time, asset, value, rec32, rec64 };
}

/** Convert an amount in smallest units (bigint or number) to the stored Float64 (see header). */
export function toStoredValue(v: bigint | number): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

/**
 * Incremental builder from address strings: address → id via one Map, growable typed arrays
 * (doubling), then `build()` produces the CSR in O(N + E).
 */
export class GraphBuilder {
  private ids = new Map<string, number>();
  private txMap = new Map<string, number>();
  readonly addresses: string[] = [];
  readonly txIds: string[] = [];
  private tags: number[] = [];
  private kinds: number[] = [];
  private cap = 1024;
  private m = 0;
  private a: EdgeArrays = GraphBuilder.alloc(1024);

  private static alloc(c: number): EdgeArrays {
    return { src: new Uint32Array(c), dst: new Uint32Array(c), value: new Float64Array(c), time: new Uint32Array(c), asset: new Uint8Array(c), tx: new Uint32Array(c) };
  }

  /** Node id for an address (created on first sight). `kind` marks UTXO transaction nodes. */
  node(address: string, kind: number = NodeKind.ADDRESS): number {
    let id = this.ids.get(address);
    if (id === undefined) {
      id = this.addresses.length;
      this.ids.set(address, id);
      this.addresses.push(address);
      this.tags.push(0);
      this.kinds.push(kind);
    }
    return id;
  }

  tagAddress(address: string, tag: number): this { this.tags[this.node(address)] = tag; return this; }

  /** Add a transfer; returns its edge id. */
  transfer(from: string, to: string, value: bigint | number, time: number, asset: AssetCode, txId: string): number {
    if (this.m === this.cap) {
      const b = GraphBuilder.alloc((this.cap *= 2));
      b.src.set(this.a.src); b.dst.set(this.a.dst); b.value.set(this.a.value); b.time.set(this.a.time); b.asset.set(this.a.asset); b.tx.set(this.a.tx);
      this.a = b;
    }
    let t = this.txMap.get(txId);
    if (t === undefined) { t = this.txIds.length; this.txMap.set(txId, t); this.txIds.push(txId); }
    const e = this.m++;
    this.a.src[e] = this.node(from); this.a.dst[e] = this.node(to);
    this.a.value[e] = toStoredValue(value); this.a.time[e] = time; this.a.asset[e] = asset; this.a.tx[e] = t;
    return e;
  }

  build(): TxGraph {
    const m = this.m, a = this.a;
    return new TxGraph({
      n: this.addresses.length,
      src: a.src.slice(0, m), dst: a.dst.slice(0, m), value: a.value.slice(0, m), time: a.time.slice(0, m), asset: a.asset.slice(0, m), tx: a.tx.slice(0, m),
      tag: Uint8Array.from(this.tags), kind: Uint8Array.from(this.kinds), addresses: this.addresses.slice(), txIds: this.txIds.slice(),
    });
  }
}
