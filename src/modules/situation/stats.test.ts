import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPeriod, lastEndedPeriod, parsePeriod, periodEnded, periodRange, previousPeriods } from './periods.js';
import { populationOf } from './population.js';
import { mad, median, ratePer100k, resolveValue, robustZ } from './stats.js';
import { parseCsvText } from './import.parse.js';
import { parseNumberCell } from './validate.js';
import { INDICATORS, UNITS } from './catalogue.data.js';

describe('situation: periods', () => {
  test('parses exactly the three canonical forms', () => {
    assert.deepEqual(parsePeriod('2026-03'), { kind: 'month', year: 2026, index: 3 });
    assert.deepEqual(parsePeriod('2026-Q1'), { kind: 'quarter', year: 2026, index: 1 });
    assert.deepEqual(parsePeriod('2026'), { kind: 'year', year: 2026, index: 0 });
    for (const bad of ['2026-3', '2026-13', '2026-Q5', 'Q1 2026', '26', '2026-q1', '1999', ' 2026', '2026-00']) assert.equal(parsePeriod(bad), null, bad);
  });
  test('previous periods cross year boundaries', () => {
    assert.deepEqual(previousPeriods(parsePeriod('2026-02')!, 3).map(formatPeriod), ['2025-11', '2025-12', '2026-01']);
    assert.deepEqual(previousPeriods(parsePeriod('2026-Q1')!, 2).map(formatPeriod), ['2025-Q3', '2025-Q4']);
    assert.deepEqual(periodRange(parsePeriod('2024-Q3')!, parsePeriod('2025-Q2')!).map(formatPeriod), ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
  });
  test('a period is reportable only once it has ended', () => {
    const now = new Date('2026-04-15T00:00:00Z');
    assert.equal(periodEnded(parsePeriod('2026-Q1')!, now), true);
    assert.equal(periodEnded(parsePeriod('2026-04')!, now), false);
    assert.equal(periodEnded(parsePeriod('2026')!, now), false);
    assert.equal(formatPeriod(lastEndedPeriod('quarter', now)), '2026-Q1');
    assert.equal(formatPeriod(lastEndedPeriod('month', new Date('2026-01-10T00:00:00Z'))), '2025-12');
  });
});

describe('situation: statistics (hand-computed)', () => {
  test('median and MAD', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([10, 12, 11, 13, 12, 11, 10, 12]), 11.5);
    // |x − 11.5| = 1.5 .5 .5 1.5 .5 .5 1.5 .5 → sorted .5×5, 1.5×3 → median .5
    assert.equal(mad([10, 12, 11, 13, 12, 11, 10, 12]), 0.5);
  });

  test('robust z: (20 − 11.5) / (1.4826 × 0.5) = 11.466…, flagged upwards', () => {
    const s = robustZ(20, [10, 12, 11, 13, 12, 11, 10, 12])!;
    assert.equal(s.median, 11.5);
    assert.equal(s.mad, 0.5);
    assert.ok(Math.abs(s.scale! - 0.7413) < 1e-9);
    assert.ok(Math.abs(s.z! - 11.46634) < 1e-4);
    assert.equal(s.flagged, true);
    assert.equal(s.direction, 'up');
    const calm = robustZ(12, [10, 12, 11, 13, 12, 11, 10, 12])!;
    assert.ok(Math.abs(calm.z! - 0.6745) < 1e-4);
    assert.equal(calm.flagged, false);
    assert.equal(calm.direction, null);
  });

  test('robust z: MAD of 0 falls back to the mean absolute deviation; a flat baseline flags any change', () => {
    // median 5, MAD 0 (five of seven equal); mean |x−5| = (3+4)/7 = 1 → scale 1.2533; z = (9−5)/1.2533 = 3.1916
    const s = robustZ(9, [5, 5, 5, 5, 5, 8, 1])!;
    assert.equal(s.mad, 0);
    assert.ok(Math.abs(s.z! - 3.19157) < 1e-4);
    assert.equal(s.flagged, true);
    const flat = robustZ(1, [0, 0, 0, 0, 0, 0])!;
    assert.equal(flat.z, null);
    assert.equal(flat.flagged, true);
    assert.equal(robustZ(0, [0, 0, 0, 0, 0, 0])!.flagged, false);
    assert.equal(robustZ(100, [1, 2, 3, 4, 5]), null, 'fewer than 6 previous periods: no score');
  });

  test('robust z for counts: the spread is never below the Poisson noise √max(median, 1)', () => {
    const zeros = [0, 0, 0, 0, 0, 0, 1, 0];
    assert.deepEqual([robustZ(1, zeros, { counts: true })!.z, robustZ(1, zeros, { counts: true })!.flagged], [1, false], 'one case after none is not news');
    assert.equal(robustZ(4, zeros, { counts: true })!.flagged, true);
    // median 11.5, 1.4826 × MAD = 0.7413 < √11.5 = 3.3912 → z = (22 − 11.5) / 3.3912 = 3.0963
    const s = robustZ(22, [10, 12, 11, 13, 12, 11, 10, 12], { counts: true })!;
    assert.ok(Math.abs(s.scale! - 3.39116) < 1e-4);
    assert.ok(Math.abs(s.z! - 3.09628) < 1e-4);
    assert.equal(s.flagged, true);
    assert.equal(robustZ(22, [10, 12, 11, 13, 12, 11, 10, 12], { counts: true, threshold: 3.5 })!.flagged, false);
  });

  test('per 100,000: 11 in a region of 220,000 is 5.0', () => {
    assert.equal(ratePer100k(11, 220_000), 5);
    assert.equal(ratePer100k(11, 0), null);
    assert.equal(populationOf('KZ-62', 2025)!.population, 220_000);
    assert.deepEqual(populationOf('KZ-71', 2026), { population: 1_500_000, year: 2025 }, 'a later year uses the latest figure and says so');
    assert.deepEqual(populationOf('KZ-71', 2020), { population: 1_350_000, year: 2023 });
  });

  test('roll-up: sums need every part; stocks take the last part; surveys are never derived', () => {
    const months = new Map([['2025-01', 1], ['2025-02', 2], ['2025-03', 3], ['2025-04', 4], ['2025-05', 5]]);
    const q = (s: string) => parsePeriod(s)!;
    assert.equal(resolveValue(months, q('2025-Q1'), 'sum'), 6);
    assert.equal(resolveValue(months, q('2025-Q2'), 'sum'), null, 'June is missing');
    assert.equal(resolveValue(months, q('2025-Q1'), 'last'), 3);
    assert.equal(resolveValue(months, q('2025-Q1'), 'none'), null);
    const quarters = new Map([['2025-Q1', 10], ['2025-Q2', 20], ['2025-Q3', 30], ['2025-Q4', 40]]);
    assert.equal(resolveValue(quarters, q('2025'), 'sum'), 100);
    assert.equal(resolveValue(quarters, q('2025'), 'last'), 40);
    assert.equal(resolveValue(new Map([['2025', 7], ...quarters]), q('2025'), 'sum'), 7, 'an entered year wins over its parts');
    assert.equal(resolveValue(new Map([['2025-Q1', 0.1], ['2025-Q2', 0.2], ['2025-Q3', 0], ['2025-Q4', 0]]), q('2025'), 'sum'), 0.3, 'no binary-fraction noise');
  });
});

describe('situation: reading cells and files', () => {
  test('numbers as staff type them', () => {
    assert.equal(parseNumberCell('12,5'), 12.5);
    assert.equal(parseNumberCell(' 1 250 '), 1250);
    assert.equal(parseNumberCell('1\u00a0250.75'), 1250.75);
    for (const bad of ['1,250.5', '12a', '', '1e3', 'NaN', '--1']) assert.equal(parseNumberCell(bad), null, bad);
    assert.equal(parseNumberCell('-3'), -3, 'negatives parse; the checker refuses them with its own reason');
  });
  test('CSV: quotes, embedded separators and newlines, semicolons, line numbers', () => {
    const recs = parseCsvText('a;b;c\r\n1;"x;y";3\n2;"multi\nline";"q""uote"\n');
    assert.deepEqual(recs.map((r) => r.line), [1, 2, 3]);
    assert.deepEqual(recs[1]!.cells, ['1', 'x;y', '3']);
    assert.deepEqual(recs[2]!.cells, ['2', 'multi\nline', 'q"uote']);
  });
  test('the catalogue is well formed', () => {
    const codes = INDICATORS.map((i) => i.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const art of ['296', '297', '298', '299', '299_1', '300', '301', '302', '303']) assert.ok(codes.includes(`crimes_${art}`), art);
    for (const e of ['euda_gps', 'euda_hrdu', 'euda_tdi', 'euda_drd', 'euda_drid']) assert.ok(codes.includes(e), e);
    for (const i of INDICATORS) {
      assert.ok((UNITS as readonly string[]).includes(i.unit));
      for (const l of ['kk', 'ru', 'en'] as const) assert.ok(i.names[l].trim() && i.source[l].trim(), `${i.code} ${l}`);
      assert.ok(/^[a-z][a-z0-9_]+$/.test(i.code));
    }
  });
});
