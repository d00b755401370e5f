import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NormalizedText, normalize, readable, toOriginal } from './index.js';

/** Original substring behind the normalised occurrence of `needle`. */
function origOf(n: NormalizedText, src: string, needle: string): string {
  const i = n.text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not in ${JSON.stringify(n.text)}`);
  const [s, e] = toOriginal(n, i, i + needle.length);
  return src.slice(s, e);
}

/** Every normalised char maps to a valid, ordered original span. */
function checkMapSane(n: NormalizedText, src: string): void {
  assert.equal(n.map.length, n.text.length);
  assert.equal(n.mapEnd.length, n.text.length);
  for (let i = 0; i < n.text.length; i++) {
    assert.ok(n.map[i] >= 0 && n.map[i] <= n.mapEnd[i] && n.mapEnd[i] <= src.length, `bad span at ${i}`);
  }
}

const words = (n: NormalizedText) => n.text.trim().split(' ');

describe('normalize', () => {
  it('applies NFKC (full-width, mathematical letters) and keeps offsets', () => {
    const src = 'купи ＭＥＦ и 𝐦𝐞𝐟';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['купи', 'mef', 'и', 'mef']);
    const i = n.text.lastIndexOf('mef');
    const [s, e] = toOriginal(n, i, i + 3);
    assert.equal(src.slice(s, e), '𝐦𝐞𝐟'); // astral chars: 2 UTF-16 units each
  });

  it('folds case', () => {
    const src = 'МЕФЕДРОН Alpha';
    const n = normalize(src);
    assert.deepEqual(words(n), ['мефедрон', 'alpha']);
    assert.equal(origOf(n, src, 'мефедрон'), 'МЕФЕДРОН');
  });

  it('removes zero-width and invisible characters without splitting the word', () => {
    const src = 'ме\u200Bф за\u00ADклад\u2060ка с\uFEFFоль';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['меф', 'закладка', 'соль']);
    assert.equal(origOf(n, src, 'меф'), 'ме\u200Bф');
  });

  it('folds Latin look-alikes into Cyrillic inside Cyrillic words (and vice versa)', () => {
    const src = 'Рaботаем: мeфедрон, aльфа; HAPKOTИKИ; mеph';
    const n = normalize(src);
    assert.deepEqual(words(n), ['работаем', 'мефедрон', 'альфа', 'наркотики', 'meph']);
    assert.equal(origOf(n, src, 'мефедрон'), 'мeфедрон');
    assert.equal(origOf(n, src, 'meph'), 'mеph');
  });

  it('reads Greek letters written for Cyrillic ones by their Cyrillic twin', () => {
    // confusables alone read Φ as p, Λ as a, Π as и, σ as o: "mep kplota"
    const src = 'ΜΕΦ ΚΡΙϹΤΑΛΛ, μεφ κρισταλλ, ΜΕΦΕΔΡΟΝ, ΑΛΦΑ ΠΒΠ';
    const n = normalize(src);
    assert.deepEqual(words(n), ['меф', 'кристал', 'меф', 'кристал', 'мефедрон', 'алфа', 'пвп']);
    assert.equal(origOf(n, src, 'мефедрон'), 'ΜΕΦΕΔΡΟΝ');
  });

  it('reads Latin letters written for Cyrillic ones by sound when a lexicon term results', () => {
    const src = 'мdма, аmфетамин, закlаdки, шиshки, tайnик, Kисloта, krистalл, Сeмейдe geрыch';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['мдма', 'амфетамин', 'закладки', 'шишки', 'тайник', 'кислота', 'кристал', 'семейде', 'герыч']);
    // a pair read as one letter keeps both original chars in its span
    assert.equal(origOf(n, src, 'шишки'), 'шиshки');
    assert.equal(origOf(n, src, 'тайник'), 'tайnик');
    // the look-alike reading wins when it is a term itself (u for и, c for с): a stem term would
    // accept other readings too ("шишку", "требуютця")
    assert.deepEqual(words(normalize('шишкu, маркu, Tрeбуютcя')), ['шишки', 'марки', 'требуются']);
    // mixed words that no reading makes a term keep the look-alike rules; Latin words stay Latin
    assert.deepEqual(words(normalize('Typkectahckaя mеph Хочу')), ['typkectahckaя', 'meph', 'хочу']);
  });

  it('reads digits and symbols used as letters', () => {
    const src = 'м3ф и к0кс, г@ш, 3акладка, мдм4; но 3шт, 300к и 1г остаются числами';
    const n = normalize(src);
    const w = words(n);
    for (const x of ['меф', 'кокс', 'гаш', 'закладка', 'мдма', '0шт', '0к', '0г']) assert.ok(w.includes(x), `${x} in ${w.join(' ')}`);
    assert.equal(origOf(n, src, 'кокс'), 'к0кс');
    assert.equal(origOf(n, src, 'мдма'), 'мдм4');
  });

  it('reads letters masked by asterisks when a lexicon term completes the word', () => {
    const src = 'К*КС и м*ф, З*КЛАДКИ, гаш*ш, c*caine, w**d';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['кокс', 'и', 'меф', 'закладки', 'гашиш', 'cocaine', 'wed']);
    // offsets still point at the masked writing
    assert.equal(origOf(n, src, 'закладки'), 'З*КЛАДКИ');
    assert.equal(origOf(n, src, 'cocaine'), 'c*caine');
    // masked profanity, USSD codes and sums are not words of the lexicon: split as before
    assert.deepEqual(words(normalize('бл*ть, b*tch, п*здец *110*30# 2*3')), ['бл', 'ть', 'b', 'tch', 'п', 'здец', '0', '0', '#', '0', '0']);
    // letters split by asterisks are re-joined, not filled in
    assert.deepEqual(words(normalize('м*е*ф')), ['меф']);
  });

  it('re-joins letters split by spaces, dots or dashes', () => {
    const src = 'ш и ш к и   б о ш к и / С.О.Л.Ь / м-е-ф';
    const n = normalize(src);
    assert.deepEqual(words(n), ['шишки', 'бошки', 'соль', 'меф']);
    assert.equal(origOf(n, src, 'шишки'), 'ш и ш к и');
    assert.equal(origOf(n, src, 'соль'), 'С.О.Л.Ь');
    // ordinary single-letter words are left alone
    assert.deepEqual(words(normalize('в Алматы и в Астане')), ['в', 'алматы', 'и', 'в', 'астане']);
    // a one-letter word before a split word keeps to itself, and the split word keeps its first letter
    const pre = 'купи в с.о.л.ь и м-е-ф';
    const np = normalize(pre);
    assert.deepEqual(words(np), ['купи', 'в', 'соль', 'и', 'меф']);
    assert.equal(origOf(np, pre, 'соль'), 'с.о.л.ь');
    assert.equal(origOf(np, pre, 'меф'), 'м-е-ф');
  });

  it('re-joins letters split by slashes or pipes, and leaves fractions and abbreviations alone', () => {
    const src = 'м/е/ф и к\\о\\к\\с, ш|и|ш|к|и';
    const n = normalize(src);
    assert.deepEqual(words(n), ['меф', 'и', 'кокс', 'шишки']);
    assert.equal(origOf(n, src, 'меф'), 'м/е/ф');
    assert.equal(origOf(n, src, 'кокс'), 'к\\о\\к\\с');
    assert.deepEqual(words(normalize('24/7, 1/2/5 г, ж/д вокзал')), ['0', '0', '0', '0', '0', 'г', 'ж', 'д', 'вокзал']);
  });

  it('glues syllables written apart when the lexicon knows the word, and leaves hyphenated words alone', () => {
    const src = 'ме-фе-дрон, за.клад.ки и ка-на-бис';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['мефедрон', 'закладки', 'и', 'канабис']);
    assert.equal(origOf(n, src, 'мефедрон'), 'ме-фе-дрон');
    assert.equal(origOf(n, src, 'закладки'), 'за.клад.ки');
    // ordinary hyphenated words: the glued form is no lexicon word, or the first part is a word itself
    assert.deepEqual(words(normalize('кто-то по-русски, курьер-закладчик')), ['кто', 'то', 'по', 'руски', 'курьер', 'закладчик']);
    // Kazakh typed in Latin letter by letter, with two-letter sounds: not single chars, still one word
    assert.deepEqual(words(normalize('sh-ı-sh-k-ı 🌿')).slice(0, 1), ['shishki']);
    // numbers with a decimal point are no syllables
    assert.deepEqual(words(normalize('0.5г')), ['0', '0г']);
  });

  it('glues three or more syllables written apart by spaces when a term reaches into the last one', () => {
    const src = 'ме фе дрон 2г, за клад ки по городу, ам фе та мин';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['мефедрон', '0г', 'закладки', 'по', 'городу', 'амфетамин']);
    assert.equal(origOf(n, src, 'мефедрон'), 'ме фе дрон');
    assert.equal(origOf(n, src, 'закладки'), 'за клад ки');
    // the term must reach into the last word and leave at most three letters: not "закладкипогороду"
    assert.deepEqual(words(normalize('ма ри ху ана топ')), ['марихуана', 'топ']);
    // two short words are ordinary writing, and three that spell no term stay apart
    assert.deepEqual(words(normalize('пошли за кладом')), ['пошли', 'за', 'кладом']);
    assert.deepEqual(words(normalize('не за что, как же так')), ['не', 'за', 'что', 'как', 'же', 'так']);
    // after syllables glued at hyphens earlier in the text, and after single letters written apart
    assert.deepEqual(words(normalize('ме-фе-дрон и за клад ки')), ['мефедрон', 'и', 'закладки']);
    assert.deepEqual(words(normalize('с о л ь, ме фе дрон')), ['соль', 'мефедрон']);
    assert.deepEqual(words(normalize('ме-фе-дрон, ме фе дрон')), ['мефедрон', 'мефедрон']);
    assert.deepEqual(words(normalize('ам-фа, яме фе дрон')), ['амфа', 'яме', 'фе', 'дрон']);
    // two chains in one run, and a run after many others in a long text
    assert.deepEqual(words(normalize('ме фе дрон ам фе та мин')), ['мефедрон', 'амфетамин']);
    const long = 'он был там вчера. '.repeat(12) + 'ме фе дрон';
    assert.deepEqual(words(normalize(long)).slice(-1), ['мефедрон']);
    // ordinary phrases that would spell a term glued: not from a pronoun, particle or «до», nor ending with one
    assert.deepEqual(words(normalize('ВАЗ 2107, не на ходу')).slice(-3), ['не', 'на', 'ходу']);
    assert.deepEqual(words(normalize('до на ты')), ['до', 'на', 'ты']);
    assert.deepEqual(words(normalize('за клад не штрафуем')), ['за', 'клад', 'не', 'штрафуем']);
    // only one plain space between the syllables: a comma or a line break ends the chain
    assert.deepEqual(words(normalize('ме, фе, дрон')), ['ме', 'фе', 'дрон']);
    assert.deepEqual(words(normalize('ме\nфе\nдрон')), ['ме', 'фе', 'дрон']);
  });

  it('reads letters separated by emoji as one word and keeps each concept once after it', () => {
    const src = 'ш🌿и🌿ш🌿к🌿и и п✨р✨и✨в✨е✨т';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.equal(readable(n.text).trim(), 'шишки ⟨herb⟩ и привет ⟨star⟩');
    assert.equal(origOf(n, src, 'шишки'), 'ш🌿и🌿ш🌿к🌿и');
    // an emoji next to a one-letter word, or apart from the letters, keeps its place
    assert.equal(readable(normalize('в🔥огне я ❤️ тебя').text).trim(), 'в ⟨fire⟩ огне я ⟨heart⟩ тебя');
    assert.equal(readable(normalize('м🙂е и').text).trim(), 'м ⟨smiley⟩ е и');
  });

  it('collapses stretched letters', () => {
    const src = 'шиииишки мефффф';
    const n = normalize(src);
    assert.deepEqual(words(n), ['шишки', 'меф']);
    assert.equal(origOf(n, src, 'шишки'), 'шиииишки');
    assert.equal(origOf(n, src, 'меф'), 'мефффф');
  });

  it('maps emoji (with selectors and ZWJ sequences) to concept tokens', () => {
    const src = 'Кокс ❄️ и 💎, кот 🐈‍⬛!';
    const n = normalize(src);
    const r = readable(n.text);
    assert.match(r, /кокс ⟨snow⟩ и ⟨gem⟩ кот ⟨cat⟩/);
    const snow = n.text.indexOf('\uE001');
    assert.ok(snow > 0);
    assert.equal(src.slice(n.map[snow], n.mapEnd[snow]), '❄️');
    const cat = n.text.indexOf(String.fromCharCode(n.text.charCodeAt(n.text.length - 2)));
    assert.equal(src.slice(n.map[cat], n.mapEnd[cat]), '🐈‍⬛');
  });

  it('reads enclosed letters that are also emoji (Ⓜ️, 🅰️) as letters of the word around them', () => {
    const src = 'Ⓜ️Ⓔ️Ⓕ️ и 🅰🅻🅵🅰, Ⓜ️ЕФ';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['mef', 'и', 'alfa', 'меф']);
    assert.equal(origOf(n, src, 'mef'), 'Ⓜ️Ⓔ️Ⓕ');
  });

  it('folds Kazakh letters and keeps Kazakh suffixes on Russian stems', () => {
    const src = 'Қарағанды: закладкалар, мефті, кладқа';
    const n = normalize(src);
    assert.deepEqual(words(n), ['караганды', 'закладкалар', 'мефти', 'кладка']);
    assert.equal(origOf(n, src, 'караганды'), 'Қарағанды');
    assert.equal(origOf(n, src, 'мефти'), 'мефті');
  });

  it('reads the Kazakh Latin alphabet of 2021: ş as sh, ç as ch, İ as i', () => {
    const src = 'ŞIŞKI bar, aqşa kün saiyn, İÇKİ joq, şegu';
    const n = normalize(src);
    checkMapSane(n, src);
    assert.deepEqual(words(n), ['shishki', 'bar', 'aqsha', 'kun', 'saiyn', 'ichki', 'joq', 'shegu']);
    assert.equal(origOf(n, src, 'shishki'), 'ŞIŞKI');
    assert.equal(origOf(n, src, 'aqsha'), 'aqşa');
  });

  it('composes decomposed й and folds ё', () => {
    assert.deepEqual(words(normalize('и\u0306од ёлка')), ['йод', 'елка']);
  });

  it('survives arbitrary input', () => {
    for (const s of ['', ' ', '\uD800', '\uDC00x', '\u0000\u0001', '🇰🇿'.repeat(3), 'a'.repeat(500), '0'.repeat(300)]) {
      const n = normalize(s);
      checkMapSane(n, s);
    }
  });
});
