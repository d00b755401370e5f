import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractIndicators } from '../indicators/index.js';
import { transliterate } from '../lexicon/translit.js';
import { latinCopies, latinCopy } from './translit.js';

const RU_AD = 'Ищем фасовщиков на дому, Павлодар. Весы выдаём, залог 30к. Пиши @pvl_rabota_24 или +7 701 845 3190';
const KK_AD = 'Курьер керек, күніне 70 мың, фото түсіріп координат жібересің. Байланыс: @kurer_shym_kz';
const keys = (t: string) => extractIndicators(t).map((i) => `${i.type}:${i.value}`);

describe('whole-text Latin copies of hand-written rows', () => {
  it('writes every Cyrillic letter in Latin and leaves digits, symbols and Latin as they are', () => {
    const scheme = { а: 'a', б: 'b', ш: 'sh' };
    assert.equal(transliterate('Шаба 24/7 @x_shop, ok', scheme), 'Shaba 24/7 @x_shop, ok');
    for (const seed of [1, 2, 3, 4, 5]) {
      const t = latinCopy(RU_AD, seed)!;
      assert.doesNotMatch(t, /[а-яёәғқңөұүһі]/i, t);
      assert.match(t, /Pavlodar/);
      assert.match(t, /30/);
    }
  });

  it('reads Russian in a Russian scheme and Kazakh in a Kazakh one, deterministically in the seed', () => {
    const ru = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => latinCopy(RU_AD, s)));
    assert.ok([...ru].every((t) => /I(shch|sch)em fasov(shch|sch)ikov/.test(t!)), [...ru].join('\n'));
    const kk = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => latinCopy(KK_AD, s)!);
    // the 2018 alphabet (acutes) or informal Latin (ng, zh), never the Russian "kh"/"'" forms
    assert.ok(kk.every((t) => /k[úu]nine/.test(t) && /m[yı](ń|ng)/.test(t)), kk.join('\n'));
    assert.equal(latinCopy(KK_AD, 3), latinCopy(KK_AD, 3));
    assert.equal(latinCopy('only Latin text, 24/7', 1), null);
  });

  it('keeps the labels and every indicator; a row whose indicators would change is repeated as it is', () => {
    const rows = [
      { label: 'courier_recruitment', text: RU_AD },
      { label: 'courier_recruitment', text: KK_AD },
      // a Cyrillic name before ".кз" is no domain, its Latin copy "klad-shop.kz" is: the row stays as it is
      { label: 'drug_sale', text: 'Закладки по городу, заказ на сайте клад-шоп.кз' },
      { label: 'benign', text: 'Sale on winter jackets, Almaty' },
    ];
    const out = latinCopies(rows, 2, 7);
    assert.equal(out.length, 8);
    out.forEach((r, i) => {
      const src = rows[i % rows.length]!;
      assert.equal(r.label, src.label);
      assert.deepEqual(keys(r.text), keys(src.text), r.text);
    });
    assert.notEqual(out[0]!.text, RU_AD);
    assert.notEqual(out[1]!.text, KK_AD);
    assert.equal(out[2]!.text, rows[2]!.text);
    assert.equal(out[3]!.text, rows[3]!.text);
  });
});
