import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from './detect/index.js';
import { expandExplain, packExplain } from './explain-store.js';

describe('stored explanations', () => {
  const text = 'Зaклaдки ❄️ и м3ф — Караганда. Пиши @krg_klad_bot, оплата 4065 4912 1035 0349';
  const { explain } = detect(text);

  it('round-trips the detector evidence exactly, the text cut from the item', () => {
    assert.ok(explain.some((e) => e.substance) && explain.some((e) => e.weight === undefined), 'the sample has optional fields set and unset');
    const stored = JSON.parse(JSON.stringify(packExplain(explain))) as unknown;
    assert.deepEqual(JSON.parse(JSON.stringify(expandExplain(stored, text))), JSON.parse(JSON.stringify(explain)));
    assert.ok(JSON.stringify(stored).length < JSON.stringify(explain).length * 0.6, 'the stored form is much smaller');
  });

  it('reads rows stored in the object form, and null', () => {
    const old = JSON.parse(JSON.stringify(explain)) as unknown;
    assert.deepEqual(expandExplain(old, text), old);
    assert.equal(expandExplain(null, text), null);
  });
});
