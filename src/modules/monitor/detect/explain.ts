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
const TOP_WORDS = 3;
const TOP_DENSE = 3;
const SPACE = 0x20;
const { EXTRA_CATS, N_CLASSES } = F; // local consts: imported bindings are getters under tsx

/** Scratch buffers reused across calls. */
export class Explainer {
  private wordScore = new Float64Array(1024);
  private wordOf = new Int32Array(4096);
  private picked = new Int32Array(TOP_DENSE);
  private dScore = new Float64Array(1024);

  /** Build the evidence list for label `k`. */
  explain(text: string, norm: Normalizer, fx: FeatureExtractor, model: Model, inds: readonly Indicator[], k: number): Evidence[] {
    const out: Evidence[] = [];
    const lex = fx.lex;
    const m = fx.matches;
    const dW = model.dense;
    // 1. lexicon terms and emoji concepts
    for (let i = 0; i < m.n && out.length < MAX_TERMS; i++) {
      const t = lex.terms[m.term[i]];
      const s = norm.start[m.start[i]];
      const e = norm.end[m.end[i] - 1];
      // one object shape for all evidence (substance undefined when absent; JSON omits it)
      out.push({
        kind: t.emoji ? 'emoji' : 'term',
        text: text.slice(s, e),
        category: t.cat,
        substance: t.sub || undefined,
        weight: round(denseContrib(dW, t.catId, 1, k)),
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

  /**
   * Top words by the summed weight of their word unigram/bigram features (bigrams
   * split half-half). Char n-grams are left out on purpose: summing hundreds of them
   * per message costs as much as classifying it, and obfuscated words are already
   * reported as lexicon terms.
   */
  private topWords(text: string, norm: Normalizer, fx: FeatureExtractor, model: Model, k: number, out: Evidence[]): void {
    const len = norm.len;
    const buf = norm.out;
    const nw = fx.nWord;
    if (nw === 0) return;
    if (this.wordScore.length < nw) this.wordScore = new Float64Array(nw * 2);
    if (this.wordOf.length < nw * 2) this.wordOf = new Int32Array(nw * 4);
    const ws = this.wordScore;
    const starts = this.wordOf; // word start positions (normalised), then word ends
    const w = model.hashed;
    const sc = model.hashedScale;
    const norm1 = 1 / Math.sqrt(nw);
    // features are [w0, w1, (w0 w1), w2, (w1 w2), ...]: walk words in the same order as hashing
    let f = fx.wordOff;
    let wi = 0;
    let ws0 = -1;
    for (let i = 0; i < len; i++) {
      if (buf[i] !== SPACE) {
        if (ws0 < 0) ws0 = i;
        continue;
      }
      if (ws0 < 0) continue;
      starts[wi * 2] = ws0;
      starts[wi * 2 + 1] = i;
      ws[wi] = this.featContrib(w, sc, fx.hIdx[f++], k) * norm1;
      if (wi > 0) {
        const c = this.featContrib(w, sc, fx.hIdx[f++], k) * norm1 * 0.5;
        ws[wi] += c;
        ws[wi - 1] += c;
      }
      wi++;
      ws0 = -1;
    }
    for (let r = 0; r < TOP_WORDS; r++) {
      let best = -1;
      for (let i = 0; i < wi; i++) if (ws[i] > 0.05 && (best < 0 || ws[i] > ws[best])) best = i;
      if (best < 0) break;
      const os = norm.start[starts[best * 2]];
      const oe = norm.end[starts[best * 2 + 1] - 1];
      if (oe > os) {
        out.push({ kind: 'feature', text: text.slice(os, oe), category: 'word', substance: undefined, weight: round(ws[best]), start: os, end: oe });
      }
      ws[best] = -Infinity;
    }
  }

  /** Contribution of one hashed feature to label k, relative to the mean over labels. */
  private featContrib(w: Int8Array | Float32Array, sc: Float32Array, e: number, k: number): number {
    const b = (e >>> 1) << 2;
    const v = w[b + k] * sc[k] - (w[b] * sc[0] + w[b + 1] * sc[1] + w[b + 2] * sc[2] + w[b + 3] * sc[3]) / N_CLASSES;
    return e & 1 ? -v : v;
  }

  private topDense(
    text: string, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[],
    dW: Float32Array, k: number, out: Evidence[],
  ): void {
    if (this.dScore.length < fx.nDense) this.dScore = new Float64Array(fx.nDense * 2);
    const sc = this.dScore;
    for (let i = 0; i < fx.nDense; i++) {
      const j = fx.dIdx[i];
      sc[i] = j < fx.offSub && j >= fx.offCount ? 0 : denseContrib(dW, j, fx.dVal[i], k);
    }
    // top-3 by repeated scan (no allocation); counts repeat the presence features and are skipped
    const picked = this.picked;
    let np = 0;
    while (np < TOP_DENSE) {
      let best = -1;
      let bestC = 0.1;
      for (let i = 0; i < fx.nDense; i++) {
        if (sc[i] > bestC) {
          bestC = sc[i];
          best = i;
        }
      }
      if (best < 0) break;
      picked[np++] = best;
      sc[best] = 0;
      const j = fx.dIdx[best];
      const span = this.spanOf(j, norm, fx, inds);
      if (span) out.push({ kind: 'feature', text: text.slice(span[0], span[1]), category: fx.denseName(j), substance: undefined, weight: round(bestC), start: span[0], end: span[1] });
    }
  }

  /** A representative original span for dense feature j (first term of its category / the indicator). */
  private spanOf(j: number, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[]): [number, number] | null {
    const lex = fx.lex;
    const m = fx.matches;
    if (j < fx.offCount) return this.firstOfCat(j, norm, fx, inds);
    if (j >= fx.offSub && j < fx.offPair) {
      const sub = j - fx.offSub;
      for (let i = 0; i < m.n; i++) if (lex.terms[m.term[i]].subId === sub) return [norm.start[m.start[i]], norm.end[m.end[i] - 1]];
      return null;
    }
    const p = j - fx.offPair;
    return this.firstOfCat(Math.floor(p / fx.nCats), norm, fx, inds) ?? this.firstOfCat(p % fx.nCats, norm, fx, inds);
  }

  private firstOfCat(cat: number, norm: Normalizer, fx: FeatureExtractor, inds: readonly Indicator[]): [number, number] | null {
    const lex = fx.lex;
    const m = fx.matches;
    if (cat >= lex.cats.length) {
      const name = EXTRA_CATS[cat - lex.cats.length];
      const type = name.startsWith('ind_') ? name.slice(4) : name.startsWith('handle_') ? 'telegram' : '';
      for (const x of inds) {
        const ok = type === 'wallet' ? x.type === 'btc' || x.type === 'tron' || x.type === 'eth'
          : type === 'bot' || type.startsWith('tld') ? x.type === 'telegram' || x.type === 'domain' : x.type === type;
        if (ok) return [x.start, x.end];
      }
      return null;
    }
    for (let i = 0; i < m.n; i++) if (lex.terms[m.term[i]].catId === cat) return [norm.start[m.start[i]], norm.end[m.end[i] - 1]];
    return null;
  }
}

/** Contribution of dense feature j (value v) to label k, relative to the mean over labels. */
function denseContrib(dW: Float32Array, j: number, v: number, k: number): number {
  const b = j * N_CLASSES;
  return v * (dW[b + k] - (dW[b] + dW[b + 1] + dW[b + 2] + dW[b + 3]) / N_CLASSES);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
