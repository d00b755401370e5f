import { z } from 'zod';
import type { App, AppContext } from '../../platform/http/context.js';
import { requirePermission } from '../../platform/auth/actor.js';
import { adapterStatus, fetchAddressHistory } from './chains/fetch.js';
import { clusterOf, clusterRuns, getCluster, rebuildClusters } from './clusters/clusters.service.js';
import { getAddressPage } from './store/address.service.js';
import { CHAINS, TRACEABLE, canonicalAddress } from './store/chains.js';
import { exposure } from './trace/exposure.service.js';
import { getTrace, listTraces, MODELS, runTrace } from './trace/trace.service.js';

const chain = z.enum(CHAINS);
const id = z.strictObject({ id: z.string().max(64) });
const page = { offset: z.coerce.number().int().min(0).max(1_000_000).optional(), limit: z.coerce.number().int().min(1).max(500).optional() };

/** Crypto tracing: ledger data, trace runs, exposure, clusters, address pages (docs/finance.md). */
export async function financeRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get('/api/finance/chains', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'Ledgers, traceable assets and whether a data source is configured' },
  }, async (req) => {
    requirePermission(req.actor, 'finance.read');
    return { chains: adapterStatus(ctx.config).map((s) => ({ ...s, assets: TRACEABLE[s.chain] })), models: MODELS };
  });

  app.post('/api/finance/history', {
    config: { auth: 'finance.trace' },
    schema: {
      tags: ['finance'], summary: 'Fetch an address history into the store (cached; refresh re-reads the newest page)',
      body: z.strictObject({ chain, address: z.string().trim().min(1).max(120), refresh: z.boolean().optional(), maxPages: z.number().int().min(1).max(10_000).optional() }),
    },
  }, async (req) => {
    requirePermission(req.actor, 'finance.trace');
    return { result: await fetchAddressHistory(ctx, req.body.chain, req.body.address, { refresh: req.body.refresh, maxPages: req.body.maxPages, actor: req.actor }) };
  });

  app.post('/api/finance/traces', {
    config: { auth: 'finance.trace' },
    schema: {
      tags: ['finance'], summary: 'Run a trace from seed addresses or wallet entities and store it',
      body: z.strictObject({
        chain, asset: z.string().max(20).optional(), seeds: z.array(z.string().trim().min(1).max(120)).min(1).max(100),
        direction: z.enum(['forward', 'backward']), model: z.enum(MODELS), maxHops: z.number().int().min(1).max(20),
        from: z.string().datetime({ offset: true }).optional(), windowSeconds: z.number().int().min(1).max(20 * 365 * 86400).optional(),
        minValue: z.number().min(0).optional(), expandHighDegree: z.boolean().optional(), fetch: z.boolean().optional(), fetchLimit: z.number().int().min(1).max(200).optional(),
        region: z.string().max(8).optional(), caseNumber: z.string().trim().max(64).optional(), title: z.string().trim().max(300).optional(),
      }),
    },
  }, async (req, reply) => reply.status(201).send({ trace: await runTrace(ctx.db, req.actor, req.body, ctx) }));

  app.get('/api/finance/traces', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'Trace runs in the caller\'s regions', querystring: z.strictObject({ chain: z.string().max(8).optional(), caseNumber: z.string().max(64).optional(), q: z.string().max(100).optional(), region: z.string().max(8).optional(), ...page }) },
  }, async (req) => listTraces(ctx.db, req.actor, req.query));

  app.get('/api/finance/traces/:id', { config: { auth: 'finance.read' }, schema: { tags: ['finance'], summary: 'One trace run with its exits and explanations', params: id } },
    async (req) => ({ trace: await getTrace(ctx.db, req.actor, req.params.id) }));

  app.get('/api/finance/exposure', {
    config: { auth: 'finance.read' },
    schema: {
      tags: ['finance'], summary: 'Direct and indirect exposure by category of an address or cluster',
      querystring: z.strictObject({ chain, asset: z.string().max(20).optional(), address: z.string().max(120).optional(), clusterId: z.string().max(64).optional(), direction: z.enum(['forward', 'backward']).optional(), maxHops: z.coerce.number().int().min(1).max(10).optional() }),
    },
  }, async (req) => ({ exposure: await exposure(ctx.db, req.actor, req.query) }));

  app.get('/api/finance/addresses/:chain/:address', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'Address page: activity, totals, transfers (paged), tags, cluster', params: z.strictObject({ chain, address: z.string().max(120) }), querystring: z.strictObject({ asset: z.string().max(20).optional(), ...page }) },
  }, async (req) => getAddressPage(ctx.db, req.actor, req.params.chain, req.params.address, req.query));

  app.get('/api/finance/addresses/:chain/:address/cluster', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'The cluster of an address', params: z.strictObject({ chain, address: z.string().max(120) }), querystring: z.strictObject({ confidence: z.enum(['high', 'medium']).optional() }) },
  }, async (req) => {
    requirePermission(req.actor, 'finance.read');
    const c = await clusterOf(ctx.db, req.params.chain, canonicalAddress(req.params.chain, req.params.address), req.query.confidence ?? 'high');
    return { cluster: c };
  });

  app.get('/api/finance/clusters/:id', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'Cluster page: summary, members with tags, categories, clustering run', params: id, querystring: z.strictObject(page) },
  }, async (req) => getCluster(ctx.db, req.actor, req.params.id, req.query));

  app.get('/api/finance/cluster-runs', {
    config: { auth: 'finance.read' },
    schema: { tags: ['finance'], summary: 'Latest clustering runs (CoinJoins excluded, merges refused)', querystring: z.strictObject({ chain: chain.optional() }) },
  }, async (req) => ({ runs: await clusterRuns(ctx.db, req.actor, req.query.chain ?? 'btc') }));

  app.post('/api/finance/clusters/rebuild', {
    config: { auth: 'finance.trace' },
    schema: {
      tags: ['finance'], summary: 'Recompute the clusters of a UTXO ledger from the store',
      body: z.strictObject({ chain, changeHeuristic: z.boolean().optional(), maxMergeSize: z.number().int().min(2).max(10_000_000).optional() }),
    },
  }, async (req) => ({ result: await rebuildClusters(ctx.db, req.body.chain, { actor: req.actor, changeHeuristic: req.body.changeHeuristic, maxMergeSize: req.body.maxMergeSize }) }));
}
