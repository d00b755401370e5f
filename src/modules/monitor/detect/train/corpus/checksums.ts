/**
 * Checksum helpers for the invented indicator values used in the corpus.
 * Self-contained on purpose (the indicator-extraction module is developed separately).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256, sha3_256 } from '@noble/hashes/sha3.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Encode(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    s = '1' + s;
  }
  return s;
}

export function base58Decode(s: string): Uint8Array | null {
  let n = 0n;
  for (const ch of s) {
    const i = B58.indexOf(ch);
    if (i < 0) return null;
    n = n * 58n + BigInt(i);
  }
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const ch of s) {
    if (ch !== '1') break;
    out.unshift(0);
  }
  return Uint8Array.from(out);
}

function dsha(b: Uint8Array): Uint8Array {
  return sha256(sha256(b));
}

export function base58check(payload: Uint8Array): string {
  const c = dsha(payload).slice(0, 4);
  const all = new Uint8Array(payload.length + 4);
  all.set(payload);
  all.set(c, payload.length);
  return base58Encode(all);
}

/** Returns the payload (version byte + data) when the checksum is valid. */
export function base58checkDecode(s: string): Uint8Array | null {
  const b = base58Decode(s);
  if (!b || b.length < 5) return null;
  const payload = b.slice(0, b.length - 4);
  const c = dsha(payload);
  for (let i = 0; i < 4; i++) if (c[i] !== b[b.length - 4 + i]) return null;
  return payload;
}

// ---- bech32 (BIP-173) ----
const B32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const r: number[] = [];
  for (const c of hrp) r.push(c.charCodeAt(0) >> 5);
  r.push(0);
  for (const c of hrp) r.push(c.charCodeAt(0) & 31);
  return r;
}

function convertBits(data: Uint8Array | number[], from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv)) {
    return null;
  }
  return out;
}

/** Segwit v0 address (bc1q...) for a 20- or 32-byte program. */
export function segwitEncode(program: Uint8Array, hrp = 'bc'): string {
  const data = [0, ...convertBits(program, 8, 5, true)!];
  const pm = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum: number[] = [];
  for (let i = 0; i < 6; i++) checksum.push((pm >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...data, ...checksum].map((d) => B32[d]).join('');
}

export function isValidBech32Segwit(addr: string): boolean {
  if (addr !== addr.toLowerCase() && addr !== addr.toUpperCase()) return false;
  const a = addr.toLowerCase();
  const pos = a.lastIndexOf('1');
  if (pos < 1 || pos + 7 > a.length) return false;
  const hrp = a.slice(0, pos);
  if (hrp !== 'bc') return false;
  const data: number[] = [];
  for (const c of a.slice(pos + 1)) {
    const i = B32.indexOf(c);
    if (i < 0) return false;
    data.push(i);
  }
  if (polymod([...hrpExpand(hrp), ...data]) !== 1) return false;
  const prog = convertBits(data.slice(1, -6), 5, 8, false);
  if (!prog) return false;
  return data[0] === 0 && (prog.length === 20 || prog.length === 32);
}

export function isValidBtc(addr: string): boolean {
  if (/^bc1/i.test(addr)) return isValidBech32Segwit(addr);
  if (!/^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(addr)) return false;
  const p = base58checkDecode(addr);
  return !!p && p.length === 21 && (p[0] === 0x00 || p[0] === 0x05);
}

export function isValidTron(addr: string): boolean {
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(addr)) return false;
  const p = base58checkDecode(addr);
  return !!p && p.length === 21 && p[0] === 0x41;
}

// ---- Ethereum EIP-55 ----
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function eip55(addrHex40: string): string {
  const lower = addrHex40.toLowerCase();
  const h = hex(keccak_256(new TextEncoder().encode(lower)));
  let out = '';
  for (let i = 0; i < 40; i++) out += parseInt(h[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return '0x' + out;
}

/** All-lowercase (or all-uppercase) addresses carry no checksum and are accepted; mixed case must match EIP-55. */
export function isValidEth(addr: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(addr)) return false;
  const body = addr.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return eip55(body) === addr;
}

// ---- Luhn ----
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function luhnComplete(prefix: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(prefix + d)) return prefix + d;
  throw new Error('unreachable');
}

// ---- IBAN mod-97 ----
function ibanNumeric(s: string): string {
  let out = '';
  for (const ch of s) out += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  return out;
}

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^KZ\d{2}[0-9A-Z]{16}$/.test(s)) return false;
  return mod97(ibanNumeric(s.slice(4) + s.slice(0, 4))) === 1;
}

/** KZ IBAN from a 16-char BBAN (3-digit bank code + 13 alphanumerics). */
export function ibanFromBban(bban: string): string {
  const check = 98 - mod97(ibanNumeric(bban + 'KZ00'));
  return 'KZ' + String(check).padStart(2, '0') + bban;
}

// ---- Tor v3 onion ----
const RFC4648 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  return convertBits(bytes, 8, 5, true)!.map((d) => RFC4648[d]).join('');
}

export function onionV3(pubkey: Uint8Array): string {
  const version = Uint8Array.of(3);
  const prefix = new TextEncoder().encode('.onion checksum');
  const buf = new Uint8Array(prefix.length + 32 + 1);
  buf.set(prefix);
  buf.set(pubkey, prefix.length);
  buf.set(version, prefix.length + 32);
  const chk = sha3_256(buf).slice(0, 2);
  const all = new Uint8Array(35);
  all.set(pubkey);
  all.set(chk, 32);
  all.set(version, 34);
  return base32(all) + '.onion';
}

export { hex as toHex };
