/**
 * Load the part of the store a trace needs into the in-memory graph (graph/csr.ts): BFS by hops
 * from the seeds over stored transfers, one batched query per level (addresses in chunks).
 *
 * An expanded address brings ALL its transfers of the asset inside the window, both directions:
 * haircut and FIFO need its clean inflows too, or every balance would look fully tainted. For
 * Bitcoin every input and output of each touched transaction is loaded (inputs → tx node →
 * outputs), so a transaction's balance is complete. Attributed services and high-degree
 * addresses are loaded as endpoints but not expanded (the trace stops there anyway).
 */
import { and, asc, eq, gte, inArray, lte, max, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { GraphBuilder, type TxGraph } from '../graph/csr.js';
import { NodeKind } from '../graph/codes.js';
import { ASSET_INFO, UTXO, type Chain } from './chains.js';
import { financeAddresses, financeTransfers } from './schema.js';

export type LoadDirection = 'forward' | 'backward' | 'both';

export interface LoadOptions {
  chain: Chain;
  /** Asset name (ASSET_INFO key) to load. */
  asset: string;
  seeds: string[];
  maxHops: number;
  direction: LoadDirection;
  from?: Date;
  to?: Date;
  /** Stop loading beyond this many transfers (the result says `truncated`). */
  maxEdges?: number;
  /** Only transfers with id ≤ this (reproducing a stored run). */
  maxTransferId?: number;
  /** Addresses with more stored transfers are not expanded unless expandHighDegree. */
  maxDegree?: number;
  expandHighDegree?: boolean;
  /** Which of these addresses must not be expanded (attributed services). Seeds are always expanded. */
  stops?: (addresses: string[]) => Promise<Set<string>>;
}

export interface LoadedTransfer {
  id: number; txHash: string; key: string; from: string | null; to: string | null; amount: string; value: number; decimals: number; time: number; ioIndex: number | null;
}

export interface Subgraph {
  graph: TxGraph;
  /** Stored transfer per edge id (exact amount, hash). */
  edges: LoadedTransfer[];
  /** Addresses whose transfers were loaded. */
  expanded: number;
  /** Reached addresses not expanded because they have more than maxDegree stored transfers. */
  hubs: Set<string>;
  truncated: boolean;
  /** Highest transfer id the load could see. */
  maxTransferId: number;
}

/** Prefix of UTXO transaction nodes in the graph (never a valid address). */
export const TX_NODE = 'tx:';
const CHUNK = 500;

export async function currentMaxTransferId(db: Db): Promise<number> {
  const [r] = await db.select({ m: max(financeTransfers.id) }).from(financeTransfers);
  return Number(r?.m ?? 0);
}

export async function loadSubgraph(db: Db, o: LoadOptions): Promise<Subgraph> {
  const info = ASSET_INFO[o.asset];
  if (!info || info.code === null || info.chain !== o.chain) throw new Error(`asset ${o.asset} is not traceable on ${o.chain}`);
  const utxo = UTXO[o.chain];
  const maxEdges = o.maxEdges ?? 500_000, maxDegree = o.maxDegree ?? 10_000;
  const maxId = o.maxTransferId ?? await currentMaxTransferId(db);
  const t = financeTransfers;
  const base: (SQL | undefined)[] = [eq(t.chain, o.chain), eq(t.asset, o.asset), lte(t.id, maxId), o.from ? gte(t.blockTime, o.from) : undefined, o.to ? lte(t.blockTime, o.to) : undefined];
  const rows = new Map<number, LoadedTransfer>();
  const expanded = new Set<string>();
  const seeds = new Set(o.seeds);
  let frontier = [...seeds];
  let truncated = false;
  const hubs = new Set<string>();
  const degreesOf = async (list: string[]) => {
    const degree = new Map<string, number>();
    for (let i = 0; i < list.length; i += CHUNK) {
      const part = list.slice(i, i + CHUNK);
      for (const r of await db.select({ a: financeAddresses.address, n: financeAddresses.transferCount }).from(financeAddresses).where(and(eq(financeAddresses.chain, o.chain), inArray(financeAddresses.address, part)))) degree.set(r.a, r.n);
    }
    return degree;
  };

  const fetchRows = async (where: SQL | undefined) => {
    const got = await db.select({ id: t.id, txHash: t.txHash, key: t.key, from: t.fromAddress, to: t.toAddress, amount: t.amount, value: t.value, decimals: t.decimals, time: t.blockTime, ioIndex: t.ioIndex })
      .from(t).where(and(...base, where)).orderBy(asc(t.id)).limit(maxEdges + 1);
    for (const r of got) if (!rows.has(r.id)) rows.set(r.id, { ...r, time: Math.floor(r.time.getTime() / 1000) });
    if (rows.size > maxEdges) truncated = true;
    return got;
  };

  for (let hop = 0; hop < o.maxHops && frontier.length > 0 && !truncated; hop++) {
    const candidates = frontier.filter((a) => !expanded.has(a));
    const stop = o.stops ? await o.stops(candidates.filter((a) => !seeds.has(a))) : new Set<string>();
    const degree = o.expandHighDegree ? new Map<string, number>() : await degreesOf(candidates);
    for (const a of candidates) if (!seeds.has(a) && !stop.has(a) && (degree.get(a) ?? 0) > maxDegree) hubs.add(a);
    const level = candidates.filter((a) => seeds.has(a) || (!stop.has(a) && !hubs.has(a)));
    for (const a of level) expanded.add(a);
    const levelSet = new Set(level);
    const touched: LoadedTransfer[] = [];
    for (let i = 0; i < level.length && !truncated; i += CHUNK) {
      const part = level.slice(i, i + CHUNK);
      touched.push(...(await fetchRows(or(inArray(t.fromAddress, part), inArray(t.toAddress, part)))).map((r) => rows.get(r.id)!));
    }
    const next = new Set<string>();
    if (utxo) {
      // Every io of each touched transaction; direction decides which side continues the walk.
      const fwdTx = new Set<string>(), bwdTx = new Set<string>();
      for (const r of touched) {
        if (r.from && levelSet.has(r.from)) fwdTx.add(r.txHash);
        if (r.to && levelSet.has(r.to)) bwdTx.add(r.txHash);
      }
      const hashes = [...new Set([...fwdTx, ...bwdTx])];
      for (let i = 0; i < hashes.length && !truncated; i += CHUNK) await fetchRows(inArray(t.txHash, hashes.slice(i, i + CHUNK)));
      for (const r of rows.values()) {
        if (o.direction !== 'backward' && r.to && fwdTx.has(r.txHash)) next.add(r.to);
        if (o.direction !== 'forward' && r.from && bwdTx.has(r.txHash)) next.add(r.from);
      }
    } else {
      for (const r of touched) {
        if (o.direction !== 'backward' && r.from && levelSet.has(r.from) && r.to) next.add(r.to);
        if (o.direction !== 'forward' && r.to && levelSet.has(r.to) && r.from) next.add(r.from);
      }
    }
    frontier = [...next].filter((a) => !expanded.has(a));
  }
  // The last level is reached but not expanded: still report its hubs (an exchange wallet at the hop limit).
  if (!o.expandHighDegree && frontier.length) for (const [a, n] of await degreesOf(frontier)) if (n > maxDegree && !seeds.has(a)) hubs.add(a);

  // Edge ids in chain order: time, then transaction, inputs before outputs, then index — so a
  // UTXO transaction's inputs precede its outputs in the engine's (time, edge id) order.
  const rank = (k: string) => (k.startsWith('in:') ? 0 : k.startsWith('out:') ? 2 : 1);
  const sorted = [...rows.values()].sort((a, b) => a.time - b.time || (a.txHash < b.txHash ? -1 : a.txHash > b.txHash ? 1 : 0) || rank(a.key) - rank(b.key) || (a.ioIndex ?? 0) - (b.ioIndex ?? 0) || a.id - b.id).slice(0, maxEdges);
  const b = new GraphBuilder();
  for (const s of seeds) b.node(s);
  for (const r of sorted) {
    const from = r.from ?? TX_NODE + r.txHash, to = r.to ?? TX_NODE + r.txHash;
    if (!r.from || !r.to) b.node(TX_NODE + r.txHash, NodeKind.TX);
    b.transfer(from, to, r.value, r.time, info.code, r.txHash);
  }
  return { graph: b.build(), edges: sorted, expanded: expanded.size, hubs, truncated, maxTransferId: maxId };
}
