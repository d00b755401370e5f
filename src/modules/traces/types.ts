/**
 * The registry of entity types and link kinds, with each type's canonical form. Two writings of
 * the same thing ("@Shop_KZ", "t.me/shop_kz") must give one value, or the store splits one
 * shop into two entities and the link analysis misses the connection.
 */
import {
  ibanMod97, isValidBtc, isValidCard, isValidEth, isValidKzIban, isValidTron, normalizeHost, normalizeKzPhone, normalizeTelegram, toEip55,
} from '../monitor/detect/indicators/index.js';

/** Why a value was refused; returned per item by `observe`. */
export type RejectReason =
  | 'unknown_type' | 'invalid_value' | 'checksum' | 'unknown_kind' | 'unknown_entity' | 'self_link'
  | 'region_invalid' | 'region_forbidden' | 'invalid_time' | 'invalid_confidence';

/** How one entity type is validated and shown. */
export interface EntityTypeSpec {
  /** Canonical value, or a reason when the raw value is not a valid one of this type. */
  canonical(raw: string): string | { reject: RejectReason };
  /** Human form; defaults to the canonical value. */
  display?(value: string, raw: string): string;
  /** True when entities of this type may be bound to a region (a local shop, a tip). */
  regional: boolean;
  /** True for extracted indicators (as opposed to entities people or modules create). */
  indicator: boolean;
}

const MAX_VALUE = 2000;
const invalid = { reject: 'invalid_value' } as const;
const checksum = { reject: 'checksum' } as const;

/** NFC, trimmed, inner whitespace collapsed: names typed by people in different ways. */
const tidy = (raw: string) => raw.normalize('NFC').trim().replace(/\s+/g, ' ');

function plain(lower: boolean): EntityTypeSpec['canonical'] {
  return (raw) => {
    const v = tidy(raw);
    if (!v || v.length > MAX_VALUE) return invalid;
    return lower ? v.toLowerCase() : v;
  };
}

function telegram(raw: string) {
  // People paste links as often as handles.
  const v = raw.trim().replace(/^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.(?:me|dog)\/(?:s\/)?/i, '').replace(/\/+$/, '');
  return normalizeTelegram(v) ?? invalid;
}

function domain(raw: string) {
  const v = raw.trim().replace(/\.$/, '');
  if (v.length > 253) return invalid;
  return normalizeHost(v, true) ?? invalid;
}

function url(raw: string) {
  const m = /^((?:https?|ftp):\/\/)([^/?#\s]+)(\S*)$/i.exec(raw.trim());
  if (!m || raw.length > MAX_VALUE) return invalid;
  const [, scheme, hostPort, path] = m;
  const [host, port] = hostPort!.toLowerCase().split(/:(?=\d+$)/);
  if (!/^(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$|^\d{1,3}(?:\.\d{1,3}){3}$/u.test(host!)) return invalid;
  // The written path is kept (the corpus convention); only a bare "/" is dropped so "x.kz" = "x.kz/".
  return scheme!.toLowerCase() + host + (port ? ':' + port : '') + (path === '/' ? '' : path);
}

function email(raw: string) {
  const v = raw.trim().toLowerCase();
  const at = v.lastIndexOf('@');
  if (at < 1 || v.length > 254 || !/^[a-z0-9._%+-]+$/.test(v.slice(0, at))) return invalid;
  const host = normalizeHost(v.slice(at + 1), true);
  return host ? v.slice(0, at + 1) + host : invalid;
}

function phone(raw: string) {
  const kz = normalizeKzPhone(raw);
  if (kz) return kz;
  // Other countries' numbers only in explicit international form: "8 9xx…" is ambiguous.
  const m = /^\s*(?:\+|00)([\d\s().-]+)$/.exec(raw);
  const d = m?.[1]!.replace(/\D/g, '');
  return d && /^[1-9]\d{7,14}$/.test(d) ? '+' + d : invalid;
}

function card(raw: string) {
  const d = raw.replace(/[\s\-\u00A0]/g, '');
  if (!/^\d{13,19}$/.test(d)) return invalid;
  return isValidCard(d) ? d : checksum;
}

function iban(raw: string) {
  const v = raw.replace(/[\s\-\u00A0]/g, '').toUpperCase();
  if (v.startsWith('KZ')) return /^KZ\d{2}\d{3}[0-9A-Z]{13}$/.test(v) ? (isValidKzIban(v) ? v : checksum) : invalid;
  // Foreign accounts reach us through finance: generic ISO 13616 shape and mod-97.
  if (!/^[A-Z]{2}\d{2}[0-9A-Z]{11,30}$/.test(v)) return invalid;
  return ibanMod97(v) === 1 ? v : checksum;
}

function btc(raw: string) {
  const v = raw.trim();
  if (!/^(?:[13][1-9A-HJ-NP-Za-km-z]{24,34}|(?:bc1|BC1)[0-9A-Za-z]{8,87})$/.test(v)) return invalid;
  if (!isValidBtc(v)) return checksum;
  // bech32 is case-insensitive; base58 is not and stays as written.
  return /^bc1/i.test(v) ? v.toLowerCase() : v;
}

function tron(raw: string) {
  const v = raw.trim();
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(v)) return invalid;
  return isValidTron(v) ? v : checksum;
}

function eth(raw: string) {
  const v = raw.trim();
  if (!/^0[xX][0-9a-fA-F]{40}$/.test(v)) return invalid;
  // One key per account: the EIP-55 case is a checksum, not part of the identity.
  return isValidEth(v) ? '0x' + v.slice(2).toLowerCase() : checksum;
}

const group = (s: string, n: number) => s.replace(new RegExp(`(.{${n}})(?=.)`, 'g'), '$1 ');

const ind = (canonical: EntityTypeSpec['canonical'], display?: EntityTypeSpec['display']): EntityTypeSpec =>
  ({ canonical, display, regional: false, indicator: true });
const named = (lower: boolean, regional: boolean): EntityTypeSpec =>
  ({ canonical: plain(lower), display: (_v, raw) => tidy(raw), regional, indicator: false });

/**
 * Known entity types. Extend with `registerEntityType` (a module adding its own kind of
 * entity) rather than storing free-form types: the graph is only useful if types are shared.
 */
export const ENTITY_TYPES = new Map<string, EntityTypeSpec>([
  ['telegram', ind(telegram, (v) => '@' + v)],
  ['url', ind(url)],
  ['domain', ind(domain)],
  ['btc', ind(btc)],
  ['tron', ind(tron)],
  ['eth', ind(eth, (v) => toEip55(v))],
  // Masked so a graph shown on a screen or in a report does not spell out the number.
  ['card', ind(card, (v) => group(v.slice(0, 6) + '•'.repeat(v.length - 10) + v.slice(-4), 4))],
  ['phone', ind(phone, (v) => v.startsWith('+7') && v.length === 12 ? `+7 ${v.slice(2, 5)} ${v.slice(5, 8)} ${v.slice(8, 10)} ${v.slice(10)}` : v)],
  ['iban', ind(iban, (v) => group(v, 4))],
  ['email', ind(email)],
  // Names are case-folded so "Alma Shop" and "alma shop" are one shop; display keeps the first writing.
  ['shop', named(true, true)],
  ['person', named(true, true)],
  ['organisation', named(true, true)],
  // Ids from other systems (post id, case number, tip number) are kept exactly.
  ['item', named(false, true)],
  ['case', named(false, true)],
  ['tip', named(false, true)],
]);

/** Add an entity type (or replace one) at start-up. Names are lower-case identifiers. */
export function registerEntityType(name: string, spec: EntityTypeSpec): void {
  if (!/^[a-z][a-z0-9_]{1,31}$/.test(name)) throw new Error(`bad entity type name: ${name}`);
  ENTITY_TYPES.set(name, spec);
}

/** Link kinds and whether direction means anything; symmetric links are stored once. */
export const LINK_KINDS = new Map<string, { symmetric: boolean }>([
  ['mentions', { symmetric: false }], // a post/item mentions an indicator
  ['shares_indicator', { symmetric: true }], // two items/shops use the same wallet, card, handle…
  ['pays_to', { symmetric: false }], // money moved from → to
  ['same_as', { symmetric: true }], // two values known to be one actor
  ['belongs_to', { symmetric: false }], // an indicator belongs to a shop/person/organisation
  ['reported_in', { symmetric: false }], // an entity was reported in a tip/case
  ['related', { symmetric: true }], // an analyst's link without a more specific kind
]);

/** Add a link kind at start-up. */
export function registerLinkKind(name: string, spec: { symmetric: boolean }): void {
  if (!/^[a-z][a-z0-9_]{1,31}$/.test(name)) throw new Error(`bad link kind name: ${name}`);
  LINK_KINDS.set(name, spec);
}

export const isEntityType = (t: unknown): t is string => typeof t === 'string' && ENTITY_TYPES.has(t);
export const isLinkKind = (k: unknown): k is string => typeof k === 'string' && LINK_KINDS.has(k);

/** Canonical value of `raw` as `type`, or why it is not one. */
export function canonicalize(type: string, raw: string): { value: string; display: string } | { reject: RejectReason } {
  const spec = ENTITY_TYPES.get(type);
  if (!spec) return { reject: 'unknown_type' };
  if (typeof raw !== 'string') return invalid;
  const v = spec.canonical(raw);
  if (typeof v !== 'string') return v;
  return { value: v, display: spec.display ? spec.display(v, raw) : v };
}
