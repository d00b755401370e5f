/**
 * Reading digits and symbols that stand for letters (м3ф, к0кс, г@ш, 3акладка, мдм4).
 * Split out of normalizer.ts; it runs only for words that mix letters with digits,
 * '@' or '$'.
 */
import * as chars from './chars.js';
import * as script from './script.js';

/** Checks whether a candidate normalised word is a lexicon term; used to pick leet readings. */
export type WordOracle = (codes: Uint16Array, len: number) => boolean;

// local consts: imported bindings are getters under tsx
const { K_CYR, K_LAT, K_DIGIT } = chars;
const { LEET_CYR, LEET_LAT, UNIT_WORDS, isVowel } = script;
const AT = 0x40;
const DOLLAR = 0x24;
const ZERO = 0x30;

/** to[0, n) = from[0, n); a plain loop: subarray() would allocate a view per call. */
function copy(from: Uint16Array, to: Uint16Array, n: number): void {
  for (let j = 0; j < n; j++) to[j] = from[j];
}

function isLetterAt(K: Uint8Array, j: number, L: number): boolean {
  return j >= 0 && j < L && (K[j] === K_CYR || K[j] === K_LAT);
}

/** Stateless apart from scratch buffers; one per Normalizer. */
export class LeetReader {
  private raw: Uint16Array;
  private cand: Uint16Array;
  private save: Uint16Array;
  private srcCache: Uint16Array;
  private leetPos = new Int32Array(4);

  constructor(maxWord: number, private readonly oracle?: WordOracle) {
    this.raw = new Uint16Array(maxWord);
    this.cand = new Uint16Array(maxWord);
    this.save = new Uint16Array(maxWord);
    this.srcCache = new Uint16Array(maxWord);
  }

  /**
   * Decide which digits/@/$ are letters. Default: a digit run of <= 2 between two
   * letters is a letter (к0кс, м3ф); a leading digit before >= 3 letters that are not
   * a unit (3акладка, not 3шт). '@' inside a Cyrillic word is 'а' (handles are Latin).
   * Then, if a lexicon oracle is set, other readings are tried so that the word
   * becomes a known term (мдм4 -> мдма, 3акладка -> закладка).
   */
  resolve(t: Uint16Array, K: Uint8Array, L: number, isCyr: boolean, leetFlag: Uint8Array): void {
    const table = isCyr ? LEET_CYR : LEET_LAT;
    const lp = this.leetPos;
    const raw = this.raw;
    for (let j = 0; j < L; j++) raw[j] = t[j];
    let nPos = 0;
    for (let j = 0; j < L; j++) {
      if (!leetFlag[j]) continue;
      const opts = table[t[j]];
      if (!opts) continue;
      if (nPos < 4) lp[nPos++] = j;
      let a = j - 1;
      while (a >= 0 && leetFlag[a]) a--;
      let b = j + 1;
      while (b < L && leetFlag[b]) b++;
      // '@'/'$' between Latin letters are e-mail/currency far more often than letters
      const inner = isLetterAt(K, a, L) && isLetterAt(K, b, L) && b - a - 1 <= 2 && (isCyr || K[j] === K_DIGIT);
      let conv = inner;
      if (!conv && j === 0 && K[j] === K_DIGIT) {
        // leading digit: the rest must be letters only and not a unit word
        let rest = 0;
        let onlyLetters = true;
        for (let q = 1; q < L; q++) {
          if (isLetterAt(K, q, L)) rest++;
          else onlyLetters = false;
        }
        if (onlyLetters && rest >= 3 && !UNIT_WORDS.has(String.fromCharCode(...t.subarray(1, L)))) conv = true;
      }
      if (isCyr && t[j] === AT) conv = true;
      if (isCyr && t[j] === DOLLAR && (isLetterAt(K, j - 1, L) || isLetterAt(K, j + 1, L))) conv = true;
      if (conv) {
        let pick = opts[0];
        // Cyrillic 3/4: between consonants it is a vowel (м3ф = меф, г4ш = гаш), else з/ч
        if (isCyr && opts.length > 1 && isLetterAt(K, j - 1, L) && isLetterAt(K, j + 1, L)) {
          const cons = !isVowel(t[j - 1]) && !isVowel(t[j + 1]);
          pick = t[j] === 0x33 ? (cons ? opts[0] : opts[1]) : cons ? opts[1] : opts[0];
        } else if (isCyr && t[j] === 0x33 && j === 0) pick = opts[1];
        t[j] = pick;
      }
    }
    // long tokens (wallets, hashes) are never disguised words: skip the search
    if (!this.oracle || nPos === 0 || nPos > 2 || L > 16) return;
    if (this.check(t, L)) return;
    // try alternative readings (each position: default or any option), at most 2 positions
    const orig = this.cand;
    const save = this.save;
    copy(t, save, L);
    const combos = 1 << (2 * nPos);
    for (let m = 1; m < combos; m++) {
      copy(save, orig, L);
      let ok = true;
      for (let q = 0; q < nPos; q++) {
        const sel = (m >> (2 * q)) & 3;
        if (sel === 0) continue;
        const j = lp[q];
        const src = table[raw[j]];
        if (!src || sel > src.length) {
          ok = false;
          break;
        }
        orig[j] = src[sel - 1];
      }
      if (ok && this.check(orig, L)) {
        copy(orig, t, L);
        return;
      }
    }
  }

  /** Collapse repeats like the emitter does, then ask the oracle. */
  private check(t: Uint16Array, L: number): boolean {
    const c = this.srcCache;
    let n = 0;
    let prev = -1;
    for (let j = 0; j < L; j++) {
      let x = t[j];
      if (x === AT || x === DOLLAR) return false;
      if (x >= 0x30 && x <= 0x39) x = ZERO;
      if (x === prev) continue;
      c[n++] = x;
      prev = x;
    }
    return this.oracle!(c, n);
  }
}
