/**
 * Address clustering for UTXO chains (BTC).
 *
 *  - Multi-input (common-input-ownership) heuristic, confidence HIGH: all inputs of a
 *    transaction are controlled by one entity → union them. CoinJoin transactions break this
 *    assumption and are excluded (detectCoinJoin).
 *  - Change-address heuristic, confidence MEDIUM (optional): kept in a separate union-find
 *    (`weak` = strong links ∪ change links), never mixed into the strong clusters.
 *  - Large-merge guard: a merge that would join two clusters both larger than `maxMergeSize`
 *    is refused and recorded for analyst review — in practice it is a mis-detected CoinJoin,
 *    a custodial service or a heuristic failure, and one such merge can collapse millions of
 *    addresses into a "super-cluster".
 */
import { NodeKind } from './codes.js';
import type { TxGraph } from './csr.js';

export interface TxIo { node: number; value: number }
export interface UtxoTx { id: string | number; inputs: TxIo[]; outputs: TxIo[]; time?: number }

/** Union-find with union by size and path halving: near-O(1) amortised per operation. */
export class UnionFind {
  readonly parent: Int32Array;
  readonly size: Uint32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Uint32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) { p[x] = p[p[x]]; x = p[x]; }
    return x;
  }
  union(a: number, b: number): number {
    a = this.find(a); b = this.find(b);
    if (a === b) return a;
    if (this.size[a] < this.size[b]) { const t = a; a = b; b = t; }
    this.parent[b] = a; this.size[a] += this.size[b];
    return a;
  }
  sizeOf(x: number): number { return this.size[this.find(x)]; }
}

export type CoinJoinPattern = 'whirlpool' | 'wasabi' | 'joinmarket' | 'generic';
export interface CoinJoinVerdict { coinjoin: boolean; pattern?: CoinJoinPattern; equalOutputs: number; denomination: number }

/** Whirlpool pool denominations in satoshi (0.001, 0.01, 0.05, 0.5 BTC). */
const WHIRLPOOL = new Set([100_000, 1_000_000, 5_000_000, 50_000_000]);

/**
 * CoinJoin rule: ≥ 3 inputs from ≥ 2 distinct addresses AND the most frequent output value
 * occurs ≥ 3 times (the equal-value "anonymity set"). Patterns, checked in order:
 * whirlpool = 5 inputs, 5 outputs, all equal at a pool denomination; wasabi = ≥ 10 equal
 * outputs; joinmarket = outputs ≤ 2·equal + 1 (one equal output + ≤ 1 change per participant);
 * generic otherwise. One-address inputs with equal outputs are batch payouts, not CoinJoins.
 */
export function detectCoinJoin(tx: UtxoTx): CoinJoinVerdict {
  const counts = new Map<number, number>();
  let equal = 0, denom = 0;
  for (const o of tx.outputs) {
    const c = (counts.get(o.value) ?? 0) + 1;
    counts.set(o.value, c);
    if (c > equal || (c === equal && o.value > denom)) { equal = c; denom = o.value; }
  }
  const distinctIn = new Set(tx.inputs.map((i) => i.node)).size;
  const no = { coinjoin: false, equalOutputs: equal, denomination: denom };
  if (tx.inputs.length < 3 || distinctIn < 2 || equal < 3) return no;
  let pattern: CoinJoinPattern = 'generic';
  if (tx.inputs.length === 5 && tx.outputs.length === 5 && equal === 5 && WHIRLPOOL.has(denom)) pattern = 'whirlpool';
  else if (equal >= 10) pattern = 'wasabi';
  else if (tx.outputs.length <= 2 * equal + 1) pattern = 'joinmarket';
  return { coinjoin: true, pattern, equalOutputs: equal, denomination: denom };
}

export interface RefusedMerge { tx: string | number; heuristic: 'multi-input' | 'change'; clusters: { root: number; size: number }[] }
export interface ClusterOptions { maxMergeSize?: number; changeHeuristic?: boolean; roundUnit?: number }

export interface ClusterSummary {
  root: number;
  size: number;
  /** Sum of outputs received by members / inputs spent by members, smallest units. */
  totalIn: number;
  totalOut: number;
  tags: number[];
  confidence: 'high' | 'medium';
}

export class Clustering {
  /** Multi-input clusters (high confidence). */
  readonly strong: UnionFind;
  /** Multi-input + change clusters (medium confidence). */
  readonly weak: UnionFind;
  readonly coinjoins: { tx: string | number; verdict: CoinJoinVerdict }[] = [];
  readonly refused: RefusedMerge[] = [];
  private readonly seen: Uint8Array;
  private readonly received: Float64Array;
  private readonly spent: Float64Array;
  private readonly maxMerge: number;
  private readonly change: boolean;
  private readonly roundUnit: number;

  constructor(readonly n: number, o: ClusterOptions = {}) {
    this.strong = new UnionFind(n); this.weak = new UnionFind(n);
    this.seen = new Uint8Array(n); this.received = new Float64Array(n); this.spent = new Float64Array(n);
    this.maxMerge = o.maxMergeSize ?? 10_000;
    this.change = o.changeHeuristic ?? false;
    this.roundUnit = o.roundUnit ?? 100_000; // 0.001 BTC: payments are usually round, change is not
  }

  /** Process transactions in chain order (the change heuristic needs "first seen"). */
  addAll(txs: Iterable<UtxoTx>): this { for (const t of txs) this.add(t); return this; }

  add(tx: UtxoTx): void {
    for (const i of tx.inputs) this.spent[i.node] += i.value;
    for (const o of tx.outputs) this.received[o.node] += o.value;
    const verdict = detectCoinJoin(tx);
    if (verdict.coinjoin) this.coinjoins.push({ tx: tx.id, verdict });
    else {
      this.mergeAll(tx, tx.inputs.map((i) => i.node), 'multi-input');
      if (this.change) {
        const c = this.changeOutput(tx);
        if (c !== undefined && tx.inputs.length > 0) this.mergeAll(tx, [tx.inputs[0].node, c], 'change');
      }
    }
    for (const i of tx.inputs) this.seen[i.node] = 1;
    for (const o of tx.outputs) this.seen[o.node] = 1;
  }

  /**
   * Change output (lower confidence): exactly 2 outputs, exactly one of them a round multiple
   * of `roundUnit`, the other one not round, never seen before and not one of the inputs.
   */
  changeOutput(tx: UtxoTx): number | undefined {
    if (tx.outputs.length !== 2) return undefined;
    const [a, b] = tx.outputs;
    const ra = a.value % this.roundUnit === 0, rb = b.value % this.roundUnit === 0;
    if (ra === rb) return undefined;
    const c = ra ? b : a;
    if (this.seen[c.node] || tx.inputs.some((i) => i.node === c.node)) return undefined;
    return c.node;
  }

  /** Union the nodes in the strong (multi-input) or only the weak (change) structure, guarded. */
  private mergeAll(tx: UtxoTx, nodes: number[], heuristic: RefusedMerge['heuristic']): void {
    if (nodes.length < 2) return;
    const uf = heuristic === 'multi-input' ? this.strong : this.weak;
    const roots = [...new Set(nodes.map((x) => uf.find(x)))];
    const large = roots.filter((r) => uf.size[r] > this.maxMerge);
    if (large.length >= 2) {
      this.refused.push({ tx: tx.id, heuristic, clusters: large.map((r) => ({ root: r, size: uf.size[r] })) });
      return;
    }
    for (let i = 1; i < nodes.length; i++) {
      uf.union(nodes[0], nodes[i]);
      if (heuristic === 'multi-input') this.weak.union(nodes[0], nodes[i]); // weak ⊇ strong
    }
  }

  /** Clusters with ≥ minSize addresses, largest first. */
  summaries(tags?: Uint8Array, minSize = 2, confidence: 'high' | 'medium' = 'high'): ClusterSummary[] {
    const uf = confidence === 'high' ? this.strong : this.weak;
    const byRoot = new Map<number, ClusterSummary>();
    for (let u = 0; u < this.n; u++) {
      const r = uf.find(u);
      if (uf.size[r] < minSize) continue;
      let s = byRoot.get(r);
      if (!s) { s = { root: r, size: uf.size[r], totalIn: 0, totalOut: 0, tags: [], confidence }; byRoot.set(r, s); }
      s.totalIn += this.received[u]; s.totalOut += this.spent[u];
      const t = tags?.[u] ?? 0;
      if (t !== 0 && !s.tags.includes(t)) s.tags.push(t);
    }
    return [...byRoot.values()].sort((a, b) => b.size - a.size || a.root - b.root);
  }
}

/** UTXO transactions of a graph that models them as nodes (inputs → tx node → outputs), by time. */
export function utxoTxsFromGraph(g: TxGraph): UtxoTx[] {
  const txs: UtxoTx[] = [];
  for (let t = 0; t < g.n; t++) {
    if (g.kind[t] !== NodeKind.TX) continue;
    const inputs: TxIo[] = [], outputs: TxIo[] = [];
    for (let p = g.in.off[t]; p < g.in.off[t + 1]; p++) inputs.push({ node: g.in.nbr[p], value: g.in.value[p] });
    for (let p = g.out.off[t]; p < g.out.off[t + 1]; p++) outputs.push({ node: g.out.nbr[p], value: g.out.value[p] });
    txs.push({ id: g.label(t), inputs, outputs, time: g.in.off[t] < g.in.off[t + 1] ? g.in.time[g.in.off[t]] : undefined });
  }
  return txs.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
}
