/**
 * Validation of dropper instruments: cards (Luhn + the scheme's IIN range and allowed lengths),
 * IBANs (ISO 13616 mod-97; KZ layout and the bank from its code), phones (E.164; Kazakhstan
 * mobiles in any common writing). Canonical forms are the traces store's, so a registry row and
 * the entity monitoring found are the same value. Pure.
 */
import { readFileSync } from 'node:fs';
import { canonicalize } from '../../traces/traces.service.js';

export const DROPPER_KINDS = ['card', 'iban', 'phone'] as const;
/** What kind of payment instrument. */
export type DropperKind = (typeof DROPPER_KINDS)[number];
export const isDropperKind = (s: unknown): s is DropperKind => typeof s === 'string' && (DROPPER_KINDS as readonly string[]).includes(s);

/** Why a value was refused. */
export type InvalidReason = 'unknown_kind' | 'invalid_format' | 'checksum' | 'length_mismatch';

export interface ValidInstrument {
  kind: DropperKind;
  value: string;
  display: string;
  scheme: string | null;
  bankCode: string | null;
  bankName: string | null;
}

interface Bank { code: string; bic: string; name: { ru: string; kk: string; en: string } }
const BANKS: Map<string, Bank> = new Map(
  (JSON.parse(readFileSync(new URL('../../../../data/kz-banks.json', import.meta.url), 'utf8')) as { banks: Bank[] }).banks.map((b) => [b.code, b]),
);

/** The bank behind a KZ IBAN's code (positions 5–7), from data/kz-banks.json. */
export const bankByCode = (code: string): Bank | null => BANKS.get(code) ?? null;

/**
 * Card schemes by IIN range with the lengths they issue. Order matters: Mir (2200–2204) before
 * Mastercard's 2-series, UnionPay (62) before Maestro's 6-range.
 */
const SCHEMES: { name: string; test: (d: string) => boolean; lengths: number[] }[] = [
  { name: 'mir', test: (d) => /^220[0-4]/.test(d), lengths: [16, 17, 18, 19] },
  { name: 'visa', test: (d) => d.startsWith('4'), lengths: [13, 16, 19] },
  { name: 'mastercard', test: (d) => /^5[1-5]/.test(d) || (+d.slice(0, 4) >= 2221 && +d.slice(0, 4) <= 2720), lengths: [16] },
  { name: 'amex', test: (d) => /^3[47]/.test(d), lengths: [15] },
  { name: 'unionpay', test: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
  { name: 'jcb', test: (d) => +d.slice(0, 4) >= 3528 && +d.slice(0, 4) <= 3589, lengths: [16, 17, 18, 19] },
  { name: 'maestro', test: (d) => /^(50|5[6-9]|6)/.test(d), lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

/** The card scheme of a digit string, or "other". */
export function cardScheme(digits: string): { name: string; lengths: number[] } {
  return SCHEMES.find((s) => s.test(digits)) ?? { name: 'other', lengths: [13, 14, 15, 16, 17, 18, 19] };
}

/** Validate and canonicalise one instrument. */
export function validateInstrument(kind: string, raw: string): ValidInstrument | { reason: InvalidReason } {
  if (!isDropperKind(kind)) return { reason: 'unknown_kind' };
  const c = canonicalize(kind, String(raw ?? ''));
  if ('reject' in c) return { reason: c.reject === 'checksum' ? 'checksum' : 'invalid_format' };
  if (kind === 'card') {
    const s = cardScheme(c.value);
    if (!s.lengths.includes(c.value.length)) return { reason: 'length_mismatch' };
    return { kind, value: c.value, display: c.display, scheme: s.name, bankCode: null, bankName: null };
  }
  if (kind === 'iban') {
    const code = c.value.startsWith('KZ') ? c.value.slice(4, 7) : null;
    const bank = code ? bankByCode(code) : null;
    return { kind, value: c.value, display: c.display, scheme: null, bankCode: code, bankName: bank?.name.ru ?? null };
  }
  return { kind, value: c.value, display: c.display, scheme: null, bankCode: null, bankName: null };
}
