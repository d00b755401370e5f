/**
 * Shared by tracing and exposure: resolve seeds (addresses or traces wallet entities), optionally
 * fetch missing histories around them (bounded), load the subgraph from the store and mark
 * attributed services and unexpanded hubs on it.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { getEntity } from '../../traces/traces.service.js';
import { fetchAddressHistory, type FinanceCtx } from '../chains/fetch.js';
import { NodeKind } from '../graph/codes.js';
import { canonicalAddress, type Chain } from '../store/chains.js';
import { loadSubgraph, type LoadDirection, type LoadOptions, type Subgraph } from '../store/load.js';
import { tagCodesFor, type TagInfo } from '../tags/tags.service.js';
import { HUB_TAG } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHUNK = 1000;

/** Seeds as given → canonical addresses. A traces entity id must be a wallet of the same ledger. */
export async function resolveSeeds(db: Db, actor: Actor, chain: Chain, seeds: string[]): Promise<{ addresses: string[]; entities: Record<string, string> }> {
  const addresses: string[] = [], entities: Record<string, string> = {};
  for (const s of seeds) {
    const v = s.trim();
    if (UUID.test(v)) {
      const { entity } = await getEntity(db, actor, v, { linksLimit: 1, provenanceLimit: 1 });
      if (entity.type !== chain) throw new AppError('finance.seed_invalid', { seed: v, type: entity.type, chain });
      addresses.push(entity.value);
      entities[entity.value] = entity.id;
    } else {
      try { addresses.push(canonicalAddress(chain, v)); } catch { throw new AppError('finance.seed_invalid', { seed: v.slice(0, 120), chain }); }
    }
  }
  return { addresses: [...new Set(addresses)], entities };
}

/** Service tags (code ≠ 0) of many addresses, in chunks; hides other regions' manual tags. */
export async function serviceTags(db: Db, actor: Actor, chain: Chain, addresses: string[]): Promise<Map<string, TagInfo>> {
  const out = new Map<string, TagInfo>();
  const list = addresses.filter((a) => !a.startsWith('tx:'));
  for (let i = 0; i < list.length; i += CHUNK) {
    for (const [a, v] of await tagCodesFor(db, chain, list.slice(i, i + CHUNK), { scope: actor.scope })) out.set(a, v.tag);
  }
  return out;
}

export interface FetchSummary { fetched: number; cached: number; failed: { address: string; error: string }[]; budget: number }

/**
 * Fetch histories level by level around the seeds, skipping attributed services and known hubs,
 * until `budget` addresses have been asked for. A failing address is recorded, not fatal: the
 * trace then runs on what the store has.
 */
export async function fetchAround(ctx: FinanceCtx, actor: Actor, o: { chain: Chain; asset: string; seeds: string[]; direction: LoadDirection; maxHops: number; budget: number; maxDegree: number }): Promise<FetchSummary> {
  const sum: FetchSummary = { fetched: 0, cached: 0, failed: [], budget: o.budget };
  const done = new Set<string>();
  let frontier = o.seeds;
  for (let hop = 0; hop < o.maxHops && frontier.length; hop++) {
    const tags = hop === 0 ? new Map() : await serviceTags(ctx.db, actor, o.chain, frontier);
    for (const a of frontier) {
      if (done.has(a) || tags.has(a)) continue;
      if (done.size >= o.budget) return sum;
      done.add(a);
      try {
        const r = await fetchAddressHistory(ctx, o.chain, a, { actor });
        if (r.cached) sum.cached++; else sum.fetched++;
      } catch (e) {
        if (e instanceof AppError && (e.code === 'finance.upstream_failed' || e.code === 'finance.upstream_invalid')) sum.failed.push({ address: a, error: e.code });
        else throw e;
      }
    }
    const sub = await loadSubgraph(ctx.db, { chain: o.chain, asset: o.asset, seeds: frontier, maxHops: 1, direction: o.direction, maxDegree: o.maxDegree, maxEdges: 200_000 });
    // Known hubs (exchange-sized wallets) are never fetched: their histories are huge and the trace stops there.
    frontier = sub.graph.addresses!.filter((a, i) => sub.graph.kind[i] === NodeKind.ADDRESS && !done.has(a) && !sub.hubs.has(a));
  }
  return sum;
}

/** Load the subgraph and mark services (their tag code) and unexpanded hubs (HUB_TAG). */
export async function loadTagged(db: Db, actor: Actor, o: Omit<LoadOptions, 'stops'>): Promise<{ sub: Subgraph; tags: Map<string, TagInfo>; hubs: string[] }> {
  const sub = await loadSubgraph(db, { ...o, stops: async (as) => new Set((await serviceTags(db, actor, o.chain, as)).keys()) });
  const g = sub.graph;
  const tags = await serviceTags(db, actor, o.chain, g.addresses!);
  const seeds = new Set(o.seeds);
  for (const [a, t] of tags) { const id = g.id(a); if (id !== undefined) g.setTag(id, t.code); }
  // Addresses the loader left unexpanded for their degree are exits too ("not expanded unless asked").
  const hubs: string[] = [];
  if (!o.expandHighDegree) {
    for (let u = 0; u < g.n; u++) {
      const a = g.addresses![u]!;
      if (g.kind[u] !== NodeKind.ADDRESS || seeds.has(a) || tags.has(a) || !sub.hubs.has(a)) continue;
      g.setTag(u, HUB_TAG);
      hubs.push(a);
    }
  }
  return { sub, tags, hubs };
}
