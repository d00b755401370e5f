/**
 * Taint models against small hand-computed examples. Values are in smallest units; times are
 * plain seconds. Arithmetic for every expected number is in the comments.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Asset, Tag } from './codes.js';
import { GraphBuilder } from './csr.js';
import { explainExit, formatExplanation } from './explain.js';
import { trace, type TraceOptions } from './taint.js';

/**
 * Shop S pays into wallet M after a clean deposit; M then spends twice:
 *   e0 C→M 100 @10 (clean)   e1 S→M 50 @20 (seed, tainted)   e2 M→Y 60 @30
 *   e5 M→Y 1000 USDT @35 (other asset: never mixed in)   e3 M→Z 90 @40, Z = exchange
 *   e4 Y→X 60 @50, X = exchange
 */
function example() {
  const b = new GraphBuilder();
  b.tagAddress('S', Tag.DRUG_SHOP).tagAddress('Z', Tag.EXCHANGE).tagAddress('X', Tag.EXCHANGE);
  const e0 = b.transfer('C', 'M', 100, 10, Asset.BTC, 't0');
  const e1 = b.transfer('S', 'M', 50, 20, Asset.BTC, 't1');
  const e2 = b.transfer('M', 'Y', 60, 30, Asset.BTC, 't2');
  const e3 = b.transfer('M', 'Z', 90, 40, Asset.BTC, 't3');
  const e4 = b.transfer('Y', 'X', 60, 50, Asset.BTC, 't4');
  const e5 = b.transfer('M', 'Y', 1000, 35, Asset.USDT_TRC20, 't5');
  const g = b.build();
  return { g, S: g.id('S')!, Z: g.id('Z')!, X: g.id('X')!, e0, e1, e2, e3, e4, e5 };
}
const opts = (model: TraceOptions['model']): TraceOptions => ({ model, asset: Asset.BTC, maxHops: 5, from: 0 });
const exitAt = (r: ReturnType<typeof trace>, node: number) => r.exits.filter((x) => x.node === node).reduce((s, x) => s + x.amount, 0);

test('poison: any contact taints the whole outflow', () => {
  const { g, S, Z, X, e1, e2, e3, e4, e5 } = example();
  const r = trace(g, [{ node: S }], opts('poison'));
  // M is tainted from t=20, so e2 (60) and e3 (90) are fully tainted; Y is tainted from t=30 → e4 60.
  assert.equal(r.edgeTaint.get(e2), 60);
  assert.equal(r.edgeTaint.get(e3), 90);
  assert.equal(exitAt(r, Z), 90);
  assert.equal(exitAt(r, X), 60);
  assert.equal(r.edgeTaint.has(e5), false); // USDT edge: different asset
  const z = r.exits.find((x) => x.node === Z)!;
  assert.deepEqual(z.path, [e1, e3]);
  const ex = r.exits.find((x) => x.node === X)!;
  assert.deepEqual(ex.path, [e1, e2, e4]);
  assert.equal(ex.hops, 3);
});

test('haircut: pro-rata share of the balance', () => {
  const { g, S, Z, X, e1, e2, e3, e4 } = example();
  const r = trace(g, [{ node: S }], opts('haircut'));
  // M at t=30: balance 100+50 = 150, tainted 50 → share 1/3; e2 60 × 1/3 = 20.
  // After e2: balance 90, tainted 30 → e3 90 × 30/90 = 30. Y: balance 60, tainted 20 → e4 = 20.
  assert.ok(Math.abs(r.edgeTaint.get(e2)! - 20) < 1e-9);
  assert.ok(Math.abs(r.edgeTaint.get(e3)! - 30) < 1e-9);
  assert.ok(Math.abs(exitAt(r, Z) - 30) < 1e-9);
  assert.ok(Math.abs(exitAt(r, X) - 20) < 1e-9);
  const ex = explainExit(g, r, r.exits.find((x) => x.node === X)!);
  assert.deepEqual(ex.hops.map((h) => h.edge), [e1, e2, e4]);
  assert.deepEqual(ex.hops.map((h) => [h.from, h.to, h.tx]), [['S', 'M', 't1'], ['M', 'Y', 't2'], ['Y', 'X', 't4']]);
  assert.equal(ex.hops[0].share, 1);
  assert.ok(Math.abs(ex.hops[1].share - 1 / 3) < 1e-12 && Math.abs(ex.hops[2].share - 1 / 3) < 1e-12);
  assert.equal(ex.service, 'exchange');
  assert.match(formatExplanation(ex), /t2 {2}M → Y {2}value 60/);
  assert.equal(e3 >= 0, true);
});

test('FIFO differs from haircut: outflows consume the oldest coins first', () => {
  const { g, S, Z, X, e2, e3 } = example();
  const r = trace(g, [{ node: S }], opts('fifo'));
  // M's lots in time order: [100 clean (e0), 50 tainted (e1)].
  // e2 60 takes 60 of the clean lot → taint 0 (not followed; Y never tainted, nothing reaches X).
  // e3 90 takes the remaining 40 clean + 50 tainted → taint 50 (haircut said 30, poison 90).
  assert.equal(r.edgeTaint.has(e2), false);
  assert.equal(r.edgeTaint.get(e3), 50);
  assert.equal(exitAt(r, Z), 50);
  assert.equal(exitAt(r, X), 0);
});

test('missing pre-window funds are clean; partial seed share', () => {
  const b = new GraphBuilder();
  const e0 = b.transfer('S', 'A', 40, 10, Asset.BTC, 'a');
  const e1 = b.transfer('A', 'B', 100, 20, Asset.BTC, 'b'); // A spends more than it received in the window
  const g = b.build();
  // haircut: balance 40 (all tainted), outflow 100 → balance topped up to 100 with clean coins: 100 × 40/100 = 40.
  assert.equal(trace(g, [{ node: g.id('S')! }], opts('haircut')).edgeTaint.get(e1), 40);
  // FIFO: consumes the 40 tainted lot, the other 60 are unknown (clean) coins → 40.
  assert.equal(trace(g, [{ node: g.id('S')! }], opts('fifo')).edgeTaint.get(e1), 40);
  // seed share 0.25: e0 carries 40 × 0.25 = 10.
  assert.equal(trace(g, [{ node: g.id('S')!, share: 0.25 }], opts('haircut')).edgeTaint.get(e0), 10);
});

test('time order, time window and hop limit', () => {
  const b = new GraphBuilder();
  const e0 = b.transfer('S', 'A', 100, 10, Asset.BTC, 'a');
  const e1 = b.transfer('A', 'B', 100, 5, Asset.BTC, 'b'); // before the taint arrived at A
  const e2 = b.transfer('A', 'C', 100, 30, Asset.BTC, 'c');
  const e3 = b.transfer('C', 'D', 100, 40, Asset.BTC, 'd'); // third hop
  const e4 = b.transfer('A', 'E', 10, 1000, Asset.BTC, 'e'); // outside a 500 s window
  const g = b.build();
  const base: TraceOptions = { model: 'poison', asset: Asset.BTC, maxHops: 2, from: 0, windowSeconds: 500 };
  const r = trace(g, [{ node: g.id('S')! }], base);
  assert.deepEqual([...r.edgeTaint.keys()].sort(), [e0, e2]);
  assert.equal(r.atHopLimit, 100); // e3 is tainted but beyond 2 hops
  const r3 = trace(g, [{ node: g.id('S')! }], { ...base, maxHops: 3 });
  assert.deepEqual([...r3.edgeTaint.keys()].sort(), [e0, e2, e3]);
  const rw = trace(g, [{ node: g.id('S')! }], { ...base, maxHops: 3, windowSeconds: undefined });
  assert.equal(rw.edgeTaint.has(e4), true);
  assert.equal(rw.edgeTaint.has(e1), false);
});

test('high-degree node is an unexpanded exit unless asked', () => {
  const b = new GraphBuilder();
  const e0 = b.transfer('S', 'H', 10, 1, Asset.BTC, 'a');
  for (let i = 0; i < 4; i++) b.transfer('H', `K${i}`, 1, 2 + i, Asset.BTC, `k${i}`);
  const g = b.build(); // H degree 1 + 4 = 5
  const o: TraceOptions = { model: 'poison', asset: Asset.BTC, maxHops: 3, from: 0, maxDegree: 3 };
  const r = trace(g, [{ node: g.id('S')! }], o);
  assert.equal(r.edgeTaint.size, 1);
  assert.deepEqual(r.exits.map((x) => [x.node, x.reason, x.edge]), [[g.id('H'), 'high-degree', e0]]);
  const r2 = trace(g, [{ node: g.id('S')! }], { ...o, expandHighDegree: true });
  assert.equal(r2.edgeTaint.size, 5);
  assert.equal(r2.exits.length, 0);
});

test('backward trace finds the sources of an exchange deposit', () => {
  const { g, S, Z, e1, e3 } = example();
  const r = trace(g, [{ node: Z, time: 100 }], { model: 'poison', asset: Asset.BTC, maxHops: 3, direction: 'backward' });
  // Z ← M via e3 (t=40); M ← C (e0 @10) and ← S (e1 @20), both before 40. S is a tagged shop → exit.
  const s = r.exits.find((x) => x.node === S)!;
  assert.equal(s.reason, 'service');
  assert.deepEqual(s.path, [e3, e1]);
  assert.equal(r.taintedNodes, 3); // Z (seed), M, C
});

test('a window without `from` opens at the seeds\' first activity, not at time 0', () => {
  // Real timestamps: S first pays at T+20. A 25 s window from there covers e1 (T+20) … T+45:
  // e2 (T+30) and e3 (T+40) are followed, e4 (T+50) is past the window.
  const T = 1_700_000_000;
  const b = new GraphBuilder();
  b.tagAddress('Z', Tag.EXCHANGE).tagAddress('X', Tag.EXCHANGE);
  b.transfer('C', 'M', 100, T + 10, Asset.BTC, 't0');
  b.transfer('S', 'M', 50, T + 20, Asset.BTC, 't1');
  b.transfer('M', 'Y', 60, T + 30, Asset.BTC, 't2');
  b.transfer('M', 'Z', 90, T + 40, Asset.BTC, 't3');
  b.transfer('Y', 'X', 60, T + 50, Asset.BTC, 't4');
  const g = b.build();
  const r = trace(g, [{ node: g.id('S')! }], { model: 'poison', asset: Asset.BTC, maxHops: 5, windowSeconds: 25 });
  assert.equal(exitAt(r, g.id('Z')!), 90);
  assert.equal(exitAt(r, g.id('X')!), 0);
  // Backward from the exchange Z over 25 s: its inflow at T+40 and M's inflows back to T+15 (e1 at T+20).
  const back = trace(g, [{ node: g.id('Z')! }], { model: 'poison', asset: Asset.BTC, maxHops: 5, windowSeconds: 25, direction: 'backward', stopTags: 0 });
  assert.ok(back.taintedNodes >= 3, `backward window reached ${back.taintedNodes} nodes`);
});
