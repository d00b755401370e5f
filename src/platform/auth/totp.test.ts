import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, totpAt, verifyTotp } from './totp.js';

// RFC 6238 Appendix B: SHA-1 secret "12345678901234567890"; 8-digit codes, we use the last 6.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('base32 round-trips and matches the RFC 4648 alphabet', () => {
  assert.equal(SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.equal(base32Decode(SECRET).toString(), '12345678901234567890');
});

test('TOTP matches the RFC 6238 test vectors', () => {
  const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037']];
  for (const [t, code] of vectors) assert.equal(totpAt(SECRET, Math.floor(t / 30), 8), code, `T=${t}`);
});

test('verifyTotp accepts ±1 step, rejects replays and malformed codes', () => {
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);
  assert.equal(verifyTotp(SECRET, totpAt(SECRET, step), now, null), step);
  assert.equal(verifyTotp(SECRET, totpAt(SECRET, step - 1), now, null), step - 1);
  assert.equal(verifyTotp(SECRET, totpAt(SECRET, step - 2), now, null), null);
  assert.equal(verifyTotp(SECRET, totpAt(SECRET, step), now, step), null, 'same step twice is a replay');
  assert.equal(verifyTotp(SECRET, '12345', now, null), null);
  assert.equal(verifyTotp(SECRET, 'abcdef', now, null), null);
});
