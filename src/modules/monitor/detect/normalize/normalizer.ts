/**
 * One-pass text normaliser with an offset map back to the original text.
 *
 * Output: lower-case words separated by single spaces (" w1 w2 ... "), digits folded
 * to '0', emoji replaced by one private-use concept char, kept symbols (₸ % # + @ $)
 * as one-char tokens. Every output char carries the [start, end) UTF-16 span of the
 * original text it came from, so evidence found on normalised text maps back.
 *
 * The pass is written for throughput: it works on char codes into reusable typed
 * buffers (no per-message string building until `text` is asked for), and per-code-
 * point folding is cached (see chars.ts).
 */
import * as chars from './chars.js';
import { DeferredTokens, EMOJI_SEP } from './deferred.js';
import * as emoji from './emoji.js';
import * as glue from './glue.js';
import type { TermEnd } from './glue.js';
import { LeetReader, type WordOracle } from './leet.js';
import { MAX_MIXED, MixedReader } from './mixed.js';
import * as script from './script.js';
import { unmask } from './unmask.js';

export type { WordOracle } from './leet.js';
export type { TermEnd } from './glue.js';

// Imported bindings are re-bound to module-local consts: under tsx/esbuild every
// access to an imported name goes through a getter, which cost ~40% of the pass.
const { K_COMB, K_CYR, K_DIGIT, K_INVIS, K_LAT, K_LEET, K_OTHER, K_SPLIT, K_SYM } = chars;
const { entryChar, entryClass, entryMulti, entryUpper, foldEntry, multiTable, bmp } = chars;
const { EMOJI_BASE, emojiConceptOf, emojiSequenceEnd } = emoji;
const { CYR2LAT, CYR2LAT_UPPER, WEAK_CYR, WEAK_CYR_UPPER, WEAK_LAT, WEAK_LAT_UPPER, kkFold } = script;
const { LAT2CYR_LOWER, LAT2CYR_UPPER } = script;
const { MAX_CHUNK, MAX_SPACED, SPACED_RUN, glueSpaced, glueSyllables, isGlue } = glue;


/** Output flag: a lexicon match may start here (word starts; every char of a re-joined s.p.l.i.t word). */
export const F_START = 1;
/** Output flag: char belongs to a word re-joined from split letters. */
export const F_JOINED = 2;
/**
 * Output flag on a word's first char: in the original text one plain space (or no-break space), and
 * nothing else, stands between this word and the word before (the lexicon may read a space written
 * inside a word across it; never a full stop, comma, dash or line break).
 */
export const F_AFTER_SPACE = 4;

/** Char classes that are part of a word, as a bit set (one test instead of five comparisons per char). */
const WORD_CLASSES = (1 << K_CYR) | (1 << K_LAT) | (1 << K_DIGIT) | (1 << K_LEET) | (1 << K_OTHER);
const MAX_WORD = 128;
const SPACE = 0x20;
const ZERO = 0x30;
const AT = 0x40;
const DOLLAR = 0x24;

/**
 * Per-char tables for processWord, indexed by (upper << 11) | char for chars below
 * TAB (every Latin and Cyrillic letter is): one load instead of a chain of class
 * tests and look-ups per char. Built from the script.ts tables, same rules.
 */
const TAB = 0x800;
/** Script vote of a letter, packed in 8-bit lanes: Cyrillic, strong Cyrillic, Latin, strong Latin. */
const VOTE = new Int32Array(2 * TAB);
/** Folded char inside a Cyrillic-dominant word (Latin look-alikes -> Cyrillic, Kazakh -> Russian). */
const FOLD_IN_CYR = new Uint16Array(2 * TAB);
/** Folded char inside a Latin word (Cyrillic look-alikes -> Latin). */
const FOLD_IN_LAT = new Uint16Array(2 * TAB);
const isCyrLetter = (c: number) => c >= 0x430 && c <= 0x52f; // K_CYR in chars.ts
const isLatLetter = (c: number) => c >= 0x61 && c <= 0x7a; // K_LAT in chars.ts
for (let u = 0; u < 2; u++) {
  for (let c = 0; c < TAB; c++) {
    const i = (u << 11) | c;
    FOLD_IN_CYR[i] = c;
    FOLD_IN_LAT[i] = c;
    if (isCyrLetter(c)) {
      const strong = !(WEAK_CYR[c] || (u && WEAK_CYR_UPPER[c]));
      VOTE[i] = 1 | (strong ? 1 << 8 : 0);
      FOLD_IN_CYR[i] = kkFold(c);
      FOLD_IN_LAT[i] = kkFold((u && CYR2LAT_UPPER[c]) || CYR2LAT[c] || c);
    } else if (isLatLetter(c)) {
      const strong = !(WEAK_LAT[c] || (u && WEAK_LAT_UPPER[c]));
      VOTE[i] = (1 << 16) | (strong ? 1 << 24 : 0);
      const m = u ? LAT2CYR_UPPER[c] : LAT2CYR_LOWER[c];
      FOLD_IN_CYR[i] = m ? kkFold(m) : c;
    }
  }
}
/** May start a syllable after a joint: an ASCII letter or any char from U+00C0 on (ı, ә, full-width, …; a false joint only costs the glue pass). */
const isLetterCode = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c >= 0xc0;
/** Identity fold, for chars that are already folded. */
const NO_FOLD = Uint16Array.from({ length: 2 * TAB }, (_, i) => i & (TAB - 1));
/** 1 for digits, '@' and '$' (K_DIGIT, K_LEET): they may stand for letters. */
const LEET_CANDIDATE = new Uint8Array(TAB);
for (const c of '0123456789@$') LEET_CANDIDATE[c.charCodeAt(0)] = 1;

export class Normalizer {
  /** Normalised UTF-16 code units; valid in [0, len). */
  out = new Uint16Array(1024);
  /** Original start offset of each output char. */
  start = new Int32Array(1024);
  /** Original end offset (exclusive) of each output char. */
  end = new Int32Array(1024);
  /** F_* flags per output char. */
  flags = new Uint8Array(1024);
  len = 0;

  // current word
  private readonly wC = new Uint16Array(MAX_WORD);
  private readonly wK = new Uint8Array(MAX_WORD);
  private readonly wU = new Uint8Array(MAX_WORD);
  private readonly wS = new Int32Array(MAX_WORD);
  private readonly wE = new Int32Array(MAX_WORD);
  private wLen = 0;
  // pending run of single-char words (candidate s.p.l.i.t letters)
  private pC = new Uint16Array(MAX_WORD);
  private pK = new Uint8Array(MAX_WORD);
  private pU = new Uint8Array(MAX_WORD);
  private pS = new Int32Array(MAX_WORD);
  private pE = new Int32Array(MAX_WORD);
  private pLen = 0;
  // one-char scratch word (avoids subarray allocation per single-letter word)
  private sC = new Uint16Array(1);
  private sK = new Uint8Array(1);
  private sU = new Uint8Array(1);
  private sS = new Int32Array(1);
  private sE = new Int32Array(1);
  private pSep = -1; // separator signature inside the run
  private sep = 0; // signature of the separator run since the last word (-1 = not a split separator)
  private sepN = 0;
  // word processing scratch
  private tC = new Uint16Array(MAX_WORD);
  private tLeet = new Uint8Array(MAX_WORD);
  private readonly leet: LeetReader;
  private readonly mixed: MixedReader | null;
  private readonly oracle?: WordOracle;
  /** Normalises the candidate readings of masked words (unmask.ts); made on first need. */
  private sub: Normalizer | null = null;
  /**
   * Output length when a glue char between letters first ended a word in this run (-1: none; set only
   * with an oracle): syllable chains (glue.ts) start at or after it, and are looked for only then.
   */
  private jointFrom = -1;
  /** Short words in a row at the end of the text read so far (see endWord). */
  private spacedRun = 0;
  /** Output length when the current run of short words started. */
  private spacedStart = 0;
  /** Original offset of that run's first word. */
  private spacedStartSrc = 0;
  /**
   * The runs of SPACED_RUN or more short words, where syllables written apart by spaces (glue.ts) are
   * looked for, two entries per run: the output length before its first word, and that word's
   * original offset (the glue pass of hyphenated syllables, run first, may have moved it left).
   */
  private spaced = new Int32Array(16);
  private spacedRuns = 0;
  /** The text of the current run (for F_AFTER_SPACE). */
  private src = '';
  /** Original offset of the glue char of the last such joint (chains end before any later word). */
  private jointLast = -1;
  /** Concept tokens of emoji written between pending single letters (deferred.ts). */
  private readonly def = new DeferredTokens(MAX_WORD);

  constructor(oracle?: WordOracle, private readonly termEnd?: TermEnd) {
    this.leet = new LeetReader(MAX_WORD, oracle);
    this.mixed = oracle ? new MixedReader(oracle) : null;
    this.oracle = oracle;
  }

  /** Whether `word` alone normalises to one word that the oracle knows (a reading of a masked word). */
  private readonly isTerm = (word: string): boolean => {
    const sub = (this.sub ??= new Normalizer(this.oracle, this.termEnd));
    sub.run(word);
    const n = sub.len; // " word "
    if (n < 3) return false;
    for (let i = 1; i < n - 1; i++) if (sub.out[i] === SPACE) return false;
    return this.oracle!(sub.out.subarray(1, n - 1), n - 2);
  };

  /** Normalise `text` into the buffers. */
  run(text: string): void {
    // letters masked by '*' (к*кс) are read first, when a lexicon term completes them; same length
    if (this.oracle && text.indexOf('*') >= 0) text = unmask(text, this.isTerm);
    this.src = text;
    this.pass(text);
    // after the pass: a chain of syllables is known only at its end (glue.ts)
    if (this.jointFrom >= 0) glueSyllables(this, this.jointFrom, this.jointLast, text, this.oracle!, F_JOINED);
    // right to left: gluing moves only the output after the glued word
    if (this.termEnd) for (let r = this.spacedRuns - 1; r >= 0; r--) glueSpaced(this, this.runAt(r), this.termEnd, F_JOINED, F_AFTER_SPACE);
  }

  /** The one pass over the text: words, split letters, emoji and symbols into the buffers. */
  private pass(text: string): void {
    const n = text.length;
    this.len = 0;
    this.wLen = 0;
    this.pLen = 0;
    this.pSep = -1;
    this.sep = -1;
    this.sepN = 0;
    this.jointFrom = -1;
    this.spacedRun = 0;
    this.spacedRuns = 0;
    this.def.n = 0;
    // one huge message must not pin hundreds of MB for the rest of the stream
    if (this.out.length > 1 << 18 && n < 1 << 14) this.shrink();
    this.ensure(n + 16);
    this.push(SPACE, 0, 0, 0);
    // the word buffers never move: read them once, not once per char
    const wC = this.wC, wK = this.wK, wU = this.wU, wS = this.wS, wE = this.wE;
    let i = 0;
    while (i < n) {
      const s = i;
      let cp = text.charCodeAt(i++);
      if (cp >= 0xd800 && cp <= 0xdbff && i < n) {
        const lo = text.charCodeAt(i);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (cp >= 0x203c) {
        const concept = emojiConceptOf(cp);
        if (concept >= 0) {
          i = emojiSequenceEnd(text, i, cp);
          this.endWord();
          if (this.deferEmoji(EMOJI_BASE + concept, s, i)) continue;
          this.flushPending();
          this.token(EMOJI_BASE + concept, s, i);
          continue;
        }
      }
      let e = cp < 0x10000 ? bmp[cp] : 0;
      if (e === 0) e = foldEntry(cp);
      const k = (e >>> 16) & 0xf;
      if (k === K_INVIS) continue;
      if (k === K_COMB) {
        // и + combining breve = й (decomposed input); other marks are dropped.
        if (cp === 0x306 && this.wLen > 0 && this.wC[this.wLen - 1] === 0x438) this.wC[this.wLen - 1] = 0x439;
        if (this.wLen > 0) this.wE[this.wLen - 1] = i;
        continue;
      }
      if ((WORD_CLASSES >>> k) & 1) {
        if (entryMulti(e)) {
          for (const part of multiTable[entryChar(e)]) this.addWordChar(part, s, i);
        } else {
          if (this.wLen === MAX_WORD) this.endWord();
          const j = this.wLen++;
          wC[j] = e & 0xffff;
          wK[j] = k;
          wU[j] = (e >>> 20) & 1;
          wS[j] = s;
          wE[j] = i;
        }
        continue;
      }
      if (this.wLen > 0) {
        // a joint: a glue char between letters ("ме-фе", not "конец. Начало"); set before endWord emits the first chunk
        if (isGlue(cp) && isLetterCode(text.charCodeAt(i)) && this.oracle) {
          if (this.jointFrom < 0) this.jointFrom = this.len;
          this.jointLast = s;
        }
        this.endWord();
      }
      if (k === K_SYM) {
        this.flushPending();
        this.token(entryChar(e), s, i);
        continue;
      }
      // separator: track its signature for split-letter detection
      if (this.sepN === 0) this.sep = k === K_SPLIT ? entryChar(e) : -1;
      else if (this.sepN === 1 && this.sep >= 0 && k === K_SPLIT) this.sep = this.sep * 0x10000 + entryChar(e);
      else this.sep = -1;
      this.sepN++;
    }
    this.endWord();
    this.flushPending();
  }

  /**
   * An emoji right after a pending single letter may separate the letters of one word
   * ("ш🌿и🌿ш🌿к🌿и"): its token waits for the run (deferred.ts) and it counts as the run's separator.
   */
  private deferEmoji(c: number, s: number, e: number): boolean {
    if (this.pLen === 0 || this.pE[this.pLen - 1] !== s) return false;
    if (this.pLen > 1 && this.pSep !== EMOJI_SEP) {
      if (this.pLen > 2) return false;
      this.emitFirstPending(); // "и п✨р✨и…": the first letter was a word of its own, as in endWord
    }
    if (!this.def.add(c, s, e, this.pLen - 1)) return false;
    this.sep = EMOJI_SEP;
    this.sepN = 1;
    return true;
  }

  /**
   * Emit the deferred tokens that came after pending letter `j`, or all of them (each concept
   * once) when `j` < 0, because the letters became one word.
   */
  private emitDeferred(j: number): void {
    const d = this.def;
    let keep = 0;
    for (let x = 0; x < d.n; x++) {
      if (j >= 0 && d.after[x] !== j) {
        d.c[keep] = d.c[x]; d.s[keep] = d.s[x]; d.e[keep] = d.e[x]; d.after[keep] = d.after[x];
        keep++;
        continue;
      }
      let seen = false;
      if (j < 0) for (let y = 0; y < x && !seen; y++) seen = d.c[y] === d.c[x];
      if (!seen) this.token(d.c[x], d.s[x], d.e[x]);
    }
    d.n = j < 0 ? 0 : keep;
  }

  /** The normalised text as a string (allocates; the hot path reads `out` directly). */
  text(): string {
    let s = '';
    for (let i = 0; i < this.len; i += 4096) s += String.fromCharCode(...this.out.subarray(i, Math.min(this.len, i + 4096)));
    return s;
  }

  private addWordChar(e: number, s: number, end: number): void {
    if (this.wLen === MAX_WORD) this.endWord();
    const j = this.wLen++;
    this.wC[j] = entryChar(e);
    this.wK[j] = entryClass(e);
    this.wU[j] = entryUpper(e) ? 1 : 0;
    this.wS[j] = s;
    this.wE[j] = end;
  }

  /** A word just ended: decide whether it joins a s.p.l.i.t run or is processed alone. */
  private endWord(): void {
    const L = this.wLen;
    if (L === 0) return;
    this.wLen = 0;
    const sep = this.sep;
    const sepN = this.sepN;
    this.sep = -1;
    this.sepN = 0;
    const k = this.wK[0];
    if (L === 1 && k !== K_OTHER) {
      this.spacedRun = 0; // a single letter is no syllable (and may be one of letters written apart)
      if (this.pLen > 0 && (this.pLen === 1 ? sep >= 0 : sep === this.pSep) && this.pLen < MAX_WORD) {
        if (this.pLen === 1) this.pSep = sep;
      } else if (this.pLen === 2 && sep >= 0) {
        // The separator changed after two chars ("в м-е-ф", "и с.о.л.ь"): the first was a one-letter
        // word of its own, the second starts the split word. Until 2026-12-07 both were let go,
        // and the split word lost its first letter ("и с оль").
        this.emitFirstPending();
        this.pSep = sep;
      } else this.flushPending();
      const j = this.pLen++;
      this.pC[j] = this.wC[0];
      this.pK[j] = k;
      this.pU[j] = this.wU[0];
      this.pS[j] = this.wS[0];
      this.pE[j] = this.wE[0];
      return;
    }
    this.flushPending();
    // Short words in a row, for the spaced-syllable glue (glue.ts): by their written length, a cheap
    // superset of the runs glueSpaced reads (a scan of the output for them cost ~0.7 µs a message, a
    // count in emit ~0.5); most texts have none and skip the glue pass.
    if (L >= 2 && L <= MAX_CHUNK && (this.spacedRun === 0 || (sepN === 1 && sep === SPACE))) {
      if (++this.spacedRun === SPACED_RUN) this.addRun();
      if (L > MAX_SPACED) this.spacedRun = 0; // a longer word can only end a chain
    } else this.spacedRun = L >= 2 && L <= MAX_SPACED ? 1 : 0;
    if (this.spacedRun === 1) {
      this.spacedStart = this.len;
      this.spacedStartSrc = this.wS[0];
    }
    this.processWord(this.wC, this.wK, this.wU, this.wS, this.wE, L, false);
  }

  /** Emit the first char of a two-char pending run as a word of its own; the second stays pending. */
  private emitFirstPending(): void {
    this.single(0);
    if (this.def.n > 0) {
      this.emitDeferred(0);
      this.def.shiftDown();
    }
    this.pC[0] = this.pC[1];
    this.pK[0] = this.pK[1];
    this.pU[0] = this.pU[1];
    this.pS[0] = this.pS[1];
    this.pE[0] = this.pE[1];
    this.pLen = 1;
  }

  /** Process pending char j as a one-char word. */
  private single(j: number): void {
    this.sC[0] = this.pC[j];
    this.sK[0] = this.pK[j];
    this.sU[0] = this.pU[j];
    this.sS[0] = this.pS[j];
    this.sE[0] = this.pE[j];
    this.processWord(this.sC, this.sK, this.sU, this.sS, this.sE, 1, false);
  }

  /** Resolve the pending run: >= 3 single chars with >= 2 letters are one split word. */
  private flushPending(): void {
    const L = this.pLen;
    if (L === 0) return;
    this.pLen = 0;
    this.pSep = -1;
    let letters = 0;
    for (let j = 0; j < L; j++) if (this.pK[j] === K_CYR || this.pK[j] === K_LAT) letters++;
    if (L >= 3 && letters >= 2) {
      this.processWord(this.pC, this.pK, this.pU, this.pS, this.pE, L, true);
      if (this.def.n > 0) this.emitDeferred(-1);
      return;
    }
    for (let j = 0; j < L; j++) {
      this.single(j);
      if (this.def.n > 0) this.emitDeferred(j);
    }
  }

  private processWord(
    C: Uint16Array, K: Uint8Array, U: Uint8Array, S: Int32Array, E: Int32Array, L: number, joined: boolean,
  ): void {
    // 1. script of the word: Latin look-alikes fold into Cyrillic in Cyrillic-dominant words and vice versa.
    // Only letters WITHOUT a twin in the other script vote first (HAPKOTИKИ is Cyrillic).
    let vote = 0; // four 8-bit counters (see VOTE); a word has at most MAX_WORD = 128 chars, so lanes never carry
    let leetChars = 0; // digits, '@' or '$' seen
    for (let j = 0; j < L; j++) {
      const c = C[j];
      if (c < TAB) {
        vote = (vote + VOTE[(U[j] << 11) | c]) | 0;
        leetChars |= LEET_CANDIDATE[c];
      }
    }
    const cyr = vote & 0xff, cyrStrong = (vote >>> 8) & 0xff, lat = (vote >>> 16) & 0xff, latStrong = vote >>> 24;
    const isCyr = cyrStrong !== latStrong ? cyrStrong > latStrong : cyr !== lat ? cyr > lat : cyr > 0;
    const fold = isCyr ? FOLD_IN_CYR : FOLD_IN_LAT;
    if (leetChars === 0 || cyr + lat < 2) {
      // a word with letters of both scripts where a Cyrillic word is likely (a strong Cyrillic
      // letter, or a Cyrillic majority): Latin letters may stand for Cyrillic ones by sound
      if (cyr > 0 && lat > 0 && (isCyr || cyrStrong > 0) && L <= MAX_MIXED && this.mixed && this.readMixed(C, U, S, E, L, joined)) return;
      // the common case: nothing to read as a letter, fold while emitting
      this.emit(C, U, S, E, L, joined, fold);
      return;
    }
    // 2. digits/symbols used as letters: fold first, then let the leet reader pick readings
    const t = this.tC;
    const leet = this.tLeet;
    for (let j = 0; j < L; j++) {
      const c = C[j];
      t[j] = c < TAB ? fold[(U[j] << 11) | c] : c;
      leet[j] = c < TAB ? LEET_CANDIDATE[c] : 0;
    }
    this.leet.resolve(t, K, L, isCyr, leet);
    this.emit(t, U, S, E, L, joined, NO_FOLD);
  }

  /** Emit the word as the lexicon term a reading of its Latin letters gives (mixed.ts); false when none does. */
  private readMixed(C: Uint16Array, U: Uint8Array, S: Int32Array, E: Int32Array, L: number, joined: boolean): boolean {
    const t = this.tC;
    for (let j = 0; j < L; j++) t[j] = C[j] < TAB ? FOLD_IN_CYR[(U[j] << 11) | C[j]] : C[j];
    const m = this.mixed!;
    const n = m.read(t, C, S, E, L);
    if (n === 0) return false;
    this.emit(m.c, m.u, m.s, m.e, n, joined, NO_FOLD);
    return true;
  }

  /**
   * 3. Append a word to the output: chars folded through `fold`, split at unconverted
   * @/$, stretched letters collapsed, digits as '0'.
   */
  private emit(C: Uint16Array, U: Uint8Array, S: Int32Array, E: Int32Array, L: number, joined: boolean, fold: Uint16Array): void {
    this.ensure(L * 3 + 8);
    const out = this.out, os = this.start, oe = this.end, of = this.flags;
    let n = this.len;
    const fJ = joined ? F_START | F_JOINED : 0;
    let prev = -1;
    let first = true;
    for (let j = 0; j < L; j++) {
      let c = C[j];
      if (c < TAB) c = fold[(U[j] << 11) | c];
      if (c === AT || c === DOLLAR) {
        this.len = n;
        this.token(c, S[j], E[j]);
        n = this.len;
        prev = -1;
        first = true;
        continue;
      }
      if (c >= 0x30 && c <= 0x39) c = ZERO;
      if (c === prev) {
        // stretched letters (шиииишки), doubled letters and digit runs fold to one; the span grows
        oe[n - 1] = E[j];
        continue;
      }
      if (first) {
        if (out[n - 1] !== SPACE) {
          out[n] = SPACE; os[n] = S[j]; oe[n] = S[j]; of[n] = 0; n++;
        }
        first = false;
        const s0 = S[j];
        const gap = n >= 2 && oe[n - 2] === s0 - 1 ? this.src.charCodeAt(s0 - 1) : 0;
        out[n] = c; os[n] = s0; oe[n] = E[j]; of[n] = F_START | fJ | (gap === SPACE || gap === 0xa0 ? F_AFTER_SPACE : 0); n++;
      } else {
        out[n] = c; os[n] = S[j]; oe[n] = E[j]; of[n] = fJ; n++;
      }
      prev = c; // digit runs fold to one '0' too: prices and quantities generalise
    }
    if (out[n - 1] !== SPACE) {
      out[n] = SPACE; os[n] = E[L - 1]; oe[n] = E[L - 1]; of[n] = 0; n++;
    }
    this.len = n;
  }

  /** Record the current run of short words (its first word's output and original positions). */
  private addRun(): void {
    const k = 2 * this.spacedRuns++;
    if (k === this.spaced.length) {
      const grown = new Int32Array(2 * k);
      grown.set(this.spaced);
      this.spaced = grown;
    }
    this.spaced[k] = this.spacedStart;
    this.spaced[k + 1] = this.spacedStartSrc;
  }

  /**
   * Output index of the first word of run r: where it was counted, or further left when syllables
   * glued at hyphens before it removed chars (glue.ts); the word that starts at its original offset.
   */
  private runAt(r: number): number {
    const src = this.spaced[2 * r + 1];
    const start = this.start;
    const out = this.out;
    let i = Math.min(this.spaced[2 * r], this.len - 1);
    while (i > 0 && start[i] > src) i--;
    // glued into the word before it: the run goes on at the next word
    if (i > 0 && out[i] !== SPACE && out[i - 1] !== SPACE) while (i < this.len && out[i] !== SPACE) i++;
    return i;
  }

  private token(c: number, s: number, e: number): void {
    this.ensure(4);
    if (this.out[this.len - 1] !== SPACE) this.push(SPACE, s, s, 0);
    this.push(c, s, e, F_START);
    this.push(SPACE, e, e, 0);
  }

  private push(c: number, s: number, e: number, f: number): void {
    const j = this.len++;
    this.out[j] = c;
    this.start[j] = s;
    this.end[j] = e;
    this.flags[j] = f;
  }

  private shrink(): void {
    this.out = new Uint16Array(1024);
    this.start = new Int32Array(1024);
    this.end = new Int32Array(1024);
    this.flags = new Uint8Array(1024);
    this.spaced = new Int32Array(16);
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.out.length) return;
    let cap = this.out.length * 2;
    while (cap < need) cap *= 2;
    const grow = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, this.len));
      return b;
    };
    this.out = grow(this.out, new Uint16Array(cap));
    this.start = grow(this.start, new Int32Array(cap));
    this.end = grow(this.end, new Int32Array(cap));
    this.flags = grow(this.flags, new Uint8Array(cap));
  }
}
