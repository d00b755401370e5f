import type { Chain } from './types.js';

/** What a search box entry looks like: a wallet on a ledger, a payment instrument, or neither. */
export type Guess = { kind: 'address'; chain: Chain; value: string } | { kind: 'card' | 'iban' | 'phone'; value: string } | null;

const BTC = /^(?:bc1[02-9ac-hj-np-z]{11,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/i;
const TRON = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const ETH = /^0x[0-9a-fA-F]{40}$/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Recognise what an analyst pasted. Only the shape is checked here (the server validates
 * checksums again); the point is to open the right page without asking which kind it is.
 */
export function guessInput(raw: string): Guess {
  const v = raw.trim();
  if (!v) return null;
  if (TRON.test(v)) return { kind: 'address', chain: 'tron', value: v };
  if (ETH.test(v)) return { kind: 'address', chain: 'eth', value: v.toLowerCase() };
  if (BTC.test(v)) return { kind: 'address', chain: 'btc', value: /^bc1/i.test(v) ? v.toLowerCase() : v };
  const compact = v.replace(/[\s-]/g, '');
  if (/^KZ\d{2}[0-9A-Z]{16}$/i.test(compact)) return { kind: 'iban', value: compact.toUpperCase() };
  if (/^\d{13,19}$/.test(compact) && luhn(compact)) return { kind: 'card', value: compact };
  const phone = compact.replace(/[()]/g, '');
  if (/^(?:\+?7|8)7\d{9}$/.test(phone)) return { kind: 'phone', value: '+7' + phone.slice(-10) };
  return null;
}

/**
 * An amount for people. Strings are exact decimals from the store (shown digit for digit);
 * numbers are whole units from the engine (rounded to 8 decimals). Grouped by the interface language.
 * `_asset` is kept in the signature so call sites say which unit they show.
 */
export function formatAmount(v: string | number | null | undefined, _asset: string, lang: string): string {
  if (v === null || v === undefined || v === '') return '—';
  const text = typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(8).replace(/\.?0+$/, '') : String(v)) : v;
  const [int, frac] = text.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
  const sep = lang === 'en' ? '.' : ',';
  return frac ? `${grouped}${sep}${frac}` : grouped;
}

/** Middle-ellipsis for long hashes in tight cells; the full value stays in `title` and copy. */
export const short = (s: string, keep = 8): string => (s.length <= keep * 2 + 1 ? s : `${s.slice(0, keep)}…${s.slice(-keep)}`);

/**
 * Service colours in the graph and the exposure chart. Distinct hues plus the category name
 * in every legend and table, so colour is never the only carrier.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  exchange: '#0b73a8',
  darknet_market: '#7b2d8e',
  drug_shop: '#c0392b',
  mixer: '#e67e22',
  gambling: '#b8860b',
  sanctioned: '#000000',
  payment_service: '#2e7d4f',
  mining_pool: '#5d6d7e',
  bridge: '#16a085',
  scam: '#a93226',
  other: '#8a94a0',
};
export const categoryColor = (c: string | null | undefined): string => (c ? CATEGORY_COLORS[c] ?? CATEGORY_COLORS.other! : '#9aa5b1');

/** Path of the address page (chain and address URL-encoded: base58 is safe, but be strict). */
export const addressPath = (chain: string, address: string): string => `/finance/address/${encodeURIComponent(chain)}/${encodeURIComponent(address)}`;

/** Assets a trace can follow on a ledger (store/chains.ts TRACEABLE; the first is the default). */
export const assetsOf = (chain: string): string[] =>
  chain === 'btc' ? ['BTC'] : chain === 'tron' ? ['USDT-TRC20', 'TRX'] : chain === 'eth' ? ['ETH', 'USDT-ERC20', 'USDC-ERC20'] : [];
