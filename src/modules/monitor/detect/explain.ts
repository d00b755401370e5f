/**
 * Evidence for a prediction, with spans in the ORIGINAL text.
 *
 * Lexicon terms and emoji come from the trie matches (normalised spans mapped back
 * through the Normalizer's offset map). "feature" evidence is the top words by
 * their summed n-gram/word contribution to the predicted label, plus the strongest
 * dense features (co-occurrence pairs etc.). Contributions are measured against the
 * mean over labels, so a word that pushes every label equally does not show up.
 */
import * as F from './features.js';
import type { FeatureExtractor } from './features.js';
import type { Indicator } from './indicators/index.js';
import type { Lexicon } from './lexicon/index.js';
import type { Model } from './model.js';
import type { Normalizer } from './normalize/normalizer.js';

/** One piece of evidence; `text === original.slice(start, end)`. */
export interface Evidence {
  kind: 'term' | 'emoji' | 'indicator' | 'feature';
  text: string;
  category: string;
  substance?: string;
  weight?: number;
  start: number;
  end: number;
}

const MAX_TERMS = 40;
const { EXTRA_CATS, N_CLASSES } = F; // local consts: imported bindings are getters under tsx
/** Indicator type each EXTRA_CATS pseudo-category points at ('wallet', 'bot' and 'tld_*' are groups). */
const EXTRA_TYPE = EXTRA_CATS.map((name) => (name.startsWith('ind_') ? name.slice(4) : name.startsWith('handle_') ? 'telegram' : ''));

/** Scratch buffers reused across calls. */
export class Explainer {
  private wordScore = new Float64Array(1024);
  private dScore = new Float64Array(1024);
  private top = new Int32Array(3);

  // Flat per-term tables (built once per lexicon) and term weights per label (once per
  // model): the term loop then reads arrays instead of chasing term objects.
  private lexOf: Lexicon | null = null;
  private termKind: Evidence['kind'][] = [];
  private termCatName: string[] = [];
  private termSubName: (string | undefined)[] = [];
  private weightsOf: Float32Array | null = null;
  /** [k * nLexCats + cat]: rounded pull of lexicon category `cat` toward label k. */
  private catWeight = new Float64Array(0);

  /** Build the evidence list for label `k`. */
  explain(text: string, norm: Normalizer, fx: FeatureExtractor, model: Model, inds: readonly Indicator[], k: number): Evidence[] {
    const out: Evidence[] = [];
    const lex = fx.lex;
    const m = fx.matches;
    const dW = model.dense;
    this.prepare(lex, dW);
    // 1. lexicon terms and emoji concepts
    const { termKind, termCatName, termSubName, catWeight } = this;
    const termCat = lex.termCat;
    const wOff = k * lex.cats.length;
    const nTerms = Math.min(m.n, MAX_TERMS);
    for (let i = 0; i < nTerms; i++) {
      const t = m.term[i];
      const s = norm.start[m.start[i]];
      const e = norm.end[m.end[i] - 1];
      // one object shape for all evidence (substance undefined when absent; JSON omits it)
      out.push({
        kind: termKind[t],
        text: text.slice(s, e),
        category: termCatName[t],
        substance: termSubName[t],
        weight: catWeight[wOff + termCat[t]],
        start: s,
        end: e,
      });
    }
    // 2. indicators
    for (const ind of inds) out.push({ kind: 'indicator', text: text.slice(ind.start, ind.end), category: ind.type, substance: undefined, weight: undefined, start: ind.start, end: ind.end });
    // 3. top words by word-feature contribution
    this.topWords(text, norm, fx, model, k, out);
    // 4. strongest dense features that point at a span
    this.topDense(text, norm, fx, inds, dW, k, out);
    return out;
  }

  private prepare(lex: Lexicon, dW: Float32Array): void {
    if (this.lexOf !== lex) {
      this.lexOf = lex;
      this.termKind = lex.terms.map((t) => (t.emoji ? 'emoji' : 'term'));
      this.termCatName = lex.terms.map((t) => t.cat);
      this.termSubName = lex.terms.map((t) => t.sub || undefined);
      this.weightsOf = null;
    }
    if (this.weightsOf !== dW) {
      this.weightsOf = dW;
      const nc = lex.cats.length;
      this.catWeight = new Float64Array(N_CLASSES * nc);
      for (let k = 0; k < N_CLASSES; k++) for (let c = 0; c < nc; c++) this.catWeight[k * nc + c] = round(denseContrib(dW, c, 1, k));
    }
  }

  /**
   * Top words by the summed weight of their word unigram/bigram features (bigrams
   * split half-half). Char n-grams are left out on purpose: summing hundreds of them
   * per message costs as much as classifying it, and obfuscated words are already
   * reported as lexicon terms. The word spans and feature ids come from fx.run.
   */
  private topWords(text: string, norm: Normalizer, fx: FeatureExtractor, model: Model, k: number, out: Evidence[]): void {
    const nw = fx.nWord;
    const nWords = fx.nWords;
    if (nw === 0) return;
    if (this.wordScore.length < nWords) this.wordScore = new Float64Array(nWords * 2);
    const ws = this.wordScore;
    const idx = fx.hIdx;
    const w = model.hashed;
    const sc = model.hashedScale;
    const norm1 = 1 / Math.sqrt(nw);
    // features are [w0, w1, (w0 w1), w2, (w1 w2), ...]
    let f = fx.wordOff;
    for (let wi = 0; wi < nWords; wi++) {
      ws[wi] = featContrib(w, sc, idx[f++], k) * norm1;
      if (wi > 0) {
        const c = featContrib(w, sc, idx[f++], k) * norm1 * 0.5;
        ws[wi] += c;
        ws[wi - 1] += c;
      }
    }
    const top = this.top;
    const nTop = top3(ws, nWords, 0.05, top);
    const span = fx.wordSpan;
    for (let r = 0; r < nTop; r++) {
      const best = top[r];
      const os = norm.start[span[best * 2]];
      const oe = norm.end[span[best * 2 + 1] - 1];
      if (oe > os) {
        out.push({ kind: 'feature', text: text.slice(os, oe), category: 'word', substance: undefined, weight: round(ws[best]), start: os, end: oe });
      }
    }
  }

  private topDense(
    text: string, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[],
    dW: Float32Array, k: number, out: Evidence[],
  ): void {
    const nd = fx.nDense;
    if (this.dScore.length < nd) this.dScore = new Float64Array(nd * 2);
    const sc = this.dScore;
    const di = fx.dIdx;
    const dv = fx.dVal;
    const offCount = fx.offCount;
    const offSub = fx.offSub;
    for (let i = 0; i < nd; i++) {
      const j = di[i];
      // counts repeat the presence features and are skipped (the weights' cache lines were just read by Model.logits)
      sc[i] = j < offSub && j >= offCount ? 0 : denseContrib(dW, j, dv[i], k);
    }
    const top = this.top;
    const nTop = top3(sc, nd, 0.1, top);
    for (let r = 0; r < nTop; r++) {
      const j = di[top[r]];
      const span = this.spanOf(j, norm, fx, inds);
      if (span) out.push({ kind: 'feature', text: text.slice(span[0], span[1]), category: fx.denseName(j), substance: undefined, weight: round(sc[top[r]]), start: span[0], end: span[1] });
    }
  }

  /** A representative original span for dense feature j (first term of its category / the indicator). */
  private spanOf(j: number, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[]): [number, number] | null {
    const m = fx.matches;
    if (j < fx.offCount) return this.firstOfCat(j, norm, fx, inds);
    if (j >= fx.offSub && j < fx.offPair) {
      const sub = j - fx.offSub;
      const termSub = fx.lex.termSub;
      for (let i = 0; i < m.n; i++) if (termSub[m.term[i]] === sub) return [norm.start[m.start[i]], norm.end[m.end[i] - 1]];
      return null;
    }
    const p = j - fx.offPair;
    return this.firstOfCat(Math.floor(p / fx.nCats), norm, fx, inds) ?? this.firstOfCat(p % fx.nCats, norm, fx, inds);
  }

  private firstOfCat(cat: number, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[]): [number, number] | null {
    const lex = fx.lex;
    const m = fx.matches;
    if (cat >= lex.cats.length) {
      const type = EXTRA_TYPE[cat - lex.cats.length];
      for (const x of inds) {
        const ok = type === 'wallet' ? x.type === 'btc' || x.type === 'tron' || x.type === 'eth'
          : type === 'bot' || type.startsWith('tld') ? x.type === 'telegram' || x.type === 'domain' : x.type === type;
        if (ok) return [x.start, x.end];
      }
      return null;
    }
    const termCat = lex.termCat;
    for (let i = 0; i < m.n; i++) if (termCat[m.term[i]] === cat) return [norm.start[m.start[i]], norm.end[m.end[i] - 1]];
    return null;
  }
}

/** Contribution of one hashed feature to label k, relative to the mean over labels. */
function featContrib(w: Int8Array | Float32Array, sc: Float32Array, e: number, k: number): number {
  const b = (e >>> 1) << 2;
  const v = w[b + k] * sc[k] - (w[b] * sc[0] + w[b + 1] * sc[1] + w[b + 2] * sc[2] + w[b + 3] * sc[3]) / N_CLASSES;
  return e & 1 ? -v : v;
}

/**
 * Indices of the (at most) 3 largest scores above `min` in sc[0, n), best first. Ties
 * keep the earlier index, exactly like three rounds of "first strict maximum".
 */
function top3(sc: Float64Array, n: number, min: number, out: Int32Array): number {
  let a = -1, b = -1, c = -1;
  for (let i = 0; i < n; i++) {
    const v = sc[i];
    if (!(v > min)) continue;
    if (a < 0 || v > sc[a]) {
      c = b; b = a; a = i;
    } else if (b < 0 || v > sc[b]) {
      c = b; b = i;
    } else if (c < 0 || v > sc[c]) c = i;
  }
  out[0] = a; out[1] = b; out[2] = c;
  return a < 0 ? 0 : b < 0 ? 1 : c < 0 ? 2 : 3;
}

/** Contribution of dense feature j (value v) to label k, relative to the mean over labels. */
function denseContrib(dW: Float32Array, j: number, v: number, k: number): number {
  const b = j * N_CLASSES;
  return v * (dW[b + k] - (dW[b] + dW[b + 1] + dW[b + 2] + dW[b + 3]) / N_CLASSES);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
