/**
 * The vocabulary of attribution: categories (ours, the graph engine's tag codes and GraphSense
 * concepts), GraphSense confidence levels, ledgers and which ledger an address is on. Pure.
 */
import { canonicalize } from '../../traces/traces.service.js';
import { Tag, type TagCode } from '../graph/codes.js';

export const TAG_CATEGORIES = [
  'exchange', 'darknet_market', 'drug_shop', 'mixer', 'gambling', 'sanctioned', 'payment_service', 'mining_pool', 'bridge', 'scam', 'other',
] as const;
/** What kind of actor an attribution tag names. */
export type TagCategory = (typeof TAG_CATEGORIES)[number];
export const isTagCategory = (s: unknown): s is TagCategory => typeof s === 'string' && (TAG_CATEGORIES as readonly string[]).includes(s);

/**
 * Category → the graph engine's node tag (graph/codes.ts). Scam and other have no service code:
 * tracing does not stop at them (a scam wallet is a pass-through like any other wallet).
 */
export const CATEGORY_CODE: Record<TagCategory, TagCode> = {
  exchange: Tag.EXCHANGE, darknet_market: Tag.DARKNET_MARKET, drug_shop: Tag.DRUG_SHOP, mixer: Tag.MIXER, gambling: Tag.GAMBLING,
  sanctioned: Tag.SANCTIONED, payment_service: Tag.PAYMENT_SERVICE, mining_pool: Tag.MINING_POOL, bridge: Tag.BRIDGE, scam: Tag.NONE, other: Tag.NONE,
};

/** Our category → the GraphSense concept written on export ("other" is written without a category). */
const TO_CONCEPT: Record<TagCategory, string | null> = {
  exchange: 'exchange', darknet_market: 'market', drug_shop: 'shop', mixer: 'mixing_service', gambling: 'gambling', sanctioned: 'sanction',
  payment_service: 'payment_processor', mining_pool: 'mining_service', bridge: 'bridge', scam: 'scam', other: null,
};

/** GraphSense concepts (category or abuse) → our category; anything unknown becomes "other". */
const FROM_CONCEPT: Record<string, TagCategory> = {
  exchange: 'exchange', market: 'darknet_market', darknet_market: 'darknet_market', shop: 'drug_shop', drug_shop: 'drug_shop',
  mixing_service: 'mixer', mixing: 'mixer', coinjoin: 'mixer', mixer: 'mixer', gambling: 'gambling',
  sanction: 'sanctioned', sanctioned: 'sanctioned', payment_processor: 'payment_service', payment_service: 'payment_service',
  mining_service: 'mining_pool', miner: 'mining_pool', mining_pool: 'mining_pool', bridge: 'bridge',
  scam: 'scam', phishing: 'scam', ponzi_scheme: 'scam', pyramid_scheme: 'scam', investment_fraud: 'scam', ransomware: 'scam', extortion: 'scam', sextortion: 'scam',
};

export const toConcept = (c: TagCategory): string | null => TO_CONCEPT[c];
export function fromConcepts(category: unknown, abuse: unknown): TagCategory {
  // An abuse of "sanction" outranks a neutral category: a sanctioned exchange is first of all sanctioned.
  if (abuse === 'sanction') return 'sanctioned';
  if (typeof category === 'string' && FROM_CONCEPT[category]) return FROM_CONCEPT[category]!;
  if (typeof abuse === 'string' && FROM_CONCEPT[abuse]) return FROM_CONCEPT[abuse]!;
  return 'other';
}

/** GraphSense confidence taxonomy (graphsense-tagpack-tool confidence.csv): id → level 0..100. */
export const CONFIDENCE: Readonly<Record<string, number>> = {
  override: 100, ownership: 100, manual_transaction: 90, service_api: 70, authority_data: 60, trusted_provider: 50,
  service_data: 50, forensic: 50, untrusted_transaction: 40, web_crawl: 20, heuristic: 10, unknown: 5,
};
export const CONFIDENCE_IDS = Object.keys(CONFIDENCE) as [string, ...string[]];

/** Ledgers we trace; the names are the traces entity types of their addresses. */
export const CHAINS = ['btc', 'eth', 'tron'] as const;
export type Chain = (typeof CHAINS)[number];

/** "bitcoin", "BTC", "ethereum", "TRX"… → our ledger id, or null. */
export function normalizeChain(s: string): Chain | null {
  switch (s.trim().toLowerCase()) {
    case 'btc': case 'bitcoin': case 'xbt': return 'btc';
    case 'eth': case 'ethereum': return 'eth';
    case 'tron': case 'trx': return 'tron';
    default: return null;
  }
}

/** The ledger an address's format belongs to, with its canonical form; null if it is none of ours. */
export function ledgerOfAddress(raw: string): { chain: Chain; address: string } | null {
  for (const chain of CHAINS) {
    const c = canonicalize(chain, raw);
    if (!('reject' in c)) return { chain, address: c.value };
  }
  return null;
}

/** Canonical form of an address on a given ledger, or null when it is not a valid one. */
export function canonicalAddress(chain: Chain, raw: string): string | null {
  const c = canonicalize(chain, raw);
  return 'reject' in c ? null : c.value;
}

// Tickers of ledgers we do not trace whose addresses can look like ours (BCH/BSV legacy addresses
// are Bitcoin-format): never put such a tag on the Bitcoin ledger.
const FOREIGN = new Set(['BCH', 'BSV', 'LTC', 'DASH', 'ZEC', 'XVG', 'DOGE', 'XMR', 'SOL', 'XRP', 'ETC', 'ADA', 'BTG']);
// EVM networks share Ethereum's key space: the same key controls the address on Ethereum.
const EVM = new Set(['ETH', 'BSC', 'BNB', 'ARB', 'MATIC', 'POL', 'OP', 'AVAX', 'USDC', 'USDT', 'DAI', 'BUSD']);
const ALLOWED: Record<string, readonly Chain[]> = { XBT: ['btc'], BTC: ['btc'], ETH: ['eth'], TRX: ['tron'], USDT: ['tron', 'eth'], USDC: ['eth', 'tron'] };

/** Why a (ticker, address) pair was not given a ledger. */
export type LedgerRefusal = 'unsupported_ledger' | 'invalid_address' | 'format_mismatch';

/**
 * Which ledger a listed (ticker, address) is on. The ticker alone does not tell (USDT lives on
 * TRON and Ethereum): the address format decides, and the ticker only vetoes impossible pairs.
 */
export function ledgerFor(ticker: string, raw: string): { chain: Chain; address: string } | { refused: LedgerRefusal } {
  const t = ticker.trim().toUpperCase();
  if (FOREIGN.has(t)) return { refused: 'unsupported_ledger' };
  const found = ledgerOfAddress(raw);
  if (!found) return { refused: 'invalid_address' };
  const allowed = ALLOWED[t] ?? (EVM.has(t) ? ['eth'] : ['eth', 'tron']);
  return allowed.includes(found.chain) ? found : { refused: 'format_mismatch' };
}

/** The ticker written for a tag on a ledger when the source gave none. */
export const NATIVE_TICKER: Record<Chain, string> = { btc: 'BTC', eth: 'ETH', tron: 'TRX' };
