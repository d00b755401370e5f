/** Clustering heuristics: multi-input merge, CoinJoin exclusion, large-merge guard, change. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Asset, NodeKind, Tag } from './codes.js';
import { Clustering, detectCoinJoin, utxoTxsFromGraph, type UtxoTx } from './cluster.js';
import { GraphBuilder } from './csr.js';

const io = (node: number, value: number) => ({ node, value });

test('multi-input heuristic merges inputs transitively', () => {
  const c = new Clustering(10).addAll([
    { id: 't1', inputs: [io(0, 5), io(1, 7)], outputs: [io(5, 11)] },
    { id: 't2', inputs: [io(1, 3), io(2, 4)], outputs: [io(6, 6)] },
  ]);
  assert.equal(c.strong.find(0), c.strong.find(2));
  assert.equal(c.strong.sizeOf(0), 3);
  assert.notEqual(c.strong.find(5), c.strong.find(0)); // outputs are not merged
  const tags = new Uint8Array(10); tags[2] = Tag.EXCHANGE;
  const [s] = c.summaries(tags);
  // received by members: none of 0,1,2 received in these txs → 0; spent 5+7+3+4 = 19.
  assert.deepEqual({ size: s.size, totalIn: s.totalIn, totalOut: s.totalOut, tags: s.tags }, { size: 3, totalIn: 0, totalOut: 19, tags: [Tag.EXCHANGE] });
});

test('CoinJoin transactions are detected and not merged', () => {
  const whirl: UtxoTx = { id: 'wp', inputs: [0, 1, 2, 3, 4].map((i) => io(i, 1_000_500)), outputs: [5, 6, 7, 8, 9].map((o) => io(o, 1_000_000)) };
  assert.deepEqual(detectCoinJoin(whirl), { coinjoin: true, pattern: 'whirlpool', equalOutputs: 5, denomination: 1_000_000 });
  const wasabi: UtxoTx = { id: 'ww', inputs: Array.from({ length: 12 }, (_, i) => io(i, 2e6)), outputs: [...Array.from({ length: 12 }, (_, i) => io(20 + i, 1e6)), io(40, 123)] };
  assert.equal(detectCoinJoin(wasabi).pattern, 'wasabi');
  const jm: UtxoTx = { id: 'jm', inputs: [io(0, 9), io(1, 9), io(2, 9)], outputs: [io(5, 4), io(6, 4), io(7, 4), io(8, 1), io(9, 2)] };
  assert.equal(detectCoinJoin(jm).pattern, 'joinmarket');
  // an exchange batch payout: one input address, equal outputs → not a CoinJoin
  assert.equal(detectCoinJoin({ id: 'b', inputs: [io(0, 9), io(0, 9), io(0, 9)], outputs: [io(5, 3), io(6, 3), io(7, 3)] }).coinjoin, false);
  const c = new Clustering(50).addAll([whirl, wasabi]);
  assert.equal(c.strong.sizeOf(0), 1);
  assert.equal(c.coinjoins.length, 2);
});

test('large-cluster merge guard refuses and records', () => {
  const c = new Clustering(20, { maxMergeSize: 3 });
  c.add({ id: 'a', inputs: [0, 1, 2, 3].map((i) => io(i, 1)), outputs: [io(19, 4)] });
  c.add({ id: 'b', inputs: [4, 5, 6, 7].map((i) => io(i, 1)), outputs: [io(19, 4)] });
  c.add({ id: 'bridge', inputs: [io(0, 1), io(4, 1)], outputs: [io(18, 2)] });
  assert.notEqual(c.strong.find(0), c.strong.find(4));
  assert.equal(c.refused.length, 1);
  assert.deepEqual(c.refused[0].clusters.map((x) => x.size), [4, 4]);
  // one large + one small cluster is fine
  c.add({ id: 'small', inputs: [io(0, 1), io(10, 1)], outputs: [io(18, 2)] });
  assert.equal(c.strong.sizeOf(10), 5);
});

test('change heuristic goes to the lower-confidence union-find only', () => {
  const c = new Clustering(10, { changeHeuristic: true });
  // payment 1_000_000 (round to 0.001 BTC) to 5; 1_234_567 to never-seen 6 → change
  c.add({ id: 'p', inputs: [io(0, 2_300_000)], outputs: [io(5, 1_000_000), io(6, 1_234_567)] });
  assert.equal(c.weak.find(0), c.weak.find(6));
  assert.notEqual(c.strong.find(0), c.strong.find(6));
  assert.equal(c.summaries(undefined, 2, 'medium')[0].confidence, 'medium');
  // both outputs round → ambiguous, no change link
  c.add({ id: 'q', inputs: [io(1, 3e6)], outputs: [io(7, 1e6), io(8, 2e6)] });
  assert.notEqual(c.weak.find(1), c.weak.find(7));
});

test('UTXO transactions read from a graph with tx nodes', () => {
  const b = new GraphBuilder();
  b.node('tx1', NodeKind.TX);
  b.transfer('a', 'tx1', 5, 100, Asset.BTC, 'tx1');
  b.transfer('b', 'tx1', 6, 100, Asset.BTC, 'tx1');
  b.transfer('tx1', 'c', 10, 100, Asset.BTC, 'tx1');
  const g = b.build();
  const txs = utxoTxsFromGraph(g);
  assert.equal(txs.length, 1);
  const c = new Clustering(g.n).addAll(txs);
  assert.equal(c.strong.find(g.id('a')!), c.strong.find(g.id('b')!));
});
