import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, GENESIS, rowHash } from './chain.js';

test('canonical JSON sorts keys at every level and drops undefined', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }), '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
});

test('row hash depends on content and on the previous hash', () => {
  const base = { at: new Date('2026-01-01T00:00:00.000Z'), actorType: 'user', actorId: 'u1', actorName: 'a', action: 'x.y', entityType: 'e', entityId: '1', region: null, summary: { before: null, after: { n: 1 } }, ip: null, userAgent: null, prevHash: GENESIS };
  const h = rowHash(base);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.notEqual(rowHash({ ...base, summary: { before: null, after: { n: 2 } } }), h);
  assert.notEqual(rowHash({ ...base, prevHash: h }), h);
  assert.equal(rowHash({ ...base, summary: { after: { n: 1 }, before: null } }), h, 'key order does not matter');
});
