import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/*
 * Finance store (docs/finance.md): public ledger data fetched through the chain adapters,
 * trace runs, and address clusters. Ledger rows are not region-bound (a blockchain is public
 * and the same for every region); trace runs belong to the region of the case.
 * `chain` is always btc | tron | eth — the traces entity types of the same addresses.
 */

/** An address seen on a ledger, with the span of its stored activity and whether its history was fetched. */
export const financeAddresses = pgTable(
  'finance_addresses',
  {
    chain: text('chain').notNull(),
    /** Canonical form (traces canonical: bech32 and ETH lower-case, base58 as written). */
    address: text('address').notNull(),
    /** Block time of the earliest / latest stored transfer touching the address. */
    firstSeen: ts('first_seen'),
    lastSeen: ts('last_seen'),
    /** Stored transfers touching the address (either side); drives the high-degree guard without counting. */
    transferCount: integer('transfer_count').notNull().default(0),
    /** When the full history was last fetched (null = only seen as a counterparty). */
    historyFetchedAt: ts('history_fetched_at'),
    /** Adapter that fetched it (esplora | trongrid | etherscan). */
    historySource: text('history_source'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.address] })],
);

/** One ledger transaction (confirmed only). */
export const financeTransactions = pgTable(
  'finance_transactions',
  {
    chain: text('chain').notNull(),
    hash: text('hash').notNull(),
    blockHeight: bigint('block_height', { mode: 'number' }),
    blockTime: ts('block_time').notNull(),
    /** Fee in the chain's native smallest unit (sat, wei, sun), exact. */
    fee: numeric('fee', { precision: 78, scale: 0 }),
    /** Adapter the record came from. */
    source: text('source').notNull(),
    fetchedAt: ts('fetched_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.hash] }), index('finance_tx_time_idx').on(t.chain, t.blockTime)],
);

/**
 * One value movement. Account chains (TRON, Ethereum): from → to. UTXO (Bitcoin): one row per
 * input (from = the spent output's address, to = null = the transaction itself) and one per
 * output (from = null, to = the receiving address), so the graph can model inputs → tx → outputs
 * and the clustering can see every input of a transaction.
 */
export const financeTransfers = pgTable(
  'finance_transfers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    txHash: text('tx_hash').notNull(),
    /** Identity inside the transaction: `in:<vin>`, `out:<vout>`, `native`, `tok:<contract>:<from>:<to>:<amount>:<k>`. */
    key: text('key').notNull(),
    /** BTC | ETH | TRX | USDT-TRC20 | USDT-ERC20 | USDC-ERC20 (graph asset codes) | TOKEN-TRC20 | TOKEN-ERC20 (any other token). */
    asset: text('asset').notNull(),
    /** Token contract (TRC-20 base58, ERC-20 lower-case hex); null for native coins. */
    tokenContract: text('token_contract'),
    /** Symbol the token contract claims (may lie: see lookalike). */
    tokenSymbol: text('token_symbol'),
    /** The token calls itself USDT/USDC/Tether but is not the genuine contract: never counted as USDT. */
    lookalike: boolean('lookalike').notNull().default(false),
    fromAddress: text('from_address'),
    toAddress: text('to_address'),
    /** Exact amount in the asset's smallest unit. */
    amount: numeric('amount', { precision: 78, scale: 0 }).notNull(),
    /** The same amount as a double, what the in-memory graph uses (docs/finance-tracing.md, value precision). */
    value: doublePrecision('value').notNull(),
    /** Exponent of the smallest unit (8 BTC, 18 ETH, 6 TRX/USDT, token's own). */
    decimals: integer('decimals').notNull(),
    blockTime: ts('block_time').notNull(),
    /** vin / vout index for UTXO rows; null otherwise. */
    ioIndex: integer('io_index'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('finance_transfers_key_uq').on(t.chain, t.txHash, t.key),
    index('finance_transfers_from_idx').on(t.chain, t.fromAddress, t.blockTime),
    index('finance_transfers_to_idx').on(t.chain, t.toAddress, t.blockTime),
    check('finance_transfers_side_ck', sql`${t.fromAddress} is not null or ${t.toAddress} is not null`),
  ],
);

/**
 * Responses of the public APIs, keyed by (adapter, request without credentials), so a trace
 * never fetches the same page twice. `stable` pages (older history behind a cursor, full pages)
 * are served from here; the newest page of an address is refetched when its history is refreshed.
 * Request `history:<address>` marks a completed address history.
 */
export const financeFetchCache = pgTable(
  'finance_fetch_cache',
  {
    adapter: text('adapter').notNull(),
    request: text('request').notNull(),
    fetchedAt: ts('fetched_at').notNull().defaultNow(),
    /** HTTP status of the stored response. */
    status: integer('status').notNull(),
    /** Whether the response can never change (served from cache without asking again). */
    stable: boolean('stable').notNull().default(false),
    /** Response body as received (JSON text), or a summary for history markers. */
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.adapter, t.request] })],
);

/**
 * A stored trace run: parameters, engine version and results, so a report made from it can be
 * reproduced (`maxTransferId` fixes the store state the run saw).
 */
export const financeTraceRuns = pgTable(
  'finance_trace_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ISO 3166-2:KZ region of the case; readers see their regions' runs. */
    region: text('region').notNull(),
    /** Criminal case / ERDR number the trace belongs to (optional). */
    caseNumber: text('case_number').notNull().default(''),
    title: text('title').notNull().default(''),
    chain: text('chain').notNull(),
    asset: text('asset').notNull(),
    /** poison | haircut | fifo */
    model: text('model').notNull(),
    /** forward | backward */
    direction: text('direction').notNull(),
    /** Seed addresses as resolved (canonical). */
    seeds: text('seeds').array().notNull(),
    /** Every input parameter, as given and as defaulted. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    /** Engine and service version that produced the results. */
    modelVersion: text('model_version').notNull(),
    /** Highest finance_transfers.id the run could see. */
    maxTransferId: bigint('max_transfer_id', { mode: 'number' }).notNull(),
    /** Exits with paths and explanations, totals per service (shape: trace.types.ts TraceResults). */
    results: jsonb('results').$type<Record<string, unknown>>().notNull(),
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull(),
    createdById: text('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('finance_trace_runs_region_idx').on(t.region, t.createdAt), index('finance_trace_runs_case_idx').on(t.caseNumber)],
);

/** An address cluster (one entity) from the last clustering run of a ledger. */
export const financeClusters = pgTable(
  'finance_clusters',
  {
    /** Deterministic from (chain, confidence, smallest member address): stable while the cluster keeps that member. */
    id: uuid('id').primaryKey(),
    chain: text('chain').notNull(),
    /** high = multi-input only; medium = multi-input + change heuristic. */
    confidence: text('confidence').notNull(),
    /** Heuristics that linked members: multi-input, change. */
    heuristics: text('heuristics').array().notNull(),
    size: integer('size').notNull(),
    /** Smallest member address, the cluster's name in lists. */
    representative: text('representative').notNull(),
    /** Received / spent by members, smallest units. */
    totalIn: doublePrecision('total_in').notNull(),
    totalOut: doublePrecision('total_out').notNull(),
    runId: uuid('run_id').notNull(),
    builtAt: ts('built_at').notNull(),
  },
  (t) => [index('finance_clusters_chain_idx').on(t.chain, t.confidence, t.size)],
);

/** Membership: an address's cluster at each confidence level (only clusters of ≥ 2 addresses). */
export const financeClusterMembers = pgTable(
  'finance_cluster_members',
  {
    chain: text('chain').notNull(),
    address: text('address').notNull(),
    confidence: text('confidence').notNull(),
    clusterId: uuid('cluster_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.address, t.confidence] }), index('finance_cluster_members_cluster_idx').on(t.clusterId, t.address)],
);

/** A clustering run: options, counts, CoinJoins excluded and merges refused by the guard (for review). */
export const financeClusterRuns = pgTable('finance_cluster_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  chain: text('chain').notNull(),
  options: jsonb('options').$type<Record<string, unknown>>().notNull(),
  transactions: integer('transactions').notNull(),
  clusters: integer('clusters').notNull(),
  /** [{ tx, pattern, equalOutputs, denomination }] */
  coinjoins: jsonb('coinjoins').$type<unknown[]>().notNull(),
  /** [{ tx, heuristic, clusters: [{ address, size }] }] */
  refused: jsonb('refused').$type<unknown[]>().notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
