/**
 * Fetching an address history into the store through the chain's configured adapter, with the
 * DB fetch cache in front: stable pages are never requested twice, and a completed history is
 * not fetched again unless it is older than the caller accepts (or a refresh is asked for).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppConfig } from '../../../app/config.js';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { canonicalAddress, type Chain } from '../store/chains.js';
import { ensureAddresses, ingestTransfers } from '../store/ingest.js';
import { financeAddresses, financeFetchCache } from '../store/schema.js';
import { EsploraAdapter } from './esplora.js';
import { EtherscanAdapter } from './etherscan.js';
import { ChainHttp, redact } from './http.js';
import { TronGridAdapter } from './trongrid.js';
import type { ChainAdapter, PageIo } from './types.js';

/** What fetching needs from the application context. */
export interface FinanceCtx { db: Db; config: AppConfig }

interface Wired { adapter: ChainAdapter; http: ChainHttp }
// One adapter (and so one rate limiter) per chain per configuration, shared by all requests.
const wired = new WeakMap<AppConfig, Map<Chain, Wired>>();

/** Which adapter serves each chain, and whether it is configured (for the UI and errors). */
export function adapterStatus(config: AppConfig): { chain: Chain; adapter: string; enabled: boolean; variable: string }[] {
  return [
    { chain: 'btc', adapter: 'esplora', enabled: !!config.QALQAN_ESPLORA_URL, variable: 'QALQAN_ESPLORA_URL' },
    { chain: 'tron', adapter: 'trongrid', enabled: !!config.QALQAN_TRONGRID_URL, variable: 'QALQAN_TRONGRID_URL' },
    { chain: 'eth', adapter: 'etherscan', enabled: !!config.QALQAN_ETHERSCAN_URL, variable: 'QALQAN_ETHERSCAN_URL' },
  ];
}

/** The adapter for a chain, or AppError finance.adapter_disabled naming the variable to set. */
export function adapterFor(config: AppConfig, chain: Chain): Wired {
  let m = wired.get(config);
  if (!m) { m = new Map(); wired.set(config, m); }
  const have = m.get(chain);
  if (have) return have;
  const st = adapterStatus(config).find((s) => s.chain === chain)!;
  if (!st.enabled) throw new AppError('finance.adapter_disabled', { chain, variable: st.variable }, { chain, variable: st.variable });
  const common = { timeoutMs: config.QALQAN_CHAIN_TIMEOUT_SECONDS * 1000, retries: config.QALQAN_CHAIN_RETRIES, baseDelayMs: config.QALQAN_CHAIN_RETRY_BASE_MS };
  let w: Wired;
  if (chain === 'btc') w = { adapter: new EsploraAdapter(config.QALQAN_ESPLORA_URL!), http: new ChainHttp({ name: 'esplora', rps: config.QALQAN_ESPLORA_RPS, ...common }) };
  else if (chain === 'tron') {
    w = { adapter: new TronGridAdapter(config.QALQAN_TRONGRID_URL!), http: new ChainHttp({ name: 'trongrid', rps: config.QALQAN_TRONGRID_RPS, ...common, headers: config.QALQAN_TRONGRID_KEY ? { 'TRON-PRO-API-KEY': config.QALQAN_TRONGRID_KEY } : {} }) };
  } else w = { adapter: new EtherscanAdapter(config.QALQAN_ETHERSCAN_URL!, config.QALQAN_ETHERSCAN_KEY, config.QALQAN_ETHERSCAN_PAGE_SIZE), http: new ChainHttp({ name: 'etherscan', rps: config.QALQAN_ETHERSCAN_RPS, ...common }) };
  m.set(chain, w);
  return w;
}

export interface FetchOptions {
  /** Accept a completed history fetched within this many seconds (default: any age). */
  maxAgeSeconds?: number;
  /** Fetch again even if a completed history is stored (stable pages still come from the cache). */
  refresh?: boolean;
  /** Upper bound of API pages for this address (default QALQAN_CHAIN_MAX_PAGES). */
  maxPages?: number;
  /** Who asked (audited); default the system. */
  actor?: Actor;
}

export interface FetchResult {
  chain: Chain; address: string; adapter: string;
  /** True when the stored history was used and nothing was requested. */
  cached: boolean;
  /** Pages requested from the API / served from the DB cache. */
  pagesFetched: number; pagesCached: number;
  /** Transfers seen in the pages / new in the store. */
  transfers: number; inserted: number;
  /** False when maxPages stopped the walk before the end of the history. */
  complete: boolean;
}

const markerKey = (address: string) => `history:${address}`;

/** Fetch (or reuse) the history of an address into the store. */
export async function fetchAddressHistory(ctx: FinanceCtx, chain: Chain, rawAddress: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const address = canonicalAddress(chain, rawAddress);
  const { adapter, http } = adapterFor(ctx.config, chain);
  const db = ctx.db;
  const res: FetchResult = { chain, address, adapter: adapter.name, cached: false, pagesFetched: 0, pagesCached: 0, transfers: 0, inserted: 0, complete: true };
  const [marker] = await db.select().from(financeFetchCache).where(and(eq(financeFetchCache.adapter, adapter.name), eq(financeFetchCache.request, markerKey(address))));
  const fresh = marker && marker.stable && (opts.maxAgeSeconds === undefined || Date.now() - marker.fetchedAt.getTime() <= opts.maxAgeSeconds * 1000);
  if (fresh && !opts.refresh) return { ...res, cached: true };

  const io: PageIo = {
    async get(req) {
      const key = redact(req.url);
      const [hit] = await db.select().from(financeFetchCache).where(and(eq(financeFetchCache.adapter, adapter.name), eq(financeFetchCache.request, key)));
      if (hit?.stable) { res.pagesCached++; return JSON.parse(hit.body) as unknown; }
      const got = await http.getJson(req.url, req.retryBody);
      res.pagesFetched++;
      const row = { adapter: adapter.name, request: key, status: got.status, stable: req.stable(got.body), body: got.text, fetchedAt: new Date() };
      await db.insert(financeFetchCache).values(row).onConflictDoUpdate({ target: [financeFetchCache.adapter, financeFetchCache.request], set: { status: row.status, stable: row.stable, body: row.body, fetchedAt: row.fetchedAt } });
      return got.body;
    },
  };
  // A caller may ask for fewer pages than the operator's cap (QALQAN_CHAIN_MAX_PAGES), never more:
  // the cap is what keeps the service within the API provider's terms.
  const maxPages = Math.min(opts.maxPages ?? ctx.config.QALQAN_CHAIN_MAX_PAGES, ctx.config.QALQAN_CHAIN_MAX_PAGES);
  const actor = opts.actor ?? systemActor('finance-fetch');
  let pages = 0;
  for await (const rows of adapter.history(address, io)) {
    res.transfers += rows.length;
    pages++;
    // Each page is stored in its own transaction (a walk may fail at page 6 of 200 and the pages
    // before it are worth keeping), so a page that adds transfers is audited in that transaction.
    if (rows.length) {
      res.inserted += await db.transaction(async (tx) => {
        const { inserted } = await ingestTransfers(tx, rows);
        if (inserted > 0) {
          await recordAudit(tx, actor, { action: 'finance.history.page', entityType: 'finance_address', entityId: `${chain}:${address}`, region: null, details: { adapter: adapter.name, page: pages, transfers: rows.length, inserted } });
        }
        return inserted;
      });
    }
    if (pages >= maxPages) { res.complete = false; break; }
  }
  await db.transaction(async (tx) => {
    await ensureAddresses(tx, chain, [address]);
    await tx.update(financeAddresses).set({ historyFetchedAt: sql`now()`, historySource: adapter.name }).where(and(eq(financeAddresses.chain, chain), eq(financeAddresses.address, address)));
    const summary = JSON.stringify({ pages: res.pagesFetched + res.pagesCached, transfers: res.transfers, inserted: res.inserted, complete: res.complete });
    // A marker is "stable" only for a complete walk: an interrupted one is continued next time.
    await tx.insert(financeFetchCache).values({ adapter: adapter.name, request: markerKey(address), status: 200, stable: res.complete, body: summary })
      .onConflictDoUpdate({ target: [financeFetchCache.adapter, financeFetchCache.request], set: { status: 200, stable: res.complete, body: summary, fetchedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'finance.history.fetch', entityType: 'finance_address', entityId: `${chain}:${address}`, region: null, details: { adapter: adapter.name, ...JSON.parse(summary), refresh: !!opts.refresh } });
  });
  return res;
}
