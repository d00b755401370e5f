import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../indicators/index.js';
import { sharedNormalizer } from '../normalize/index.js';
import { obfuscatedCopies, obfuscateText } from './augment.js';

const AD = 'Закладки мефедрона по всему городу, качество топ, пишите @alm_shop_24 или +7 701 845 3190, оплата на карту 4111 1111 1111 1111 и через сайт alm-shop24.top';

describe('obfuscated copies of hand-written rows', () => {
  it('changes some words, deterministically in the seed', () => {
    const a = obfuscateText(AD, 1);
    assert.notEqual(a, AD);
    assert.equal(obfuscateText(AD, 1), a);
    assert.notEqual(obfuscateText(AD, 2), a);
  });

  it('leaves every indicator as it was', () => {
    const want = extractIndicators(AD).map((i) => `${i.type}:${i.value}`);
    assert.equal(want.length, 4); // handle, phone, card, domain
    for (let seed = 0; seed < 50; seed++) {
      assert.deepEqual(extractIndicators(obfuscateText(AD, seed)).map((i) => `${i.type}:${i.value}`), want, obfuscateText(AD, seed));
    }
  });

  it('writes forms the normaliser reads back to the original words', () => {
    // Over many seeds most obfuscated words fold back: the copies teach the same words in new writings.
    const norm = sharedNormalizer();
    norm.run(AD);
    const plain = norm.text();
    let same = 0;
    for (let seed = 0; seed < 50; seed++) {
      norm.run(obfuscateText(AD, seed));
      if (norm.text().includes('мефедрон') && plain.includes('мефедрон')) same++;
    }
    assert.ok(same >= 30, `мефедрон read back in ${same} of 50 copies`);
  });

  it('keeps labels and makes `copies` copies per row', () => {
    const rows = [{ text: AD, label: 'drug_sale' }, { text: 'Продам фен Dyson, почти новый', label: 'benign' }];
    const out = obfuscatedCopies(rows, 3, 9);
    assert.equal(out.length, 6);
    assert.deepEqual(out.map((r) => r.label), ['drug_sale', 'benign', 'drug_sale', 'benign', 'drug_sale', 'benign']);
  });
});

describe('obfuscated copies keep the indicators of their row', () => {
  it('draws again, or keeps the row, when a copy would change them', () => {
    const rows = [{ text: 'пишите orda_krs_shop в телеге, скажите что от Макса', label: 'drug_sale' }];
    for (const r of obfuscatedCopies(rows, 20, 3)) {
      assert.deepEqual(extractIndicators(r.text).map((i) => i.value), ['orda_krs_shop'], r.text);
    }
  });
});
