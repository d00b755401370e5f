/**
 * Deterministic synthetic transfer graph for the tracing benchmark (seeded mulberry32).
 *
 * Shape: 2^21 ordinary addresses whose activity follows a power law (node rank r picked with
 * probability ∝ r^(-2/3) → degree tail P(deg > d) ∝ d^-1.5, so a few "pools" have 10^4–10^5
 * transfers), scrambled over the id space; plus service hubs: 40 exchanges (deposits and
 * withdrawals, Zipf-weighted), 6 mixers (fixed denominations in and out), 8 gambling sites,
 * 4 darknet markets and 200 drug shops (customers pay in; the shop cashes out by peel chains:
 * each hop sends a small payment aside and the large remainder to a fresh address, minutes to
 * hours later, until an exchange deposit). Assets: 70 % BTC, 20 % USDT-TRC20, 10 % ETH; times
 * span 2025. Edge mix: 55 % organic, 15 % exchange deposits, 12 % withdrawals, 6 % mixer,
 * 2 % gambling/markets, the rest shop payments and peel chains.
 */
import { mulberry32 } from '../../src/platform/random.js';
import { Asset, Tag } from '../../src/modules/finance/graph/codes.js';
import type { GraphInput } from '../../src/modules/finance/graph/csr.js';

export const T0 = 1_735_689_600; // 2025-01-01T00:00:00Z
export const YEAR = 365 * 86400;
const ORGANIC_BITS = 21;
const ORGANIC = 1 << ORGANIC_BITS;

export interface SynthGraph extends GraphInput { shops: number[]; exchanges: number[]; organic: number }

export function generate(edges: number, seed: number): SynthGraph {
  const rnd = mulberry32(seed);
  const hubs = { exchange: 40, mixer: 6, gambling: 8, market: 4, shop: 200 };
  let next = ORGANIC;
  const block = (k: number) => { const a: number[] = []; for (let i = 0; i < k; i++) a.push(next++); return a; };
  const exchanges = block(hubs.exchange), mixers = block(hubs.mixer), gambling = block(hubs.gambling), markets = block(hubs.market), shops = block(hubs.shop);
  const n = next;
  const tag = new Uint8Array(n);
  for (const x of exchanges) tag[x] = Tag.EXCHANGE;
  for (const x of mixers) tag[x] = Tag.MIXER;
  for (const x of gambling) tag[x] = Tag.GAMBLING;
  for (const x of markets) tag[x] = Tag.DARKNET_MARKET;
  for (const x of shops) tag[x] = Tag.DRUG_SHOP;
  const src = new Uint32Array(edges), dst = new Uint32Array(edges), value = new Float64Array(edges);
  const time = new Uint32Array(edges), asset = new Uint8Array(edges), tx = new Uint32Array(edges);
  // Power-law rank → scrambled id (odd multiplier is a bijection mod 2^21).
  const pl = (): number => { const r = rnd(); return Math.imul(Math.floor(ORGANIC * r * r * r), 0x9e3779b1) & (ORGANIC - 1); };
  const uni = (): number => Math.floor(rnd() * ORGANIC);
  const zipf = (a: number[]): number => a[Math.floor(a.length * rnd() * rnd())];
  const amount = (): number => Math.round(Math.exp(9 + 4 * (rnd() + rnd() + rnd() - 1.5))); // log-normal-ish, ~8e3 median
  const pickAsset = (): number => { const r = rnd(); return r < 0.7 ? Asset.BTC : r < 0.9 ? Asset.USDT_TRC20 : Asset.ETH; };
  let m = 0, txn = 0;
  const put = (s: number, d: number, v: number, t: number, a: number, x: number) => {
    src[m] = s; dst[m] = d; value[m] = v; time[m] = Math.min(t, T0 + YEAR - 1); asset[m] = a; tx[m] = x; m++;
  };
  while (m < edges) {
    const r = rnd(), t = T0 + Math.floor(rnd() * YEAR), a = pickAsset();
    if (r < 0.55) put(pl(), pl(), amount(), t, a, txn++);
    else if (r < 0.70) put(pl(), zipf(exchanges), amount(), t, a, txn++);
    else if (r < 0.82) put(zipf(exchanges), uni(), amount(), t, a, txn++);
    else if (r < 0.88) { const mx = mixers[Math.floor(rnd() * mixers.length)]; const d = [1e5, 1e6, 1e7][Math.floor(rnd() * 3)]; if (rnd() < 0.5) put(pl(), mx, d, t, a, txn++); else put(mx, uni(), d * 0.98, t, a, txn++); }
    else if (r < 0.90) { const h = rnd() < 0.7 ? gambling[Math.floor(rnd() * gambling.length)] : markets[Math.floor(rnd() * markets.length)]; if (rnd() < 0.6) put(pl(), h, amount(), t, a, txn++); else put(h, uni(), amount(), t, a, txn++); }
    else if (r < 0.96) put(uni(), shops[Math.floor(rnd() * shops.length)], amount() * 3, t, a, txn++);
    else {
      // Peel chain out of a shop: shop → a1 → a2 … each hop a payment aside + the remainder on.
      let cur = shops[Math.floor(rnd() * shops.length)], v = 1e6 + Math.floor(rnd() * 1e8), tt = t;
      const len = 5 + Math.floor(rnd() * 40);
      for (let i = 0; i < len && m + 2 <= edges; i++) {
        const pay = Math.floor(v * (0.02 + 0.1 * rnd())), nextAddr = uni();
        tt += 60 + Math.floor(rnd() * 7200);
        put(cur, uni(), pay, tt, a, txn); put(cur, nextAddr, v - pay, tt, a, txn++);
        v -= pay; cur = nextAddr;
      }
      if (m < edges) put(cur, zipf(exchanges), v, tt + 600, a, txn++);
    }
  }
  return { n, src, dst, value, time, asset, tx, tag, shops, exchanges, organic: ORGANIC };
}
