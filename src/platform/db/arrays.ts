/**
 * Array parameters as PostgreSQL array literals, built in one pass.
 *
 * Bulk statements pass one array per column (`unnest($1::text[], $2::uuid[], …)`). node-postgres
 * serialises a JS array by appending element after element to a growing string, escaping each
 * with two regex replaces: on the ingest path that was the largest allocation site of the whole
 * process (about a quarter of all bytes allocated, measured with the V8 sampling heap profiler;
 * docs/dev/monitor-ingest-history.md "Fourth pass"), and garbage collection was the largest single
 * CPU cost. Here the elements are quoted only where needed and joined once. The result is a plain
 * string parameter with the same meaning; cast it in SQL (`${arrayParam(ids)}::uuid[]`), which
 * works the same on PostgreSQL and PGlite.
 */
import { sql } from 'drizzle-orm';

/** A value one array element can hold: text, numbers, booleans; null and undefined are NULL. */
export type ArrayElement = string | number | boolean | null | undefined;

const SPECIAL = /["\\]/;
const SPECIAL_ALL = /["\\]/g;

/**
 * The array literal of `values` ('{"a","b",NULL}'); every text element is quoted, so any text is
 * safe. An array of only numbers and booleans is written unquoted ('{1,2.5,true}'), the same literal.
 */
export function pgArray(values: readonly ArrayElement[]): string {
  const n = values.length;
  if (n === 0) return '{}';
  // The usual columns (ids, names, timestamps, most texts; counts and scores) need no quote or
  // escape per element: one join, no string per element (those were most of what this allocated).
  const kind = plainKind(values);
  if (kind === 'text') return `{"${(values as readonly string[]).join('","')}"}`;
  if (kind === 'number') return `{${values.join(',')}}`;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'string') parts[i] = SPECIAL.test(v) ? `"${v.replace(SPECIAL_ALL, '\\$&')}"` : `"${v}"`;
    else parts[i] = `"${String(v)}"`;
  }
  return `{${parts.join(',')}}`;
}

/** `values` as one bound array parameter; cast it in SQL: `${arrayParam(ids)}::uuid[]`. */
export function arrayParam(values: readonly ArrayElement[]): ReturnType<typeof sql.param> {
  return sql.param(pgArray(values));
}

/**
 * Column arrays of `rows` for `INSERT … SELECT FROM unnest(…)`: `col((r) => r.id)` is the array
 * parameter of that column, element i taken from rows[i].
 */
export function columnsOf<R>(rows: readonly R[]): (f: (r: R, i: number) => ArrayElement) => ReturnType<typeof sql.param> {
  return (f) => arrayParam(rows.map(f));
}

/** 'text': all strings without `"` or `\`; 'number': all numbers or booleans (unquoted is the same literal); else null. */
function plainKind(values: readonly ArrayElement[]): 'text' | 'number' | null {
  const first = typeof values[0];
  if (first === 'string') {
    for (let i = 0; i < values.length; i++) { const v = values[i]; if (typeof v !== 'string' || SPECIAL.test(v)) return null; }
    return 'text';
  }
  if (first === 'number' || first === 'boolean') {
    for (let i = 0; i < values.length; i++) { const t = typeof values[i]; if (t !== 'number' && t !== 'boolean') return null; }
    return 'number';
  }
  return null;
}
