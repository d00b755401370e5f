import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphModel } from './graphModel.js';
import { guessInput } from './lib.js';
import type { TraceRun, Transfer } from './types.js';

const run = (): TraceRun => ({
  id: 'r', region: 'KZ-75', caseNumber: '', title: '', chain: 'tron', asset: 'USDT-TRC20', model: 'poison', direction: 'forward', seeds: ['S'],
  params: { chain: 'tron', asset: 'USDT-TRC20', seeds: ['S'], resolvedSeeds: ['S'], direction: 'forward', model: 'poison', maxHops: 4 },
  results: {
    exits: [{ address: 'X', service: { label: 'Ex', category: 'exchange' }, amount: 480, time: '2026-01-01T00:33:20Z', hops: 2, reason: 'service', explanation: [],
      path: [{ tx: 't1', from: 'S', to: 'M', value: 500, time: '2026-01-01T00:16:40Z' }, { tx: 't2', from: 'M', to: 'X', value: 480, time: '2026-01-01T00:33:20Z' }] }],
    totals: [], exitsListed: 1, exitsTotal: 1,
  },
  stats: {}, modelVersion: 'v', createdByName: 'a', createdAt: '2026-01-02T00:00:00Z',
});
const tr = (tx: string, from: string, to: string, units: string): Transfer => ({ asset: 'USDT-TRC20', txHash: tx, from, to, amount: units + '000000', units, blockTime: '2026-01-01T00:00:00Z' });

describe('trace graph model', () => {
  test('the trace picture: seeds, path nodes and edges, exit coloured, levels left to right', () => {
    const m = GraphModel.fromTrace(run());
    assert.deepEqual([...m.nodes.keys()].sort(), ['M', 'S', 'X']);
    assert.equal(m.nodes.get('S')!.seed, true);
    assert.equal(m.nodes.get('X')!.category, 'exchange');
    assert.equal(m.nodes.get('X')!.highDegree, true, 'services stay collapsed by default');
    assert.deepEqual(['S', 'M', 'X'].map((a) => m.nodes.get(a)!.level), [0, 1, 2]);
    const p = GraphModel.pathOf(run().results.exits[0]!);
    assert.deepEqual([...p.edges].sort(), ['t1|S|M', 't2|M|X']);
    assert.ok([...p.edges].every((k) => m.edges.has(k)), 'path keys match drawn edges');
  });

  test('expansion is capped per node and globally, counts what it left out, and collapse removes only what it brought', () => {
    const m = GraphModel.fromTrace(run(), { maxNodes: 10, perExpand: 4 });
    const many = Array.from({ length: 12 }, (_, i) => tr(`e${i}`, 'M', `N${i}`, String(100 + i)));
    const left = m.expand('M', [...many, tr('back', 'S', 'M', '500')], new Map([['N11', { label: 'Mixer', category: 'mixer' }]]), 30);
    assert.equal(m.nodes.size, 7, 'perExpand 4 new nodes');
    assert.ok(m.nodes.has('N11') && m.nodes.get('N11')!.category === 'mixer', 'largest flows first, tags applied');
    assert.equal(left, 8);
    assert.equal(m.nodes.get('M')!.hidden, 8);
    assert.equal(m.nodes.get('M')!.unread, 30);
    const more = Array.from({ length: 6 }, (_, i) => tr(`f${i}`, 'X', `Z${i}`, '1'));
    m.expand('X', more);
    assert.equal(m.nodes.size, 10, 'global cap');
    assert.ok(m.omitted >= 8 + 3);
    m.collapse('M');
    assert.equal(m.nodes.has('N11'), false);
    assert.ok(m.nodes.has('S') && m.nodes.has('M') && m.nodes.has('X'), 'trace nodes stay');
    assert.ok(m.edges.has('t1|S|M') && m.edges.has('t2|M|X'));
    assert.equal(m.nodes.get('M')!.expanded, false);
  });

  test('search box recognises wallets, cards, IBANs and phones', () => {
    assert.deepEqual(guessInput(' TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t '), { kind: 'address', chain: 'tron', value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' });
    assert.equal(guessInput('0xDAC17F958D2ee523a2206206994597C13D831ec7')?.kind, 'address');
    assert.deepEqual(guessInput('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'), { kind: 'address', chain: 'btc', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' });
    assert.deepEqual(guessInput('4400 4301 2345 6789'), { kind: 'card', value: '4400430123456789' });
    assert.equal(guessInput('4400430123456788'), null, 'Luhn failure');
    assert.deepEqual(guessInput('KZ86 125K ZT50 0410 0100'), { kind: 'iban', value: 'KZ86125KZT5004100100' });
    assert.deepEqual(guessInput('8 (701) 234-56-78'), { kind: 'phone', value: '+77012345678' });
    assert.equal(guessInput('hello'), null);
  });
});
