/**
 * Crypto-wallet validators (Bitcoin base58check + bech32/bech32m, TRON, Ethereum
 * EIP-55) and their extraction from normalised text. Only addresses whose
 * checksum verifies are reported: a mistyped or invented address is not an
 * indicator, and the checksum is what makes liberal matching (e.g. re-joining an
 * address split by spaces) safe.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { Features } from './features.js';
import * as sha from './sha256.js';
import type { Hit, Taken } from './types.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_VAL = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_VAL[B58.charCodeAt(i)] = i;

const payload = new Uint8Array(25);
const { doubleSha256Head } = sha; // local const: imported bindings are getters under tsx

/**
 * Decode a base58check string that must carry exactly 21 bytes (version + 20-byte
 * hash) + 4-byte checksum, as Bitcoin legacy and TRON addresses do. Returns the
 * version byte, or -1 if the string is malformed or the checksum is wrong.
 */
export function base58checkVersion(s: string): number {
  if (s.length < 25 || s.length > 35) return -1;
  payload.fill(0);
  let ones = 0;
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B58_VAL[c] : -1;
    if (v < 0) return -1;
    if (leading && v === 0) ones++;
    else leading = false;
    let carry = v;
    for (let j = 24; j >= 0; j--) {
      carry += payload[j] * 58;
      payload[j] = carry & 0xff;
      carry >>= 8;
    }
    if (carry !== 0) return -1; // more than 25 bytes
  }
  let zeros = 0;
  while (zeros < 25 && payload[zeros] === 0) zeros++;
  // Each leading '1' encodes one leading zero byte; any mismatch means the
  // canonical decoding would not be 25 bytes long.
  if (zeros !== ones) return -1;
  const check = (payload[21] << 24) | (payload[22] << 16) | (payload[23] << 8) | payload[24];
  if (doubleSha256Head(payload, 21) !== check) return -1;
  return payload[0];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_VAL = new Int8Array(128).fill(-1);
for (let i = 0; i < BECH32.length; i++) BECH32_VAL[BECH32.charCodeAt(i)] = i;
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymodStep(chk: number, v: number): number {
  const top = chk >>> 25;
  chk = ((chk & 0x1ffffff) << 5) ^ v;
  for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  return chk;
}

/**
 * BIP-173/BIP-350 segwit address check for the given human-readable part
 * (`bc` for Bitcoin mainnet): bech32 for witness v0 (20- or 32-byte program),
 * bech32m for v1..v16. Mixed case is invalid by the spec.
 */
export function isValidSegwit(addr: string, hrp = 'bc'): boolean {
  if (addr.length < 14 || addr.length > 90) return false;
  const lower = addr.toLowerCase();
  if (lower !== addr && addr.toUpperCase() !== addr) return false;
  const sep = lower.lastIndexOf('1');
  if (sep !== hrp.length || !lower.startsWith(hrp)) return false;
  const dataLen = lower.length - sep - 1;
  if (dataLen < 6 + 1) return false;
  let chk = 1;
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) >> 5);
  chk = polymodStep(chk, 0);
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) & 31);
  const data: number[] = [];
  for (let i = sep + 1; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const v = c < 128 ? BECH32_VAL[c] : -1;
    if (v < 0) return false;
    data.push(v);
    chk = polymodStep(chk, v);
  }
  const version = data[0];
  if (version > 16) return false;
  const constant = version === 0 ? 1 : 0x2bc830a3;
  if (chk !== constant) return false;
  // Regroup the 5-bit program into bytes; padding must be < 5 zero bits.
  let acc = 0;
  let bits = 0;
  let bytes = 0;
  for (let i = 1; i < data.length - 6; i++) {
    acc = (acc << 5) | data[i];
    bits += 5;
    if (bits >= 8) { bits -= 8; bytes++; }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return false;
  if (bytes < 2 || bytes > 40) return false;
  return version !== 0 || bytes === 20 || bytes === 32;
}

/** Bitcoin mainnet address: P2PKH/P2SH base58check or segwit bech32/bech32m. */
export function isValidBtc(addr: string): boolean {
  const c = addr.charCodeAt(0);
  if (c === 0x31 || c === 0x33) {
    const v = base58checkVersion(addr);
    return (v === 0x00 && c === 0x31) || (v === 0x05 && c === 0x33);
  }
  return (c === 0x62 || c === 0x42) && isValidSegwit(addr, 'bc');
}

/** TRON address: 34-char base58check with version byte 0x41 ("T..."). */
export function isValidTron(addr: string): boolean {
  return addr.length === 34 && addr.charCodeAt(0) === 0x54 && base58checkVersion(addr) === 0x41;
}

const HEX40 = /^0[xX][0-9a-fA-F]{40}$/;
const ASCII = new TextEncoder();

/**
 * Ethereum address: 0x + 40 hex. All-lower/all-upper carry no checksum and are
 * accepted; mixed case must match the EIP-55 keccak-256 checksum.
 */
export function isValidEth(addr: string): boolean {
  if (!HEX40.test(addr)) return false;
  const hex = addr.slice(2);
  const lower = hex.toLowerCase();
  if (hex === lower || hex === hex.toUpperCase()) return true;
  const hash = keccak_256(ASCII.encode(lower));
  for (let i = 0; i < 40; i++) {
    const c = hex.charCodeAt(i);
    if (c < 0x41) continue; // digit
    const nibble = (hash[i >> 1] >> (i & 1 ? 0 : 4)) & 0xf;
    const upper = c <= 0x46;
    if (upper !== nibble >= 8) return false;
  }
  return true;
}

/** EIP-55 checksummed spelling of a valid address (used by tests and callers that display). */
export function toEip55(addr: string): string {
  const lower = addr.slice(2).toLowerCase();
  const hash = keccak_256(ASCII.encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const ch = lower[i];
    out += ((hash[i >> 1] >> (i & 1 ? 0 : 4)) & 0xf) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

// A hint that some wallet may be present; most messages fail it and skip the stage.
const WALLET_HINT = /0[xX][0-9a-fA-F]{4}|[bB][cC]1|[13T][1-9A-HJ-NP-Za-km-z]{3}/;
const ETH_RE = /(?<![0-9A-Za-z])0[xX][0-9a-fA-F]{40}(?![0-9A-Za-z])/g;
const BECH_RE = /(?<![0-9A-Za-z])(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}(?![0-9A-Za-z])/g;
const B58_RE = /(?<![0-9A-Za-z])[13T][1-9A-HJ-NP-Za-km-z]{24,34}(?![0-9A-Za-z])/g;
// An address cut into groups ("bc1q 97wq wz8d ...", "TD2J-cKjC-...").
const CHUNKED_RE = /(?<![0-9A-Za-z])(?:0[xX][0-9a-fA-F]*|[bB][cC]1[0-9A-Za-z]*|[13T][1-9A-HJ-NP-Za-km-z]*)(?:[\s\-][0-9A-Za-z]{2,}){1,22}/g;

const WALLET_RES = [ETH_RE, BECH_RE, B58_RE];

function classify(s: string): Hit['type'] | null {
  const c = s.charCodeAt(0);
  if (c === 0x30) return isValidEth(s) ? 'eth' : null;
  if (c === 0x54) return isValidTron(s) ? 'tron' : null;
  return isValidBtc(s) ? 'btc' : null;
}

function canonical(type: Hit['type'], s: string): string {
  // base58 is case-sensitive and kept as written. bech32 is case-insensitive and
  // reported lower-case. ETH is kept as written (lower-case, or the EIP-55 form
  // that was just verified), matching the project's corpus generator; callers
  // that need one key per account should lower-case it.
  if (type === 'btc' && (s.charCodeAt(0) | 0x20) === 0x62) return s.toLowerCase();
  return s;
}

/** Find wallet addresses in normalised text; appends hits and claims their spans. */
export function extractWallets(t: string, hits: Hit[], taken: Taken, f: Features): void {
  // The shortest address we accept (P2PKH) is 26 chars; bech32/ETH/TRON are longer.
  if (f.alnum < 26 || !WALLET_HINT.test(t)) return;
  if (f.maxAlnumRun >= 26) for (const re of WALLET_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) {
      const type = classify(m[0]);
      if (!type || taken.overlaps(m.index, m.index + m[0].length)) continue;
      hits.push({ type, value: canonical(type, m[0]), start: m.index, end: m.index + m[0].length });
      taken.add(m.index, m.index + m[0].length);
    }
  }
  extractChunked(t, hits, taken);
  extractFragments(t, hits, taken);
}

/**
 * The start of an address that is not one alone ("first part — TYTaE5qa7LcSqYP4, second part —
 * w6ySPZbtxxvdDM8mn7"; blind set ff): eight chars or more of its alphabet after the prefix of its kind.
 */
const FRAGMENT_RE = /(?<![0-9A-Za-z])(?:T[1-9A-HJ-NP-Za-km-z]{7,32}|[13][1-9A-HJ-NP-Za-km-z]{7,33}|0[xX][0-9a-fA-F]{6,39}|[bB][cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{5,80})(?![0-9A-Za-z])/g;
/** Both cases after the first char: random base58 has them; words and numbers ("12345678") mostly not. */
const MIXED_CASE = /[A-Z].*[a-z]|[a-z].*[A-Z]/;
/** A later piece: letters and digits only, words between the pieces are skipped. */
const PIECE_RE = /[0-9A-Za-z]{4,}/g;
/** How far after the start the rest is looked for, and how many words. */
const FRAGMENT_WINDOW = 120;
const FRAGMENT_PIECES = 6;
/** Starts tried per text: a post names a few wallets; a megabyte of address-like junk must not cost seconds. */
const FRAGMENT_STARTS = 64;

/**
 * An address written in two or three pieces with words between them: the start, then the next one
 * or two consecutive pieces among the few words after it whose join verifies. The checksum makes the
 * join safe (a base58 join passes by chance once in 2^32); lower-case ETH has none, so a 0x piece
 * joins only pieces of hex digits that make exactly 40 of them.
 */
function extractFragments(t: string, hits: Hit[], taken: Taken): void {
  FRAGMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let tries = 0;
  while (tries++ < FRAGMENT_STARTS && (m = FRAGMENT_RE.exec(t))) {
    const s = m.index;
    const c = m[0].charCodeAt(0);
    if ((c === 0x54 || c === 0x31 || c === 0x33) && !MIXED_CASE.test(m[0].slice(1))) continue;
    if (taken.overlaps(s, s + m[0].length)) continue;
    const pieces: [string, number, number][] = [];
    PIECE_RE.lastIndex = s + m[0].length;
    let p: RegExpExecArray | null;
    while (pieces.length < FRAGMENT_PIECES && (p = PIECE_RE.exec(t)) && p.index < s + FRAGMENT_WINDOW) pieces.push([p[0], p.index, p.index + p[0].length]);
    const hit = joinPieces(m[0], pieces, taken);
    if (hit) {
      hits.push({ type: hit.type, value: canonical(hit.type, hit.value), start: s, end: hit.end });
      taken.add(s, hit.end);
      FRAGMENT_RE.lastIndex = hit.end;
    }
  }
}

function joinPieces(head: string, pieces: readonly [string, number, number][], taken: Taken): { type: Hit['type']; value: string; end: number } | null {
  for (let i = 0; i < pieces.length; i++) {
    let v = head;
    for (let j = i; j < pieces.length && j < i + 2; j++) {
      const [piece, ps, pe] = pieces[j];
      if (taken.overlaps(ps, pe)) break;
      v += piece;
      if (v.length < 26 || v.length > 90) continue;
      const type = classify(v);
      if (type) return { type, value: v, end: pe };
    }
  }
  return null;
}

const SEPARATOR = /[\s\-]/;

function extractChunked(t: string, hits: Hit[], taken: Taken): void {
  CHUNKED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHUNKED_RE.exec(t))) {
    const text = m[0];
    const base = m.index;
    let joined = '';
    let firstEnd = -1;
    let found = false;
    for (let i = 0; i < text.length; ) {
      let j = i;
      while (j < text.length && !SEPARATOR.test(text[j])) j++;
      if (firstEnd < 0) firstEnd = j;
      joined += text.slice(i, j);
      if (joined.length > 90) break;
      // Only joins of two or more groups: single groups were handled above.
      if (i > 0 && joined.length >= 26) {
        const type = classify(joined);
        if (type && !taken.overlaps(base, base + j)) {
          hits.push({ type, value: canonical(type, joined), start: base, end: base + j });
          taken.add(base, base + j);
          found = true;
          break;
        }
      }
      i = j + 1;
    }
    // Let the next attempt start at the second group: the real address may begin there.
    if (!found) CHUNKED_RE.lastIndex = base + firstEnd + 1;
  }
}
