import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

type Tree = { [k: string]: string | Tree };
const loadFrom = (dir: URL, lang: string): Tree => JSON.parse(readFileSync(new URL(`./${lang}.json`, dir), 'utf8'));

/** Every leaf as "a.b.c" → value. */
function flatten(t: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// The shell's dictionaries, then each module's (web/src/modules/<name>/i18n), checked alike.
const modulesDir = new URL('../modules/', import.meta.url);
const sets: [string, URL][] = [['shell', new URL('./', import.meta.url)]];
if (existsSync(modulesDir)) {
  for (const name of readdirSync(modulesDir).sort()) {
    const dir = new URL(`./${name}/i18n/`, modulesDir);
    if (existsSync(dir)) sets.push([name, dir]);
  }
}

for (const [setName, dir] of sets) {
const dicts = { kk: flatten(loadFrom(dir, 'kk')), ru: flatten(loadFrom(dir, 'ru')), en: flatten(loadFrom(dir, 'en')) };
describe(`dictionaries: ${setName}`, () => {

test('kk, ru and en have exactly the same keys', () => {
  const en = [...dicts.en.keys()].sort();
  for (const lang of ['kk', 'ru'] as const) {
    const keys = [...dicts[lang].keys()].sort();
    assert.deepEqual(keys.filter((k) => !dicts.en.has(k)), [], `${lang} has keys that en lacks`);
    assert.deepEqual(en.filter((k) => !dicts[lang].has(k)), [], `${lang} lacks keys that en has`);
  }
});

test('no empty or non-string values, same placeholders in every language', () => {
  for (const [lang, d] of Object.entries(dicts)) {
    for (const [k, v] of d) {
      assert.equal(typeof v, 'string', `${lang}:${k} is not a string`);
      assert.ok((v as string).trim().length > 0, `${lang}:${k} is empty`);
      assert.deepEqual(placeholders(v as string), placeholders(dicts.en.get(k) as string), `${lang}:${k} placeholders differ from en`);
    }
  }
});

test('Kazakh dictionary is written in Kazakh, not copied from Russian', () => {
  const kk = [...dicts.kk.values()].join(' ');
  assert.match(kk, /[әғқңөұүһі]/, 'Kazakh-specific letters expected');
  const same = [...dicts.kk].filter(([k, v]) => v === dicts.ru.get(k) && /[а-яё]{4,}/i.test(v as string));
  // A few words are the same in both languages (e.g. "Аудитор", "Браузер"); a copied dictionary would match everywhere.
  assert.ok(same.length < dicts.kk.size * 0.05, `too many identical kk/ru strings: ${same.map(([k]) => k).join(', ')}`);
});
});
}
