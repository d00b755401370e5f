/**
 * Exposure of an address or cluster: which share of what it sent (forward) or received
 * (backward) went directly to / came directly from services of each category, and which share
 * reached them through intermediaries within `maxHops`. Indirect shares use the haircut model
 * (pro-rata, conserves value), so they add up to at most 1 with the direct ones.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { clusterMembers } from '../clusters/clusters.service.js';
import { NodeKind } from '../graph/codes.js';
import type { TxGraph } from '../graph/csr.js';
import { trace } from '../graph/taint.js';
import { DEFAULT_STOP_TAGS } from '../graph/codes.js';
import { assetFor, canonicalAddress, isChain, type Chain } from '../store/chains.js';
import { financeClusters } from '../store/schema.js';
import { eq } from 'drizzle-orm';
import { loadTagged } from './graph.js';
import { HUB_TAG } from './view.js';
import { MODEL_VERSION } from './trace.service.js';

export interface ExposureInput { chain: Chain; asset?: string; address?: string; clusterId?: string; direction?: 'forward' | 'backward'; maxHops?: number }

export interface Exposure {
  chain: Chain; asset: string; direction: 'forward' | 'backward'; maxHops: number;
  subject: { address: string | null; clusterId: string | null; addresses: number };
  /** Value sent (forward) or received (backward) by the subject from/to others, whole units. */
  total: number;
  /** Share of total per category, 0..1; "high_degree" = unattributed addresses with very many transfers. */
  direct: Record<string, number>;
  indirect: Record<string, number>;
  amounts: { direct: Record<string, number>; indirect: Record<string, number> };
  truncated: boolean;
  modelVersion: string;
}

/** Value the seed set exchanged with others: outflows (forward) or inflows (backward); UTXO by input share. */
export function externalVolume(g: TxGraph, seeds: Set<number>, direction: 'forward' | 'backward'): number {
  let total = 0;
  for (let e = 0; e < g.m; e++) {
    const s = g.src[e]!, d = g.dst[e]!;
    if (g.kind[s] === NodeKind.TX || g.kind[d] === NodeKind.TX) continue;
    if (direction === 'forward' ? seeds.has(s) && !seeds.has(d) : seeds.has(d) && !seeds.has(s)) total += g.value[e]!;
  }
  for (let t = 0; t < g.n; t++) {
    if (g.kind[t] !== NodeKind.TX) continue;
    let inAll = 0, inSeed = 0, outAll = 0, outSeed = 0;
    for (let p = g.in.off[t]!; p < g.in.off[t + 1]!; p++) { inAll += g.in.value[p]!; if (seeds.has(g.in.nbr[p]!)) inSeed += g.in.value[p]!; }
    for (let p = g.out.off[t]!; p < g.out.off[t + 1]!; p++) { outAll += g.out.value[p]!; if (seeds.has(g.out.nbr[p]!)) outSeed += g.out.value[p]!; }
    if (inAll <= 0) continue;
    // Forward: outputs to others, in proportion to the seeds' share of the inputs (the rest is co-spenders').
    if (direction === 'forward') total += (outAll - outSeed) * (inSeed / inAll);
    else total += outSeed * ((inAll - inSeed) / inAll);
  }
  return total;
}

export async function exposure(db: Db, actor: Actor, input: ExposureInput): Promise<Exposure> {
  requirePermission(actor, 'finance.read');
  if (!isChain(input.chain)) throw new AppError('finance.unsupported', { chain: input.chain });
  const chain = input.chain, asset = assetFor(chain, input.asset);
  const direction = input.direction === 'backward' ? 'backward' : 'forward';
  const maxHops = Math.min(10, Math.max(1, Math.trunc(input.maxHops ?? 3)));
  let seeds: string[];
  if (input.clusterId) {
    const [c] = /^[0-9a-f-]{36}$/i.test(input.clusterId) ? await db.select().from(financeClusters).where(eq(financeClusters.id, input.clusterId)) : [];
    if (!c || c.chain !== chain) throw new AppError('record.not_found');
    seeds = await clusterMembers(db, c.id, 5000);
  } else if (input.address) seeds = [canonicalAddress(chain, input.address)];
  else throw new AppError('request.invalid', { address: 'address or clusterId required' });

  const { sub, tags } = await loadTagged(db, actor, { chain, asset: asset.name, seeds, maxHops, direction, maxDegree: 10_000 });
  const g = sub.graph;
  const seedIds = new Set(seeds.map((s) => g.id(s)!));
  const r = trace(g, [...seedIds].map((node) => ({ node })), { model: 'haircut', asset: asset.code, direction, maxHops, expandHighDegree: true, stopTags: DEFAULT_STOP_TAGS | (1 << HUB_TAG) });
  const unit = 10 ** asset.decimals;
  const total = externalVolume(g, seedIds, direction) / unit;
  const amounts = { direct: {} as Record<string, number>, indirect: {} as Record<string, number> };
  for (const x of r.exits) {
    const category = x.tag === HUB_TAG ? 'high_degree' : tags.get(g.label(x.node))?.category ?? 'other';
    const bucket = x.hops <= 1 ? amounts.direct : amounts.indirect;
    bucket[category] = (bucket[category] ?? 0) + x.amount / unit;
  }
  const share = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, total > 0 ? Math.min(1, v / total) : 0]));
  return {
    chain, asset: asset.name, direction, maxHops,
    subject: { address: input.clusterId ? null : seeds[0]!, clusterId: input.clusterId ?? null, addresses: seeds.length },
    total, direct: share(amounts.direct), indirect: share(amounts.indirect), amounts, truncated: sub.truncated, modelVersion: MODEL_VERSION,
  };
}
