import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseMethodology, parseMethodologySource, parsePopulationCsv, parseValuesCsv, populationForPeriod, RatingInputError } from './index.js';
import { parseLocatedJson } from './json.js';

/** The issues a RatingInputError carries, as "line: message". */
function issues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof RatingInputError) return e.issues.map((i) => `${i.line ?? '-'}: ${i.message}`);
    throw e;
  }
  assert.fail('expected a RatingInputError');
}

describe('CSV', () => {
  test('BOM, CRLF, quotes with commas, doubled quotes and line breaks; lines of records', () => {
    const recs = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n3,\n');
    assert.deepEqual(recs, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', 'z'] },
      { line: 6, fields: ['3', ''] },
    ]);
  });

  test('bad quoting names the line', () => {
    assert.throws(() => parseCsv('a\n"open\n\n'), { line: 2, message: /unterminated/ });
    assert.throws(() => parseCsv('a,b\nx"y,1\n'), { line: 2 });
    assert.throws(() => parseCsv('a,b\n"x"y,1\n'), { line: 2, message: /after a closing quote/ });
  });
});

describe('parseValuesCsv', () => {
  test('good file: columns in any order, whitespace trimmed, line numbers kept', () => {
    const rows = parseValuesCsv('period,region,indicator,value\r\n2025, KZ-71 ,arrests,12.5\r\n2025,KZ-75,arrests,-3e2\r\n');
    assert.deepEqual(rows, [
      { region: 'KZ-71', indicator: 'arrests', period: '2025', value: 12.5, line: 2 },
      { region: 'KZ-75', indicator: 'arrests', period: '2025', value: -300, line: 3 },
    ]);
  });

  test('every bad row is reported with its line and reason', () => {
    const text = ['region,indicator,period,value', 'KZ-AKM,a,2025,1', 'KZ-10,a,2025,abc', 'KZ-10,b,2025,"1,5"', 'KZ-10,c,2025,', 'KZ-11,a,2025,1', 'KZ-11,a,2025,2', 'KZ-11,a', 'KZ-99,,2025,Infinity'].join('\n');
    assert.deepEqual(issues(() => parseValuesCsv(text)), [
      '2: unknown region code "KZ-AKM" (a pre-2022 code; use KZ-11)',
      '3: value "abc" is not a number',
      `4: value "1,5" is not a number: use '.' as the decimal separator`,
      '5: value is empty (leave the row out to mark the value missing)',
      '7: duplicate KZ-11 / a / 2025 (first given on line 6)',
      '8: expected 4 fields (region,indicator,period,value), found 2',
      '9: unknown region code "KZ-99" (expected an ISO 3166-2:KZ code KZ-10 … KZ-79)',
      '9: indicator is empty',
      '9: value "Infinity" is not a number',
    ]);
  });

  test('header problems', () => {
    assert.deepEqual(issues(() => parseValuesCsv('')), ['1: empty file: missing header "region,indicator,period,value"']);
    assert.match(issues(() => parseValuesCsv('KZ-10,a,2025,1\n'))[0], /^1: missing header: the first line must be "region,indicator,period,value"/);
    assert.deepEqual(issues(() => parseValuesCsv('region,indicator,year,value\n')), [
      '1: unknown column "year" in header (expected "region,indicator,period,value")',
      '1: header lacks column "period" (expected "region,indicator,period,value")',
    ]);
  });
});

describe('population', () => {
  test('latest year not after the period year', () => {
    const rows = parsePopulationCsv('region,year,population\nKZ-71,2023,1350000\nKZ-71,2024,1400000\nKZ-75,2026,2300000\n');
    assert.deepEqual(populationForPeriod(rows, '2025-H1'), { 'KZ-71': 1_400_000 });
    assert.deepEqual(issues(() => parsePopulationCsv('region,year,population\nKZ-71,24,0\n')), ['2: year "24" is not a four-digit year', '2: population must be positive, got 0']);
  });
});

describe('methodology', () => {
  const good = { indicators: [{ code: 'a', weight: 1, direction: 'higher_better', normalisation: 'minmax' }], aggregation: 'arithmetic', missing: 'zero' };

  test('the exact fields of the spec, plus optional version/name/perCapita with its default', () => {
    assert.equal(parseMethodology(JSON.stringify(good)).indicators[0].code, 'a');
    const m = parseMethodology({ ...good, version: '2026.1', name: 'HQ', indicators: [{ ...good.indicators[0], perCapita: { denominator: 'population' } }] });
    assert.deepEqual(m.indicators[0].perCapita, { denominator: 'population', per: 100_000 });
  });

  test('errors cite the JSON line of the offending field', () => {
    const text = `{
  "indicators": [
    {"code": "a", "weight": 0, "direction": "higher_better", "normalisation": "log"},
    {"code": "b", "weight": 1, "direction": "lower_better",
     "normalisation": "target", "colour": 1},
    {"code": "a", "weight": -2, "direction": "up", "normalisation": "zscore"}
  ],
  "aggregation": "geometric",
  "missing": "drop",
  "extra": true
}`;
    assert.deepEqual(issues(() => parseMethodology(text)), [
      '3: indicators[0].weight: weight must be positive (got 0)',
      '3: indicators[0].normalisation: normalisation must be one of "minmax", "zscore", "rank", "target" (got "log")',
      '4: indicators[1].target: \'target\' normalisation needs a "target" value',
      '5: indicators[1].colour: unknown field "colour"',
      '6: indicators[2].weight: weight must be positive (got -2)',
      '6: indicators[2].direction: direction must be "higher_better" or "lower_better" (got "up")',
      '6: indicators[2].code: duplicate indicator code "a" (also indicators[0])',
      '6: indicators[2].normalisation: geometric aggregation needs positive normalised values and z-scores are not: use minmax, rank or target',
      '9: missing: missing must be one of "reweight", "zero", "mean" (got "drop")',
      '10: extra: unknown field "extra"',
    ]);
  });

  test('missing fields, empty indicators, bad JSON', () => {
    assert.deepEqual(issues(() => parseMethodology('{"indicators": [{"code": "a",\n "weight": 1, "direction": "higher_better"}], "aggregation": "arithmetic"}')), [
      '1: indicators[0].normalisation: required field is missing',
      '1: missing: required field is missing',
    ]);
    assert.deepEqual(issues(() => parseMethodology('{"indicators": [], "aggregation": "arithmetic", "missing": "zero"}')), ['1: indicators: at least one indicator is required (got [])']);
    assert.deepEqual(issues(() => parseMethodology('{\n "a": 1,\n "a": 2}')), ['3: invalid JSON: duplicate key "a"']);
    assert.deepEqual(issues(() => parseMethodology('{\n "a": 1\n\n')), ["4: invalid JSON: expected ',' or '}', found end of file"]);
    assert.deepEqual(issues(() => parseMethodology('')), ['1: invalid JSON: empty file: expected a JSON object']);
  });

  test('indicator lines for engine errors', () => {
    const src = parseMethodologySource(`{"aggregation": "arithmetic", "missing": "zero",\n"indicators": [\n${JSON.stringify(good.indicators[0])},\n${JSON.stringify({ ...good.indicators[0], code: 'b' })}]}`);
    assert.equal(src.indicatorLine('b'), 4);
  });
});

describe('located JSON', () => {
  test('values equal JSON.parse; __proto__ stays a plain key', () => {
    const text = '\uFEFF{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "__proto__": {"b": {}}}';
    const { value, lineOf } = parseLocatedJson(text);
    assert.deepEqual(value, JSON.parse(text.slice(1)));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(lineOf(['a', 3]), 1);
  });
});
