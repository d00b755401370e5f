/**
 * Inflected forms of place names, generated once at start-up so matching is a plain map lookup.
 * The rules cover what place names need (nominal declension, no verbs) and over-generate a little
 * on purpose: an extra form that no one writes costs nothing, a missing one loses a match.
 */

const KK_FOLD: Record<string, string> = {
  ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е',
  ä: 'a', á: 'a', ā: 'a', ǵ: 'g', ğ: 'g', ñ: 'n', ń: 'n', ö: 'o', ó: 'o', ō: 'o',
  ū: 'u', ü: 'u', ú: 'u', ı: 'i', ī: 'i', ē: 'e', é: 'e', ý: 'y', ş: 'sh', ç: 'ch',
};
const FOLD_RE = /[әғқңөұүһіёäáāǵğñńöóōūüúıīēéýşç]/g;
// Latin letters that look like Cyrillic ones; only swapped inside mixed-script tokens,
// where they are typos or deliberate obfuscation ("Aлматы" with a Latin A).
const LOOKALIKE: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'и', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

/**
 * Lookup key of one word: lower case, Kazakh-specific letters folded to their Russian
 * look-alikes (people type "Алматыга" for "Алматыға"), Latin diacritics stripped.
 */
export function foldToken(token: string): string {
  const t = token.toLowerCase();
  // One pass over char codes decides whether the (rare) slow paths are needed at all.
  let latin = false, cyr = false, special = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) latin = true;
    else if (c >= 0x430 && c <= 0x44f) cyr = true;
    else special = true;
  }
  let f = special ? t.replace(FOLD_RE, (c) => KK_FOLD[c] ?? c) : t;
  if (latin && (cyr || /[а-яё]/.test(f))) f = f.replace(/[a-z]/g, (c) => LOOKALIKE[c] ?? c);
  return f;
}

/** Splits a (possibly hyphenated or multi-word) name into folded tokens joined by one space. */
export function foldPhrase(phrase: string): string {
  return phrase.split(/[\s\-‐‑–—]+/).filter(Boolean).map(foldToken).join(' ');
}

export const isLatin = (s: string): boolean => /[a-z]/i.test(s) && !/[а-яёәғқңөұүһі]/i.test(s);

const RU_HUSHING = /[гкхжшщч]$/;

/** Russian case forms of a place name given in the nominative (lower case). */
export function russianForms(w: string): string[] {
  if (/(?:ый|ой)$/.test(w)) { const s = w.slice(0, -2); return [w, s + 'ого', s + 'ому', s + 'ым', s + 'ом']; }
  if (/ий$/.test(w)) { const s = w.slice(0, -2); return [w, s + 'его', s + 'ему', s + 'им', s + 'ем', s + 'ого', s + 'ому']; }
  if (/й$/.test(w)) { const s = w.slice(0, -1); return [w, s + 'я', s + 'ю', s + 'ем', s + 'е']; }
  if (/ь$/.test(w)) { const s = w.slice(0, -1); return [w, s + 'и', s + 'ью']; }
  if (/а$/.test(w)) {
    const s = w.slice(0, -1);
    return [w, s + (RU_HUSHING.test(s) ? 'и' : 'ы'), s + 'е', s + 'у', s + 'ой', s + 'ою'];
  }
  if (/я$/.test(w)) { const s = w.slice(0, -1); return [w, s + 'и', s + 'е', s + 'ю', s + 'ей']; }
  // Names ending in other vowels (Актобе, Кокшетау, Алматы) are indeclinable in Russian.
  if (/[аеёиоуыэюяәөұүі]$/.test(w)) return [w];
  return [w, w + 'а', w + 'у', w + 'ом', w + 'ем', w + 'е'];
}

/** Feminine adjective forms ("Акмолинская" → -ой, -ую, -ою) for region names. */
export function russianAdjForms(w: string): string[] {
  if (!/ая$/.test(w)) return [w];
  const s = w.slice(0, -2);
  return [w, s + 'ой', s + 'ую', s + 'ою'];
}

type Sound = 'vowel' | 'sonorant' | 'l' | 'zh' | 'nasal' | 'voiceless';

function kkSound(w: string): Sound {
  const last = w.replace(/[ьъ]$/, '').slice(-1);
  if (last === 'л') return 'l';
  if ('руйи'.includes(last)) return 'sonorant';
  if ('аәеёоөұүыіэюя'.includes(last)) return 'vowel';
  if ('зж'.includes(last)) return 'zh';
  if ('мнң'.includes(last)) return 'nasal';
  return 'voiceless';
}

function kkFront(w: string): boolean {
  for (let i = w.length - 1; i >= 0; i--) {
    const c = w[i];
    if ('аоұыяё'.includes(c)) return false;
    if ('әеөүіэ'.includes(c)) return true;
  }
  return false;
}

// Locative, dative, ablative, genitive, accusative, instrumental, "located in" (-дағы), demonym (-лық).
const KK_BACK: Record<Sound, string[]> = {
  vowel: ['да', 'ға', 'дан', 'ның', 'ны', 'мен', 'дағы', 'лық'],
  sonorant: ['да', 'ға', 'дан', 'дың', 'ды', 'мен', 'дағы', 'лық'],
  l: ['да', 'ға', 'дан', 'дың', 'ды', 'мен', 'дағы', 'дық'],
  zh: ['да', 'ға', 'дан', 'дың', 'ды', 'бен', 'дағы', 'дық'],
  nasal: ['да', 'ға', 'нан', 'ның', 'ды', 'бен', 'дағы', 'дық'],
  voiceless: ['та', 'қа', 'тан', 'тың', 'ты', 'пен', 'тағы', 'тық'],
};
const KK_FRONT: Record<Sound, string[]> = {
  vowel: ['де', 'ге', 'ден', 'нің', 'ні', 'мен', 'дегі', 'лік'],
  sonorant: ['де', 'ге', 'ден', 'дің', 'ді', 'мен', 'дегі', 'лік'],
  l: ['де', 'ге', 'ден', 'дің', 'ді', 'мен', 'дегі', 'дік'],
  zh: ['де', 'ге', 'ден', 'дің', 'ді', 'бен', 'дегі', 'дік'],
  nasal: ['де', 'ге', 'нен', 'нің', 'ді', 'бен', 'дегі', 'дік'],
  voiceless: ['те', 'ке', 'тен', 'тің', 'ті', 'пен', 'тегі', 'тік'],
};

/** Kazakh case forms (and the demonym, singular and plural) of a Cyrillic name, lower case. */
export function kazakhForms(w: string): string[] {
  const front = kkFront(w);
  const sfx = (front ? KK_FRONT : KK_BACK)[kkSound(w)];
  const demonym = w + sfx[sfx.length - 1];
  return [w, ...sfx.map((s) => w + s), demonym + (front ? 'тер' : 'тар')];
}

/** Kazakh locative/dative/ablative forms of a Latin-script name ("Almatyda", "Shymkentten"). */
export function latinKazakhForms(w: string): string[] {
  const last = w.slice(-1);
  // Both vowel harmonies: English spellings do not show Kazakh vowel quality reliably.
  const sfx = 'kqpstfhcx'.includes(last) ? ['ta', 'te', 'qa', 'ka', 'ke', 'tan', 'ten']
    : 'mn'.includes(last) ? ['da', 'de', 'ga', 'ge', 'nan', 'nen']
    : ['da', 'de', 'ga', 'ge', 'dan', 'den'];
  return [w, ...sfx.map((s) => w + s)];
}

/** Every written form of a name in its script: Russian + Kazakh for Cyrillic, Kazakh-Latin for Latin. */
export function allForms(name: string): string[] {
  const w = name.toLowerCase();
  if (isLatin(w)) return latinKazakhForms(w);
  return [...new Set([...russianForms(w), ...kazakhForms(w)])];
}
