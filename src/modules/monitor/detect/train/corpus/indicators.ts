/**
 * Invented indicator values (handles, domains, phones, cards, IBANs, wallets) and the
 * ways they are written in posts. Every generator returns the written form plus the
 * canonical indicators it yields under the corpus conventions (README of shared/corpus):
 *   telegram: lower-case, no @ (a t.me link yields only telegram);
 *   url: as written + domain: lower-case host; bare/defanged domain: domain only;
 *   phone: +77XXXXXXXXX; card: digits only (Luhn-valid); iban: no spaces (mod-97 valid);
 *   btc/tron/eth: only when the checksum is valid.
 * Deliberately broken values yield no indicator.
 */
import type { R } from './rng.js';
import {
  base58check, base58checkDecode, eip55, ibanFromBban, ibanValid, isValidBech32Segwit, isValidEth,
  luhnComplete, luhnValid, onionV3, segwitEncode, toHex,
} from './checksums.js';
import { KZ_BANK_CODES, KZ_MOBILE_PREFIXES } from './vocab.js';

export interface Indicator { type: string; value: string }
export interface Emb { w: string; inds: Indicator[] }

// ---------------- telegram handles ----------------
export const HANDLE_PARTS = {
  shop: ['shop', 'store', 'market', 'klad', 'kladovka', 'plug', 'lavka', 'magaz', 'dvor', 'tovar', 'express', 'vip', 'best', 'top', 'fresh',
    'lux', 'real', 'fast', 'zakaz', 'point', 'stuff', 'goods', 'dostavka', 'boss', 'king', 'zona', 'club', 'city', 'vibe', 'original', 'premium',
    'skidki', 'opt', 'nochnoy', 'tihiy', 'ugol', 'sklad', 'tochka', 'bazar', 'pyatnica', 'raduga', 'kosmos', 'luna', 'sever', 'yug'],
  drug: ['meph', 'mef', 'myau', 'sol', 'alfa', 'krs', 'shishki', 'boshki', 'gash', 'koks', 'snow', 'green', 'zelen', 'psy', 'party', 'fen',
    'speed', 'ice', 'kris', 'weed', 'hash', 'molly', 'grib', 'kristall', 'almaz', 'snezhok', 'candy', 'sugar', 'trava', 'buds', 'plan'],
  oper: ['oper', 'operator', 'support', 'manager', 'admin', 'chat', 'otzyvy', 'reviews', 'help', 'pay', 'kassa'],
  rec: ['rabota', 'job', 'jobs', 'hr', 'jumys', 'kurier', 'courier', 'kladmen', 'miner', 'team', 'work', 'easy', 'money', 'podrabotka', 'tabys',
    'vakansii', 'dengi', 'zarabotok', 'income', 'staff', 'karera', 'fasovka', 'driver', 'perevoz', 'vahta', 'start', 'novichok'],
  org: ['news', 'info', 'report', 'help', 'taza', 'clean', 'stopnarko', 'jastar', 'qogam', 'police', 'sos', 'umit', 'senim', 'volonter',
    'antinarko', 'zhardem', 'kenes', 'family', 'ata_ana', 'mektep', 'prof', 'zdorovie', 'densaulyq', 'media', 'kala', 'qala', 'onalty'],
  biz: ['bath', 'spa', 'magnit', 'suvenir', 'marki', 'collector', 'kedr', 'orekh', 'shishki', 'fen', 'beauty', 'apteka', 'dari', 'pizza', 'eda',
    'voda', 'cvety', 'sad', 'bau', 'baksha', 'tech', 'net', 'speed', 'auto', 'kolesa', 'shina', 'crystal', 'stone', 'salt', 'tuz', 'grib',
    'kofe', 'market', 'shop', 'delivery', 'taxi', 'hr', 'jobs', 'kurier', 'sklad', 'crypto', 'exchange', 'p2p', 'obmen', 'travel', 'tour',
    'fishing', 'hobby', 'detektor', 'klad', 'poisk', 'kino', 'music', 'club', 'lavanda', 'mylo', 'handmade', 'chai', 'shop24', 'store'],
};

export type HandleTheme = 'shop' | 'oper' | 'rec' | 'org' | 'biz' | 'person' | 'meme';

const PEOPLE = ['aidos', 'dana', 'marat', 'asel', 'yerlan', 'timur', 'aruzhan', 'nurlan', 'olga', 'sergey', 'madina', 'daniyar', 'aigerim',
  'ruslan', 'zhanna', 'bauyrzhan', 'kairat', 'alina', 'dimash', 'saule', 'arman', 'gulnara', 'vika', 'erzhan', 'tolkyn'];

/** Canonical (lower-case) handle, 5..32 chars, [a-z0-9_], starts with a letter. */
export function makeHandle(r: R, theme: HandleTheme, cityCode: string, topic?: readonly string[]): string {
  for (;;) {
    const parts: string[] = [];
    const P = HANDLE_PARTS;
    if (topic?.length && (theme === 'biz' || theme === 'org') && r.chance(0.92)) {
      parts.push(...r.sample(topic, r.int(1, 2)));
      if (r.chance(0.6)) parts.push(r.pick([cityCode, 'kz', cityCode, 'kz', 'shop', 'official']));
    } else switch (theme) {
      case 'shop':
        parts.push(...r.sample(r.chance(0.6) ? [...P.shop, ...P.drug] : P.shop, r.int(1, 2)));
        if (r.chance(0.7)) parts.splice(r.int(0, parts.length), 0, cityCode);
        if (r.chance(0.35)) parts.push('bot');
        break;
      case 'oper':
        parts.push(r.pick(P.oper));
        if (r.chance(0.5)) parts.unshift(r.pick([...P.shop, ...P.drug]));
        parts.splice(r.int(0, parts.length), 0, cityCode);
        break;
      case 'rec':
        parts.push(...r.sample(P.rec, r.int(1, 2)));
        if (r.chance(0.7)) parts.splice(r.int(0, parts.length), 0, cityCode);
        if (r.chance(0.2)) parts.push('bot');
        break;
      case 'org':
        parts.push(...r.sample(P.org, r.int(1, 2)));
        if (r.chance(0.5)) parts.push(r.pick([cityCode, 'kz', 'kaz', 'qz']));
        if (r.chance(0.3)) parts.push('bot');
        break;
      case 'biz':
        parts.push(...r.sample(P.biz, r.int(1, 2)));
        if (r.chance(0.6)) parts.push(r.pick([cityCode, 'kz', 'shop', 'kz_shop', cityCode]));
        if (r.chance(0.15)) parts.push('bot');
        break;
      case 'meme':
        parts.push(...r.sample(['memes', 'mem', 'vibe', 'kaif', 'chill', 'stoner', 'party', 'trip', 'psy', 'nochnye', 'rave', 'weekend', 'fun', 'lol'], 2));
        if (r.chance(0.4)) parts.push(r.pick([cityCode, 'kz', '420']));
        break;
      case 'person':
        parts.push(r.pick(PEOPLE));
        if (r.chance(0.5)) parts.push(r.pick([cityCode, 'kz', r.pick(P.biz)]));
        break;
    }
    let h = parts.join(r.chance(0.85) ? '_' : '');
    if (r.chance(0.35)) h += (r.chance(0.5) ? '_' : '') + r.pick([r.digits(1), r.digits(2), r.digits(3), '24', '777', '01', '2025', '7']);
    h = h.replace(/__+/g, '_').replace(/^_|_$/g, '');
    // 10+ chars from 2+ stems, or 8+ chars with digits: keeps invented handles away from short real usernames
    if (/^[a-z][a-z0-9_]{7,31}$/.test(h) && ((parts.filter((x) => x !== 'bot').length >= 2 && h.length >= 10) || /\d/.test(h))) return h;
  }
}

function caseVariant(r: R, h: string): string {
  if (r.chance(0.88)) return h;
  return h.split('_').map((p) => (p ? p[0].toUpperCase() + p.slice(1) : p)).join('_');
}

/** Written telegram contact. `kind` lets templates restrict the form. */
export function tgEmb(r: R, handle: string, kind: 'any' | 'at' | 'link' | 'bare' = 'any'): Emb {
  const shown = caseVariant(r, handle);
  const k = kind === 'any' ? r.weighted<'at' | 'link' | 'bare'>([['at', 78], ['link', 15], ['bare', 7]]) : kind;
  let w: string;
  if (k === 'at') w = r.chance(0.97) ? '@' + shown : '@ ' + shown;
  else if (k === 'link') w = r.weighted([['t.me/' + shown, 6], ['https://t.me/' + shown, 4]]);
  else w = r.pick(['тг: ', 'tg: ', 'ТГ: ', 'телега: ', 'telegram: ', 'в тг: ']) + shown;
  return { w, inds: [{ type: 'telegram', value: handle.toLowerCase() }] };
}

// ---------------- domains / urls ----------------
const SHOP_STEMS = ['snow', 'green', 'zelen', 'kristal', 'almaz', 'myau', 'sol', 'psy', 'party', 'lux', 'vip', 'dvor', 'lavka', 'market', 'klad',
  'candy', 'sweet', 'kosmos', 'raketa', 'vibe', 'mag', 'shop', 'store', 'express', 'nochnoi', 'tihiy', 'fresh', 'real', 'top', 'luna', 'sever'];
const ORG_STEMS = ['stopnarko', 'taza-qogam', 'report', 'senim', 'umit', 'jastar', 'densaulyq', 'onalty', 'narkolog', 'apteka', 'dari', 'jetkizu',
  'delivery', 'kurier', 'jobs', 'vacancy', 'net', 'internet', 'telecom', 'salt', 'spa', 'marki', 'kedr', 'news', 'novosti', 'akparat', 'zhardem',
  'clinic', 'med', 'fest', 'sound', 'tickets', 'crypto', 'obmen', 'shop', 'bau', 'sad', 'ortalyk', 'kenes', 'help', 'info', 'media', 'tabigat'];
const SHOP_TLDS: [string, number][] = [['top', 6], ['biz', 4], ['xyz', 4], ['shop', 3], ['site', 3], ['store', 2], ['online', 2], ['cc', 2], ['ru', 3],
  ['com', 3], ['net', 2], ['club', 2], ['pro', 1], ['to', 1], ['ws', 1], ['io', 1], ['kz', 1]];
const ORG_TLDS: [string, number][] = [['kz', 12], ['org', 2], ['com', 2], ['net', 2], ['org.kz', 1], ['info', 1], ['shop', 1], ['top', 1]];
const SHOP_PATHS = ['', '', '/shop', '/menu', '/kz', '/catalog', '/order', '/price', '/new', '/vitrina', '/' + 'city'];
const ORG_PATHS = ['', '', '/report', '/news', '/vacancy', '/jobs', '/apply', '/help', '/contacts', '/tickets', '/about', '/zayavka', '/kurs'];

export function makeHost(r: R, kind: 'shop' | 'org', cityCode: string, topic?: readonly string[]): string {
  for (;;) {
    const h = hostOnce(r, kind, cityCode, topic);
    // invented names only: 8+ chars before the TLD
    if (h.split('.')[0].length >= 8) return h;
  }
}

function hostOnce(r: R, kind: 'shop' | 'org', cityCode: string, topic?: readonly string[]): string {
  const stems = kind === 'org' && topic?.length && r.chance(0.92) ? topic : kind === 'shop' ? SHOP_STEMS : ORG_STEMS;
  const parts = r.sample(stems, r.int(1, 2));
  if (r.chance(0.5)) parts.push(r.chance(0.5) ? cityCode : 'kz');
  let base = parts.join(r.chance(0.7) ? '-' : '');
  if (r.chance(0.3)) base += r.pick([r.digits(2), '24', '7', '365', r.digits(1)]);
  return base + '.' + r.weighted(kind === 'shop' ? SHOP_TLDS : ORG_TLDS);
}

export function urlEmb(r: R, host: string, kind: 'shop' | 'org', paths?: readonly string[]): Emb {
  let path = r.pick(paths?.length ? paths : kind === 'shop' ? SHOP_PATHS : ORG_PATHS);
  if (path === '/city') path = '/' + r.pick(['almaty', 'astana', 'kz', 'shym']);
  if (kind === 'org' && path === '/news') path += '/' + r.pick(['2025', 'region', 'zaderzhanie', 'akciya', 'statistika']);
  const scheme = r.weighted([['https://', 8], ['http://', 2]]);
  const shownHost = r.chance(0.05) ? host.replace(/^./, (c) => c.toUpperCase()) : host;
  const w = scheme + shownHost + path;
  return { w, inds: [{ type: 'url', value: w }, { type: 'domain', value: host.toLowerCase() }] };
}

export function bareDomainEmb(r: R, host: string, defang: boolean): Emb {
  let w = host;
  if (defang) w = r.chance(0.6) ? host.replace(/\.([^.]+)$/, '[.]$1') : host.replace(/\./g, '[.]');
  return { w, inds: [{ type: 'domain', value: host.toLowerCase() }] };
}

export function onionEmb(r: R): Emb {
  const host = onionV3(r.bytes(32));
  if (r.chance(0.25)) {
    const w = 'http://' + host + r.pick(['', '/', '/shop', '/login']);
    return { w, inds: [{ type: 'url', value: w }, { type: 'domain', value: host }] };
  }
  return { w: host, inds: [{ type: 'domain', value: host }] };
}

// ---------------- phones ----------------
export function phoneEmb(r: R): Emb {
  const p = r.pick(KZ_MOBILE_PREFIXES);
  const n = r.digits(7);
  const a = n.slice(0, 3), b = n.slice(3, 5), c = n.slice(5, 7);
  const w = r.weighted<string>([
    [`+7 ${p} ${a} ${b} ${c}`, 5], [`+7(${p})${a}-${b}-${c}`, 3], [`+7 (${p}) ${a}-${b}-${c}`, 2], [`8 ${p} ${a} ${b} ${c}`, 5],
    [`8${p}${n}`, 4], [`8-${p}-${a}-${b}-${c}`, 2], [`8(${p})${n}`, 2], [`+7${p}${n}`, 3], [`+7 ${p} ${a} ${b}${c}`, 2],
    [`8 (${p}) ${a} ${b} ${c}`, 2], [`+7-${p}-${a}-${b}-${c}`, 1],
  ]);
  return { w, inds: [{ type: 'phone', value: `+7${p}${n}` }] };
}

/** Not-a-phone numbers that look numeric (order ids, tracking). */
export function orderNumber(r: R): string {
  return String(r.int(1, 6)) + r.digits(r.int(8, 9));
}

// ---------------- cards / IBAN ----------------
function cardDigits(r: R): string {
  const prefix = r.weighted<string>([['4400' + r.digits(2), 3], ['4' + r.digits(5), 6], ['5' + r.int(1, 5) + r.digits(4), 3]]);
  return luhnComplete(prefix + r.digits(9));
}

function groupCard(r: R, d: string): string {
  return r.weighted<string>([
    [d, 3], [d.replace(/(\d{4})(?=\d)/g, '$1 '), 5], [d.replace(/(\d{4})(?=\d)/g, '$1-'), 2],
  ]);
}

export function cardEmb(r: R, valid = true): Emb {
  let d = cardDigits(r);
  if (!valid) {
    const last = (Number(d[15]) + r.int(1, 9)) % 10;
    d = d.slice(0, 15) + last;
    if (luhnValid(d)) throw new Error('card mutation still valid');
    return { w: groupCard(r, d), inds: [] };
  }
  return { w: groupCard(r, d), inds: [{ type: 'card', value: d }] };
}

export function ibanEmb(r: R, valid = true): Emb {
  const bank = r.pick(KZ_BANK_CODES);
  const acct = r.chance(0.4) ? 'KZT' + r.digits(10) : r.digits(13);
  let iban = ibanFromBban(bank + acct);
  if (!valid) {
    // Check digits that differ by 97 (98 -> 01) are equivalent mod 97: draw again then.
    const good = iban;
    for (let k = 0; k < 10 && ibanValid(iban); k++) {
      const chk = (Number(good.slice(2, 4)) + r.int(1, 50)) % 100;
      iban = 'KZ' + String(chk).padStart(2, '0') + good.slice(4);
    }
    if (ibanValid(iban)) throw new Error('iban mutation still valid');
  }
  const w = r.chance(0.35) ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
  return { w, inds: valid ? [{ type: 'iban', value: iban }] : [] };
}

// ---------------- crypto ----------------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function mutate(r: R, s: string, alphabet: string, from: number, ok: (x: string) => boolean): string {
  for (;;) {
    const i = r.int(from, s.length - 1);
    const c = r.pick(alphabet.split('').filter((x) => x !== s[i]));
    const m = s.slice(0, i) + c + s.slice(i + 1);
    if (!ok(m)) return m;
  }
}

export function btcAddress(r: R, kind?: 'p2pkh' | 'p2sh' | 'bech32' | 'bech32wsh'): string {
  const k = kind ?? r.weighted<'p2pkh' | 'p2sh' | 'bech32' | 'bech32wsh'>([['p2pkh', 4], ['p2sh', 2], ['bech32', 5], ['bech32wsh', 1]]);
  if (k === 'bech32') return segwitEncode(r.bytes(20));
  if (k === 'bech32wsh') return segwitEncode(r.bytes(32));
  const payload = new Uint8Array(21);
  payload[0] = k === 'p2pkh' ? 0x00 : 0x05;
  payload.set(r.bytes(20), 1);
  return base58check(payload);
}

export function btcEmb(r: R, valid = true): Emb {
  const a = btcAddress(r);
  if (valid) return { w: a, inds: [{ type: 'btc', value: a }] };
  const bad = a.startsWith('bc1')
    ? mutate(r, a, B32, 4, isValidBech32Segwit)
    : mutate(r, a, B58, 1, (x) => !!base58checkDecode(x));
  return { w: bad, inds: [] };
}

export function tronEmb(r: R, valid = true): Emb {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(r.bytes(20), 1);
  const a = base58check(payload);
  if (valid) return { w: a, inds: [{ type: 'tron', value: a }] };
  return { w: mutate(r, a, B58, 1, (x) => !!base58checkDecode(x)), inds: [] };
}

export function ethEmb(r: R, valid = true): Emb {
  const body = toHex(r.bytes(20));
  const checksummed = eip55(body);
  if (valid) {
    const w = r.chance(0.55) ? '0x' + body : checksummed;
    return { w, inds: [{ type: 'eth', value: w }] };
  }
  // flip the case of one hex letter of the EIP-55 form -> checksum mismatch
  const letters = [...checksummed.slice(2)].map((ch, i) => (/[a-fA-F]/.test(ch) ? i : -1)).filter((i) => i >= 0);
  for (;;) {
    const i = r.pick(letters) + 2;
    const ch = checksummed[i];
    const flipped = ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
    const bad = checksummed.slice(0, i) + flipped + checksummed.slice(i + 1);
    if (!isValidEth(bad)) return { w: bad, inds: [] };
  }
}
