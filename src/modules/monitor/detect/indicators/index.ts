/**
 * Indicator extraction for the monitoring module: Telegram handles, URLs,
 * domains, e-mails, crypto wallets, payment cards, KZ phones and KZ IBANs found
 * in a post, in the canonical forms of the project's labelled corpus
 * (/work/shared/corpus/README.md). Pure and synchronous: no I/O, no state
 * between calls beyond reusable scratch buffers.
 */
import * as digitWords from './digit-words.js';
import * as emojiGaps from './emoji-gaps.js';
import * as features from './features.js';
import type { Features } from './features.js';
import * as instructedJoints from './instructed-joints.js';
import * as letterChains from './letter-chains.js';
import * as mailHosts from './mail-hosts.js';
import * as normalizeMod from './normalize.js';
import type { Normalized } from './normalize.js';
import * as numbers from './numbers.js';
import * as spelledJoints from './spelled-joints.js';
import type { Hit, Indicator, Taken as TakenSet } from './types.js';
import * as types from './types.js';
import * as wallets from './wallets.js';
import * as web from './web.js';

// local consts: imported bindings are getters under tsx (a property load per use in hot code)
const { F, JUNCTIONS, scanFeatures } = features;
const { SEVEN, foldDigitWords, hasDigitWord } = digitWords;
const { EMOJI_GAP_HINT, foldEmojiGaps } = emojiGaps;
const { LETTER_CHAIN_HINT, foldLetterChains } = letterChains;
const { foldInstructedJoints } = instructedJoints;
const { MAIL_HOST_HINT, foldMailHosts } = mailHosts;
const { normalizeAlways } = normalizeMod;
const { extractNumbers } = numbers;
const { LOOSE_UNDERSCORE, foldSpelledJoints } = spelledJoints;
const { Taken } = types;
const { extractWallets } = wallets;
const { extractWeb } = web;

export type { Indicator, IndicatorType } from './types.js';
export { normalize, type Normalized } from './normalize.js';
export {
  KZ_MOBILE_CODES,
  ibanMod97,
  isValidCard,
  isValidKzIban,
  luhnValid,
  normalizeKzPhone,
} from './numbers.js';
export { base58checkVersion, isValidBtc, isValidEth, isValidSegwit, isValidTron, toEip55 } from './wallets.js';
export { normalizeHost } from './hosts.js';
export { normalizeTelegram } from './web.js';
export { TLD_SET } from './tld.js';

// Reused by every call (extraction is synchronous and never re-entered).
const webTaken = new Taken();
const numTaken = new Taken();
const rawTaken = new Taken();
const gapNumTaken = new Taken();
const gapWebTaken = new Taken();
const BECH32_HINT = /[bB][cC]1/;

/**
 * All indicators in `text`, sorted by start offset and deduplicated by
 * type+value (the first occurrence wins). Offsets are UTF-16 indices into the
 * original `text`, end exclusive, and cover the written (possibly obfuscated)
 * form. Values with a broken checksum (wallets, cards, IBANs) are never
 * returned. Never throws on arbitrary strings (lone surrogates, control chars).
 */
export function extractIndicators(text: string): Indicator[] {
  if (typeof text !== 'string' || text.length < 4) return []; // shortest: "x.kz"
  // scanFeatures refills one shared record: `f` always describes the text last scanned (refold)
  const f = scanFeatures(text);
  let norm: Normalized = { text, start: null, end: null };
  if (f.flags & F.NORMALIZE) {
    norm = normalizeAlways(text, false);
    scanFeatures(norm.text, false);
  }
  // digits written as words ("восемь-семь-ноль-семь 538 21 90", or the whole number; digit-words.ts)
  const spelled = SEVEN.test(norm.text);
  norm = refold(norm, spelled || (f.junctions > 0 && hasDigitWord(norm.text, JUNCTIONS, f.junctions)) ? foldDigitWords(norm.text, spelled) : null);
  // underscores spelled out inside a Telegram name ("yol (нижнее подчёркивание) driver"; spelled-joints.ts)
  norm = refold(norm, f.flags & F.SPELLED_JOINT || (f.flags & F.UNDERSCORE && LOOSE_UNDERSCORE.test(norm.text)) ? foldSpelledJoints(norm.text) : null);
  // a name spelled with spaces, dashes or dots and the instruction to read them as underscores
  // ("тг geroin-rai (вместо дефиса — нижнее подчёркивание)"; instructed-joints.ts)
  norm = refold(norm, f.flags & F.SPELLED_JOINT ? foldInstructedJoints(norm.text) : null);
  // a mail provider in Cyrillic after a spelled @ ("собака гмайл точка ком"; mail-hosts.ts)
  norm = refold(norm, f.flags & F.AT_WORD && MAIL_HOST_HINT.test(norm.text) ? foldMailHosts(norm.text) : null);
  // a name with a dot or dash between its letters ("тг k.i.t.c.h.e.n_alm"; letter-chains.ts): dots
  // where the feature scan saw "k.i."; dashes only with an @, a Telegram word or an underscore
  const chainHint = f.flags & F.LETTER_DOT || (f.flags & (F.AT | F.KEYWORD | F.UNDERSCORE) && norm.text.indexOf('-') >= 0);
  norm = refold(norm, chainHint && LETTER_CHAIN_HINT.test(norm.text) ? foldLetterChains(norm.text) : null);
  const t = norm.text;
  const hits: Hit[] = [];
  // Web-ish and numeric indicators claim spans separately: a wallet inside a URL
  // path is still worth reporting, a phone inside a URL is not (see numbers.ts).
  const web = webTaken;
  const num = numTaken;
  web.reset(t.length);
  num.reset(t.length);
  extractWeb(t, hits, web, f);
  extractWallets(t, hits, num, f);
  // The look-alike fold reads "l" among digits as "1" ("ll75" -> "1175"). Base58 has no "l", but
  // bech32 has, so a bech32 address cut into groups can be broken by the fold: it is looked for in
  // the written text as well (spans already in the original; claimed in the folded text too).
  const raw = t !== text && BECH32_HINT.test(text) ? rawWallets(text, norm, hits, num, f) : null;
  extractNumbers(t, hits, num, web, f);
  // emoji between the digit groups of a number ("8 7 7 7 🔥 4 0 4 🔥 2 8 8 0"): read once more with
  // the gaps as spaces, keeping only numbers found nowhere else (scanFeatures' shared object is
  // overwritten there: `f` is not used after this)
  if (f.digits >= 10 && EMOJI_GAP_HINT.test(t)) gapNumbers(t, hits, num, web);
  if (hits.length === 0 && !raw) return [];

  // Hits are fresh objects of the Indicator shape: map their spans to the original
  // text in place instead of copying each into a second object.
  const out: Indicator[] = hits;
  if (norm.start && norm.end) {
    const ms = norm.start;
    const me = norm.end;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      h.start = ms[h.start];
      h.end = me[h.end - 1];
    }
  }
  if (raw) out.push(...raw);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  if (out.length === 1) return out;
  const seen = new Set<string>();
  return out.filter((x) => {
    const k = x.type + '\u0000' + x.value;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Numbers written with emoji between their groups (emoji-gaps.ts), spans in `t`, claimed in `num`. */
function gapNumbers(t: string, hits: Hit[], num: TakenSet, web: TakenSet): void {
  const g = foldEmojiGaps(t);
  if (!g) return;
  const found: Hit[] = [];
  gapNumTaken.reset(g.text.length);
  gapWebTaken.reset(g.text.length);
  extractNumbers(g.text, found, gapNumTaken, gapWebTaken, scanFeatures(g.text, false));
  for (const h of found) {
    const s = g.start![h.start];
    const e = g.end![h.end - 1];
    if (num.overlaps(s, e) || web.overlaps(s, e)) continue;
    h.start = s;
    h.end = e;
    hits.push(h);
    num.add(s, e);
  }
}

/**
 * `norm` after one of the folds above (`folded`: its result on norm.text, null when it found nothing),
 * mapped back to the written text, with the feature scan redone on the new text.
 */
function refold(norm: Normalized, folded: Normalized | null): Normalized {
  if (!folded) return norm;
  const next = after(norm, folded);
  scanFeatures(next.text, false);
  return next;
}

/** `second` (a normalisation of `first.text`) mapped back to the text `first` came from (`second` itself when `first` is the text unchanged). */
function after(first: Normalized, second: Normalized): Normalized {
  if (!first.start || !first.end) return second;
  const fs = first.start!, fe = first.end!;
  const ss = second.start!, se = second.end!;
  const start = new Int32Array(ss.length);
  const end = new Int32Array(se.length);
  for (let i = 0; i < start.length; i++) {
    start[i] = fs[ss[i]];
    end[i] = fe[se[i] - 1];
  }
  return { text: second.text, start, end };
}

/** Bitcoin addresses found in the written text only (see extractIndicators), with their spans claimed in `num`. */
function rawWallets(text: string, norm: Normalized, found: Hit[], num: TakenSet, f: Features): Hit[] | null {
  const got: Hit[] = [];
  rawTaken.reset(text.length);
  // scanFeatures fills one shared object: the folded text's features are put back for the number pass.
  const saved = { flags: f.flags, digits: f.digits, alnum: f.alnum, maxAlnumRun: f.maxAlnumRun };
  extractWallets(text, got, rawTaken, scanFeatures(text, false));
  Object.assign(f, saved);
  const out = got.filter((h) => h.type === 'btc' && !found.some((x) => x.type === 'btc' && x.value === h.value));
  if (!out.length) return null;
  for (const h of out) {
    // The folded text's chars that came from the address's span.
    let s = -1, e = -1;
    for (let i = 0; i < norm.start!.length; i++) {
      if (norm.start![i]! >= h.start && norm.end![i]! <= h.end) { if (s < 0) s = i; e = i + 1; }
    }
    if (s >= 0) num.add(s, e);
  }
  return out;
}
