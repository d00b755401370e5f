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

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
/** Int8 weights are read four at a time through an Int32Array view; the lane order assumes little endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Hyper-parameters that shape the feature space (stored in the model). */
export interface FeatureConfig {
  hashBits: number;
  nMin: number;
  nMax: number;
}

/**
 * 2^18 hashed buckets per class (a 1 MB int8 table). 2^17 (512 KB, it stays in a core's L2
 * cache) was the choice until 2026-12-07: 2^18 measured 10-25% slower then. Measured again on
 * 2026-12-07 (third session) with the current recipe: `npm run train:cv` 0.9573 / 1.55% -> 0.9597
 * / 1.57% at threshold 0.92 and 0.9533 / 1.44% -> 0.9573 / 1.42% at 0.94, so the recipe's threshold
 * rule (train.ts, minThreshold) moves to 0.94; all seventy-three held-out sets at the chosen
 * thresholds 0.9675 / 1.12% -> 0.9686 / 0.92%. Speed: `bench:detect`, four alternating runs each,
 * 31,702-39,006 msgs/s with 2^17, 22,400-34,873 with 2^18 (the VM's own spread is as wide), peak RSS
 * 187-191 MB for both; one process alternating the two over the same 30,000 messages eight times:
 * median 40.06 µs per message with 2^17, 40.74 with 2^18.
 */
export const DEFAULT_FEATURES: FeatureConfig = { hashBits: 18, nMin: 3, nMax: 4 };

/**
 * Categories of ordinary, lawful contexts (news, clinics, gardening, cooking, games …) that do
 * not count when their word stands inside a name: a Telegram handle, domain, URL or e-mail. A
 * shop picks a harmless name (@sunny_garden_helper_bot) to look harmless; such a name is still
 * read by the n-grams, but it must not outweigh what the post says. Drug-context words inside
 * names keep counting (shops name themselves after their goods: handle_drug).
 */
const NAME_BLIND_CATS = new Set([
  'police', 'court', 'news', 'prevention', 'report', 'quote', 'clinic', 'addiction', 'pharmacy', 'education',
  'legit_job', 'food_salt', 'spa', 'cones_nuts', 'garden', 'mushroom_food', 'baking', 'collection', 'treasure',
  'kids_event', 'appliance', 'internet', 'pets_humor', 'crypto_legit', 'game', 'media', 'science', 'auto',
  'emoji_benign', 'negation',
]);

function isName(type: string): boolean {
  return type === 'telegram' || type === 'domain' || type === 'url' || type === 'email';
}

function hasNameIndicator(inds: readonly Indicator[]): boolean {
  for (const x of inds) if (isName(x.type)) return true;
  return false;
}

/** Original offset `at` lies inside a name indicator's span. */
function insideName(inds: readonly Indicator[], at: number): boolean {
  for (const x of inds) if (at >= x.start && at < x.end && isName(x.type)) return true;
  return false;
}

/** Smallest doubling of `cap` that holds n. */
function grown(cap: number, n: number): number {
  while (cap < n) cap *= 2;
  return cap;
}

/** `ch` occurs at least twice in `text` (native search: no charCodeAt loop over the whole text). */
function occursTwice(text: string, ch: string): boolean {
  const i = text.indexOf(ch);
  return i >= 0 && text.indexOf(ch, i + 1) >= 0;
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

  /**
   * Hashed features: (bucket << 1) | signBit. Without weights (training) the first
   * nChar entries are char n-grams, then nWord word features from wordOff; with
   * weights (inference) char n-grams are scored in place and only word features are
   * stored, from wordOff = 0.
   */
  hIdx = new Int32Array(4096);
  nChar = 0;
  nWord = 0;
  /** Index in hIdx of the first word feature (0 when char n-grams were scored in place). */
  wordOff = 0;
  /** Words of the last run: [start, end) in the normalised text, two entries per word. */
  wordSpan = new Int32Array(2048);
  nWords = 0;
  /** Char n-gram and word weight sums per class (integers), when run() was given int8 weights. */
  readonly charAcc = new Float64Array(N_CLASSES);
  readonly wordAcc = new Float64Array(N_CLASSES);
  /** True if the last run scored the hashed features in place (charAcc / wordAcc) instead of only storing them. */
  fused = false;
  /** Scratch for charGramsScored: the mixed hash of each char n-gram. */
  private gram = new Int32Array(4096);
  /** Int32 view of the int8 weights last passed to run() (see packedWeights). */
  private w32: Int32Array | null = null;
  private w32Of: Int8Array | null = null;
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
  /** 1 for the lexicon categories in NAME_BLIND_CATS. */
  private readonly nameBlind: Uint8Array;
  private catList = new Int32Array(256);
  /** Dense feature names by index, filled on demand; preallocated so the array stays packed (a holey array of 7k slots falls back to dictionary lookups). */
  private readonly names: (string | undefined)[];

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
    this.nameBlind = Uint8Array.from(lex.cats, (c) => (NAME_BLIND_CATS.has(c) ? 1 : 0));
    this.names = new Array<string | undefined>(this.denseSize).fill(undefined);
  }

  /** Human-readable name of dense feature j (cached: explanations ask for the same few names again and again). */
  denseName(j: number): string {
    return (this.names[j] ??= this.makeDenseName(j));
  }

  private makeDenseName(j: number): string {
    if (j < this.offCount) return `cat:${this.catNames[j]}`;
    if (j < this.offSub) return `count:${this.catNames[j - this.offCount]}`;
    if (j < this.offPair) return `substance:${this.lex.subs[j - this.offSub]}`;
    const p = j - this.offPair;
    return `pair:${this.catNames[Math.floor(p / this.nCats)]}+${this.catNames[p % this.nCats]}`;
  }

  /**
   * Extract all features of the text held in `norm` (already run) with its indicators.
   * With int8 `weights` (inference), hashed features are summed into charAcc/wordAcc
   * as they are hashed: char n-grams are not stored at all (saves a write and a
   * re-read per n-gram), word features are kept for the explanation.
   */
  run(norm: Normalizer, text: string, indicators: readonly Indicator[], weights?: Int8Array | Float32Array): void {
    const buf = norm.out;
    const len = norm.len;
    const w32 = weights instanceof Int8Array ? this.packedWeights(weights) : null;
    this.releaseHuge(len);
    if (w32) {
      this.charGramsScored(buf, len, w32);
      this.words(buf, len, 0, w32);
    } else {
      this.charGrams(buf, len);
      this.words(buf, len, this.nChar, null);
    }
    this.fused = w32 !== null;
    this.lex.match(buf, norm.flags, len, this.matches);
    this.dense(text, len, indicators, norm.start);
  }

  /**
   * The int8 weights seen as one int32 per bucket (bucket-major layout: the 4 class
   * weights of a bucket are 4 consecutive bytes), so one load fetches a whole bucket.
   * Null on big-endian hosts, where the byte order inside the int32 differs.
   */
  private packedWeights(w: Int8Array): Int32Array | null {
    if (this.w32Of !== w) {
      this.w32Of = w;
      this.w32 = LITTLE_ENDIAN && w.byteOffset % 4 === 0 && w.length % 4 === 0 ? new Int32Array(w.buffer, w.byteOffset, w.length >> 2) : null;
    }
    return this.w32;
  }

  /** One huge message must not pin megabytes of scratch for the rest of the stream. */
  private releaseHuge(len: number): void {
    if (len >= 1 << 14) return;
    if (this.hIdx.length > 1 << 18) this.hIdx = new Int32Array(4096);
    if (this.wordSpan.length > 1 << 18) this.wordSpan = new Int32Array(2048);
    if (this.gram.length > 1 << 18) this.gram = new Int32Array(4096);
  }

  /** Grow hIdx to hold n entries (keeps what is stored: words are appended after char n-grams). */
  private ensureH(n: number): void {
    if (n <= this.hIdx.length) return;
    let cap = this.hIdx.length;
    while (cap < n) cap *= 2;
    const a = new Int32Array(cap);
    a.set(this.hIdx);
    this.hIdx = a;
  }

  private ensureWordSpan(n: number): void {
    if (n > this.wordSpan.length) this.wordSpan = new Int32Array(grown(this.wordSpan.length, n)); // rewritten by every run
  }

  /** Char n-grams stored as feature ids in hIdx[0, nChar) (training). */
  private charGrams(buf: Uint16Array, len: number): void {
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
  }

  /**
   * Char n-grams scored in place: the same hashes as charGrams, each bucket's 4
   * weights read with one int32 load and added with the hash's sign. The sums are
   * integers, so the order of additions does not change them.
   *
   * Hash first, gather second: the weight table (1 MB) does not stay in cache and
   * each n-gram hits a random bucket. A loop that only gathers keeps many of those
   * misses in flight at once; interleaved with the hashing they queue up behind the
   * arithmetic (measured ~6% faster than one fused loop).
   */
  private charGramsScored(buf: Uint16Array, len: number, w: Int32Array): void {
    const { nMin, nMax } = this.cfg;
    if (this.gram.length < len * (nMax - nMin + 1)) this.gram = new Int32Array(grown(this.gram.length, len * (nMax - nMin + 1)));
    const gram = this.gram;
    let k = 0;
    if (nMin === 3 && nMax === 4) {
      // the default shape, unrolled: per position one 3-gram and (but at the end) one 4-gram
      const last4 = len - 4;
      let i = 0;
      for (; i <= last4; i++) {
        const h3 = Math.imul(Math.imul(Math.imul(SEED_CHAR ^ buf[i], FNV) ^ buf[i + 1], FNV) ^ buf[i + 2], FNV);
        gram[k++] = fmix(h3 + 3);
        gram[k++] = fmix(Math.imul(h3 ^ buf[i + 3], FNV) + 4);
      }
      if (i + 3 <= len) gram[k++] = fmix(Math.imul(Math.imul(Math.imul(SEED_CHAR ^ buf[i], FNV) ^ buf[i + 1], FNV) ^ buf[i + 2], FNV) + 3);
    } else {
      for (let i = 0; i + nMin <= len; i++) {
        let h = SEED_CHAR;
        for (let n = 1; n < nMin; n++) h = Math.imul(h ^ buf[i + n - 1], FNV);
        const lim = Math.min(nMax, len - i);
        for (let n = nMin; n <= lim; n++) {
          h = Math.imul(h ^ buf[i + n - 1], FNV);
          gram[k++] = fmix(h + n);
        }
      }
    }
    const mask = this.mask;
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let j = 0; j < k; j++) {
      const x = gram[j];
      const v = w[x & mask];
      const m = x >> 31; // 0 or -1: (a ^ m) - m negates a when the sign bit is set, without a branch
      c0 += (((v << 24) >> 24) ^ m) - m;
      c1 += (((v << 16) >> 24) ^ m) - m;
      c2 += (((v << 8) >> 24) ^ m) - m;
      c3 += ((v >> 24) ^ m) - m;
    }
    const acc = this.charAcc;
    acc[0] = c0; acc[1] = c1; acc[2] = c2; acc[3] = c3;
    this.nChar = k;
  }

  /**
   * Word unigrams and bigrams (the text is " w1 w2 ... ", single spaces), stored from
   * hIdx[off] in the order [w1, w2, (w1 w2), w3, (w2 w3), ...], with the word spans in
   * wordSpan. With packed weights `w` they are also summed into wordAcc.
   */
  private words(buf: Uint16Array, len: number, off: number, w: Int32Array | null): void {
    const mask = this.mask;
    this.ensureH(off + len + 16);
    this.ensureWordSpan(len + 2);
    const idx = this.hIdx;
    const span = this.wordSpan;
    let k = off;
    this.wordOff = off;
    let nw = 0;
    let prev = 0;
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
      if (nw > 0) {
        const y = fmix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x5bd1e995);
        idx[k++] = ((y & mask) << 1) | (y >>> 31);
      }
      span[2 * nw] = ws;
      span[2 * nw + 1] = i;
      nw++;
      prev = h;
      ws = -1;
    }
    this.nWord = k - off;
    this.nWords = nw;
    if (w) this.scoreWords(w);
  }

  /** Sum the stored word features' weights into wordAcc (few per message: a plain loop). */
  private scoreWords(w: Int32Array): void {
    const idx = this.hIdx;
    let w0 = 0, w1 = 0, w2 = 0, w3 = 0;
    const end = this.wordOff + this.nWord;
    for (let k = this.wordOff; k < end; k++) {
      const e = idx[k];
      const v = w[e >>> 1];
      const m = -(e & 1);
      w0 += (((v << 24) >> 24) ^ m) - m;
      w1 += (((v << 16) >> 24) ^ m) - m;
      w2 += (((v << 8) >> 24) ^ m) - m;
      w3 += ((v >> 24) ^ m) - m;
    }
    const acc = this.wordAcc;
    acc[0] = w0; acc[1] = w1; acc[2] = w2; acc[3] = w3;
  }

  private dense(text: string, normLen: number, inds: readonly Indicator[], origStart: Int32Array): void {
    const cc = this.catCount;
    cc.fill(0);
    this.subSeen.fill(0);
    const { termCat, termSub } = this.lex;
    const m = this.matches;
    if (hasNameIndicator(inds)) this.dropNamedContext(inds, origStart);
    for (let i = 0; i < m.n; i++) {
      const t = m.term[i];
      cc[termCat[t]]++;
      this.subSeen[termSub[t]] = 1;
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
    if (occursTwice(text, '\n')) cc[X.shape_lines]++;
    if (occursTwice(text, '#')) cc[X.shape_hashtags]++;
    if (text.includes('?')) cc[X.shape_question]++;
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

  /**
   * Remove the matches of NAME_BLIND_CATS terms that stand inside a name indicator, so
   * neither the features nor the explanation count them.
   */
  private dropNamedContext(inds: readonly Indicator[], origStart: Int32Array): void {
    const m = this.matches;
    const blind = this.nameBlind;
    const termCat = this.lex.termCat;
    let k = 0;
    for (let i = 0; i < m.n; i++) {
      if (blind[termCat[m.term[i]]] === 1 && insideName(inds, origStart[m.start[i]])) continue;
      m.term[k] = m.term[i];
      m.start[k] = m.start[i];
      m.end[k] = m.end[i];
      k++;
    }
    m.n = k;
  }

  /** Lexicon terms inside a handle/domain written without separators (kladovka, bezpalevshop). */
  private scanHandle(v: string, cc: Int32Array, drugCat: number, jobCat: number): void {
    const hit = this.lex.scanSubstrings(v);
    if (hit & 1) cc[drugCat]++;
    if (hit & 2) cc[jobCat]++;
  }
}
