/**
 * Deterministic training of the multinomial logistic regression (softmax) with
 * AdaGrad and L2, plus temperature calibration and threshold selection.
 *
 * Determinism: one thread, a seeded shuffle, Float32Array weights and a fixed
 * operation order, so the same data + options give bit-identical weights.
 */
import { BENIGN, N_CLASSES } from '../features.js';
import { mulberry32 } from '../../../../platform/random.js';
import type { Featurized } from './featurize.js';

/** Training hyper-parameters (recorded in the manifest). */
export interface TrainOptions {
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  /** L2 on hashed n-gram/word weights (strong: they memorise templates). */
  l2Hashed: number;
  /** L2 on dense lexicon/co-occurrence weights (weak: they generalise). */
  l2Dense: number;
  /** Shuffle seed. */
  seed: number;
  /** Per-class loss weights (benign first-class errors cost more). */
  classWeight: number[];
}

export const DEFAULT_TRAIN: TrainOptions = {
  // 2 passes, not 6: the training loss is near zero after the first pass, and the later passes
  // fitted the generator's templates ever closer. On sets written by other authors (never trained
  // on) 2 passes gave fewer false positives: 4.7% against 7.1% of benign rows on a set of 200
  // rows, 6.2% against 7.7% on a set of 160 (docs/dev/monitor-detect-history.md). More data (120k rows) and
  // stronger L2 did worse there. L2 on the hashed features 1e-5 instead of 2e-5 together with
  // half the generated rows (RECIPE.generator.size): 4-fold grouped cross-validation over the 59
  // training sets by other authors, 2026-12-06 (docs/dev/monitor-detect-history.md).
  epochs: 2,
  lr: 0.15,
  l2Hashed: 1e-5,
  l2Dense: 2e-6,
  seed: 20260,
  classWeight: [1, 1, 1, 1],
};

/** Float weights of the model during training. */
export interface Weights {
  hashed: Float32Array;
  dense: Float32Array;
  bias: Float32Array;
}

/** Logits of example i under float weights `w` (same formula as Model.logits). */
export function logitsOf(d: Featurized, i: number, w: Weights, z: Float64Array): void {
  for (let c = 0; c < N_CLASSES; c++) z[c] = w.bias[c];
  const h0 = d.hOff[i];
  const h1 = d.hOff[i + 1];
  const nc = d.nChar[i];
  const nw = h1 - h0 - nc;
  const sc = nc > 0 ? 1 / Math.sqrt(nc) : 0;
  const sw = nw > 0 ? 1 / Math.sqrt(nw) : 0;
  const W = w.hashed;
  for (let k = h0; k < h1; k++) {
    const e = d.hIdx[k];
    const b = (e >>> 1) << 2;
    const v = (e & 1 ? -1 : 1) * (k - h0 < nc ? sc : sw);
    for (let c = 0; c < N_CLASSES; c++) z[c] += v * W[b + c];
  }
  const D = w.dense;
  for (let k = d.dOff[i]; k < d.dOff[i + 1]; k++) {
    const b = d.dIdx[k] << 2;
    const v = d.dVal[k];
    for (let c = 0; c < N_CLASSES; c++) z[c] += v * D[b + c];
  }
}

function softmaxInPlace(z: Float64Array, p: Float64Array, t = 1): void {
  let m = -Infinity;
  for (let c = 0; c < N_CLASSES; c++) m = Math.max(m, z[c] / t);
  let s = 0;
  for (let c = 0; c < N_CLASSES; c++) s += p[c] = Math.exp(z[c] / t - m);
  for (let c = 0; c < N_CLASSES; c++) p[c] /= s;
}

/** Train from zero. `log` receives one line per epoch. */
export function train(d: Featurized, hashBits: number, denseSize: number, o: TrainOptions, log?: (s: string) => void): Weights {
  const w: Weights = {
    hashed: new Float32Array((1 << hashBits) * N_CLASSES),
    dense: new Float32Array(denseSize * N_CLASSES),
    bias: new Float32Array(N_CLASSES),
  };
  const gH = new Float32Array(w.hashed.length);
  const gD = new Float32Array(w.dense.length);
  const gB = new Float32Array(N_CLASSES);
  const z = new Float64Array(N_CLASSES);
  const p = new Float64Array(N_CLASSES);
  const g = new Float64Array(N_CLASSES);
  const rnd = mulberry32(o.seed);
  const order = Int32Array.from({ length: d.n }, (_, i) => i);
  const EPS = 1e-8;
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = d.n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let loss = 0;
    for (let oi = 0; oi < d.n; oi++) {
      const i = order[oi];
      logitsOf(d, i, w, z);
      softmaxInPlace(z, p);
      const y = d.y[i];
      const cw = o.classWeight[y];
      loss -= cw * Math.log(Math.max(p[y], 1e-12));
      for (let c = 0; c < N_CLASSES; c++) g[c] = cw * (p[c] - (c === y ? 1 : 0));
      for (let c = 0; c < N_CLASSES; c++) {
        gB[c] += g[c] * g[c];
        w.bias[c] -= (o.lr * g[c]) / Math.sqrt(gB[c] + EPS);
      }
      const h0 = d.hOff[i];
      const h1 = d.hOff[i + 1];
      const nc = d.nChar[i];
      const nw = h1 - h0 - nc;
      const sc = nc > 0 ? 1 / Math.sqrt(nc) : 0;
      const sw = nw > 0 ? 1 / Math.sqrt(nw) : 0;
      const W = w.hashed;
      for (let k = h0; k < h1; k++) {
        const e = d.hIdx[k];
        const b = (e >>> 1) << 2;
        const v = (e & 1 ? -1 : 1) * (k - h0 < nc ? sc : sw);
        for (let c = 0; c < N_CLASSES; c++) {
          const gr = g[c] * v + o.l2Hashed * W[b + c];
          gH[b + c] += gr * gr;
          W[b + c] -= (o.lr * gr) / Math.sqrt(gH[b + c] + EPS);
        }
      }
      const D = w.dense;
      for (let k = d.dOff[i]; k < d.dOff[i + 1]; k++) {
        const b = d.dIdx[k] << 2;
        const v = d.dVal[k];
        for (let c = 0; c < N_CLASSES; c++) {
          const gr = g[c] * v + o.l2Dense * D[b + c];
          gD[b + c] += gr * gr;
          D[b + c] -= (o.lr * gr) / Math.sqrt(gD[b + c] + EPS);
        }
      }
    }
    log?.(`epoch ${ep + 1}/${o.epochs}: mean loss ${(loss / d.n).toFixed(4)}`);
  }
  return w;
}

/** Temperature minimising the negative log-likelihood of `logits` (n x 4, row-major). */
export function fitTemperature(logits: Float64Array, y: Uint8Array): number {
  const nll = (t: number) => {
    let s = 0;
    const z = new Float64Array(N_CLASSES);
    const p = new Float64Array(N_CLASSES);
    for (let i = 0; i < y.length; i++) {
      for (let c = 0; c < N_CLASSES; c++) z[c] = logits[i * N_CLASSES + c];
      softmaxInPlace(z, p, t);
      s -= Math.log(Math.max(p[y[i]], 1e-12));
    }
    return s / y.length;
  };
  // golden-section search on log T in [ln 0.25, ln 8]
  let a = Math.log(0.25), b = Math.log(8);
  const gr = (Math.sqrt(5) - 1) / 2;
  let c = b - gr * (b - a), d = a + gr * (b - a);
  let fc = nll(Math.exp(c)), fd = nll(Math.exp(d));
  for (let it = 0; it < 60; it++) {
    if (fc < fd) {
      b = d; d = c; fd = fc; c = b - gr * (b - a); fc = nll(Math.exp(c));
    } else {
      a = c; c = d; fc = fd; d = a + gr * (b - a); fd = nll(Math.exp(d));
    }
  }
  return Math.round(Math.exp((a + b) / 2) * 1e4) / 1e4;
}

/**
 * Decision threshold on P(non-benign): the smallest grid value whose benign FPR on
 * the calibration set is <= maxFpr, but never below 0.5 (a plain argmax-like rule).
 */
export function chooseThreshold(probs: Float64Array, y: Uint8Array, maxFpr: number): number {
  const nBenign = y.reduce((s, v) => s + (v === BENIGN ? 1 : 0), 0);
  for (let t = 0.5; t <= 0.96; t += 0.01) {
    let fp = 0;
    for (let i = 0; i < y.length; i++) if (y[i] === BENIGN && 1 - probs[i * N_CLASSES + BENIGN] >= t) fp++;
    if (nBenign === 0 || fp / nBenign <= maxFpr) return Math.round(t * 100) / 100;
  }
  return 0.96;
}
