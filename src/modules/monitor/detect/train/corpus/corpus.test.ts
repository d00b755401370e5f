import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { FAMILIES, generateCorpus, familiesFor, type CorpusExample } from './index.js';
import {
  base58check, eip55, ibanFromBban, ibanValid, isValidBtc, isValidEth, isValidTron, luhnValid, segwitEncode,
} from './checksums.js';
import { checksumOk, indicatorProblems, occursIn, referenceExtract } from './verify.js';
import { R } from './rng.js';
import { expand } from './ctx.js';

const LABELS = ['drug_sale', 'courier_recruitment', 'drug_propaganda', 'benign'] as const;
const LANGS = ['ru', 'kk', 'en', 'mixed'] as const;

const famOf = (e: CorpusExample) => e.note.split(':')[0];
const share = (rows: CorpusExample[], f: (e: CorpusExample) => boolean) => rows.filter(f).length / rows.length;

const train = generateCorpus({ seed: 1, size: 6000, split: 'train' });
const holdout = generateCorpus({ seed: 1, size: 3000, split: 'holdout' });

function devPath(): string | null {
  const candidates = [
    fileURLToPath(new URL('../../../../../../../shared/corpus/dev.jsonl', import.meta.url)),
    path.resolve(process.cwd(), '../shared/corpus/dev.jsonl'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

test('deterministic for a seed, different across seeds', () => {
  const a = generateCorpus({ seed: 42, size: 400 });
  const b = generateCorpus({ seed: 42, size: 400 });
  assert.deepEqual(a, b);
  const c = generateCorpus({ seed: 43, size: 400 });
  assert.notDeepEqual(a.map((x) => x.text), c.map((x) => x.text));
  const h1 = generateCorpus({ seed: 42, size: 200, split: 'holdout' });
  const h2 = generateCorpus({ seed: 42, size: 200, split: 'holdout' });
  assert.deepEqual(h1, h2);
});

test('requested size, unique ids and texts, dev.jsonl field shape', () => {
  assert.equal(train.length, 6000);
  assert.equal(new Set(train.map((e) => e.id)).size, train.length);
  assert.equal(new Set(train.map((e) => e.text)).size, train.length);
  for (const e of train.slice(0, 500)) {
    assert.deepEqual(Object.keys(e).sort(), ['id', 'indicators', 'label', 'lang', 'note', 'text']);
    assert.ok(LABELS.includes(e.label));
    assert.ok(LANGS.includes(e.lang));
    assert.ok(e.text.length >= 8);
    assert.ok(!/[\uE000\uE001]/.test(e.text), 'no template placeholders left');
    assert.ok(!/\{|\}/.test(e.text), `no template braces: ${e.text}`);
  }
});

test('label mix ≈ 30/15/10/45', () => {
  const want = { drug_sale: 0.3, courier_recruitment: 0.15, drug_propaganda: 0.1, benign: 0.45 };
  for (const l of LABELS) {
    const s = share(train, (e) => e.label === l);
    assert.ok(Math.abs(s - want[l]) < 0.03, `${l}: ${s.toFixed(3)} vs ${want[l]}`);
  }
});

test('language mix ≈ 40/25/15/20', () => {
  const want = { ru: 0.4, kk: 0.25, en: 0.15, mixed: 0.2 };
  for (const l of LANGS) {
    const s = share(train, (e) => e.lang === l);
    assert.ok(Math.abs(s - want[l]) < 0.03, `${l}: ${s.toFixed(3)} vs ${want[l]}`);
  }
  // Kazakh texts really use Kazakh letters
  const kk = train.filter((e) => e.lang === 'kk');
  assert.ok(share(kk, (e) => /[әғқңөұүһі]/i.test(e.text)) > 0.8);
});

test('every (label, lang) cell is covered in both splits', () => {
  for (const split of ['train', 'holdout'] as const) {
    const fams = familiesFor(split);
    for (const l of LABELS) for (const g of LANGS) assert.ok(fams.some((f) => f.label === l && f.lang === g), `${split} ${l}/${g}`);
  }
  const ids = FAMILIES.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length, 'family ids are unique');
});

test('holdout uses template families disjoint from train', () => {
  const tr = new Set(train.map(famOf));
  const ho = new Set(holdout.map(famOf));
  for (const f of ho) assert.ok(!tr.has(f), `family ${f} appears in both splits`);
  assert.ok(ho.size >= 20, `holdout families: ${ho.size}`);
  const trTexts = new Set(train.map((e) => e.text));
  assert.equal(holdout.filter((e) => trTexts.has(e.text)).length, 0);
  for (const l of LABELS) assert.ok(holdout.some((e) => e.label === l));
  for (const g of LANGS) assert.ok(holdout.some((e) => e.lang === g));
});

test('holdout has a different (heavier) obfuscation mix and held-out vocabulary', () => {
  const zw = /[\u200b\u200c\u200d\u2060\ufeff]/;
  const pos = (rows: CorpusExample[]) => rows.filter((e) => e.label !== 'benign');
  const zTrain = share(pos(train), (e) => zw.test(e.text));
  const zHold = share(pos(holdout), (e) => zw.test(e.text));
  assert.ok(zHold > zTrain * 1.3, `zero-width rate train ${zTrain.toFixed(3)} holdout ${zHold.toFixed(3)}`);
  // '!'-marked vocabulary only in holdout, e.g. the street name "шмаль"
  const big = generateCorpus({ seed: 5, size: 20000 });
  assert.ok(!big.some((e) => /шмаль/i.test(e.text)), 'held-out slang leaked into train');
});

test('obfuscation and evasion styles are present in positives', () => {
  const pos = train.filter((e) => e.label !== 'benign');
  const has = (re: RegExp) => pos.some((e) => re.test(e.text));
  assert.ok(has(/[\u200b\u200c\u200d\u2060\ufeff]/), 'zero-width');
  assert.ok(has(/\p{Script=Cyrillic}[a-z]\p{Script=Cyrillic}|[a-z]\p{Script=Cyrillic}[a-z]/u), 'mixed-script homoglyphs');
  assert.ok(has(/(\p{L})[.\- ]\p{L}[.\- ]\p{L}[.\- ]\p{L}/u), 'split letters');
  assert.ok(has(/[❄💎🍁🌿🧂💊🍄🍫🔌]/u), 'emoji codes');
  assert.ok(has(/[мк][03]/i), 'leetspeak digits');
});

test('no exact text overlap with shared/corpus/dev.jsonl', (t) => {
  const p = devPath();
  if (!p) {
    t.skip('shared/corpus/dev.jsonl not found beside the repo; overlap check skipped');
    return;
  }
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const dev = new Set(readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => norm(JSON.parse(l).text as string)));
  const both = [...train, ...holdout, ...generateCorpus({ seed: 2, size: 20000 })];
  const hits = both.filter((e) => dev.has(norm(e.text)));
  assert.equal(hits.length, 0, hits.map((h) => h.text).join('\n'));
});

test('listed indicators occur in the text, are valid and complete', () => {
  const counts: Record<string, number> = {};
  for (const e of [...train, ...holdout]) {
    for (const i of e.indicators) {
      counts[i.type] = (counts[i.type] ?? 0) + 1;
      assert.ok(checksumOk(i), `invalid ${i.type} ${i.value} in ${e.id}`);
      assert.ok(occursIn(e.text, i), `${i.type} ${i.value} not in text of ${e.id}: ${e.text}`);
    }
    assert.deepEqual(indicatorProblems(e.text, e.indicators), [], e.text);
    const keys = e.indicators.map((i) => i.type + ':' + i.value);
    assert.equal(new Set(keys).size, keys.length, 'no duplicate indicators');
  }
  for (const t of ['telegram', 'url', 'domain', 'phone', 'card', 'iban', 'btc', 'tron', 'eth']) assert.ok((counts[t] ?? 0) > 5, `type ${t}: ${counts[t]}`);
  // t.me links yield only telegram
  const tme = train.find((e) => /t\.me\//.test(e.text))!;
  assert.ok(tme && !tme.indicators.some((i) => (i.type === 'url' || i.type === 'domain') && /t\.me/.test(i.value)));
  // defanged domains are listed in normal form
  const def = train.find((e) => /\[\.\]/.test(e.text) && e.indicators.some((i) => i.type === 'domain'));
  assert.ok(def && def.indicators.every((i) => !i.value.includes('[')));
});

test('deliberately broken values appear and are not listed', () => {
  const all = [...train, ...holdout];
  const brokenBase58 = all.filter((e) =>
    [...e.text.matchAll(/(?<![\w])([13T][1-9A-HJ-NP-Za-km-z]{25,34})(?![\w])/g)].some((m) => !isValidBtc(m[1]) && !isValidTron(m[1])));
  assert.ok(brokenBase58.length > 5, `broken base58 wallets: ${brokenBase58.length}`);
  const brokenCards = all.filter((e) =>
    [...e.text.matchAll(/(?<![\d\w])((?:\d{4}[ -]?){3}\d{4})(?![\d\w])/g)].some((m) => !luhnValid(m[1].replace(/\D/g, ''))));
  assert.ok(brokenCards.length > 5, `broken cards: ${brokenCards.length}`);
  for (const e of brokenBase58) for (const i of e.indicators) assert.ok(checksumOk(i));
});

test('checksum helpers agree with published vectors', () => {
  assert.ok(isValidBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'));
  assert.ok(!isValidBtc('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'));
  assert.ok(isValidBtc('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'));
  assert.ok(!isValidBtc('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'));
  assert.ok(isValidTron('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'));
  assert.ok(isValidEth('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'));
  assert.ok(!isValidEth('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'));
  assert.equal(eip55('fb6916095ca1df60bb79ce92ce3ea74c37c5d359'), '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359');
  assert.ok(luhnValid('4111111111111111'));
  assert.ok(!luhnValid('4111111111111112'));
  assert.ok(ibanValid('KZ86125KZT5004100100'));
  assert.ok(!ibanValid('KZ87125KZT5004100100'));
  const r = R.seeded(9);
  for (let i = 0; i < 50; i++) {
    const p = new Uint8Array(21);
    p[0] = 0x41;
    p.set(r.bytes(20), 1);
    assert.ok(isValidTron(base58check(p)));
    assert.ok(isValidBtc(segwitEncode(r.bytes(20))));
    assert.ok(ibanValid(ibanFromBban('722' + r.digits(13))));
  }
});

test('reference extraction handles the written phone and card formats', () => {
  const ex = referenceExtract('Тел +7(778)752-34-63, 8 707 281 54 23, 87085167501; карта 4144-0974-9921-3556; заказ №6422608973');
  assert.deepEqual(ex.filter((i) => i.type === 'phone').map((i) => i.value), ['+77787523463', '+77072815423', '+77085167501']);
  assert.deepEqual(ex.filter((i) => i.type === 'card').map((i) => i.value), ['4144097499213556']);
});

test('template expansion', () => {
  const r = R.seeded(1);
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) seen.add(expand(r, 'a{b|c{d|e}|}f'));
  assert.deepEqual([...seen].sort(), ['abf', 'acdf', 'acef', 'af']);
});

test('can produce ≥ 50,000 distinct training examples', () => {
  const big = generateCorpus({ seed: 11, size: 50000 });
  assert.equal(big.length, 50000);
  assert.equal(new Set(big.map((e) => e.text)).size, 50000);
});
