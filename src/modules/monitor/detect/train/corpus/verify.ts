/**
 * Reference checks for generated examples: every listed indicator occurs in the text and
 * has a valid checksum, and every machine-recognisable indicator in the text is listed.
 * Used by the generator (examples failing a check are discarded) and by the tests.
 */
import { ibanValid, isValidBtc, isValidEth, isValidTron, luhnValid } from './checksums.js';

export interface Ind { type: string; value: string }

const ZW_RE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/** Indicators found by simple regexes (the subset of conventions that is mechanical). */
export function referenceExtract(text: string): Ind[] {
  const out: Ind[] = [];
  const add = (type: string, value: string) => {
    if (!out.some((x) => x.type === type && x.value === value)) out.push({ type, value });
  };
  const t = text.replace(ZW_RE, '');
  for (const m of t.matchAll(/(?<![\p{L}\d_.@/])@ ?([A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])/gu)) add('telegram', m[1].toLowerCase());
  for (const m of t.matchAll(/(?:https?:\/\/)?t\.me\/([A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])/g)) add('telegram', m[1].toLowerCase());
  for (const m of t.matchAll(/(?:^|\s)(?:тг|tg|ТГ|телега|telegram|в тг):\s*([A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_])/giu)) add('telegram', m[1].toLowerCase());
  for (const m of t.matchAll(/https?:\/\/[^\s]+/g)) {
    const u = m[0].replace(/[.,;:!?»"')]+$/, '');
    const host = u.replace(/^https?:\/\//, '').split(/[/?#]/)[0].toLowerCase();
    if (host === 't.me') continue;
    add('url', u);
    add('domain', host);
  }
  for (const m of t.matchAll(/(?<![\w])(bc1[02-9ac-hj-np-z]{38,58}|[13][1-9A-HJ-NP-Za-km-z]{25,34})(?![\w])/g)) if (isValidBtc(m[1])) add('btc', m[1]);
  for (const m of t.matchAll(/(?<![\w])(T[1-9A-HJ-NP-Za-km-z]{33})(?![\w])/g)) if (isValidTron(m[1])) add('tron', m[1]);
  for (const m of t.matchAll(/(?<![\w])(0x[0-9a-fA-F]{40})(?![\w])/g)) if (isValidEth(m[1])) add('eth', m[1]);
  for (const m of t.matchAll(/(?<![\d\w])((?:\d{4}[ -]?){3}\d{4})(?![\d\w])/g)) {
    const d = m[1].replace(/[ -]/g, '');
    if (luhnValid(d)) add('card', d);
  }
  for (const m of t.matchAll(/(?<![\w])(KZ\d{2}(?: ?[0-9A-Z]{4}){4})(?![\w])/g)) {
    const v = m[1].replace(/ /g, '');
    if (ibanValid(v)) add('iban', v);
  }
  for (const m of t.matchAll(/(?<![\p{L}\d+_])(?:\+7|8)[\s\-(]*(7\d\d)[\s\-)]*(\d{3})[\s-]*(\d{2})[\s-]*(\d{2})(?!\d)/gu)) add('phone', `+7${m[1]}${m[2]}${m[3]}${m[4]}`);
  return out;
}

const MECHANICAL = new Set(['btc', 'tron', 'eth', 'card', 'iban', 'phone', 'url']);

export function checksumOk(i: Ind): boolean {
  switch (i.type) {
    case 'btc': return isValidBtc(i.value);
    case 'tron': return isValidTron(i.value);
    case 'eth': return isValidEth(i.value);
    case 'card': return luhnValid(i.value);
    case 'iban': return ibanValid(i.value);
    case 'phone': return /^\+77\d{9}$/.test(i.value);
    case 'telegram': return /^[a-z][a-z0-9_]{4,31}$/.test(i.value);
    case 'domain': return i.value === i.value.toLowerCase() && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(i.value);
    case 'url': return /^https?:\/\//.test(i.value);
    default: return false;
  }
}

/** Does a listed indicator occur in the text under its normalisation? */
export function occursIn(text: string, i: Ind): boolean {
  const t = text.replace(ZW_RE, '');
  switch (i.type) {
    case 'telegram': return t.toLowerCase().includes(i.value);
    case 'url': return t.includes(i.value);
    case 'domain': return t.replace(/\[\.\]/g, '.').toLowerCase().includes(i.value);
    case 'iban': return t.replace(/ /g, '').includes(i.value);
    case 'card': return t.replace(/(\d)[ -](?=\d)/g, '$1').includes(i.value);
    case 'phone': return referenceExtract(t).some((x) => x.type === 'phone' && x.value === i.value);
    default: return t.includes(i.value);
  }
}

/** Problems with an example's indicator list (empty = consistent). */
export function indicatorProblems(text: string, inds: Ind[]): string[] {
  const probs: string[] = [];
  for (const i of inds) {
    if (!checksumOk(i)) probs.push(`invalid ${i.type} ${i.value}`);
    if (!occursIn(text, i)) probs.push(`missing in text ${i.type} ${i.value}`);
  }
  const ref = referenceExtract(text);
  for (const x of ref) {
    if ((MECHANICAL.has(x.type) || x.type === 'telegram' || x.type === 'domain') && !inds.some((i) => i.type === x.type && i.value === x.value)) {
      probs.push(`unlisted ${x.type} ${x.value}`);
    }
  }
  for (const i of inds) {
    if ((MECHANICAL.has(i.type) || i.type === 'telegram') && i.type !== 'telegram' && !ref.some((x) => x.type === i.type && x.value === i.value)) {
      probs.push(`listed but not recognisable ${i.type} ${i.value}`);
    }
  }
  return probs;
}
