/**
 * SHA-256 of short messages (at most 55 bytes: one compression block), without
 * allocation. base58check verification hashes a 21-byte payload twice for every
 * candidate (and the chunked-address search tries several joins per message);
 * a general-purpose hasher allocates state objects and buffers per call, which
 * made checksum tests a few percent of the whole detection time. Verified
 * against node:crypto in validators.test.ts.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** Message schedule scratch. */
const W = new Int32Array(64);

/** Largest message one block holds (bytes): 64 minus the 0x80 marker and the 8-byte length. */
export const SHORT_MAX = 55;

/**
 * SHA-256 of `msg[0, len)` (len <= SHORT_MAX) as eight big-endian words in `out`.
 * Pass `words` instead of `msg` to hash an earlier digest (32 bytes) directly.
 */
export function sha256Short(msg: Uint8Array | null, len: number, out: Int32Array, words: Int32Array | null = null): void {
  if (len > SHORT_MAX) throw new RangeError('sha256Short: message longer than one block');
  const w = W;
  w.fill(0, 0, 16);
  if (words) {
    // digest words are already big-endian 32-bit values
    for (let i = 0; i < len >> 2; i++) w[i] = words[i];
  } else {
    for (let i = 0; i < len; i++) w[i >> 2] |= msg![i] << (24 - ((i & 3) << 3));
  }
  w[len >> 2] |= 0x80 << (24 - ((len & 3) << 3));
  w[15] = len * 8;
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = H0[0], b = H0[1], c = H0[2], d = H0[3], e = H0[4], f = H0[5], g = H0[6], h = H0[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g; g = f; f = e;
    e = (d + t1) | 0;
    d = c; c = b; b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (H0[0] + a) | 0; out[1] = (H0[1] + b) | 0; out[2] = (H0[2] + c) | 0; out[3] = (H0[3] + d) | 0;
  out[4] = (H0[4] + e) | 0; out[5] = (H0[5] + f) | 0; out[6] = (H0[6] + g) | 0; out[7] = (H0[7] + h) | 0;
}

const first = new Int32Array(8);
const second = new Int32Array(8);

/** First 4 bytes of SHA-256(SHA-256(msg[0, len))) as one big-endian int32 (the base58check checksum). */
export function doubleSha256Head(msg: Uint8Array, len: number): number {
  sha256Short(msg, len, first);
  sha256Short(null, 32, second, first);
  return second[0];
}
