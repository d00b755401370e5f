/**
 * Shapes the finance API returns (mirrors of src/modules/finance/{trace,clusters,store,tags,droppers,reports}).
 * Amounts travel as exact decimal strings or as numbers in the asset's smallest unit; `formatAmount`
 * (lib.ts) shows both the same way.
 */

/** Ledgers as the traces store names them (entity types). */
export const CHAINS = ['btc', 'tron', 'eth'] as const;
export type Chain = (typeof CHAINS)[number];

export const MODELS = ['poison', 'haircut', 'fifo'] as const;
export type TaintModel = (typeof MODELS)[number];
export type Direction = 'forward' | 'backward';

/** Attribution categories (tags.service); the graph colours service nodes by these. */
export const CATEGORIES = ['exchange', 'darknet_market', 'drug_shop', 'mixer', 'gambling', 'sanctioned', 'payment_service', 'mining_pool', 'bridge', 'scam', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** An attribution tag with its provenance. */
export interface Tag {
  id?: string;
  chain?: string;
  address?: string;
  label: string;
  category: string;
  source: string;
  /** TagRow: GraphSense confidence id; TagInfo (tagsFor): level 0..1 with the id in `confidenceId`. */
  confidence: string | number;
  confidenceId?: string;
  confidenceLevel?: number;
  currency?: string;
  actor?: string | null;
  origin?: string;
  region?: string | null;
  createdByName?: string;
  createdAt?: string;
}

/** One value transfer (a UTXO input→output pair, a TRC-20/ERC-20 event, a native transfer). */
export interface Transfer {
  id?: string | number;
  asset: string;
  txHash: string;
  from: string;
  to: string;
  /** Smallest units, exact (decimal integer string). */
  amount: string;
  /** Whole units, exact decimal string. */
  units: string;
  blockTime: string;
  ioIndex?: number;
  tokenContract?: string | null;
  tokenSymbol?: string | null;
  /** Look-alike token (not the genuine contract). */
  lookalike?: boolean;
  direction?: 'in' | 'out';
  /** Strongest tag of the other side, when the server joins it (colours expanded graph nodes). */
  counterpartyTag?: { label: string; category: string } | null;
}

/** Address page (store/address.service.ts getAddressPage). Amounts: `received`/`sent` smallest units, `*Units` whole units. */
export interface AddressPage {
  chain: string;
  address: string;
  summary: { firstSeen: string | null; lastSeen: string | null; transferCount: number; historyFetchedAt: string | null; historySource: string | null } | null;
  totals: { asset: string; tokenContract: string | null; lookalike: boolean; decimals: number; received: string; sent: string; receivedUnits: string; sentUnits: string; n: number }[];
  tags: Tag[];
  cluster: { id: string; size: number; confidence: string } | null;
  clusterMedium: { id: string; size: number; confidence: string } | null;
  entity: { id: string; type: string; value: string; display: string } | null;
  transfers: { items: Transfer[]; total: number; offset: number; limit: number };
}

export interface PathHop {
  tx: string;
  from: string;
  to: string;
  value: string | number;
  time: string | number;
  taint?: number;
  share?: number;
}

export interface TraceExit {
  address: string;
  service: { label: string; category: string } | null;
  amount: string | number;
  time: string | number;
  hops: number;
  reason?: string;
  path: PathHop[];
  explanation: string[];
}

export interface TraceParams {
  chain: string;
  asset: string;
  /** As given (addresses or wallet entity ids). */
  seeds: string[];
  /** Seed addresses as resolved by the server (canonical). */
  resolvedSeeds?: string[];
  direction: Direction;
  model: TaintModel;
  maxHops: number;
  from?: string | null;
  windowSeconds?: number | null;
  /** Whole units. */
  minValue?: number | null;
  expandHighDegree?: boolean;
  fetch?: boolean;
}

/** A stored trace run (trace/trace.service.ts). Amounts in exits are whole units. */
export interface TraceRun {
  id: string;
  region: string;
  caseNumber: string;
  title: string;
  chain: string;
  asset: string;
  model: string;
  direction: string;
  seeds: string[];
  params: TraceParams;
  results: { exits: TraceExit[]; totals: unknown[]; exitsListed: number; exitsTotal: number };
  stats: Record<string, unknown>;
  modelVersion: string;
  createdByName: string;
  createdAt: string;
}

/** A run in lists (no results). */
export type TraceListItem = Omit<TraceRun, 'params' | 'results'>;

/** Input of POST /api/finance/traces. */
export interface TraceInput {
  chain: string; asset?: string; seeds: string[]; direction: Direction; model: TaintModel; maxHops: number;
  from?: string; windowSeconds?: number; minValue?: number; expandHighDegree?: boolean; fetch?: boolean;
  region?: string; caseNumber?: string; title?: string;
}

/** A service a run's funds reached, as a freeze request would cite it (reports.service.ts). */
export interface FreezeCandidate { service: string; category: string; addresses: { address: string; amount: number; exits: number; first: string; txs: string[] }[]; amount: number; asset: string }

/** Cluster page (clusters.service.ts getCluster). */
export interface ClusterPage {
  cluster: { id: string; chain: string; confidence: string; heuristics: string[]; size: number; representative: string; totalIn: number; totalOut: number; builtAt: string };
  members: { items: { address: string; tags: Tag[] }[]; total: number; offset: number; limit: number };
  categories: Record<string, number>;
  run: { id: string; builtAt: string; transactions: number; coinjoins: number; refused: unknown } | null;
}

export interface Exposure {
  direct: Record<string, number>;
  indirect: Record<string, number>;
  total?: number;
  asset?: string;
  truncated?: boolean;
}

export const DROPPER_KINDS = ['card', 'iban', 'phone'] as const;
export const DROPPER_STATUSES = ['reported', 'confirmed', 'blocked', 'cleared'] as const;

export interface Dropper {
  id: string;
  kind: string;
  value?: string;
  display: string;
  region: string;
  status: string;
  scheme: string | null;
  bankCode: string | null;
  bankName: string | null;
  holderName?: string;
  firstSeen: string;
  lastSeen: string;
  reports: number;
  note?: string;
  lastRequestId?: string | null;
}

export interface DropperReport { id: string; origin: string; reporter: string; reference: string; reportedAt: string; details: Record<string, unknown> }

/** What a dropper is linked to in the traces store (droppers.service.ts DropperLinks). */
export interface Linked { entityId: string; type: string; display: string; kind: string; region: string | null }
export interface DropperLinks { shops: Linked[]; posts: Linked[]; wallets: Linked[]; instruments: Linked[]; other: Linked[] }

/** Bank CSV import answer (import.service.ts); an atomic import with bad rows answers 422 finance.import_rejected with the same `errors` in details. */
export interface CsvRowError { row: number; column: string; reason: string }
export interface CsvImportResult { importId: string | null; rows: number; written: number; created: number; errors: CsvRowError[] }

export interface BankRequestResult { requests: { id: string; status: string; region: string; bank: string; entries: number }[]; skipped: { id: string; reason: string }[] }
