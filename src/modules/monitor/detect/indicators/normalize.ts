/**
 * Character-level de-obfuscation with an offset map back to the original text.
 *
 * Shops hide contacts from keyword filters with invisible characters, full-width
 * or "mathematical" letters, Cyrillic look-alikes inside Latin handles and letter
 * O for zero inside phone numbers. Folding these once, up front, lets every
 * extractor use plain ASCII regexes; the map keeps reported spans pointing at the
 * original text. Most messages contain none of this, so the feature scan
 * (features.ts) guards the slow path and the common case returns the input as is.
 */

import * as features from './features.js';

// local consts: imported bindings are getters under tsx (a property load per use in hot code)
const { F, digitLookalike, isInvisible, scanFeatures } = features;

/** Normalised text; `start[i]`/`end[i]` give the original span of char i (null = identity). */
export interface Normalized {
  text: string;
  start: Int32Array | null;
  end: Int32Array | null;
}

// Cyrillic and Greek letters that render like a Latin letter, as a table over
// U+0370..U+052F (0 = no Latin look-alike).
const FOREIGN_BASE = 0x370;
const CONFUSABLE = new Uint16Array(0x530 - FOREIGN_BASE);
for (const [from, to] of [
  ['аеорсухіјѕһԁԛԝүкӏ', 'aeopcyxijshdqwykl'],
  ['АВЕКМНОРСТХУІЈЅҺҮӀ', 'ABEKMHOPCTXYIJSHYI'],
  ['αοριικνυ', 'aopiikvu'],
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
]) {
  for (let i = 0; i < from.length; i++) CONFUSABLE[from.charCodeAt(i) - FOREIGN_BASE] = to.charCodeAt(i);
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isForeignLetter = (c: number) => c >= 0x370 && c <= 0x52f;
const isWordChar = (c: number) => isAsciiLetter(c) || isForeignLetter(c) || c === 0x5f;
// Characters that keep a handle/domain/e-mail token together for the script test.
const isTokenChar = (c: number) =>
  isAsciiLetter(c) || isDigit(c) || isForeignLetter(c) ||
  c === 0x5f || c === 0x2e || c === 0x2d || c === 0x40;

// Scratch buffers reused across calls; inputs above SHARED_MAX get their own so
// one huge message does not pin megabytes for the life of the process.
const SHARED_MAX = 1 << 16;
let sharedBuf = new Uint16Array(1024);
let sharedS = new Int32Array(1024);
let sharedE = new Int32Array(1024);

/** Fold obfuscation characters; returns the input untouched when there is nothing to fold. */
export function normalize(text: string): Normalized {
  if (!(scanFeatures(text).flags & F.NORMALIZE)) return { text, start: null, end: null };
  return normalizeAlways(text);
}

/**
 * The slow path of {@link normalize}, for callers that already know folding is
 * needed. With `copyMaps = false` the maps are views into scratch buffers that
 * the next call overwrites (for the extractor, which is done with them by then).
 */
export function normalizeAlways(text: string, copyMaps = true): Normalized {
  const n = text.length;
  if (n > sharedBuf.length && n <= SHARED_MAX) {
    const size = Math.min(SHARED_MAX, n * 2);
    sharedBuf = new Uint16Array(size);
    sharedS = new Int32Array(size);
    sharedE = new Int32Array(size);
  }
  const big = n > SHARED_MAX;
  const buf = big ? new Uint16Array(n) : sharedBuf;
  const mapS = big ? new Int32Array(n) : sharedS;
  const mapE = big ? new Int32Array(n) : sharedE;
  let o = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let w = 1;
    if (c < 0x300 ? c !== 0xad : c >= 0x370 && c < 0x2000) {
      // fast path: ASCII, Latin-1, Cyrillic, Greek… (soft hyphen and combining marks excepted)
    } else if (isInvisible(c)) {
      changed = true;
      continue;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
    } else if (c === 0x3000) {
      c = 0x20;
    } else if (c === 0x3002 || c === 0xff61) {
      c = 0x2e;
    } else if (c === 0xfe6b) {
      c = 0x40;
    } else if (c === 0x2215 || c === 0x2044) {
      c = 0x2f;
    } else if (c === 0xd835 && i + 1 < n) {
      // Mathematical Alphanumeric Symbols (𝐬𝐡𝐨𝐩, 𝟴𝟳𝟬𝟭): U+1D400..1D7FF.
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = 0x1d400 + (lo - 0xdc00);
        w = 2;
        if (cp <= 0x1d6a3) {
          const k = (cp - 0x1d400) % 52;
          c = k < 26 ? 0x41 + k : 0x61 + k - 26;
        } else if (cp >= 0x1d7ce) {
          c = 0x30 + ((cp - 0x1d7ce) % 10);
        } else {
          w = 1; // Greek math letters etc.: leave both units as they are
        }
      }
    }
    if (w !== 1 || c !== text.charCodeAt(i)) changed = true;
    buf[o] = c;
    mapS[o] = i;
    mapE[o] = i + w;
    o++;
    i += w - 1;
  }
  if (foldTokens(buf, o)) changed = true;
  // Mixed-script words that are not look-alike tokens ("Рaботаем") flag the slow path but
  // fold to nothing: the extractor then keeps the text itself (no copy, identity maps).
  if (!changed && !copyMaps) return { text, start: null, end: null };
  const own = copyMaps || big;
  return { text: stringOf(buf, o), start: own ? mapS.slice(0, o) : mapS.subarray(0, o), end: own ? mapE.slice(0, o) : mapE.subarray(0, o) };
}

/**
 * The string of char codes buf[0, n), built flat (a sequential string, not the cons string that
 * `+=` builds: those slow the extractors' string handling for every message after them).
 */
export function stringOf(buf: Uint16Array, n: number): string {
  let out = '';
  for (let p = 0; p < n; p += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(p, Math.min(n, p + 8192)) as unknown as number[]);
  }
  return out;
}

/** text[s, e) replaced by `to` (every char of `to` maps back to the whole span). */
export interface Replacement {
  s: number;
  e: number;
  to: string;
}

/**
 * `text` with the replacements made (sorted by start, not overlapping) and the map back to `text`:
 * the word folds (digit words, spelled underscores) that run before the extractors.
 */
export function replaceSpans(text: string, reps: readonly Replacement[]): Normalized {
  let size = text.length;
  for (const r of reps) size += r.to.length - (r.e - r.s);
  const codes = new Uint16Array(size);
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  let o = 0; // chars written so far
  let i = 0; // chars of `text` read so far
  const copyTo = (to: number) => {
    for (; i < to; i++, o++) {
      codes[o] = text.charCodeAt(i);
      start[o] = i;
      end[o] = i + 1;
    }
  };
  for (const r of reps) {
    copyTo(r.s);
    for (let k = 0; k < r.to.length; k++, o++) {
      codes[o] = r.to.charCodeAt(k);
      start[o] = r.s;
      end[o] = r.e;
    }
    i = r.e;
  }
  copyTo(text.length);
  return { text: stringOf(codes, o), start, end };
}

/**
 * `text` with every match of the global pattern `re` replaced by `to(match)`, mapped back as
 * replaceSpans does, or null when nothing matches (the folds of spelled joints, emoji gaps and mail
 * providers).
 */
export function replaceMatches(text: string, re: RegExp, to: (m: RegExpExecArray) => string): Normalized | null {
  const reps: Replacement[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; } // an empty match replaces nothing
    reps.push({ s: m.index, e: m.index + m[0].length, to: to(m) });
  }
  return reps.length ? replaceSpans(text, reps) : null;
}

// Char kinds for foldTokens below 0x530 (all token chars are): one table load per char.
const T_TOKEN = 1, T_ASCII = 2, T_FOREIGN = 4, T_DIGIT = 8;
const TOKEN_KIND = new Uint8Array(0x530);
for (let c = 0; c < 0x530; c++) {
  TOKEN_KIND[c] = (isTokenChar(c) ? T_TOKEN : 0) | (isAsciiLetter(c) ? T_ASCII : 0) | (isForeignLetter(c) ? T_FOREIGN : 0) | (isDigit(c) ? T_DIGIT : 0);
}
const tokenKind = (c: number) => (c < 0x530 ? TOKEN_KIND[c] : 0);

// Fold look-alikes only inside tokens that are otherwise Latin, so Russian and
// Kazakh words (even ones with a stray Latin letter) are left alone; then turn
// look-alike letters into digits inside pure digit runs ("87О1…") but not inside handles.
// Returns true if anything was folded.
function foldTokens(buf: Uint16Array, o: number): boolean {
  let changed = false;
  let i = 0;
  while (i < o) {
    if (!(tokenKind(buf[i]) & T_TOKEN)) { i++; continue; }
    let j = i;
    let kinds = 0; // union of the token's char kinds
    while (j < o) {
      const kind = tokenKind(buf[j]);
      if (!(kind & T_TOKEN)) break;
      kinds |= kind;
      j++;
    }
    if (kinds & T_ASCII && kinds & T_FOREIGN && isFoldable(buf, i, j)) {
      for (let k = i; k < j; k++) {
        if (isForeignLetter(buf[k])) buf[k] = CONFUSABLE[buf[k] - FOREIGN_BASE];
      }
      changed = true;
    }
    if (kinds & T_DIGIT ? foldNumberToken(buf, i, j) || foldDigitRuns(buf, i, j, o) : foldLookalikeGroup(buf, i, j, o)) changed = true;
    i = j;
  }
  return changed;
}

/** Every foreign letter of the token buf[from, to) has a Latin look-alike. */
function isFoldable(buf: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isForeignLetter(buf[k]) && CONFUSABLE[buf[k] - FOREIGN_BASE] === 0) return false;
  return true;
}

/** A space and a digit group end right before `from` ("774 |О3"), or a bracketed one ("(708) |ОО4"). */
const groupBefore = (buf: Uint16Array, from: number) =>
  from >= 2 && buf[from - 1] === 0x20 && (isDigit(buf[from - 2]) || (buf[from - 2] === 0x29 && from >= 3 && isDigit(buf[from - 3])));
/** A space and a digit group start right at `to` ("О3| 29"). */
const groupAfter = (buf: Uint16Array, to: number, len: number) => to + 1 < len && buf[to] === 0x20 && isDigit(buf[to + 1]);

/**
 * A space-separated group made only of look-alikes, between two digit groups of a number
 * ("8 7О8 646 ОО 82"). One letter alone must be a look-alike of zero: "дом 5 б 7" keeps its "б".
 */
function foldLookalikeGroup(buf: Uint16Array, from: number, to: number, len: number): boolean {
  if (to - from > 4 || !groupBefore(buf, from) || !groupAfter(buf, to, len)) return false;
  for (let k = from; k < to; k++) if (!(digitLookalike(buf[k]) > 0)) return false;
  if (to - from === 1 && digitLookalike(buf[from]) !== 0x30) return false;
  for (let k = from; k < to; k++) buf[k] = digitLookalike(buf[k]);
  return true;
}

/**
 * A token made only of digits, look-alikes, dashes and dots, with at least six real digits, is a
 * number written with letters for some digits ("8-7О1-51О-О7-4О", "7О8.592-36.7О"): all its
 * look-alikes are digits.
 */
function foldNumberToken(buf: Uint16Array, from: number, to: number): boolean {
  let digits = 0;
  let letters = 0;
  for (let k = from; k < to; k++) {
    const c = buf[k];
    if (isDigit(c)) digits++;
    else if (digitLookalike(c) > 0) letters++;
    else if (c !== 0x2d && c !== 0x2e) return false;
  }
  if (digits < 6 || letters === 0) return false;
  for (let k = from; k < to; k++) if (!isDigit(buf[k]) && buf[k] !== 0x2d && buf[k] !== 0x2e) buf[k] = digitLookalike(buf[k]);
  return true;
}

function foldDigitRuns(buf: Uint16Array, from: number, to: number, len: number): boolean {
  let changed = false;
  let k = from;
  // One space-separated group of a longer number: a group before it ("… 774 О3 29").
  const hasGroupBefore = groupBefore(buf, from);
  while (k < to) {
    // A run starts at a digit, or at a look-alike opening such a group ("О3").
    // ... or a dash-joined group inside the token ("5169-2080-3313-ОО92").
    const dashOpens = k >= from + 2 && buf[k - 1] === 0x2d && isDigit(buf[k - 2]);
    const opensGroup = ((k === from && hasGroupBefore) || dashOpens) && digitLookalike(buf[k]) > 0;
    if (!isDigit(buf[k]) && !opensGroup) { k++; continue; }
    let m = k;
    let digits = 0;
    while (m < to && (isDigit(buf[m]) || digitLookalike(buf[m]) > 0)) { if (isDigit(buf[m])) digits++; m++; }
    const boundedLeft = k === from || !isWordChar(buf[k - 1]);
    const boundedRight = m === to || !isWordChar(buf[m]);
    // Needs real digits at both ends ("8О7" yes, "О7" no) and no word glued on. A look-alike may
    // also end the run when the token is one space-separated group of a longer number, with
    // another group after or before it ("8 7О8 412 3О 59", "… 30 5О", "… 22 6О."), or when a
    // dash or a dot and a digit follow it inside the token ("41О-22-87"); and start it when a
    // group comes before ("… 774 О3 29").
    const endsToken = m === to || (m + 1 === to && (buf[m] === 0x2e || buf[m] === 0x2c));
    const hasGroupAfter = groupAfter(buf, to, len);
    const joinedAfter = m + 1 < to && (buf[m] === 0x2d || buf[m] === 0x2e) && isDigit(buf[m + 1]);
    // A dash-joined group ending the token ("8-7О1-392-73-3О") is the number's last group.
    const dashBefore = k >= from + 2 && buf[k - 1] === 0x2d && isDigit(buf[k - 2]);
    const inNumber = (endsToken && (hasGroupAfter || (k === from && hasGroupBefore) || dashBefore)) || joinedAfter;
    const digitEnds = isDigit(buf[m - 1]);
    const ok = isDigit(buf[k]) ? (digitEnds ? digits >= 2 : inNumber) : opensGroup && digitEnds && (endsToken || joinedAfter);
    if (boundedLeft && boundedRight && ok) {
      for (let p = k; p < m; p++) {
        if (!isDigit(buf[p])) {
          buf[p] = digitLookalike(buf[p]);
          changed = true;
        }
      }
    }
    k = m;
  }
  return changed;
}
