import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.js';
import { testBackends } from '../testing/db.js';
import { pgArray } from './arrays.js';

const TRICKY = [
  'plain', '', ' spaced ', 'NULL', 'null', 'comma,inside', '{braces}', 'quote"inside', 'back\\slash', '\\"both"\\',
  'line\nbreak\ttab', 'Мефедрон «кристалл» 💎 қазақша', "it's", null, 'end\\',
];

describe('pgArray', () => {
  test('quotes every element, escapes quotes and backslashes, writes NULL for null/undefined', () => {
    assert.equal(pgArray([]), '{}');
    assert.equal(pgArray(['a', null, undefined, '', 'x"y', 'a\\b', 1.5, true]), '{"a",NULL,NULL,"","x\\"y","a\\\\b","1.5","true"}');
  });

  test('plain columns take the one-join forms: all strings without quote or backslash, all numbers/booleans', () => {
    assert.equal(pgArray(['a', '', 'NULL', 'x,y {z}']), '{"a","","NULL","x,y {z}"}');
    assert.equal(pgArray([1, -2.5, 3e21, true]), '{1,-2.5,3e+21,true}');
    // Any null, quote, backslash or mixed kinds falls back to the per-element form.
    assert.equal(pgArray(['a', null]), '{"a",NULL}');
    assert.equal(pgArray([1, null]), '{"1",NULL}');
    assert.equal(pgArray([1, 'a']), '{"1","a"}');
    assert.equal(pgArray(['a', 'b"c']), '{"a","b\\"c"}');
  });

  for (const backend of testBackends()) {
    describe(backend, () => {
      let d: Database;
      before(async () => {
        d = backend === 'pglite' ? await openDatabase({ memory: true }) : await openDatabase({ url: process.env.QALQAN_TEST_PG_URL! });
      });
      after(() => d.close());

      test('text, numbers and uuids come back exactly as sent, in order', async () => {
        const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
        const t = rows(await d.db.execute(sql`select x, n from unnest(${sql.param(pgArray(TRICKY))}::text[]) with ordinality as u(x, n) order by n`));
        assert.deepEqual(t.map((r) => r.x), TRICKY);
        const nums = [0, -1.25, 3e10, null, 42];
        const f = rows(await d.db.execute(sql`select x from unnest(${sql.param(pgArray(nums))}::float8[]) with ordinality as u(x, n) order by n`));
        assert.deepEqual(f.map((r) => (r.x === null ? null : Number(r.x))), nums);
        const plain = ['plain', '', ' spaced ', 'NULL', 'comma,inside', '{braces}', 'Мефедрон «кристалл» 💎 қазақша', "it's", 'line\nbreak'];
        const p = rows(await d.db.execute(sql`select x from unnest(${sql.param(pgArray(plain))}::text[]) with ordinality as u(x, n) order by n`));
        assert.deepEqual(p.map((r) => r.x), plain);
        const ints = [0, -7, 2147483647];
        const i = rows(await d.db.execute(sql`select x from unnest(${sql.param(pgArray(ints))}::int[]) with ordinality as u(x, n) order by n`));
        assert.deepEqual(i.map((r) => r.x), ints);
        const bools = rows(await d.db.execute(sql`select x from unnest(${sql.param(pgArray([true, false]))}::boolean[]) with ordinality as u(x, n) order by n`));
        assert.deepEqual(bools.map((r) => r.x), [true, false]);
        const ids = ['6f1c1b5e-2a59-4b5f-9a53-0d5b1f0c9e11', '00000000-0000-0000-0000-000000000000'];
        const u = rows(await d.db.execute(sql`select count(*)::int as n from unnest(${sql.param(pgArray(ids))}::uuid[]) as u(x) where x = any(${sql.param(pgArray(ids))}::uuid[])`));
        assert.equal(u[0]!.n, 2);
      });
    });
  }
});
