import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Label, detect, detectBatch } from './index.js';

const expectLabel = (text: string, label: Label) => {
  const r = detect(text);
  assert.equal(r.label, label, `${text} -> ${r.label} ${JSON.stringify(r.scores)}`);
  return r;
};

describe('detect: labels', () => {
  it('flags clear drug sales', () => {
    expectLabel('Меф, альфа, шишки — Алматы, клады по всем районам. Оператор @alm_klad_op_bot', 'drug_sale');
    expectLabel('Қарағандыда сапалы кокс ❄️ бар, тек закладка арқылы. Бот @krg_koks_bot', 'drug_sale');
    expectLabel('Weed and molly in Astana, dead drops, crypto only. DM @ast_plug_777', 'drug_sale');
  });

  it('flags courier recruitment', () => {
    expectLabel('Требуются курьеры-закладчики, 5 000 ₸ за клад, залог 30 000, оплата в USDT. Шымкент @shym_rabota_kl', 'courier_recruitment');
    expectLabel('Кладмен керек, Тараз. Күніне 40 мың, тәжірибе қажет емес. @trz_kladmen', 'courier_recruitment');
  });

  it('flags propaganda', () => {
    expectLabel('Шишки безвредны, зависимости нет, курите на здоровье 🌿', 'drug_propaganda');
    expectLabel('Molly at the rave is pure love, everyone should try it once 💊', 'drug_propaganda');
  });

  it('keeps hard negatives benign', () => {
    expectLabel('Соль поваренная йодированная, 25 кг мешок, опт. Караганда.', 'benign');
    expectLabel('Продам фен для волос, почти новый, 12 000 ₸.', 'benign');
    expectLabel('Полиция Алматы задержала закладчика, изъято 2 кг мефедрона.', 'benign');
    expectLabel('Курьер в службу доставки еды, официальное трудоустройство, трудовой договор, Астана.', 'benign');
    expectLabel('Кедровые шишки, урожай этого года, 1 кг — 4 000 ₸.', 'benign');
    expectLabel('Анонимная консультация нарколога, лечение зависимости, звоните 8 777 123 45 67', 'benign');
  });

  it('does not call an ordinary ad with a price, a card and a contact a drug sale', () => {
    // Ordinary shop posts share the shape of a drug shop's (a bot, 24/7, card payment); the model
    // alone must tell them apart (there is no rule on top of it since 2026-12-07).
    const shoes = 'В наличии: кроссовки Nike, все размеры, 25к. Оплата на карту, доставка по Алматы 24/7. Пиши в бот @sneakers_alm_bot';
    assert.ok(expectLabel(shoes, 'benign').scores.drug_sale < 0.5);
    expectLabel(shoes.replace('кроссовки Nike', 'меф, шишки'), 'drug_sale');
    expectLabel('Продаю айфон 13, Шымкент, 210 000 тг. Kaspi перевод 4065 4912 1035 0349. Тг: iphone_shym_sale', 'benign');
    expectLabel('Торт на заказ, Павлодар. 1 кг — 8 000 тг. Предоплата 50% на карту, пишите в WhatsApp 87011234567', 'benign');
  });

  it('reads a sale in slang the lexicon does not know from its context', () => {
    // "плитка" (a hashish slab) is no lexicon term: no drug word matches, the rest of the post sells it
    const slang = 'Есть чё по району? Плитка 1г 13к, ровная, пиши оператору @ast_plitka_op';
    const r = expectLabel(slang, 'drug_sale');
    assert.ok(!r.explain.some((e) => e.kind === 'term' && e.text.toLowerCase().startsWith('плитк')), 'плитка is not a lexicon term');
    // and a dead-drop shop's wording without any drug named is a sale
    expectLabel('Цены обновлены: М — 18, К — 45. Караганда, Майкудук и Юго-Восток. Точку с фото получаешь после оплаты, оператор в описании.', 'drug_sale');
  });

  it('reads words split into syllables or letters separated by emoji (benign until 2026-12-07)', () => {
    const sale = expectLabel('Ме-фе-дрон, га-шиш, ша-ри-ки. Клад по го-ро-ду, опла-та на карту', 'drug_sale');
    const term = sale.explain.find((e) => e.kind === 'term' && e.start === 0);
    assert.equal(term?.text, 'Ме-фе-дрон', JSON.stringify(sale.explain));
    expectLabel('Ра-бо-та кур-ье-ром: за-клад-ки по го-ро-ду, 5000 за точку, за-лог от 20к', 'courier_recruitment');
    expectLabel('Жұ-мыс бар: клад-мен ке-рек, кү-ні-не 40 мың', 'courier_recruitment');
    expectLabel('к🙂о🙂к🙂с и м🙂е🙂ф в наличии, пиши в лс', 'drug_sale');
    // the same writing in ordinary posts stays benign (before, the second was read as propaganda)
    expectLabel('Ищу ра-бо-ту во-ди-те-лем, стаж 5 лет', 'benign');
    expectLabel('П🌸Р🌸И🌸В🌸Е🌸Т всем, сегодня у нас д🎈е🎈н🎈ь р🎈о🎈ж🎈д🎈е🎈н🎈и🎈я!', 'benign');
  });

  it('returns calibrated scores summing to 1 and the indicator list', () => {
    const r = detect('Оплата на карту 4065 4912 1035 0349, пиши @krg_speed_oper — фен, меф');
    const sum = Object.values(r.scores).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-3, String(sum));
    assert.deepEqual(r.indicators.map((i) => [i.type, i.value]).sort(), [['card', '4065491210350349'], ['telegram', 'krg_speed_oper']]);
  });

  it('detectBatch equals detect per item', () => {
    const texts = ['Меф в наличии @a_shop_bot', 'Погода в Алматы солнечная', ''];
    assert.deepEqual(detectBatch(texts), texts.map((t) => detect(t)));
  });
});

describe('detect: explanations', () => {
  it('evidence spans point at the original substrings', () => {
    const text = 'Зaклaдки ❄️ и м3ф — Караганда. Пиши @krg_klad_bot, оплата 4065 4912 1035 0349';
    const r = detect(text);
    assert.ok(r.explain.length > 0);
    for (const e of r.explain) {
      assert.equal(text.slice(e.start, e.end), e.text, JSON.stringify(e));
      assert.ok(e.end > e.start);
    }
    const find = (kind: string, t: string) => r.explain.find((e) => e.kind === kind && e.text === t);
    assert.ok(find('term', 'Зaклaдки'), 'obfuscated term with Latin a');
    assert.equal(find('term', 'м3ф')?.substance, 'mephedrone');
    assert.equal(find('emoji', '❄️')?.substance, 'cocaine');
    assert.equal(find('indicator', '@krg_klad_bot')?.category, 'telegram');
    assert.ok(find('indicator', '4065 4912 1035 0349'));
    assert.ok(r.explain.some((e) => e.kind === 'feature' && typeof e.weight === 'number'));
  });

  it('does not count ordinary-context words inside a handle, domain or URL', () => {
    const text = 'ГАШ БОШКИ ТГ krg_zelen77 Bot @sunny_garden_helper_bot';
    const r = expectLabel(text, 'drug_sale');
    const handle = text.indexOf('@sunny');
    const inHandle = r.explain.filter((e) => e.kind === 'term' && e.start >= handle).map((e) => `${e.text}:${e.category}`);
    assert.deepEqual(inHandle, ['bot:shop'], 'garden and helper are left out; the shop word stays');
    // the same words in the post itself are what it says
    const garden = detect('Семена и рассада для сада, garden center, Алматы');
    assert.ok(garden.explain.some((e) => e.kind === 'term' && e.category === 'garden'), JSON.stringify(garden.explain));
    // and drug words inside a name keep counting
    const shop = detect('Пиши @zakladki_alm_bot');
    assert.ok(shop.explain.some((e) => e.kind === 'feature' && e.category.includes('handle_drug')), JSON.stringify(shop.explain));
  });

  it('never throws on odd input', () => {
    for (const t of ['', '\uD800', '\u0000'.repeat(10), '🇰🇿🇰🇿', 'x'.repeat(20000)]) {
      const r = detect(t);
      assert.ok(['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign'].includes(r.label));
    }
  });
});
