import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../indicators/index.js';
import { decoratedCopies, decorateText } from './decorate.js';

describe('train: emoji-decorated copies', () => {
  const rows = [
    { label: 'drug_sale', text: 'Меф 1г 15к, пиши @alm_mef_shop или 8 701 123 45 67' },
    { label: 'benign', text: 'Продам велосипед, Алматы, 40 000 тг. Kaspi 4400 4301 2345 6781' },
  ];

  it('adds one to four emoji at the ends, keeps the text, the label and every indicator', () => {
    const copies = decoratedCopies(rows, 3, 42);
    assert.equal(copies.length, 6);
    copies.forEach((c, i) => {
      const row = rows[i % 2];
      assert.equal(c.label, row.label);
      assert.ok(c.text.includes(row.text) && c.text !== row.text, c.text);
      assert.deepEqual(extractIndicators(c.text).map((x) => x.value), extractIndicators(row.text).map((x) => x.value));
    });
  });

  it('is deterministic in its seed and uses no drug-code emoji', () => {
    assert.equal(decorateText('текст', 7), decorateText('текст', 7));
    const many = Array.from({ length: 300 }, (_, k) => decorateText('x', k)).join('');
    for (const code of ['❄', '🌿', '💊', '🍁', '💎', '🧂', '🔌', '🍄', '🍫', '🚀', '⚡']) assert.ok(!many.includes(code), code);
  });
});
