/**
 * Turn labelled texts into compact feature storage for training (typed arrays,
 * concatenated), using exactly the inference pipeline: indicator extraction,
 * normalisation, lexicon and feature hashing.
 */
import { FeatureExtractor, LABELS } from '../features.js';
import { extractIndicators } from '../indicators/index.js';
import { sharedNormalizer } from '../normalize/index.js';

/** A labelled text. */
export interface LabelledText {
  text: string;
  label: string;
}

class IntVec {
  a = new Int32Array(1 << 16);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

class FloatVec {
  a = new Float32Array(1 << 16);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Float32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  done(): Float32Array {
    return this.a.slice(0, this.n);
  }
}

/** Featurised dataset: example i uses hIdx[hOff[i]..hOff[i+1]) (first nChar[i] are char n-grams). */
export interface Featurized {
  n: number;
  y: Uint8Array;
  hOff: Int32Array;
  hIdx: Int32Array;
  nChar: Int32Array;
  dOff: Int32Array;
  dIdx: Int32Array;
  dVal: Float32Array;
}

/** Featurise `rows` with `fx` (labels must be one of LABELS). */
export function featurize(rows: readonly LabelledText[], fx: FeatureExtractor): Featurized {
  const norm = sharedNormalizer();
  const n = rows.length;
  const y = new Uint8Array(n);
  const hOff = new Int32Array(n + 1);
  const dOff = new Int32Array(n + 1);
  const nChar = new Int32Array(n);
  const h = new IntVec();
  const di = new IntVec();
  const dv = new FloatVec();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const li = LABELS.indexOf(r.label as (typeof LABELS)[number]);
    if (li < 0) throw new Error(`unknown label ${r.label}`);
    y[i] = li;
    norm.run(r.text);
    fx.run(norm, r.text, extractIndicators(r.text));
    const nh = fx.nChar + fx.nWord;
    for (let k = 0; k < nh; k++) h.push(fx.hIdx[k]);
    nChar[i] = fx.nChar;
    hOff[i + 1] = h.n;
    for (let k = 0; k < fx.nDense; k++) {
      di.push(fx.dIdx[k]);
      dv.push(fx.dVal[k]);
    }
    dOff[i + 1] = di.n;
  }
  return { n, y, hOff, hIdx: h.done(), nChar, dOff, dIdx: di.done(), dVal: dv.done() };
}
