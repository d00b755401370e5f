/**
 * Ledgers and assets of the finance store, and the canonical address form. A chain id is the
 * traces entity type of its addresses (btc | tron | eth), so a wallet found by monitoring and
 * the same wallet in a trace are one key.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors/catalogue.js';
import { canonicalize } from '../../traces/traces.service.js';
import { Asset, type AssetCode } from '../graph/codes.js';

export const CHAINS = ['btc', 'tron', 'eth'] as const;
export type Chain = (typeof CHAINS)[number];
export const isChain = (s: unknown): s is Chain => typeof s === 'string' && (CHAINS as readonly string[]).includes(s);

/** The genuine Tether USD contract on TRON. Any other token calling itself USDT is a look-alike. */
export const USDT_TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
/** Genuine ERC-20 stablecoin contracts (lower-case). */
export const USDT_ETH = '0xdac17f958d2ee523a2206206994597c13d831ec7';
export const USDC_ETH = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/** Asset names stored in finance_transfers.asset. Traceable ones map to a graph asset code. */
export interface AssetInfo { name: string; chain: Chain; code: AssetCode | null; decimals: number; native: boolean }
export const ASSET_INFO: Record<string, AssetInfo> = {
  BTC: { name: 'BTC', chain: 'btc', code: Asset.BTC, decimals: 8, native: true },
  ETH: { name: 'ETH', chain: 'eth', code: Asset.ETH, decimals: 18, native: true },
  TRX: { name: 'TRX', chain: 'tron', code: Asset.TRX, decimals: 6, native: true },
  'USDT-TRC20': { name: 'USDT-TRC20', chain: 'tron', code: Asset.USDT_TRC20, decimals: 6, native: false },
  'USDT-ERC20': { name: 'USDT-ERC20', chain: 'eth', code: Asset.USDT_ERC20, decimals: 6, native: false },
  'USDC-ERC20': { name: 'USDC-ERC20', chain: 'eth', code: Asset.USDC_ERC20, decimals: 6, native: false },
  // Every other token: stored with its contract for the record, never traced as money.
  'TOKEN-TRC20': { name: 'TOKEN-TRC20', chain: 'tron', code: null, decimals: 0, native: false },
  'TOKEN-ERC20': { name: 'TOKEN-ERC20', chain: 'eth', code: null, decimals: 0, native: false },
};
/** Assets a trace can follow, per chain (the first is the default). */
export const TRACEABLE: Record<Chain, string[]> = { btc: ['BTC'], tron: ['USDT-TRC20', 'TRX'], eth: ['ETH', 'USDT-ERC20', 'USDC-ERC20'] };
export const UTXO: Record<Chain, boolean> = { btc: true, tron: false, eth: false };

export function assetFor(chain: Chain, asset: string | undefined): AssetInfo & { code: AssetCode } {
  const name = asset ?? TRACEABLE[chain][0]!;
  const info = ASSET_INFO[name];
  if (!info || info.chain !== chain || info.code === null) throw new AppError('finance.unsupported', { chain, asset: name, traceable: TRACEABLE[chain] });
  return info as AssetInfo & { code: AssetCode };
}

/** Names stablecoin impostors use; a token with such a symbol/name but another contract is flagged. */
const STABLE_NAMES = /^(usdt|usdc|usd₮|tether|tether usd|usd coin)$/i;
export const claimsStablecoin = (symbol: string | null | undefined, name?: string | null): boolean =>
  STABLE_NAMES.test((symbol ?? '').trim()) || STABLE_NAMES.test((name ?? '').trim()) || /tether/i.test(name ?? '');

/** Canonical address on a chain (traces canonical form), or AppError finance.invalid_address. */
export function canonicalAddress(chain: Chain, raw: string): string {
  const c = canonicalize(chain, raw);
  if ('reject' in c) throw new AppError('finance.invalid_address', { chain, address: raw.slice(0, 120), reason: c.reject });
  return c.value;
}

/** Canonical form without throwing (for counterparties in API data: odd scripts are skipped, not fatal). */
export function tryCanonical(chain: Chain, raw: string | null | undefined): string | null {
  if (!raw) return null;
  const c = canonicalize(chain, raw);
  return 'reject' in c ? null : c.value;
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** base58check of a payload (version byte included). */
export function base58check(payload: Uint8Array): string {
  const check = sha256(sha256(payload)).subarray(0, 4);
  const bytes = Buffer.concat([Buffer.from(payload), check]);
  let n = BigInt('0x' + (bytes.toString('hex') || '0'));
  let out = '';
  while (n > 0n) { out = B58[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}

/** TRON hex address (41 + 20 bytes, as TronGrid returns without visible=true) → base58 "T…"; other input unchanged. */
export function tronFromHex(a: string): string {
  return /^41[0-9a-fA-F]{40}$/.test(a) ? base58check(Buffer.from(a, 'hex')) : a;
}

/** Integer string of an amount in smallest units; refuses fractions, signs and garbage. */
export function amountString(v: unknown): string {
  const s = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : typeof v === 'bigint' ? v.toString() : String(v ?? '');
  if (!/^\d{1,78}$/.test(s)) throw new AppError('finance.upstream_invalid', { amount: String(v).slice(0, 80) });
  return s.replace(/^0+(?=\d)/, '');
}

/** Smallest units → whole units as a decimal string, exact ("150000000", 8 → "1.5"). */
export function formatUnits(amount: string, decimals: number): string {
  if (decimals === 0) return amount;
  const s = amount.padStart(decimals + 1, '0');
  const whole = s.slice(0, -decimals), frac = s.slice(-decimals).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}
