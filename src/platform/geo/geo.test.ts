import { test } from 'node:test';
import assert from 'node:assert/strict';
import tiles from '../../../data/region-tiles.json' with { type: 'json' };
import { LEGACY_CODES, REGIONS, REGION_CODES, isRegionCode, regionByCode, regionName } from './regions.js';
import { CITIES, cityById, citiesIn, findPlaces, findRegions, regionsNamed } from './cities.js';

const KK_LETTERS = /[әғқңөұүһі]/i;

test('20 first-level units with unique current codes', () => {
  assert.equal(REGIONS.length, 20);
  assert.equal(new Set(REGIONS.map((r) => r.code)).size, 20);
  assert.deepEqual(REGIONS.map((r) => r.code).sort(), [...REGION_CODES].sort());
  assert.equal(REGIONS.filter((r) => r.kind === 'city').map((r) => r.code).join(), 'KZ-71,KZ-75,KZ-79');
  for (const r of REGIONS) assert.match(r.code, /^KZ-\d\d$/);
  assert.ok(isRegionCode('KZ-33'));
  for (const bad of ['KZ-AKM', 'KZ-12', 'kz-10', '', null, 35]) assert.equal(isRegionCode(bad), false);
  assert.throws(() => regionByCode('KZ-00' as never));
});

test('legacy letter codes map to the numeric ones; 2022 regions have none', () => {
  assert.equal(LEGACY_CODES.get('KZ-AKM'), 'KZ-11');
  assert.equal(LEGACY_CODES.get('KZ-ALA'), 'KZ-75');
  assert.equal(LEGACY_CODES.get('KZ-ALM'), 'KZ-19');
  assert.equal(LEGACY_CODES.get('KZ-YUZ'), 'KZ-61');
  assert.equal(LEGACY_CODES.size, 17);
  for (const code of ['KZ-10', 'KZ-33', 'KZ-62'] as const) {
    assert.deepEqual(regionByCode(code).legacyCodes, []);
    assert.equal(regionByCode(code).established, 2022);
  }
});

test('names in three languages, Kazakh with Kazakh letters', () => {
  for (const r of REGIONS) {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      assert.ok(r.name[lang].trim() && r.short[lang].trim(), `${r.code} ${lang}`);
    }
    assert.match(r.name.kk, r.kind === 'region' ? / облысы$/ : / қаласы$/);
    assert.match(r.name.en, /^[A-Za-z .-]+$/);
    assert.match(r.name.ru, /[а-я]/);
  }
  assert.equal(regionName('KZ-11', 'kk'), 'Ақмола облысы');
  assert.equal(regionName('KZ-75', 'kk'), 'Алматы қаласы');
  assert.equal(regionName('KZ-19', 'ru'), 'Алматинская область');
  assert.equal(regionName('KZ-63', 'ru', { short: true }), 'ВКО');
  for (const code of ['KZ-11', 'KZ-15', 'KZ-27', 'KZ-33', 'KZ-35', 'KZ-39', 'KZ-43', 'KZ-47', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63'] as const) {
    assert.match(regionName(code, 'kk'), KK_LETTERS, code);
  }
  const kk = (id: string): string | undefined => cityById(id)?.name.kk;
  assert.equal(kk('karaganda'), 'Қарағанды');
  assert.equal(kk('oskemen'), 'Өскемен');
  assert.equal(kk('aktobe'), 'Ақтөбе');
  assert.equal(kk('satpayev'), 'Сәтбаев');
  assert.equal(kk('konaev'), 'Қонаев');
});

test('cities: unique ids, known regions, every unit has its centre', () => {
  assert.equal(new Set(CITIES.map((c) => c.id)).size, CITIES.length);
  for (const c of CITIES) {
    assert.ok(isRegionCode(c.region), c.id);
    for (const lang of ['kk', 'ru', 'en'] as const) assert.ok(c.name[lang].trim(), `${c.id} ${lang}`);
    const written = new Set([c.name.kk, c.name.ru, c.name.en, ...c.aliases]);
    for (const s of c.capitalOnly ?? []) assert.ok(written.has(s), `${c.id}: capitalOnly "${s}" is not one of its names`);
  }
  for (const r of REGIONS) {
    const centre = cityById(r.centre);
    assert.ok(centre, `${r.code} centre ${r.centre}`);
    assert.equal(centre.region, r.code, `${r.code} centre lies in the unit`);
    assert.equal(citiesIn(r.code)[0].id, r.centre);
    if (r.kind === 'region') assert.ok(citiesIn(r.code).length >= 2, `${r.code} has towns besides its centre`);
  }
  assert.equal(cityById('balkhash')?.region, 'KZ-35');
  assert.equal(cityById('zhezkazgan')?.region, 'KZ-62');
  assert.equal(cityById('semey')?.region, 'KZ-10');
  assert.equal(cityById('taldykorgan')?.region, 'KZ-33');
  assert.equal(regionByCode('KZ-19').centre, 'konaev');
});

test('tile map: every unit once, inside the grid, no overlaps, cities next to their region', () => {
  const seen = new Set<string>();
  const cells = new Set<string>();
  const pos = new Map(tiles.tiles.map((t) => [t.code, t]));
  for (const t of tiles.tiles) {
    assert.ok(isRegionCode(t.code), t.code);
    assert.ok(!seen.has(t.code), `${t.code} twice`);
    seen.add(t.code);
    assert.ok(t.col >= 0 && t.col < tiles.cols && t.row >= 0 && t.row < tiles.rows, t.code);
    assert.ok(!cells.has(`${t.col},${t.row}`), `${t.code} overlaps`);
    cells.add(`${t.col},${t.row}`);
    assert.equal(Boolean(t.city), regionByCode(t.code).kind === 'city', t.code);
    if (t.within) {
      const parent = pos.get(t.within);
      assert.ok(parent, t.code);
      assert.ok(Math.max(Math.abs(parent.col - t.col), Math.abs(parent.row - t.row)) === 1, `${t.code} touches ${t.within}`);
    }
  }
  assert.equal(seen.size, 20);
  const col = (c: string): number => pos.get(c)!.col;
  const row = (c: string): number => pos.get(c)!.row;
  assert.ok(col('KZ-27') < col('KZ-63'), 'west is left of east');
  assert.ok(row('KZ-59') < row('KZ-61'), 'north is above south');
});

/** "text→cityId" pairs found, for compact assertions. */
const places = (text: string): string[] => findPlaces(text).map((m) => `${text.slice(m.start, m.end)}→${m.cityId}`);

test('findPlaces: Russian case forms', () => {
  assert.deepEqual(places('Задержан в Караганде, прибыл из Алматы, проживал по Астане, торговал в Шымкенте'),
    ['Караганде→karaganda', 'Алматы→almaty', 'Астане→astana', 'Шымкенте→shymkent']);
  assert.deepEqual(places('Актобе, Павлодаре, Костанае, Усть-Каменогорске, Петропавловска, Таразом, Кызылорды, в Рудном'),
    ['Актобе→aktobe', 'Павлодаре→pavlodar', 'Костанае→kostanay', 'Усть-Каменогорске→oskemen',
      'Петропавловска→petropavl', 'Таразом→taraz', 'Кызылорды→kyzylorda', 'Рудном→rudny']);
  assert.deepEqual(places('в Алма-Ате, в Алмате, в Нур-Султане, в Семипалатинске, в Капчагае, в Уральске'),
    ['Алма-Ате→almaty', 'Алмате→almaty', 'Нур-Султане→astana', 'Семипалатинске→semey', 'Капчагае→konaev', 'Уральске→oral']);
  assert.deepEqual(places('КАРАГАНДА и караганда'), ['КАРАГАНДА→karaganda', 'караганда→karaganda']);
  const m = findPlaces('Курьер из Шымкента.')[0];
  assert.deepEqual(m, { cityId: 'shymkent', region: 'KZ-79', start: 10, end: 18 });
});

test('findPlaces: Kazakh case suffixes, also typed without Kazakh letters', () => {
  assert.deepEqual(places('Алматыда, Қарағандыда, Астанаға, Шымкенттен, Ақтөбеде, Павлодарда, Өскеменнің, Семейге'),
    ['Алматыда→almaty', 'Қарағандыда→karaganda', 'Астанаға→astana', 'Шымкенттен→shymkent',
      'Ақтөбеде→aktobe', 'Павлодарда→pavlodar', 'Өскеменнің→oskemen', 'Семейге→semey']);
  assert.deepEqual(places('Алматыга барды, Карагандыдан келди, алматылықтар, Таразда, Түркістандағы'),
    ['Алматыга→almaty', 'Карагандыдан→karaganda', 'алматылықтар→almaty', 'Таразда→taraz', 'Түркістандағы→turkistan']);
});

test('findPlaces: English and Latin spellings', () => {
  assert.deepEqual(places('Arrests in Almaty, Nur-Sultan and Ust-Kamenogorsk; Oskemen; Karagandy; Aqtobe; Qonaev'),
    ['Almaty→almaty', 'Nur-Sultan→astana', 'Ust-Kamenogorsk→oskemen', 'Oskemen→oskemen', 'Karagandy→karaganda',
      'Aqtobe→aktobe', 'Qonaev→konaev']);
  assert.deepEqual(places('Almatyda, Shymkentten'), ['Almatyda→almaty', 'Shymkentten→shymkent']);
});

test('findPlaces: routes, slang and mixed scripts', () => {
  assert.deepEqual(places('трасса Шымкент-Алматы-Астана'), ['Шымкент→shymkent', 'Алматы→almaty', 'Астана→astana']);
  assert.deepEqual(places('в Шыме, в Крг, Караге, Актюбинске, Устьке'),
    ['Шыме→shymkent', 'Крг→karaganda', 'Караге→karaganda', 'Актюбинске→aktobe', 'Устьке→oskemen']);
  assert.deepEqual(places('Aлматы'), ['Aлматы→almaty'], 'Latin A inside a Cyrillic word');
});

test('findPlaces: no match inside or as unrelated words', () => {
  for (const text of [
    'многодетных семей стало больше', 'семейный бизнес', 'он орал на всех', 'есік ашық', 'шу шығарды',
    'кішкентай арал', 'ақтау үкімі шықты', 'шалқар көл', 'по мерке', 'рудный двор', 'oral exam',
    'Шушенское', 'Уральские горы', 'Тарасов', 'Астанавливать', 'Караганданец', 'алматинский суд',
    'Нурсултан Назарбаев', 'ст. 296 УК РК', 'ул. Сатпаева, 5', 'пр. Абая', 'Сәтбаев көшесі', 'им. Курчатова',
    'озеро Балхаш', 'Балқаш көлі', 'Aral Sea', 'Арал теңізі', 'река Шу', 'Петропавловск-Камчатский', 'Иссык-Куль',
  ]) assert.deepEqual(places(text), [], text);
});

test('findPlaces vs findRegions: "Алматы облысы" is the region, not the city', () => {
  assert.deepEqual(places('Алматы облысында және Алматинской области'), []);
  const regions = (t: string): string[] => findRegions(t).map((m) => `${t.slice(m.start, m.end)}→${m.region}`);
  assert.deepEqual(regions('Алматы облысында және Алматинской области, Almaty Region'),
    ['Алматы облысында→KZ-19', 'Алматинской области→KZ-19', 'Almaty Region→KZ-19']);
  assert.deepEqual(regions('в Карагандинской обл., в ВКО, Абай облысының, в области Абай, Жетысуская область, Ulytau oblast'),
    ['Карагандинской обл→KZ-35', 'ВКО→KZ-63', 'Абай облысының→KZ-10', 'области Абай→KZ-10', 'Жетысуская область→KZ-33', 'Ulytau oblast→KZ-62']);
  assert.deepEqual(regions('Западно-Казахстанской области и Шығыс Қазақстан облысы'), ['Западно-Казахстанской области→KZ-27', 'Шығыс Қазақстан облысы→KZ-63']);
  assert.deepEqual(regions('вко око за око'), [], 'abbreviations only in capitals');
  assert.deepEqual(places('г. Алматы, Алматы қаласы'), ['Алматы→almaty', 'Алматы→almaty']);
});

test('findPlaces handles empty and long inputs', () => {
  assert.deepEqual(findPlaces(''), []);
  const long = 'Закладки находили в Караганде и Темиртау. '.repeat(5000);
  assert.equal(findPlaces(long).length, 10000);
});

test('regionsNamed: regions of cities and of region phrases, sorted and unique, in one scan', () => {
  assert.deepEqual(regionsNamed('Курьер из Шымкента едет в Алматы облысы, потом в Шымкент и ВКО'), ['KZ-19', 'KZ-63', 'KZ-79']);
  // Words spelt in mixed scripts, with Kazakh letters, upper case, or inside longer names.
  assert.deepEqual(regionsNamed('Aлматы, ҚАРАҒАНДЫДА, Усть-Каменогорске'), ['KZ-35', 'KZ-63', 'KZ-75']);
  assert.deepEqual(regionsNamed('многодетных семей стало больше, 💎 клад на ул. Сатпаева'), []);
  assert.deepEqual(regionsNamed(''), []);
  // Every region regionsNamed gives is one findPlaces or findRegions gives, and the other way round.
  const text = 'Закладки в Караганде, Темиртау и Абай облысының, Almaty Region, Нур-Султане';
  assert.deepEqual(regionsNamed(text), [...new Set([...findPlaces(text), ...findRegions(text)].map((m) => m.region))].sort());
});
