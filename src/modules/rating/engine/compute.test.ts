import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { competitionRanks, computeRating, normalise, parseMethodology, rankChange, RatingInputError, type Methodology, type MethodologyInput, type RatingRow, type ValueRow } from './index.js';
import type { RegionCode } from '../../../platform/geo/regions.js';

/** Value rows for one period from { indicator: { region: value } }. */
function rows(period: string, table: Record<string, Record<string, number>>): ValueRow[] {
  return Object.entries(table).flatMap(([indicator, byRegion]) =>
    Object.entries(byRegion).map(([region, value]) => ({ region: region as RegionCode, indicator, period, value })));
}

const methodology = (over: Partial<MethodologyInput> = {}, norm: 'minmax' | 'zscore' | 'rank' | 'target' = 'minmax'): Methodology => parseMethodology({
  indicators: [
    { code: 'treated', weight: 2, direction: 'higher_better', normalisation: norm, target: 40 },
    { code: 'deaths', weight: 1, direction: 'lower_better', normalisation: norm, target: 3 },
  ],
  aggregation: 'arithmetic', missing: 'reweight', ...over,
});

// The worked example used throughout (also in docs/rating-engine.md):
//            treated (higher better, w=2)   deaths (lower better, w=1)
//   KZ-10    50                             8
//   KZ-11    30                             4
//   KZ-15    10                             2
//   KZ-19    30                             4
const FULL = { treated: { 'KZ-10': 50, 'KZ-11': 30, 'KZ-15': 10, 'KZ-19': 30 }, deaths: { 'KZ-10': 8, 'KZ-11': 4, 'KZ-15': 2, 'KZ-19': 4 } };
const DATA = rows('2025', FULL);
const { 'KZ-19': _, ...deathsWithout19 } = FULL.deaths;
const GAP = rows('2025', { treated: FULL.treated, deaths: deathsWithout19 });

const close = (actual: number, expected: number, what = '') => assert.ok(Math.abs(actual - expected) < 1e-9, `${what} ${actual} ≠ ${expected}`);
const byRegion = (r: readonly RatingRow[]) => Object.fromEntries(r.map((x) => [x.region, x]));
const order = (r: readonly RatingRow[]) => r.map((x) => `${x.rank}:${x.region}`);

describe('computeRating — hand-computed example', () => {
  test('min-max, weighted arithmetic, lower_better inverted; equal scores share a rank', () => {
    // treated: min 10, max 50 → (x−10)/40×100: KZ-10 100, KZ-11 50, KZ-15 0, KZ-19 50
    // deaths (inverted): (8−x)/6×100: KZ-10 0, KZ-11 66.67, KZ-15 100, KZ-19 66.67
    // score = (2·treated + 1·deaths)/3: KZ-10 200/3 = 66.67; KZ-11 = KZ-19 = (100+66.67)/3 = 55.56; KZ-15 100/3 = 33.33
    const r = computeRating(methodology(), DATA, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '2:KZ-19', '4:KZ-15']);
    const s = byRegion(r);
    close(s['KZ-10'].score, 200 / 3); close(s['KZ-11'].score, 500 / 9); close(s['KZ-15'].score, 100 / 3);
    // contributions = weight × normalised / Σweights and sum to the score
    close(s['KZ-11'].contributions.treated, (2 * 50) / 3); close(s['KZ-11'].contributions.deaths, (1 * 200 / 3) / 3);
    assert.deepEqual(s['KZ-10'].contributions, { treated: 200 / 3, deaths: 0 });
    for (const x of r) close(x.contributions.treated + x.contributions.deaths, x.score, x.region);
  });

  test("missing 'reweight': the region is scored on the indicators it has, weights rescaled", () => {
    // deaths normalised over KZ-10/11/15 only (min 2, max 8: same as before); KZ-19 = treated alone = 50
    const r = computeRating(methodology({ missing: 'reweight' }), GAP, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '3:KZ-19', '4:KZ-15']);
    const s = byRegion(r)['KZ-19'];
    close(s.score, 50);
    assert.deepEqual(s.contributions, { treated: 50, deaths: 0 });
    assert.deepEqual(s.missing, ['deaths']);
    assert.equal(s.normalised.deaths, null);
  });

  test("missing 'zero': the region gets the bottom of the scale (0) for the indicator", () => {
    // KZ-19 = (2·50 + 1·0)/3 = 33.33, the same as KZ-15 = (2·0 + 1·100)/3: a tie for 3rd
    const r = computeRating(methodology({ missing: 'zero' }), GAP, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '3:KZ-15', '3:KZ-19']);
    close(byRegion(r)['KZ-19'].score, 100 / 3);
  });

  test("missing 'mean': the indicator's mean is imputed before normalisation", () => {
    // mean deaths of KZ-10/11/15 = (8+4+2)/3 = 14/3 → (8 − 14/3)/6×100 = 55.56; KZ-19 = (2·50 + 55.56)/3 = 51.85
    const r = computeRating(methodology({ missing: 'mean' }), GAP, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '3:KZ-19', '4:KZ-15']);
    const s = byRegion(r)['KZ-19'];
    close(s.normalised.deaths!, ((8 - 14 / 3) / 6) * 100);
    close(s.score, (100 + 500 / 9) / 3);
    assert.deepEqual(s.missing, ['deaths']);
  });

  test('geometric: min-max shifted to 1–100, score = Π p^(w/Σw), log-share contributions', () => {
    // p = 1 + 0.99·n: treated KZ-10 100, KZ-11/19 50.5, KZ-15 1; deaths KZ-10 1, KZ-11/19 67, KZ-15 100
    // KZ-10 = 100^(2/3)·1^(1/3) = 21.54; KZ-11 = 50.5^(2/3)·67^(1/3) = 55.49; KZ-15 = 1·100^(1/3) = 4.64
    // The unbalanced KZ-10 falls from 1st to 3rd: geometric aggregation limits compensation.
    const r = computeRating(methodology({ aggregation: 'geometric' }), DATA, '2025');
    assert.deepEqual(order(r), ['1:KZ-11', '1:KZ-19', '3:KZ-10', '4:KZ-15']);
    const s = byRegion(r);
    close(s['KZ-10'].score, 100 ** (2 / 3)); close(s['KZ-11'].score, 50.5 ** (2 / 3) * 67 ** (1 / 3)); close(s['KZ-15'].score, 100 ** (1 / 3));
    // KZ-11: log-terms (2/3)ln 50.5 = 2.6147 and (1/3)ln 67 = 1.4016 → shares 65.1% / 34.9% of 55.49
    const lt = (2 / 3) * Math.log(50.5), ld = (1 / 3) * Math.log(67);
    close(s['KZ-11'].contributions.treated, (s['KZ-11'].score * lt) / (lt + ld));
    assert.deepEqual(s['KZ-10'].contributions, { treated: s['KZ-10'].score, deaths: 0 });
    for (const x of r) close(x.contributions.treated + x.contributions.deaths, x.score, x.region);
  });

  test('z-score: population sd, score in z-units, regions average to 0', () => {
    // treated: mean 30, sd √((400+0+400+0)/4) = √200 → z = ±√2, 0
    // deaths: mean 4.5, sd √((12.25+0.25+6.25+0.25)/4) = √4.75; inverted z = (4.5−x)/√4.75
    // KZ-10 = (2·√2 − 3.5/√4.75)/3 = 0.4075; KZ-11 = KZ-19 = (0.5/√4.75)/3 = 0.0765; KZ-15 = (−2√2 + 2.5/√4.75)/3 = −0.5604
    const r = computeRating(methodology({}, 'zscore'), DATA, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '2:KZ-19', '4:KZ-15']);
    const s = byRegion(r);
    close(s['KZ-10'].score, (2 * Math.SQRT2 - 3.5 / Math.sqrt(4.75)) / 3);
    close(s['KZ-15'].score, (-2 * Math.SQRT2 + 2.5 / Math.sqrt(4.75)) / 3);
    close(r.reduce((a, x) => a + x.score, 0), 0);
  });

  test("z-score with missing 'zero' uses the lowest observed z, not the average", () => {
    const r = computeRating(methodology({ missing: 'zero' }, 'zscore'), GAP, '2025');
    const s = byRegion(r);
    assert.equal(s['KZ-19'].normalised.deaths, s['KZ-10'].normalised.deaths);
    assert.ok(s['KZ-19'].normalised.deaths! < 0);
  });

  test('rank: average ranks for ties, (n − r)/(n − 1) × 100', () => {
    // treated ranks: KZ-10 1, KZ-11/19 tie on 2,3 → 2.5, KZ-15 4 → 100, 50, 0
    // deaths (lower better): KZ-15 1, KZ-11/19 2.5, KZ-10 4 → 100, 50, 0
    // KZ-10 = 200/3; KZ-11 = KZ-19 = (100 + 50)/3 = 50; KZ-15 = 100/3
    const r = computeRating(methodology({}, 'rank'), DATA, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '2:KZ-19', '4:KZ-15']);
    close(byRegion(r)['KZ-11'].score, 50);
  });

  test('target: min(x/t, 1)×100, lower_better min(t/x, 1)×100', () => {
    // treated t=40: 100, 75, 25, 75; deaths t=3: 3/8 = 37.5, 75, 100 (2 ≤ 3), 75
    // KZ-10 = (200 + 37.5)/3 = 79.17; KZ-11 = KZ-19 = (150+75)/3 = 75; KZ-15 = (50 + 100)/3 = 50
    const r = computeRating(methodology({}, 'target'), DATA, '2025');
    assert.deepEqual(order(r), ['1:KZ-10', '2:KZ-11', '2:KZ-19', '4:KZ-15']);
    close(byRegion(r)['KZ-10'].score, 237.5 / 3); close(byRegion(r)['KZ-15'].score, 50);
    // x = 0 on a lower_better target is the best possible value, not a division by zero
    const n = normalise(new Map([['a', 0], ['b', 6]]), { direction: 'lower_better', normalisation: 'target', target: 3 });
    assert.deepEqual([...n.values()], [100, 50]);
  });

  test('per capita: values divided by population × 100,000 before normalising', () => {
    // cases: KZ-10 300 / 1.5M = 20, KZ-11 100 / 200k = 50, KZ-15 90 / 900k = 10 per 100k (lower better)
    // min-max on rates: KZ-15 100, KZ-10 (50−20)/40 = 75, KZ-11 0 — on raw counts KZ-10 would be last
    const m = parseMethodology({ indicators: [{ code: 'cases', weight: 1, direction: 'lower_better', normalisation: 'minmax', perCapita: { denominator: 'population' } }], aggregation: 'arithmetic', missing: 'reweight' });
    const data = rows('2025', { cases: { 'KZ-10': 300, 'KZ-11': 100, 'KZ-15': 90 } });
    const r = computeRating(m, data, '2025', { denominators: { population: { 'KZ-10': 1_500_000, 'KZ-11': 200_000, 'KZ-15': 900_000 } } });
    assert.deepEqual(r.map((x) => [x.region, x.score]), [['KZ-15', 100], ['KZ-10', 75], ['KZ-11', 0]]);
    assert.throws(() => computeRating(m, data, '2025', { denominators: { population: { 'KZ-10': 1 } } }), (e: RatingInputError) => e.issues.length === 2 && /KZ-11: no positive "population" denominator/.test(e.issues[0].message));
  });

  test('all-equal min-max gives 50; regions with no values are not rated; other periods ignored', () => {
    const data = [...rows('2025', { treated: { 'KZ-10': 5, 'KZ-11': 5 }, deaths: { 'KZ-10': 1, 'KZ-11': 1 } }), ...rows('2024', { treated: { 'KZ-15': 9 } })];
    const r = computeRating(methodology(), data, '2025');
    assert.deepEqual(r.map((x) => [x.region, x.score, x.rank]), [['KZ-10', 50, 1], ['KZ-11', 50, 1]]);
  });

  test('an indicator with no values for the period, or an empty period, is an input error', () => {
    assert.throws(() => computeRating(methodology(), rows('2025', { treated: FULL.treated }), '2025'),
      (e: RatingInputError) => e.issues[0].indicator === 'deaths' && e.issues[0].source === 'methodology');
    assert.throws(() => computeRating(methodology(), DATA, '2030'), /no values .* "2030" \(periods present: 2025\)/);
  });
});

describe('ranking helpers', () => {
  test('competition ranks tie within tolerance (0.1 + 0.2 vs 0.3) and never chain', () => {
    assert.deepEqual(competitionRanks([0.3, 0.1 + 0.2, 0.2, 0.2, 0.1]), [1, 1, 3, 3, 5]);
    assert.deepEqual(competitionRanks([1, 1 - 6e-10, 1 - 1.2e-9]), [1, 1, 3]);
  });

  test('rankChange: positive = moved up; null for a region not rated before', () => {
    const prev = computeRating(methodology(), rows('2024', { treated: { 'KZ-10': 10, 'KZ-11': 30 }, deaths: { 'KZ-10': 1, 'KZ-11': 1 } }), '2024');
    const ch = rankChange(computeRating(methodology(), DATA, '2025'), prev);
    assert.deepEqual(ch.map((c) => [c.region, c.rank, c.previousRank, c.change]), [['KZ-10', 1, 2, 1], ['KZ-11', 2, 1, -1], ['KZ-19', 2, null, null], ['KZ-15', 4, null, null]]);
  });
});
