/**
 * Per-code-point folding: NFKC, case folding, diacritic stripping, exotic look-alikes
 * -> Latin, and a character class for the word assembler.
 *
 * NFKC is applied per code point (plus a tiny composition rule for и+breve = й in
 * the normaliser) rather than to the whole string, because whole-string NFKC would
 * lose the offset map. Results are cached: a flat table for the BMP and a Map for
 * astral code points (mathematical alphanumerics, which NFKC folds to ASCII).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Character classes used by the word assembler (plain consts: they are read in the hot loop).
export const K_SEP = 1; // punctuation, whitespace: ends a word
export const K_SPLIT = 2; // separators used between split letters: space . - _ * · • |
export const K_CYR = 3;
export const K_LAT = 4;
export const K_DIGIT = 5;
export const K_LEET = 6; // @ and $: letters inside words, symbols elsewhere
export const K_OTHER = 7; // letters of other scripts (kept)
export const K_SYM = 8; // meaningful symbols kept as tokens: currency, %, #, +
export const K_INVIS = 9; // zero-width / format / selectors: dropped without breaking the word
export const K_COMB = 10; // combining mark: attached to the previous letter, then dropped

// Encoded entry: bits 0-15 char (or multi index), 16-19 class, 20 upper-case flag, 21 multi.
const UPPER = 1 << 20;
const MULTI = 1 << 21;
export const entryChar = (e: number) => e & 0xffff;
export const entryClass = (e: number) => (e >>> 16) & 0xf;
export const entryUpper = (e: number) => (e & UPPER) !== 0;
export const entryMulti = (e: number) => (e & MULTI) !== 0;

/** BMP cache of fold entries (0 = not computed yet); read directly by the normaliser's hot loop. */
export const bmp = new Int32Array(0x10000);
const astral = new Map<number, number>();
/** Expansions of one code point into several folded chars (ligatures, ㎏, ½...). */
export const multiTable: number[][] = [];

/** Exotic-script look-alikes -> Latin from the `confusables` package (Cyrillic excluded: handled in script.ts). */
let exotic: Map<string, string> | null = null;
function exoticMap(): Map<string, string> {
  if (exotic) return exotic;
  exotic = new Map();
  const m = require('confusables').confusablesMap as Map<string, string>;
  for (const [k, v] of m) {
    const cp = k.codePointAt(0)!;
    if (cp < 0x250 || (cp >= 0x400 && cp <= 0x52f)) continue; // Latin/Cyrillic handled by our own tables
    if (v.length === 1 && /[A-Za-z0-9]/.test(v)) exotic.set(k, v);
  }
  return exotic;
}

export function isInvisible(cp: number): boolean {
  return (
    cp === 0xad || cp === 0x34f || cp === 0x61c || cp === 0x115f || cp === 0x1160 || cp === 0x17b4 || cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || cp === 0x3164 ||
    cp === 0xffa0 || cp === 0x20e3 || (cp >= 0xfff0 && cp <= 0xfff8) || (cp >= 0xe0000 && cp <= 0xe0fff) ||
    (cp >= 0x1d173 && cp <= 0x1d17a)
  );
}

function isCombining(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x483 && cp <= 0x489) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

// '/' and '\\' since 2026-12-07: "м/е/ф" was read as three one-letter words (a probe that split 30% of
// the held-out sets' words that way found 86.8% of drug posts instead of 95.9%). A run still needs
// three single chars with two letters (normalizer.ts), so "24/7", "1/2/5" and "ж/д" stay as they are.
const SPLIT_CHARS = new Set([0x20, 0x2e, 0x2d, 0x5f, 0x2a, 0xb7, 0x2022, 0x7c, 0x2f, 0x5c, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2219, 0x22c5]);
const SYM_CHARS = new Set([...'₸€₽£%#+'].map((c) => c.charCodeAt(0)));
// ş, ș and ç are sh and ch in every alphabet that has them: Kazakh Latin of 2021 («şişki», «aqşa»,
// «şegu» = шишки, ақша, шегу), Turkish, Azerbaijani, Romanian. Stripped of the cedilla they read as
// «siski», «aqsa», «segu» and missed the Latin spellings of the terms. İ lower-cases to i + a
// combining dot (two units), which kept the dot inside the word («i̇nternet»).
const SPECIAL_LOWER: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n', ð: 'd', þ: 'th',
  ş: 'sh', ș: 'sh', ç: 'ch', 'i\u0307': 'i',
};
/**
 * Greek letters written for Cyrillic ones ("ΜΕΦ", "κρισταλλ", "ΛΣД"): the confusables package reads
 * the Greek letters that have no Latin twin by the nearest Latin shape (Φ as P, Λ as A, Π as N, Γ as
 * L, ι as l) and has none for μ, δ, Δ; those are read here by their Cyrillic twin instead (reviewed
 * by shape: Φ φ ϕ = ф, Λ λ = л, Δ δ = д, Π π = п, Γ = г, Ν = н, μ = м as in "μεφ"), ι and Ι as i, and
 * the sigmas by sound as с (confusables: σ as o; "κρισταλλ" is кристалл). Looked up by the char as
 * written first (Γ is г, its small γ stays y; Ν is н, its small ν stays v).
 */
const GREEK: Record<string, string> = {
  φ: 'ф', ϕ: 'ф', λ: 'л', δ: 'д', π: 'п', Γ: 'г', Ν: 'н', μ: 'м', ι: 'i', σ: 'с', ς: 'с', ϲ: 'с',
};
const LETTER_RE = /\p{L}/u;

function classify(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return K_LAT;
  if (c >= 0x430 && c <= 0x52f) return K_CYR;
  if (c >= 0x30 && c <= 0x39) return K_DIGIT;
  if (c === 0x40 || c === 0x24) return K_LEET;
  if (SPLIT_CHARS.has(c)) return K_SPLIT;
  if (SYM_CHARS.has(c)) return K_SYM;
  if (c >= 0xe000 && c <= 0xf8ff) return K_SEP; // stray private-use chars must not fake emoji concepts
  if (LETTER_RE.test(String.fromCharCode(c))) return K_OTHER;
  return K_SEP;
}

/** Fold one already-NFKC'd char (string of one UTF-16 unit or a pair) to encoded entries. */
function foldChar(ch: string, out: number[]): void {
  const lower = ch.toLowerCase();
  const upper = lower !== ch;
  let s = SPECIAL_LOWER[lower] ?? lower;
  if (s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff)) {
    const d = s.normalize('NFD');
    if (d === 'и\u0306') s = 'й';
    else if (d.length > 1 && !isCombining(d.codePointAt(0)!)) s = d[0];
    const c = s.charCodeAt(0);
    const isLatCyr = (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x52f) || (c >= 0x30 && c <= 0x39);
    const greek = c >= 0x370 && c <= 0x3ff ? (GREEK[ch] ?? GREEK[s]) : undefined;
    if (greek !== undefined) {
      const e = greek.charCodeAt(0);
      out.push((classify(e) << 16) | (upper ? UPPER : 0) | e);
      return;
    }
    if (!isLatCyr && s.length === 1 && !SYM_CHARS.has(c)) {
      const ex = exoticMap().get(s) ?? exoticMap().get(ch);
      if (ex) {
        const e = ex.toLowerCase().charCodeAt(0);
        out.push((classify(e) << 16) | (ex !== ex.toLowerCase() || upper ? UPPER : 0) | e);
        return;
      }
    }
  }
  for (const part of s) {
    const c = part.codePointAt(0)!;
    if (c > 0xffff) {
      out.push((K_OTHER << 16) | 0xe0ff); // astral letters of other scripts: one placeholder
      continue;
    }
    out.push((classify(c) << 16) | (upper ? UPPER : 0) | c);
  }
}

function compute(cp: number): number {
  if (isInvisible(cp)) return K_INVIS << 16;
  if (isCombining(cp)) return (K_COMB << 16) | (cp & 0xffff);
  const nf = String.fromCodePoint(cp).normalize('NFKC');
  const parts: number[] = [];
  for (const ch of nf) {
    const c = ch.codePointAt(0)!;
    if (isInvisible(c) || isCombining(c)) continue;
    foldChar(ch, parts);
  }
  if (parts.length === 0) return K_INVIS << 16;
  if (parts.length === 1) return parts[0];
  // Leave the class of the first part for cheap dispatch; the assembler expands.
  multiTable.push(parts.slice(0, 6));
  return MULTI | (entryClass(parts[0]) << 16) | (multiTable.length - 1);
}

/** Encoded fold entry for a code point (cached). Emoji are detected by the caller first. */
export function foldEntry(cp: number): number {
  if (cp < 0x10000) {
    let e = bmp[cp];
    if (e === 0) {
      e = compute(cp);
      bmp[cp] = e;
    }
    return e;
  }
  let e = astral.get(cp);
  if (e === undefined) {
    e = compute(cp);
    if (astral.size < 50000) astral.set(cp, e);
  }
  return e;
}
