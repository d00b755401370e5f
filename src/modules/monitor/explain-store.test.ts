import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect, type Evidence } from './detect/index.js';
import { expandExplain, packExplain } from './explain-store.js';

describe('stored explanations', () => {
  const text = 'Зaклaдки ❄️ и м3ф — Караганда. Пиши @krg_klad_bot, оплата 4065 4912 1035 0349';
  const { explain } = detect(text);
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

  it('round-trips the detector evidence exactly, the text cut from the item', () => {
    assert.ok(explain.some((e) => e.substance) && explain.some((e) => e.weight === undefined), 'the sample has optional fields set and unset');
    assert.ok(new Set(explain.map((e) => e.kind)).size >= 3, 'the sample has several kinds of evidence');
    const stored = plain(packExplain(explain));
    assert.equal(typeof stored, 'string');
    assert.deepEqual(plain(expandExplain(stored, text)), plain(explain));
    assert.ok(JSON.stringify(stored).length < JSON.stringify(explain).length * 0.35, 'the stored form is much smaller');
  });

  it('keeps negative and fractional weights and an empty explanation', () => {
    const ev: Evidence[] = [{ kind: 'term', text: 'фен', category: 'legit', weight: -0.236, start: 0, end: 3 }, { kind: 'feature', text: 'фен', category: 'pair:slang+ind_wallet', weight: 1e-7, start: 0, end: 3 }];
    assert.deepEqual(expandExplain(plain(packExplain(ev)), 'фен для волос'), ev);
    assert.deepEqual(expandExplain(plain(packExplain([])), 'x'), []);
  });

  it('falls back to the array form when a category would break the string form', () => {
    const ev: Evidence[] = [{ kind: 'term', text: 'ab', category: 'a,b', substance: 'x;y', start: 0, end: 2 }];
    const stored = plain(packExplain(ev));
    assert.ok(Array.isArray(stored));
    assert.deepEqual(expandExplain(stored, 'ab'), ev);
  });

  it('reads rows stored in the array form, the object form, and null', () => {
    const arrays = explain.map((e) => [e.kind, e.start, e.end, e.category, e.weight ?? null, e.substance ?? null]);
    assert.deepEqual(plain(expandExplain(arrays, text)), plain(explain));
    const old = plain(explain);
    assert.deepEqual(expandExplain(old, text), old);
    assert.equal(expandExplain(null, text), null);
  });
});
