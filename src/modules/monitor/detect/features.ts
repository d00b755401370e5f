/**
 * Feature extraction for the linear classifier.
 *
 * Two blocks:
 *  - hashed: character n-grams (3..4 by default) and word uni/bigrams of the normalised text,
 *    hashed with a rolling FNV mix over char codes (no substring is ever built) into
 *    2^hashBits buckets with a sign bit (signed hashing halves collision bias);
 *  - dense: lexicon categories (presence + log count), substances, co-occurrence
 *    pairs of categories/indicator kinds (substance x contact, job x deposit,
 *    drug x police ...), indicator kinds and a few shape flags.
 * The dense block carries the generalising signals (a new street name in a known
 * category still fires "substance x contact"); n-grams add phrasing and obfuscation
 * residue. Char n-grams and word features are each scaled by 1/sqrt(count) at
 * scoring time so long posts are not louder than graffiti lines.
 */
import type { Indicator } from './indicators/index.js';
import { Lexicon, MatchBuf } from './lexicon/index.js';
import type { Normalizer } from './normalize/normalizer.js';

/** Labels in model order. */
export const LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign'] as const;
export const N_CLASSES = 4;
export const BENIGN = 3;

/** Pseudo-categories from indicators and message shape; they take part in co-occurrence pairs. */
export const EXTRA_CATS = [
  'ind_telegram', 'ind_bot', 'ind_url', 'ind_domain', 'ind_tld_bad', 'ind_tld_kz', 'ind_wallet', 'ind_card',
  'ind_phone', 'ind_iban', 'ind_email', 'handle_drug', 'handle_job', 'shape_short', 'shape_long', 'shape_lines',
  'shape_hashtags', 'shape_question', 'shape_no_contact',
] as const;

const SUSPICIOUS_TLD = new Set(['top', 'biz', 'xyz', 'onion', 'ru', 'store', 'shop', 'site', 'online', 'club', 'cc', 'io', 'su', 'me', 'to', 'info', 'net', 'com', 'org']);
const FNV = 0x01000193;
const SEED_CHAR = 0x811c9dc5;
const SEED_WORD = 0x2545f491;
const SPACE = 0x20;

/** Hyper-parameters that shape the feature space (stored in the model). */
export interface FeatureConfig {
  hashBits: number;
  nMin: number;
  nMax: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { hashBits: 17, nMin: 3, nMax: 4 };

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Extracts features into reusable buffers (one instance per thread of work). */
export class FeatureExtractor {
  readonly nCats: number;
  /** Lexicon categories + EXTRA_CATS. */
  readonly catNames: string[];
  readonly denseSize: number;
  readonly offCount: number;
  readonly offSub: number;
  readonly offPair: number;
  private readonly mask: number;

  /** Hashed features: (bucket << 1) | signBit. First nChar entries are char n-grams, then nWord word features. */
  hIdx = new Int32Array(4096);
  nChar = 0;
  nWord = 0;
  /** Index in hIdx of the first word feature (0 when char n-grams were scored in place). */
  wordOff = 0;
  /** Char n-gram weight sums per class when run() was given weights (fused scoring). */
  readonly charAcc = new Float64Array(N_CLASSES);
  /** True if the last run scored char n-grams in place instead of storing them. */
  fused = false;
  /** Dense features: index and value. */
  dIdx = new Int32Array(512);
  dVal = new Float32Array(512);
  nDense = 0;
  /** Lexicon matches of the last run. */
  readonly matches = new MatchBuf();
  /** Category presence counts of the last run (length nCats). */
  readonly catCount: Int32Array;
  private subSeen: Uint8Array;
  /** Index of each EXTRA_CATS pseudo-category. */
  private readonly xIdx: Record<(typeof EXTRA_CATS)[number], number>;
  private readonly contactCat: number;
  private catList = new Int32Array(256);

  constructor(readonly lex: Lexicon, readonly cfg: FeatureConfig = DEFAULT_FEATURES) {
    this.catNames = [...lex.cats, ...EXTRA_CATS];
    this.nCats = this.catNames.length;
    this.offCount = this.nCats;
    this.offSub = 2 * this.nCats;
    this.offPair = this.offSub + lex.subs.length;
    this.denseSize = this.offPair + this.nCats * this.nCats;
    this.mask = (1 << cfg.hashBits) - 1;
    this.catCount = new Int32Array(this.nCats);
    this.subSeen = new Uint8Array(lex.subs.length);
    this.xIdx = Object.fromEntries(EXTRA_CATS.map((n, i) => [n, lex.cats.length + i])) as Record<(typeof EXTRA_CATS)[number], number>;
    this.contactCat = lex.cats.indexOf('contact');
  }

  /** Human-readable name of dense feature j. */
  denseName(j: number): string {
    if (j < this.offCount) return `cat:${this.catNames[j]}`;
    if (j < this.offSub) return `count:${this.catNames[j - this.offCount]}`;
    if (j < this.offPair) return `substance:${this.lex.subs[j - this.offSub]}`;
    const p = j - this.offPair;
    return `pair:${this.catNames[Math.floor(p / this.nCats)]}+${this.catNames[p % this.nCats]}`;
  }

  /**
   * Extract all features of the text held in `norm` (already run) with its indicators.
   * With `weights` (inference), char n-grams are summed into charAcc as they are
   * hashed instead of being stored: it saves a write and a re-read per n-gram.
   */
  run(norm: Normalizer, text: string, indicators: readonly Indicator[], weights?: Int8Array | Float32Array): void {
    const buf = norm.out;
    const len = norm.len;
    if (weights) this.hashedFused(buf, len, weights);
    else this.hashed(buf, len);
    this.words(buf, len, weights ? 0 : this.nChar);
    this.lex.match(buf, norm.flags, len, this.matches);
    this.dense(text, len, indicators);
  }

  private ensureH(n: number): void {
    if (this.hIdx.length > 1 << 18 && n < 1 << 14) this.hIdx = new Int32Array(4096); // release after a huge message
    if (n <= this.hIdx.length) return;
    let cap = this.hIdx.length;
    while (cap < n) cap *= 2;
    this.hIdx = new Int32Array(cap); // contents are rewritten by every run
  }

  private hashed(buf: Uint16Array, len: number): void {
    const { nMin, nMax } = this.cfg;
    const mask = this.mask;
    this.ensureH(len * (nMax - nMin + 1) + len + 16);
    const idx = this.hIdx;
    let k = 0;
    for (let i = 0; i + nMin <= len; i++) {
      let h = SEED_CHAR;
      const lim = Math.min(nMax, len - i);
      for (let n = 1; n <= lim; n++) {
        h = Math.imul(h ^ buf[i + n - 1], FNV);
        if (n >= nMin) {
          const x = fmix(h + n);
          idx[k++] = ((x & mask) << 1) | (x >>> 31);
        }
      }
    }
    this.nChar = k;
    this.fused = false;
  }

  private hashedFused(buf: Uint16Array, len: number, w: Int8Array | Float32Array): void {
    const { nMin, nMax } = this.cfg;
    const mask = this.mask;
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    let k = 0;
    for (let i = 0; i + nMin <= len; i++) {
      let h = SEED_CHAR;
      const lim = Math.min(nMax, len - i);
      for (let n = 1; n <= lim; n++) {
        h = Math.imul(h ^ buf[i + n - 1], FNV);
        if (n >= nMin) {
          const x = fmix(h + n);
          const b = (x & mask) << 2;
          const sg = (x >> 31) | 1; // branchless sign: the sign bit is random, a branch mispredicts half the time
          c0 += sg * w[b]; c1 += sg * w[b + 1]; c2 += sg * w[b + 2]; c3 += sg * w[b + 3];
          k++;
        }
      }
    }
    const acc = this.charAcc;
    acc[0] = c0; acc[1] = c1; acc[2] = c2; acc[3] = c3;
    this.nChar = k;
    this.fused = true;
    this.ensureH(len + 16);
  }

  /** Word unigrams and bigrams (the text is " w1 w2 ... ", single spaces), stored from hIdx[off]. */
  private words(buf: Uint16Array, len: number, off: number): void {
    const mask = this.mask;
    const idx = this.hIdx;
    let k = off;
    this.wordOff = off;
    let prev = 0;
    let prevStart = -1;
    let h = SEED_WORD;
    let ws = -1;
    for (let i = 0; i < len; i++) {
      const c = buf[i];
      if (c !== SPACE) {
        if (ws < 0) {
          ws = i;
          h = SEED_WORD;
        }
        h = Math.imul(h ^ c, FNV);
        continue;
      }
      if (ws < 0) continue;
      const x = fmix(h);
      idx[k++] = ((x & mask) << 1) | (x >>> 31);
      if (prevStart >= 0) {
        const y = fmix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x5bd1e995);
        idx[k++] = ((y & mask) << 1) | (y >>> 31);
      }
      prev = h;
      prevStart = ws;
      ws = -1;
    }
    this.nWord = k - off;
  }

  private dense(text: string, normLen: number, inds: readonly Indicator[]): void {
    const cc = this.catCount;
    cc.fill(0);
    this.subSeen.fill(0);
    const lex = this.lex;
    const m = this.matches;
    for (let i = 0; i < m.n; i++) {
      const t = lex.terms[m.term[i]];
      cc[t.catId]++;
      this.subSeen[t.subId] = 1;
    }
    // indicator pseudo-categories
    const X = this.xIdx;
    let contact = this.contactCat >= 0 && cc[this.contactCat] > 0;
    for (const ind of inds) {
      switch (ind.type) {
        case 'telegram': {
          cc[X.ind_telegram]++;
          contact = true;
          if (ind.value.endsWith('bot')) cc[X.ind_bot]++;
          this.scanHandle(ind.value, cc, X.handle_drug, X.handle_job);
          break;
        }
        case 'url': cc[X.ind_url]++; contact = true; break;
        case 'domain': {
          cc[X.ind_domain]++;
          const tld = ind.value.slice(ind.value.lastIndexOf('.') + 1);
          if (tld === 'kz' || tld === 'қаз') cc[X.ind_tld_kz]++;
          else if (SUSPICIOUS_TLD.has(tld)) cc[X.ind_tld_bad]++;
          this.scanHandle(ind.value, cc, X.handle_drug, X.handle_job);
          break;
        }
        case 'btc': case 'tron': case 'eth': cc[X.ind_wallet]++; break;
        case 'card': cc[X.ind_card]++; break;
        case 'phone': cc[X.ind_phone]++; contact = true; break;
        case 'iban': cc[X.ind_iban]++; break;
        case 'email': cc[X.ind_email]++; contact = true; break;
      }
    }
    if (normLen < 48) cc[X.shape_short]++;
    else if (normLen > 320) cc[X.shape_long]++;
    let lines = 0, hashes = 0, q = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) lines++;
      else if (c === 35) hashes++;
      else if (c === 63) q++;
    }
    if (lines >= 2) cc[X.shape_lines]++;
    if (hashes >= 2) cc[X.shape_hashtags]++;
    if (q > 0) cc[X.shape_question]++;
    if (!contact) cc[X.shape_no_contact]++;

    // emit dense features
    let n = 0;
    const nc = this.nCats;
    if (this.dIdx.length < nc * 2 + this.subSeen.length + 4096) {
      this.dIdx = new Int32Array(nc * 2 + this.subSeen.length + 8192);
      this.dVal = new Float32Array(this.dIdx.length);
    }
    const di = this.dIdx;
    const dv = this.dVal;
    const list = this.catList;
    let nl = 0;
    for (let c = 0; c < nc; c++) {
      if (cc[c] === 0) continue;
      list[nl++] = c;
      di[n] = c;
      dv[n++] = 1;
      if (cc[c] > 1) {
        di[n] = this.offCount + c;
        dv[n++] = Math.log2(cc[c]);
      }
    }
    for (let s = 1; s < this.subSeen.length; s++) {
      if (this.subSeen[s]) {
        di[n] = this.offSub + s;
        dv[n++] = 1;
      }
    }
    for (let a = 0; a < nl; a++) {
      for (let b = a + 1; b < nl; b++) {
        di[n] = this.offPair + list[a] * nc + list[b];
        dv[n++] = 1;
      }
    }
    this.nDense = n;
  }

  /** Lexicon terms inside a handle/domain written without separators (kladovka, bezpalevshop). */
  private scanHandle(v: string, cc: Int32Array, drugCat: number, jobCat: number): void {
    const hit = this.lex.scanSubstrings(v);
    if (hit & 1) cc[drugCat]++;
    if (hit & 2) cc[jobCat]++;
  }
}
