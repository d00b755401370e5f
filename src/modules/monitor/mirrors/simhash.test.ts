import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, DEFAULT_MAX_DISTANCE, fromHex, hamming, simhash, toHex } from './simhash.js';

const AD = 'Магазин «Снежок» работает круглосуточно. Мефедрон, шишки, гашиш высшего качества. Закладки по всему городу Алматы, ' +
  'районы Алмалинский, Бостандыкский, Медеуский. Оплата картой или криптовалютой, скидки постоянным клиентам, ' +
  'работа курьером с ежедневной оплатой. Пишите оператору в телеграм, отвечаем быстро, гарантия на каждый клад.';
const NEWS = 'В Караганде завершился областной турнир по мини-футболу среди школьных команд. Победителями стали ученики ' +
  'гимназии номер один, второе место заняла сборная лицея, третье — команда из Темиртау. Награды вручил аким города, ' +
  'а лучшим игроком признан нападающий, забивший семь мячей за турнир.';

describe('SimHash', () => {
  test('identical texts: distance 0; case, Latin look-alikes and spacing do not matter', () => {
    assert.equal(hamming(simhash(AD), simhash(AD)), 0);
    const disguised = AD.toUpperCase().replace(/а/g, 'a').replace(/о/g, 'o').replace(/ /g, '  ');
    assert.equal(hamming(simhash(AD), simhash(disguised)), 0);
  });

  test('a small edit gives a small distance, within the default k', () => {
    const edited = AD.replace('Алматы', 'Астаны').replace('быстро', 'моментально');
    const d = hamming(simhash(AD), simhash(edited));
    assert.ok(d > 0 && d <= DEFAULT_MAX_DISTANCE + 4, `distance ${d}`);
    const newContact = AD + ' Новый контакт.';
    assert.ok(hamming(simhash(AD), simhash(newContact)) <= DEFAULT_MAX_DISTANCE, 'an appended line stays a near-duplicate');
  });

  test('unrelated texts are far apart', () => {
    const d = hamming(simhash(AD), simhash(NEWS));
    assert.ok(d >= 16, `distance ${d}`);
  });

  test('hex round trip and four 16-bit bands', () => {
    const f = simhash(AD);
    const hex = toHex(f);
    assert.match(hex, /^[0-9a-f]{16}$/);
    assert.deepEqual(fromHex(hex), { hi: f.hi, lo: f.lo });
    const b = bands(f);
    assert.equal(b.map((x) => x.toString(16).padStart(4, '0')).join(''), hex);
    assert.throws(() => fromHex('xyz'));
  });

  test('pigeonhole: any two fingerprints within distance 3 share a band', () => {
    const base = fromHex('0123456789abcdef');
    for (let i = 0; i < 500; i++) {
      let { hi, lo } = base;
      const bits = new Set<number>();
      while (bits.size < 3) bits.add((i * 37 + bits.size * 11 + (i >> 2)) % 64);
      for (const bit of bits) { if (bit < 32) lo ^= 1 << bit; else hi ^= 1 << (bit - 32); }
      const other = { hi: hi >>> 0, lo: lo >>> 0 };
      assert.equal(hamming(base, other), 3);
      const a = bands(base); const c = bands(other);
      assert.ok(a.some((x, k) => x === c[k]));
    }
  });
});
