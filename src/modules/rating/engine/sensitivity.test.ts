import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeRating, mulberry32, parseMethodology, percentile, RatingInputError, sensitivity, type ValueRow } from './index.js';
import type { RegionCode } from '../../../platform/geo/regions.js';

// Six regions whose order depends on the weights: good at one indicator, bad at the other.
const TABLE: Record<string, [number, number, number]> = {
  'KZ-10': [90, 10, 40], 'KZ-11': [70, 30, 60], 'KZ-15': [55, 45, 20],
  'KZ-19': [40, 60, 80], 'KZ-23': [20, 85, 50], 'KZ-27': [10, 95, 30],
};
const DATA: ValueRow[] = Object.entries(TABLE).flatMap(([region, vs]) =>
  ['a', 'b', 'c'].map((indicator, k) => ({ region: region as RegionCode, indicator, period: '2025', value: vs[k] })));
const M = parseMethodology({
  indicators: ['a', 'b', 'c'].map((code) => ({ code, weight: 1, direction: 'higher_better', normalisation: 'minmax' })),
  aggregation: 'arithmetic', missing: 'reweight',
});
const opts = { runs: 300, seed: 42, weightJitter: 0.5, normalisations: ['minmax', 'rank', 'zscore'] as const };

describe('sensitivity (Monte Carlo over weights and normalisations)', () => {
  test('same seed → identical output; different seed → different output', () => {
    const a = sensitivity(M, DATA, '2025', opts);
    assert.deepEqual(sensitivity(M, DATA, '2025', opts), a);
    assert.notDeepEqual(sensitivity(M, DATA, '2025', { ...opts, seed: 43 }), a);
    // the weights do move these regions: some interval is wider than a single rank
    assert.ok(a.some((r) => r.p95 > r.p05));
  });

  test('rows follow the published rating; intervals contain the median', () => {
    const base = computeRating(M, DATA, '2025');
    const s = sensitivity(M, DATA, '2025', opts);
    assert.deepEqual(s.map((r) => [r.region, r.rank]), base.map((r) => [r.region, r.rank]));
    for (const r of s) assert.ok(r.p05 <= r.medianRank && r.medianRank <= r.p95 && r.p05 >= 1 && r.p95 <= 6, JSON.stringify(r));
  });

  test('zero jitter and the published normalisation → every interval collapses to the base rank', () => {
    const base = computeRating(M, DATA, '2025');
    for (const r of sensitivity(M, DATA, '2025', { runs: 50, seed: 1, weightJitter: 0 })) {
      const rank = base.find((b) => b.region === r.region)!.rank;
      assert.deepEqual([r.medianRank, r.meanRank, r.p05, r.p95], [rank, rank, rank, rank]);
    }
  });

  test('bad options are input errors', () => {
    assert.throws(() => sensitivity(M, DATA, '2025', { runs: 0, seed: 1 }), RatingInputError);
    assert.throws(() => sensitivity(M, DATA, '2025', { runs: 5, seed: -1 }), /seed/);
    assert.throws(() => sensitivity(M, DATA, '2025', { runs: 5, seed: 1, weightJitter: 1 }), /jitter/);
    assert.throws(() => sensitivity(M, DATA, '2025', { runs: 5, seed: 1, normalisations: ['target'] }), /has no "target"/);
  });
});

describe('PRNG and percentiles', () => {
  test('mulberry32 is deterministic, in [0, 1), and seed-dependent', () => {
    const a = mulberry32(7), b = mulberry32(7), c = mulberry32(8);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(Array.from({ length: 1000 }, () => b()), xs);
    assert.notEqual(c(), xs[0]);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 0.5) < 0.05);
  });

  test('percentile: linear interpolation (type 7)', () => {
    assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(percentile([1, 2, 3, 4, 5], 0.05), 1.2);
    assert.equal(percentile([3], 0.95), 3);
  });
});
