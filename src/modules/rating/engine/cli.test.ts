import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { ratingCommand } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qalqan-rating-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to a scratch file and returns its path. */
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(args: string[], stdin = '') {
  const out = new PassThrough(), err = new PassThrough();
  let stdout = '', stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await ratingCommand(args, { stdin: Readable.from([stdin]), stdout: out, stderr: err });
  return { code, stdout, stderr };
}

const TREATED = { code: 'treated', weight: 2, direction: 'higher_better', normalisation: 'minmax' };
const DEATHS = { code: 'deaths', weight: 1, direction: 'lower_better', normalisation: 'minmax' };
/** A methodology file with one indicator per line: indicators on lines 3 and 4. */
const mjson = (a: object = TREATED, b: object = DEATHS, rest = '"aggregation": "arithmetic",\n  "missing": "reweight"') =>
  `{\n  "indicators": [\n    ${JSON.stringify(a)},\n    ${JSON.stringify(b)}\n  ],\n  ${rest}\n}\n`;
// The example of compute.test.ts: KZ-10 66.67, KZ-11 = KZ-19 55.56, KZ-15 33.33; 2024 is the previous period.
const VALUES = `region,indicator,period,value
KZ-10,treated,2025,50
KZ-11,treated,2025,30
KZ-15,treated,2025,10
KZ-19,treated,2025,30
KZ-10,deaths,2025,8
KZ-11,deaths,2025,4
KZ-15,deaths,2025,2
KZ-19,deaths,2025,4
KZ-10,treated,2024,20
KZ-11,treated,2024,30
KZ-15,treated,2024,40
KZ-19,treated,2024,10
KZ-10,deaths,2024,8
KZ-11,deaths,2024,4
KZ-15,deaths,2024,2
KZ-19,deaths,2024,4
`;
const M = file('M.json', mjson());
const V = file('V.csv', VALUES);
const compute = (...extra: string[]) => ['compute', '--methodology', M, '--values', V, '--period', '2025', ...extra];

describe('qalqan rating compute', () => {
  test('--json: exactly region, score, rank, contributions; best first; ties share a rank', async () => {
    const r = await run(compute('--json'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const rows = JSON.parse(r.stdout) as { region: string; score: number; rank: number; contributions: Record<string, number> }[];
    for (const row of rows) assert.deepEqual(Object.keys(row), ['region', 'score', 'rank', 'contributions']);
    assert.deepEqual(rows.map((x) => [x.region, x.rank]), [['KZ-10', 1], ['KZ-11', 2], ['KZ-19', 2], ['KZ-15', 4]]);
    assert.ok(Math.abs(rows[0].score - 200 / 3) < 1e-9);
    assert.deepEqual(Object.keys(rows[1].contributions), ['treated', 'deaths']);
  });

  test('readable table without --json', async () => {
    const r = await run(compute());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /rank\s+region\s+name\s+score\s+treated\s+deaths/);
    assert.match(r.stdout, /\n\s+1\s+KZ-10\s+Abai\s+66\.67\s+66\.67\s+0\.00\n/);
    assert.match(r.stdout, /Not rated \(no values for 2025\): KZ-23,/);
  });

  test('--previous adds rank change; --sensitivity adds median rank and interval, reproducibly', async () => {
    const r = await run(compute('--json', '--previous', '2024', '--sensitivity', '200', '--seed', '9', '--normalisations', 'minmax,rank'));
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    // 2024: KZ-15 1st, KZ-11 2nd, KZ-10 and KZ-19 3rd
    assert.deepEqual(rows.map((x: { region: string; rankChange: number }) => [x.region, x.rankChange]), [['KZ-10', 2], ['KZ-11', 0], ['KZ-19', 1], ['KZ-15', -3]]);
    assert.deepEqual(Object.keys(rows[0]), ['region', 'score', 'rank', 'contributions', 'previousRank', 'rankChange', 'medianRank', 'p05', 'p95']);
    assert.equal((await run(compute('--json', '--previous', '2024', '--sensitivity', '200', '--seed', '9', '--normalisations', 'minmax,rank'))).stdout, r.stdout);
    const table = await run(compute('--previous', '2024', '--sensitivity', '50'));
    assert.match(table.stdout, /Δ vs 2024\s+median rank\s+90% interval/);
    assert.match(table.stdout, /50 Monte Carlo runs, seed 1/);
  });

  test('--population: per-capita indicator divided by the latest population not after the period year', async () => {
    const m = file('pc.json', mjson({ ...DEATHS, code: 'cases', perCapita: { denominator: 'population' } }, { ...DEATHS, weight: 1 }));
    const v = file('pc.csv', 'region,indicator,period,value\nKZ-10,cases,2025,300\nKZ-11,cases,2025,100\nKZ-15,cases,2025,90\nKZ-10,deaths,2025,1\nKZ-11,deaths,2025,1\nKZ-15,deaths,2025,1\n');
    const p = file('P.csv', 'region,year,population\nKZ-10,2024,1500000\nKZ-11,2024,200000\nKZ-15,2024,900000\nKZ-15,2026,1\n');
    const r = await run(['compute', '--methodology', m, '--values', v, '--period', '2025', '--population', p, '--json']);
    assert.equal(r.code, 0, r.stderr);
    // 20, 50 and 10 per 100,000 → KZ-15 100, KZ-10 75, KZ-11 0 (deaths all equal: 50 each)
    assert.deepEqual(JSON.parse(r.stdout).map((x: { region: string; score: number }) => [x.region, x.score]), [['KZ-15', 75], ['KZ-10', 62.5], ['KZ-11', 25]]);
    const none = await run(['compute', '--methodology', m, '--values', v, '--period', '2025']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /pc\.json:3: indicator "cases" is per capita: pass --population/);
  });

  test('values from standard input with "-"', async () => {
    const r = await run(['compute', '--methodology', M, '--values', '-', '--period', '2025', '--json'], VALUES);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).length, 4);
  });
});

describe('qalqan rating compute: bad input exits 2 with FILE:LINE: reason', () => {
  const HEADER = 'region,indicator,period,value\n';
  const OK_ROWS = 'KZ-10,treated,2025,1\nKZ-10,deaths,2025,1\n';
  const cases: [string, { m?: string; v?: string }, RegExp][] = [
    ['unknown region code', { v: HEADER + OK_ROWS + 'KZ-AKM,treated,2025,3\n' }, /V-\d+\.csv:4: unknown region code "KZ-AKM" \(a pre-2022 code; use KZ-11\)/],
    ['non-numeric value', { v: HEADER + 'KZ-11,treated,2025,n/a\n' + OK_ROWS }, /V-\d+\.csv:2: value "n\/a" is not a number/],
    ['duplicate region+indicator+period', { v: HEADER + OK_ROWS + 'KZ-10,deaths,2025,2\n' }, /V-\d+\.csv:4: duplicate KZ-10 \/ deaths \/ 2025 \(first given on line 3\)/],
    ['missing header', { v: OK_ROWS }, /V-\d+\.csv:1: missing header: the first line must be "region,indicator,period,value"/],
    ['bad quoting', { v: HEADER + 'KZ-10,"treated,2025,1\n' }, /V-\d+\.csv:2: unterminated quoted field/],
    ['unknown field', { m: mjson(TREATED, { ...DEATHS, colour: 'red' }) }, /M-\d+\.json:4: indicators\[1\]\.colour: unknown field "colour"/],
    ['unknown normalisation', { m: mjson({ ...TREATED, normalisation: 'log' }) }, /M-\d+\.json:3: indicators\[0\]\.normalisation: normalisation must be one of "minmax", "zscore", "rank", "target" \(got "log"\)/],
    ['weight not positive', { m: mjson(TREATED, { ...DEATHS, weight: 0 }) }, /M-\d+\.json:4: indicators\[1\]\.weight: weight must be positive \(got 0\)/],
    ['target missing', { m: mjson({ ...TREATED, normalisation: 'target' }) }, /M-\d+\.json:3: indicators\[0\]\.target: 'target' normalisation needs a "target" value/],
    ['unknown aggregation', { m: mjson(TREATED, DEATHS, '"aggregation": "median",\n  "missing": "zero"') }, /M-\d+\.json:6: aggregation: aggregation must be one of/],
    ['invalid JSON', { m: '{\n  "indicators": [,]\n}' }, /M-\d+\.json:2: invalid JSON: expected a value, found ','/],
    ['indicator without values for the period', { v: HEADER + 'KZ-10,treated,2025,1\nKZ-10,deaths,2024,1\n' }, /M-\d+\.json:4: indicator "deaths" has no values for period "2025"/],
    ['period without any values', { v: HEADER + 'KZ-10,treated,2024,1\n' }, /V-\d+\.csv: no values of the methodology's indicators for period "2025" \(periods present: 2024\)/],
  ];
  let n = 0;
  for (const [name, input, expected] of cases) {
    test(name, async () => {
      const k = n++;
      const m = file(`M-${k}.json`, input.m ?? mjson());
      const v = file(`V-${k}.csv`, input.v ?? VALUES);
      const r = await run(['compute', '--methodology', m, '--values', v, '--period', '2025', '--json']);
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, expected);
    });
  }

  test('bad population file', async () => {
    const m = file('pcm.json', mjson({ ...TREATED, perCapita: { denominator: 'population' } }));
    const r = await run(['compute', '--methodology', m, '--values', V, '--period', '2025', '--population', file('P-bad.csv', 'region,year,population\nKZ-10,2024,-5\n')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /P-bad\.csv:2: population must be positive, got -5/);
  });

  test('usage errors: no subcommand, missing flag, unknown flag, bad numbers, missing file', async () => {
    for (const [args, expected] of [
      [[], /missing subcommand/],
      [['rank'], /unknown rating command: rank/],
      [['compute', '--methodology', M, '--values', V], /--period is required/],
      [compute('--colour'), /Unknown option '--colour'/],
      [compute('--sensitivity', '0'), /--sensitivity must be a whole number from 1 to 100000/],
      [compute('--sensitivity', '10', '--seed', 'abc'), /--seed must be a whole number/],
      [compute('--seed', '3'), /need --sensitivity/],
      [compute('--sensitivity', '10', '--normalisations', 'minmax,log'), /unknown normalisation "log"/],
      [['compute', '--methodology', join(dir, 'nope.json'), '--values', V, '--period', '2025'], /cannot read .*nope\.json: no such file/],
    ] as [string[], RegExp][]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, expected);
    }
    assert.equal((await run(['compute', '--help'])).code, 0);
  });
});
