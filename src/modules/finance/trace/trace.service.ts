/**
 * Trace runs: follow funds from seed addresses through the stored ledger with a taint model,
 * stop at attributed services, and keep the run (parameters, engine version, store watermark,
 * tags relied on, results) so a report made from it can be reproduced. Runs belong to the
 * region of the case; readers see their regions' runs only.
 */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { regionCondition } from '../../../platform/db/scope.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import type { FinanceCtx } from '../chains/fetch.js';
import { DEFAULT_STOP_TAGS } from '../graph/codes.js';
import { trace, type TaintModel } from '../graph/taint.js';
import { assetFor, isChain, type Chain } from '../store/chains.js';
import { financeTraceRuns } from '../store/schema.js';
import { fetchAround, loadTagged, resolveSeeds, type FetchSummary } from './graph.js';
import { exitTotals, exitView, HUB_TAG, type ExitTotal, type ExitView } from './view.js';

/** Engine and service version stored with every run (bump when results could change for the same data). */
export const MODEL_VERSION = 'qalqan-trace/1 (graph/taint.ts: poison, haircut, FIFO as in docs/finance-tracing.md)';
export const MODELS = ['poison', 'haircut', 'fifo'] as const;
const MAX_EXITS = 1000;

export interface TraceInput {
  chain: Chain;
  /** Asset name (USDT-TRC20, BTC, ETH…); default the chain's first traceable asset. */
  asset?: string;
  /** Addresses, or ids of traces wallet entities (found by monitoring) of the same ledger. */
  seeds: string[];
  direction: 'forward' | 'backward';
  model: TaintModel;
  maxHops: number;
  /** Window start (forward) or end (backward), ISO time; default the earliest seed activity. */
  from?: string;
  windowSeconds?: number;
  /** Transfers below this many whole units are not followed (dust). */
  minValue?: number;
  /** Follow through addresses with very many transfers (exchanges, pools); off by default. */
  expandHighDegree?: boolean;
  /** Fetch missing histories through the chain adapter first (bounded by fetchLimit addresses). */
  fetch?: boolean;
  fetchLimit?: number;
  /** Region of the case (default: the caller's only region). */
  region?: string;
  caseNumber?: string;
  title?: string;
}

export interface TraceResults {
  exits: ExitView[];
  /** Exits summed per exit address. */
  totals: ExitTotal[];
  /** Exits beyond MAX_EXITS are summed into totals but not listed. */
  exitsListed: number;
  exitsTotal: number;
}

export type TraceRun = Omit<typeof financeTraceRuns.$inferSelect, 'results' | 'stats'> & { results: TraceResults; stats: Record<string, unknown> };

const clampInt = (v: number | undefined, d: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.trunc(v ?? d)));

/** The region a run belongs to: given (and in scope), or the caller's only region. */
function runRegion(actor: Actor, region: string | undefined): string {
  let r = region;
  if (!r) {
    if (actor.scope.national || actor.scope.regions.length !== 1) throw new AppError('finance.region_required');
    r = actor.scope.regions[0]!;
  }
  if (!isRegionCode(r)) throw new AppError('region.invalid', { region: r });
  requireRegion(actor, r);
  return r;
}

/** Run a trace and store it (audited). */
export async function runTrace(db: Db, actor: Actor, input: TraceInput, ctx?: FinanceCtx): Promise<TraceRun> {
  requirePermission(actor, 'finance.trace');
  if (!isChain(input.chain)) throw new AppError('finance.unsupported', { chain: input.chain });
  if (!(MODELS as readonly string[]).includes(input.model)) throw new AppError('request.invalid', { model: input.model });
  const chain = input.chain;
  const asset = assetFor(chain, input.asset);
  const region = runRegion(actor, input.region);
  const maxHops = clampInt(input.maxHops, 5, 1, 20);
  if (!input.seeds.length || input.seeds.length > 100) throw new AppError('request.invalid', { seeds: '1..100' });
  const { addresses: seeds, entities } = await resolveSeeds(db, actor, chain, input.seeds);
  const direction = input.direction === 'backward' ? 'backward' : 'forward';
  const fromT = input.from !== undefined ? Date.parse(input.from) : undefined;
  if (fromT !== undefined && Number.isNaN(fromT)) throw new AppError('request.invalid', { from: input.from });
  const windowSeconds = input.windowSeconds !== undefined ? clampInt(input.windowSeconds, 0, 1, 20 * 365 * 86400) : undefined;
  const maxDegree = 10_000;

  let fetched: FetchSummary | null = null;
  if (input.fetch) {
    if (!ctx) throw new AppError('finance.adapter_disabled', { chain }, { chain, variable: '-' });
    fetched = await fetchAround(ctx, actor, { chain, asset: asset.name, seeds, direction, maxHops, budget: clampInt(input.fetchLimit, 20, 1, 200), maxDegree });
  }

  // Window on load: forward [from, from + window], backward [from − window, from].
  let lo: Date | undefined, hi: Date | undefined;
  if (fromT !== undefined) {
    if (direction === 'forward') { lo = new Date(fromT); if (windowSeconds) hi = new Date(fromT + windowSeconds * 1000); }
    else { hi = new Date(fromT); if (windowSeconds) lo = new Date(fromT - windowSeconds * 1000); }
  }
  const { sub, tags, hubs } = await loadTagged(db, actor, { chain, asset: asset.name, seeds, maxHops, direction, from: lo, to: hi, expandHighDegree: !!input.expandHighDegree, maxDegree });
  const g = sub.graph;
  const unit = 10 ** asset.decimals;
  const r = trace(g, seeds.map((s) => ({ node: g.id(s)! })), {
    model: input.model, asset: asset.code, direction, maxHops,
    from: fromT !== undefined ? Math.floor(fromT / 1000) : undefined, windowSeconds,
    minValue: input.minValue !== undefined ? input.minValue * unit : undefined,
    expandHighDegree: true, // hubs are handled by the loader and HUB_TAG, on the store's degree, not the subgraph's
    stopTags: input.expandHighDegree ? DEFAULT_STOP_TAGS : (DEFAULT_STOP_TAGS | (1 << HUB_TAG)),
  });
  const all = r.exits.map((x) => exitView(g, r, x, sub.edges, tags, asset.name, asset.decimals));
  const exits = all.slice(0, MAX_EXITS);
  const results: TraceResults = { exits, totals: exitTotals(all), exitsListed: exits.length, exitsTotal: all.length };
  const tagsUsed = Object.fromEntries([...new Set(all.map((x) => x.address))].filter((a) => tags.has(a)).map((a) => {
    const t = tags.get(a)!;
    return [a, { id: t.id, label: t.label, category: t.category, source: t.source, confidence: t.confidence }];
  }));
  const stats = {
    nodes: g.n, edges: g.m, expanded: sub.expanded, truncated: sub.truncated, hubs: hubs.length, taintedNodes: r.taintedNodes, edgesExamined: r.edgesExamined,
    // Seeds with no stored transfer in the window: fetch their history (or widen the window).
    seedsWithoutData: seeds.filter((a) => g.degree(g.id(a)!) === 0),
    atHopLimit: r.atHopLimit / unit, lateTaint: r.lateTaint / unit, exitAmount: all.reduce((s, x) => s + x.amount, 0), fetch: fetched,
  };
  const params = {
    chain, asset: asset.name, seeds: input.seeds, resolvedSeeds: seeds, seedEntities: entities, direction, model: input.model, maxHops,
    from: input.from ?? null, windowSeconds: windowSeconds ?? null, minValue: input.minValue ?? null, expandHighDegree: !!input.expandHighDegree,
    maxDegree, fetch: !!input.fetch, tagsUsed,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(financeTraceRuns).values({
      region, caseNumber: input.caseNumber?.trim() ?? '', title: input.title?.trim() ?? '', chain, asset: asset.name, model: input.model, direction, seeds,
      params, modelVersion: MODEL_VERSION, maxTransferId: sub.maxTransferId, results: results as unknown as Record<string, unknown>, stats, createdById: actor.id, createdByName: actor.name,
    }).returning();
    await recordAudit(tx, actor, {
      action: 'finance.trace.run', entityType: 'finance_trace_run', entityId: row!.id, region,
      after: { chain, asset: asset.name, model: input.model, direction, maxHops, seeds, caseNumber: row!.caseNumber, exits: all.length, exitAmount: stats.exitAmount },
    });
    return row as unknown as TraceRun;
  });
}

/** One stored run, within the caller's regions (else not found). */
export async function getTrace(db: Db, actor: Actor, id: string): Promise<TraceRun> {
  requirePermission(actor, 'finance.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  const [row] = await db.select().from(financeTraceRuns).where(and(eq(financeTraceRuns.id, id), regionCondition(actor.scope, financeTraceRuns.region)));
  if (!row) throw new AppError('record.not_found');
  return row as unknown as TraceRun;
}

export interface TraceQuery { chain?: string; caseNumber?: string; q?: string; region?: string; limit?: number; offset?: number }

/** Runs in the caller's regions, newest first, without their results. */
export async function listTraces(db: Db, actor: Actor, q: TraceQuery = {}) {
  requirePermission(actor, 'finance.read');
  const t = financeTraceRuns;
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, t.region)];
  if (q.chain) c.push(eq(t.chain, q.chain));
  if (q.region) c.push(eq(t.region, q.region));
  if (q.caseNumber) c.push(eq(t.caseNumber, q.caseNumber));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(or(ilike(t.caseNumber, like), ilike(t.title, like)));
  }
  const limit = clampInt(q.limit, 50, 1, 200), offset = clampInt(q.offset, 0, 0, 1_000_000);
  const cols = { id: t.id, region: t.region, caseNumber: t.caseNumber, title: t.title, chain: t.chain, asset: t.asset, model: t.model, direction: t.direction, seeds: t.seeds, stats: t.stats, modelVersion: t.modelVersion, createdByName: t.createdByName, createdAt: t.createdAt };
  const [items, [total]] = await Promise.all([
    db.select(cols).from(t).where(and(...c)).orderBy(desc(t.createdAt), desc(t.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(t).where(and(...c)),
  ]);
  return { items, total: Number(total?.n ?? 0), limit, offset };
}
