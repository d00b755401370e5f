import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { explanationSteps, type ExitView } from '../trace/view.js';
import { explainExit } from './explain.js';

// One exit as the tracer stores it: shop → mule → exchange, haircut model.
const path = [
  { tx: 'a'.repeat(64), from: 'TShop', to: 'TMule', value: 800, taint: 400, share: 0.5, time: '2025-02-10T02:00:00.000Z' },
  { tx: 'b'.repeat(64), from: 'TMule', to: 'TExchange', value: 500, taint: 250, share: 0.5, time: '2025-02-10T03:00:00.000Z' },
];
const base = { address: 'TExchange', reason: 'service' as const, amount: 250, asset: 'USDT-TRC20', time: '2025-02-10T03:00:00.000Z', hops: 2, path, explanation: ['(English)'] };
const exit: ExitView = { ...base, service: { label: 'Steppe Exchange', category: 'exchange', source: 'exchange reply', confidence: 0.5 }, steps: [] };
exit.steps = explanationSteps(exit, 'haircut');

describe('finance: path explanations in the report language', () => {
  test('structured steps: every hop, the exit, the model', () => {
    assert.deepEqual(exit.steps.map((s) => s.kind), ['hop', 'hop', 'exit', 'model']);
    const hop = exit.steps[1]!;
    assert.ok(hop.kind === 'hop' && hop.n === 2 && hop.tx === 'b'.repeat(64) && hop.taint === 250 && hop.asset === 'USDT-TRC20');
  });

  test('Kazakh, Russian and English wording with the figures', () => {
    const kk = explainExit(exit, 'haircut', 'kk');
    assert.equal(kk.length, 4);
    assert.equal(kk[0], `1-өту: TShop → TMule, ${'a'.repeat(64)} транзакциясында (2025-02-10T02:00:00.000Z) 800 USDT-TRC20; оның ішінде 400 USDT-TRC20 ізделіп отырған қаражат (50.00 %).`);
    assert.match(kk[2]!, /^Шығыс: 2 өтуден кейін 250 USDT-TRC20 TExchange мекенжайы арқылы Steppe Exchange сервисіне түсті \(биржа; дереккөз: exchange reply\)/);
    assert.match(kk[3]!, /^Модель — haircut \(үлес\)/);
    assert.ok(!kk.join(' ').match(/\b(Hop|Exit|Model|traced)\b/), 'no English left in the Kazakh text');
    const ru = explainExit(exit, 'haircut', 'ru');
    assert.match(ru[1]!, /^Переход 2: TMule → TExchange, 500 USDT-TRC20 в транзакции b{64}/);
    assert.match(ru[2]!, /поступили в Steppe Exchange \(биржа; источник: exchange reply\)/);
    assert.match(explainExit(exit, 'haircut', 'en')[0]!, /^Hop 1: TShop → TMule, 800 USDT-TRC20 in transaction a{64}/);
  });

  test('runs stored before steps existed, unattributed service codes and high-degree stops', () => {
    const old = { ...exit, steps: undefined } as unknown as ExitView;
    assert.deepEqual(explainExit(old, 'haircut', 'kk'), explainExit(exit, 'haircut', 'kk'));
    const coded: ExitView = { ...base, service: null, steps: explanationSteps({ ...base, service: null }, 'poison', 'mixer') };
    assert.match(explainExit(coded, 'poison', 'kk')[2]!, /«миксер» санатындағы сервиске түсті/);
    const hub: ExitView = { ...base, service: null, reason: 'high-degree', steps: explanationSteps({ ...base, service: null, reason: 'high-degree' }, 'fifo') };
    assert.match(explainExit(hub, 'fifo', 'kk')[2]!, /^Тоқтау: 250 USDT-TRC20 аударымы өте көп TExchange мекенжайына түсті/);
    assert.match(explainExit(hub, 'fifo', 'ru')[3]!, /FIFO: монеты уходят/);
  });
});
