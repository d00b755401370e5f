/**
 * Address clustering of a UTXO ledger from the stored transactions (graph/cluster.ts does the
 * work): multi-input clusters (high confidence), optionally multi-input + change (medium, kept
 * apart), CoinJoins excluded, suspicious merges of two large clusters refused and listed for
 * review. A rebuild replaces the ledger's clusters in one transaction (audited).
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { Clustering, type UtxoTx } from '../graph/cluster.js';
import { canonicalAddress, isChain, UTXO, type Chain } from '../store/chains.js';
import { financeClusterMembers, financeClusterRuns, financeClusters, financeTransfers } from '../store/schema.js';
import { tagsFor } from '../tags/tags.service.js';

export type ClusterRow = typeof financeClusters.$inferSelect;
export interface RebuildOptions { actor?: Actor; changeHeuristic?: boolean; maxMergeSize?: number; roundUnit?: number }
export interface RebuildResult { runId: string; chain: Chain; transactions: number; addresses: number; clusters: { high: number; medium: number }; coinjoins: number; refused: number }

const READ_BATCH = 50_000;
const WRITE_BATCH = 1000;

/** Stable id of a cluster: a name-based UUID of (chain, confidence, smallest member). */
export function clusterId(chain: string, confidence: string, representative: string): string {
  const h = createHash('sha256').update(`${chain}|${confidence}|${representative}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** All stored transactions of a UTXO ledger as clustering input, in chain order. */
async function utxoTransactions(db: Db, chain: Chain): Promise<{ txs: UtxoTx[]; addresses: string[] }> {
  const ids = new Map<string, number>(), addresses: string[] = [];
  const node = (a: string) => { let i = ids.get(a); if (i === undefined) { i = addresses.length; ids.set(a, i); addresses.push(a); } return i; };
  const byTx = new Map<string, UtxoTx & { time: number }>();
  const t = financeTransfers;
  for (let after = 0; ;) {
    const rows = await db.select({ id: t.id, tx: t.txHash, from: t.fromAddress, to: t.toAddress, value: t.value, time: t.blockTime }).from(t)
      .where(and(eq(t.chain, chain), gt(t.id, after))).orderBy(asc(t.id)).limit(READ_BATCH);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      let x = byTx.get(r.tx);
      if (!x) { x = { id: r.tx, inputs: [], outputs: [], time: Math.floor(r.time.getTime() / 1000) }; byTx.set(r.tx, x); }
      if (r.from) x.inputs.push({ node: node(r.from), value: r.value });
      else if (r.to) x.outputs.push({ node: node(r.to), value: r.value });
    }
  }
  const txs = [...byTx.values()].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  return { txs, addresses };
}

/** Recompute the ledger's clusters from the store and replace the stored ones. */
export async function rebuildClusters(db: Db, chain: Chain, opts: RebuildOptions = {}): Promise<RebuildResult> {
  const actor = opts.actor ?? systemActor('finance-clusters');
  requirePermission(actor, 'finance.trace');
  if (!isChain(chain) || !UTXO[chain]) throw new AppError('finance.unsupported', { chain, reason: 'clustering applies to UTXO ledgers (btc)' });
  const { txs, addresses } = await utxoTransactions(db, chain);
  const c = new Clustering(addresses.length, { maxMergeSize: opts.maxMergeSize, changeHeuristic: !!opts.changeHeuristic, roundUnit: opts.roundUnit }).addAll(txs);
  const builtAt = new Date();
  const clusters: (typeof financeClusters.$inferInsert)[] = [];
  const members: (typeof financeClusterMembers.$inferInsert)[] = [];
  const root2rep = new Map<number, string>();
  const levels: ['high' | 'medium', string[]][] = [['high', ['multi-input']]];
  if (opts.changeHeuristic) levels.push(['medium', ['multi-input', 'change']]);
  const runId = randomUUID();
  for (const [confidence, heuristics] of levels) {
    const uf = confidence === 'high' ? c.strong : c.weak;
    const groups = new Map<number, string[]>();
    for (let u = 0; u < addresses.length; u++) {
      const r = uf.find(u);
      if (uf.size[r]! < 2) continue;
      let g = groups.get(r);
      if (!g) { g = []; groups.set(r, g); }
      g.push(addresses[u]!);
    }
    const sums = new Map(c.summaries(undefined, 2, confidence).map((s) => [s.root, s]));
    for (const [r, g] of groups) {
      // A medium cluster identical to a high one adds nothing.
      if (confidence === 'medium' && c.strong.sizeOf(r) === g.length) continue;
      const representative = g.reduce((m, a) => (a < m ? a : m));
      if (confidence === 'high') root2rep.set(r, representative);
      const id = clusterId(chain, confidence, representative);
      const s = sums.get(r);
      clusters.push({ id, chain, confidence, heuristics, size: g.length, representative, totalIn: s?.totalIn ?? 0, totalOut: s?.totalOut ?? 0, runId, builtAt });
      for (const address of g) members.push({ chain, address, confidence, clusterId: id });
    }
  }
  const coinjoins = c.coinjoins.map((x) => ({ tx: x.tx, pattern: x.verdict.pattern, equalOutputs: x.verdict.equalOutputs, denomination: x.verdict.denomination }));
  const refused = c.refused.map((x) => ({ tx: x.tx, heuristic: x.heuristic, clusters: x.clusters.map((k) => ({ address: root2rep.get(k.root) ?? addresses[k.root], size: k.size })) }));
  const counts = { high: clusters.filter((x) => x.confidence === 'high').length, medium: clusters.filter((x) => x.confidence === 'medium').length };
  await db.transaction(async (tx) => {
    await tx.delete(financeClusterMembers).where(eq(financeClusterMembers.chain, chain));
    await tx.delete(financeClusters).where(eq(financeClusters.chain, chain));
    for (let i = 0; i < clusters.length; i += WRITE_BATCH) await tx.insert(financeClusters).values(clusters.slice(i, i + WRITE_BATCH));
    for (let i = 0; i < members.length; i += WRITE_BATCH) await tx.insert(financeClusterMembers).values(members.slice(i, i + WRITE_BATCH));
    const options = { changeHeuristic: !!opts.changeHeuristic, maxMergeSize: opts.maxMergeSize ?? 10_000, roundUnit: opts.roundUnit ?? 100_000 };
    await tx.insert(financeClusterRuns).values({ id: runId, chain, options, transactions: txs.length, clusters: clusters.length, coinjoins, refused, createdByName: actor.name });
    await recordAudit(tx, actor, { action: 'finance.clusters.rebuild', entityType: 'finance_cluster_run', entityId: runId, region: null, after: { chain, ...options, transactions: txs.length, ...counts, coinjoins: coinjoins.length, refused: refused.length } });
  });
  return { runId, chain, transactions: txs.length, addresses: addresses.length, clusters: counts, coinjoins: coinjoins.length, refused: refused.length };
}

/** The cluster of an address (high confidence unless asked), or null when it is alone. */
export async function clusterOf(db: Db, chain: Chain, address: string, confidence: 'high' | 'medium' = 'high'): Promise<ClusterRow | null> {
  const a = canonicalAddress(chain, address);
  const [m] = await db.select({ id: financeClusterMembers.clusterId }).from(financeClusterMembers)
    .where(and(eq(financeClusterMembers.chain, chain), eq(financeClusterMembers.address, a), eq(financeClusterMembers.confidence, confidence)));
  if (!m) return null;
  const [c] = await db.select().from(financeClusters).where(eq(financeClusters.id, m.id));
  return c ?? null;
}

/** Member addresses of a cluster (first `limit`, in address order). */
export async function clusterMembers(db: Db, id: string, limit = 10_000, offset = 0): Promise<string[]> {
  const rows = await db.select({ a: financeClusterMembers.address }).from(financeClusterMembers).where(eq(financeClusterMembers.clusterId, id))
    .orderBy(asc(financeClusterMembers.address)).limit(limit).offset(offset);
  return rows.map((r) => r.a);
}

/** Cluster page: summary, members (paged) with their tags, tag categories over the whole cluster, the run it came from. */
export async function getCluster(db: Db, actor: Actor, id: string, paging: { offset?: number; limit?: number } = {}) {
  requirePermission(actor, 'finance.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [cluster] = await db.select().from(financeClusters).where(eq(financeClusters.id, id));
  if (!cluster) throw new AppError('record.not_found');
  const limit = Math.min(500, Math.max(1, paging.limit ?? 100)), offset = Math.max(0, paging.offset ?? 0);
  const page = await clusterMembers(db, id, limit, offset);
  const all = await clusterMembers(db, id, 20_000);
  const tags = await tagsFor(db, cluster.chain, all, { scope: actor.scope });
  const categories: Record<string, number> = {};
  for (const list of tags.values()) for (const c of new Set(list.map((t) => t.category))) categories[c] = (categories[c] ?? 0) + 1;
  const [run] = await db.select().from(financeClusterRuns).where(eq(financeClusterRuns.id, cluster.runId));
  return {
    cluster,
    members: { items: page.map((address) => ({ address, tags: (tags.get(address) ?? []).map((t) => ({ label: t.label, category: t.category, source: t.source, confidence: t.confidence })) })), total: cluster.size, offset, limit },
    categories,
    run: run ? { id: run.id, builtAt: run.createdAt, options: run.options, transactions: run.transactions, coinjoins: run.coinjoins.length, refused: run.refused } : null,
  };
}

/** Latest clustering runs of a ledger (CoinJoins excluded and refused merges, for review). */
export async function clusterRuns(db: Db, actor: Actor, chain: Chain, limit = 10) {
  requirePermission(actor, 'finance.read');
  return db.select().from(financeClusterRuns).where(eq(financeClusterRuns.chain, chain)).orderBy(desc(financeClusterRuns.createdAt)).limit(Math.min(50, limit));
}
