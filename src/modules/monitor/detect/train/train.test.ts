import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DEFAULT_FEATURES, FeatureExtractor, N_CLASSES } from '../features.js';
import { lexicon } from '../lexicon/index.js';
import { Model } from '../model.js';
import { generateCorpus } from './corpus/index.js';
import { fitRows, makeHeader } from './train.js';
import { DEFAULT_TRAIN, chooseThreshold, fitTemperature } from './sgd.js';

const hash = (...a: Float32Array[]) => {
  const h = createHash('sha256');
  for (const x of a) h.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  return h.digest('hex');
};

describe('training', () => {
  const rows = generateCorpus({ seed: 42, size: 300, split: 'train' });
  const fx = new FeatureExtractor(lexicon(), DEFAULT_FEATURES);
  const opts = { ...DEFAULT_TRAIN, epochs: 2 };

  it('is deterministic: same data and seed give identical weights', () => {
    const a = fitRows(rows, fx, opts);
    const b = fitRows(rows, fx, opts);
    assert.equal(hash(a.hashed, a.dense, a.bias), hash(b.hashed, b.dense, b.bias));
    const c = fitRows(rows, fx, { ...opts, seed: opts.seed + 1 });
    assert.notEqual(hash(a.hashed, a.dense, a.bias), hash(c.hashed, c.dense, c.bias));
  });

  it('serialises to a model that round-trips through the int8 format', () => {
    const w = fitRows(rows, fx, opts);
    const bin = Model.serialize(makeHeader(fx, lexicon(), DEFAULT_FEATURES, 1.3, 0.6), w.hashed, w.dense, w.bias);
    const m = Model.parse(bin, fx);
    assert.equal(m.header.temperature, 1.3);
    assert.equal(m.header.threshold, 0.6);
    assert.deepEqual(Array.from(m.dense), Array.from(w.dense));
    // quantisation error is bounded by half a step per weight
    for (let i = 0; i < w.hashed.length; i += 997) {
      assert.ok(Math.abs(m.hashed[i] * m.hashedScale[i % N_CLASSES] - w.hashed[i]) <= m.hashedScale[i % N_CLASSES] / 2 + 1e-7);
    }
  });

  it('fits a temperature and a benign-favouring threshold', () => {
    // confident but sometimes wrong logits -> temperature > 1
    const n = 200;
    const logits = new Float64Array(n * N_CLASSES);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % N_CLASSES;
      const pred = i % 5 === 0 ? (y[i] + 1) % N_CLASSES : y[i];
      logits[i * N_CLASSES + pred] = 8;
    }
    assert.ok(fitTemperature(logits, y) > 1);
    const probs = new Float64Array(n * N_CLASSES);
    for (let i = 0; i < n; i++) probs[i * N_CLASSES + 3] = y[i] === 3 ? 0.45 : 0.1; // benign rows have p(non-benign) 0.55
    assert.ok(chooseThreshold(probs, y, 0.01) > 0.55);
  });
});
