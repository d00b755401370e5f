/**
 * Model artifact: multinomial logistic regression over the hashed + dense features.
 *
 * File layout (little endian):
 *   "QDM1" | u32 headerBytes | header JSON (UTF-8, space-padded to 4) |
 *   int8  hashed[2^hashBits * 4]   (bucket-major: the 4 class weights of a bucket share a cache line)
 *   f32   dense[denseSize * 4]
 *   f32   bias[4]
 * Hashed weights are quantised per class (w = q * hashedScale[c]); int8 keeps the
 * table at 1 MB (2^18 buckets x 4 classes), a quarter of float32, so most of it stays in cache.
 * Dense weights are stored by NAME-indexed layout (catNames/subs in the header) and re-mapped
 * on load, so adding a lexicon category later does not silently shift weights.
 */
import { readFileSync } from 'node:fs';
import { type FeatureConfig, FeatureExtractor } from './features.js';
import * as features from './features.js';
import type { Lexicon } from './lexicon/index.js';

// local consts: imported bindings are getters under tsx (a property load per use in hot code)
const { N_CLASSES } = features;

/** JSON header of the model file. */
export interface ModelHeader {
  format: 'qalqan-detect';
  version: 1;
  labels: string[];
  features: FeatureConfig;
  catNames: string[];
  subs: string[];
  denseSize: number;
  hashedScale: number[];
  /** Softmax temperature from calibration (logits are divided by it). */
  temperature: number;
  /** Decision rule: predict non-benign only if 1 - p(benign) >= threshold. */
  threshold: number;
  trainedAt?: string;
}

/** Loaded model weights. */
export class Model {
  constructor(
    readonly header: ModelHeader,
    /** Hashed weights (int8 quantised or float for training). */
    readonly hashed: Int8Array | Float32Array,
    readonly hashedScale: Float32Array,
    readonly dense: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** Read only the JSON header of a model file. */
  static readHeader(buf: Uint8Array): ModelHeader {
    if (buf.length < 8 || String.fromCharCode(buf[0], buf[1], buf[2], buf[3]) !== 'QDM1') throw new Error('not a detector model (bad magic)');
    const hLen = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + hLen))) as ModelHeader;
    if (header.format !== 'qalqan-detect' || header.version !== 1) throw new Error('unsupported model format');
    return header;
  }

  /** Parse a model file and re-map dense weights onto `fx`'s current layout. */
  static parse(buf: Uint8Array, fx: FeatureExtractor): Model {
    const header = Model.readHeader(buf);
    const hLen = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(4, true);
    let off = 8 + hLen;
    const nH = (1 << header.features.hashBits) * N_CLASSES;
    const hashed = new Int8Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + nH));
    off += nH;
    const oldDense = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + header.denseSize * N_CLASSES * 4));
    off += header.denseSize * N_CLASSES * 4;
    const bias = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + N_CLASSES * 4));
    const dense = remapDense(oldDense, header, fx);
    return new Model(header, hashed, Float32Array.from(header.hashedScale), dense, bias);
  }

  /** Load a model file together with a matching feature extractor. */
  static load(path: string, lex: Lexicon): { model: Model; fx: FeatureExtractor } {
    const buf = readFileSync(path);
    const fx = new FeatureExtractor(lex, Model.readHeader(buf).features);
    return { model: Model.parse(buf, fx), fx };
  }

  /** Serialise with int8 quantisation of the hashed block. */
  static serialize(header: Omit<ModelHeader, 'hashedScale'>, hashed: Float32Array, dense: Float32Array, bias: Float32Array): Uint8Array {
    const scale = quantScales(hashed);
    const q = new Int8Array(hashed.length);
    for (let i = 0; i < hashed.length; i++) {
      const c = i & 3;
      const v = Math.round(hashed[i] / scale[c]);
      q[i] = v > 127 ? 127 : v < -127 ? -127 : v;
    }
    const full: ModelHeader = { ...header, hashedScale: Array.from(scale) };
    let json = JSON.stringify(full);
    while ((8 + Buffer.byteLength(json)) % 4 !== 0) json += ' ';
    const hb = Buffer.from(json, 'utf8');
    const out = new Uint8Array(8 + hb.length + q.length + dense.length * 4 + bias.length * 4);
    out.set(Buffer.from('QDM1'), 0);
    new DataView(out.buffer).setUint32(4, hb.length, true);
    out.set(hb, 8);
    let off = 8 + hb.length;
    out.set(new Uint8Array(q.buffer), off);
    off += q.length;
    out.set(new Uint8Array(dense.buffer, dense.byteOffset, dense.byteLength), off);
    off += dense.byteLength;
    out.set(new Uint8Array(bias.buffer, bias.byteOffset, bias.byteLength), off);
    return out;
  }

  /** Raw logits (before temperature) for the features currently held by `fx`. */
  logits(fx: FeatureExtractor, z: Float64Array): void {
    let c0, c1, c2, c3, w0, w1, w2, w3;
    if (fx.fused) {
      // summed in place by fx.run (integer sums: identical to the loops below)
      const a = fx.charAcc;
      c0 = a[0]; c1 = a[1]; c2 = a[2]; c3 = a[3];
      const b = fx.wordAcc;
      w0 = b[0]; w1 = b[1]; w2 = b[2]; w3 = b[3];
    } else {
      const w = this.hashed;
      const idx = fx.hIdx;
      c0 = 0; c1 = 0; c2 = 0; c3 = 0;
      for (let k = 0; k < fx.nChar; k++) {
        const e = idx[k];
        const b = (e >>> 1) << 2;
        const sg = 1 - ((e & 1) << 1); // branchless: random sign bits defeat branch prediction
        c0 += sg * w[b]; c1 += sg * w[b + 1]; c2 += sg * w[b + 2]; c3 += sg * w[b + 3];
      }
      w0 = 0; w1 = 0; w2 = 0; w3 = 0;
      const end = fx.wordOff + fx.nWord;
      for (let k = fx.wordOff; k < end; k++) {
        const e = idx[k];
        const b = (e >>> 1) << 2;
        const sg = 1 - ((e & 1) << 1);
        w0 += sg * w[b]; w1 += sg * w[b + 1]; w2 += sg * w[b + 2]; w3 += sg * w[b + 3];
      }
    }
    const nc = fx.nChar;
    const sc = nc > 0 ? 1 / Math.sqrt(nc) : 0;
    const sw = fx.nWord > 0 ? 1 / Math.sqrt(fx.nWord) : 0;
    const s = this.hashedScale;
    let z0 = this.bias[0] + (c0 * sc + w0 * sw) * s[0];
    let z1 = this.bias[1] + (c1 * sc + w1 * sw) * s[1];
    let z2 = this.bias[2] + (c2 * sc + w2 * sw) * s[2];
    let z3 = this.bias[3] + (c3 * sc + w3 * sw) * s[3];
    const d = this.dense;
    const di = fx.dIdx;
    const dv = fx.dVal;
    for (let k = 0; k < fx.nDense; k++) {
      const j = di[k] << 2;
      const v = dv[k];
      z0 += v * d[j]; z1 += v * d[j + 1]; z2 += v * d[j + 2]; z3 += v * d[j + 3];
    }
    z[0] = z0; z[1] = z1; z[2] = z2; z[3] = z3;
  }

  /** Calibrated probabilities from logits (softmax with temperature), written into `p`. */
  probs(z: Float64Array, p: Float64Array): void {
    const t = this.header.temperature || 1;
    let m = -Infinity;
    for (let c = 0; c < N_CLASSES; c++) if (z[c] / t > m) m = z[c] / t;
    let sum = 0;
    for (let c = 0; c < N_CLASSES; c++) {
      p[c] = Math.exp(z[c] / t - m);
      sum += p[c];
    }
    for (let c = 0; c < N_CLASSES; c++) p[c] /= sum;
  }
}

/** Per-class scale = max |w| / 127 (clipping the largest weights would cut the strongest cues). */
export function quantScales(w: Float32Array): Float32Array {
  const scale = new Float32Array(N_CLASSES);
  for (let c = 0; c < N_CLASSES; c++) {
    let max = 0;
    for (let i = c; i < w.length; i += N_CLASSES) max = Math.max(max, Math.abs(w[i]));
    scale[c] = Math.max(max, 1e-6) / 127;
  }
  return scale;
}

function remapDense(old: Float32Array, h: ModelHeader, fx: FeatureExtractor): Float32Array {
  const out = new Float32Array(fx.denseSize * N_CLASSES);
  const catMap = h.catNames.map((n) => fx.catNames.indexOf(n));
  const subMap = h.subs.map((n) => fx.lex.subs.indexOf(n));
  const nOld = h.catNames.length;
  const oldOffCount = nOld;
  const oldOffSub = 2 * nOld;
  const oldOffPair = oldOffSub + h.subs.length;
  const copy = (from: number, to: number) => {
    if (to < 0) return;
    for (let c = 0; c < N_CLASSES; c++) out[to * N_CLASSES + c] = old[from * N_CLASSES + c];
  };
  for (let a = 0; a < nOld; a++) {
    const na = catMap[a];
    if (na < 0) continue;
    copy(a, na);
    copy(oldOffCount + a, fx.offCount + na);
    for (let b = 0; b < nOld; b++) {
      const nb = catMap[b];
      if (nb < 0) continue;
      // pairs are stored with the smaller index first
      const [x, y] = na < nb ? [na, nb] : [nb, na];
      const [ox, oy] = a < b ? [a, b] : [b, a];
      if (a < b) copy(oldOffPair + ox * nOld + oy, fx.offPair + x * fx.nCats + y);
    }
  }
  for (let s = 0; s < h.subs.length; s++) copy(oldOffSub + s, subMap[s] < 0 ? -1 : fx.offSub + subMap[s]);
  return out;
}
