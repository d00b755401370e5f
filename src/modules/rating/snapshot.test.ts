import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMethodology, parseValuesCsv } from './engine/index.js';
import { DEMO_METHODOLOGY, demoValuesCsv } from './demo.js';
import { canonicalJson, computeSnapshot, DEFAULT_SENSITIVITY, resultHash, selectInputs, snapshotHash, SNAPSHOT_FORMAT, type RatingSnapshot } from './snapshot.js';

const m = parseMethodology(DEMO_METHODOLOGY);
const rows = parseValuesCsv(demoValuesCsv());
const snapshot = (inputs = selectInputs(m, rows, ['2025', '2024'])): RatingSnapshot => ({
  format: SNAPSHOT_FORMAT, methodology: { name: 'Demo', version: '1', config: m }, period: '2025', previousPeriod: '2024',
  sensitivity: { ...DEFAULT_SENSITIVITY, runs: 100, seed: 3, normalisations: ['minmax', 'rank'] }, inputs,
});

describe('rating snapshot (pure)', () => {
  test('canonical JSON sorts keys at every level and refuses non-finite numbers', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ y: 2, x: null }, 'é'], c: undefined }), '{"a":[{"x":null,"y":2},"é"],"b":1}');
    assert.equal(canonicalJson(66.66666666666667), '66.66666666666667');
    assert.throws(() => canonicalJson({ v: Number.NaN }));
  });

  test('the same data in any order gives the same snapshot and hash; rows the rating does not use are left out', () => {
    const shuffled = [...rows].reverse();
    const extra = [...rows, { region: 'KZ-71' as const, indicator: 'unrelated', period: '2025', value: 1 }, { region: 'KZ-71' as const, indicator: 'treatment_coverage', period: '2019', value: 1 }];
    assert.equal(snapshotHash(snapshot(selectInputs(m, shuffled, ['2025', '2024']))), snapshotHash(snapshot()));
    assert.equal(snapshotHash(snapshot(selectInputs(m, extra, ['2025', '2024']))), snapshotHash(snapshot()));
    assert.ok(snapshot().inputs.some((v) => v.indicator === 'population'), 'per-capita denominators are part of the snapshot');
  });

  test('computing twice, or after a JSON round trip, gives the same result hash', () => {
    const a = computeSnapshot(snapshot());
    const b = computeSnapshot(JSON.parse(JSON.stringify(snapshot())) as RatingSnapshot);
    assert.equal(resultHash(a.result, a.sensitivity), resultHash(b.result, b.sensitivity));
    assert.equal(resultHash(a.result, a.sensitivity), resultHash(JSON.parse(JSON.stringify(a.result)), JSON.parse(JSON.stringify(a.sensitivity))));
    // Change against 2024 under the same methodology; contributions add up to the score.
    const first = a.result.rows[0]!;
    assert.equal(first.change, first.previousRank! - first.rank);
    assert.ok(Math.abs(Object.values(first.contributions).reduce((s, c) => s + c, 0) - first.score) < 1e-9);
    assert.deepEqual(a.result.unrated, []);
  });
});
