/**
 * Valid-looking synthetic addresses (correct checksums, derived from a label) for tests and the
 * demo. They are deterministic hashes of the label, not keys anyone holds.
 */
import { createHash } from 'node:crypto';
import { base58check } from './chains.js';

const h20 = (label: string) => createHash('sha256').update('qalqan-synthetic:' + label).digest().subarray(0, 20);

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk;
}
function toWords(bytes: Uint8Array): number[] {
  let acc = 0, bits = 0;
  const out: number[] = [];
  for (const b of bytes) { acc = (acc << 8) | b; bits += 8; while (bits >= 5) { bits -= 5; out.push((acc >>> bits) & 31); } }
  if (bits > 0) out.push((acc << (5 - bits)) & 31);
  return out;
}

/** Bech32 P2WPKH (bc1q…) address for a label. */
export function syntheticBtc(label: string): string {
  const hrp = 'bc';
  const data = [0, ...toWords(h20(label))];
  const expand = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expand, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...data, ...checksum].map((v) => CHARSET[v]).join('');
}

/** TRON base58check (T…) address for a label. */
export function syntheticTron(label: string): string {
  return base58check(Buffer.concat([Buffer.from([0x41]), h20(label)]));
}

/** Ethereum address (lower-case) for a label. */
export function syntheticEth(label: string): string {
  return '0x' + Buffer.from(h20(label)).toString('hex');
}

/** A 64-hex transaction id for a label (0x-prefixed for Ethereum). */
export function syntheticTxid(label: string, eth = false): string {
  const hex = createHash('sha256').update('qalqan-synthetic-tx:' + label).digest('hex');
  return eth ? '0x' + hex : hex;
}
