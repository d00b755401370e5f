/**
 * Main cities and towns of each region (data/cities.json) and a matcher that finds them — and
 * explicit region phrases — in free Russian, Kazakh and English text, inflected forms included.
 *
 * Matching is word-based: the text is split into letter runs, each run is folded
 * (lower case, Kazakh letters → Russian look-alikes) and looked up in a map of every generated
 * form. Multi-word names ("Усть-Каменогорск", "Алматы облысы") are tried longest first.
 * Word boundaries therefore come for free and a text costs one pass plus map lookups.
 */
import citiesJson from '../../../data/cities.json' with { type: 'json' };
import { REGIONS, isRegionCode, type Lang, type Names, type RegionCode } from './regions.js';
import { allForms, foldPhrase, foldToken, russianAdjForms } from './inflect.js';

/** A city or town of a region. */
export interface City {
  /** Stable slug, e.g. "karaganda". */
  readonly id: string;
  readonly region: RegionCode;
  readonly name: Names;
  /** Other writings: old names, transliterations, slang. Names in `name` are matched as well. */
  readonly aliases: readonly string[];
  /** Names/aliases that are also common words, so only count when written with a capital letter. */
  readonly capitalOnly?: readonly string[];
  readonly note?: string;
}

/** A city named in a text; `start`/`end` are UTF-16 offsets into the text (end exclusive). */
export interface PlaceMatch { cityId: string; region: RegionCode; start: number; end: number }

/** A region named explicitly ("Алматинская область", "Қарағанды облысы", "ВКО"). */
export interface RegionMatch { region: RegionCode; start: number; end: number }

function loadCities(): readonly City[] {
  const rows = citiesJson as unknown as City[];
  for (const c of rows) if (!isRegionCode(c.region)) throw new Error(`city ${c.id}: unknown region ${c.region}`);
  return Object.freeze(rows.map((c) => Object.freeze(c)));
}

/** All cities, grouped by region in data order. */
export const CITIES: readonly City[] = loadCities();
const CITY_BY_ID: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.id, c]));

/** The city with this id, or undefined. */
export function cityById(id: string): City | undefined {
  return CITY_BY_ID.get(id);
}

/** Cities of one region (the centre first). */
export function citiesIn(region: RegionCode): City[] {
  const centre = REGIONS.find((r) => r.code === region)?.centre;
  return CITIES.filter((c) => c.region === region).sort((a, b) => Number(b.id === centre) - Number(a.id === centre));
}

/** Name of a city in one language; the id itself for an unknown city. */
export function cityName(id: string, lang: Lang): string {
  return CITY_BY_ID.get(id)?.name[lang] ?? id;
}

// ---------------------------------------------------------------------------------------------
// Index

/** 'capital': first letter must be upper case; 'upper': the whole word (abbreviations like ВКО). */
type Mode = 'any' | 'capital' | 'upper';
interface Target { kind: 'city' | 'region'; id: string; region: RegionCode; mode: Mode }

const OBLYS = ['облысы', 'облысында', 'облысына', 'облысынан', 'облысының', 'облысын', 'облысындағы', 'облысымен'];
const OBLAST = ['область', 'области', 'областью', 'обл'];
const REGION_EN = ['region', 'oblast', 'oblys', 'oblysy', 'province'];

const STRICTNESS: Record<Mode, number> = { any: 0, capital: 1, upper: 2 };

function buildIndex(): { keys: Map<string, Target>; maxLen: Map<string, number> } {
  const keys = new Map<string, Target>();
  const maxLen = new Map<string, number>();
  const add = (phrase: string, t: Target): void => {
    const key = foldPhrase(phrase);
    const old = keys.get(key);
    if (old && (old.kind !== t.kind || old.id !== t.id)) {
      throw new Error(`place index: "${key}" names both ${old.kind} ${old.id} and ${t.kind} ${t.id}`);
    }
    // The same form reached from a plain and a capital-only spelling stays as loose as the plain one.
    if (!old || STRICTNESS[t.mode] < STRICTNESS[old.mode]) keys.set(key, t);
    // Every key's first word is in maxLen, so a word absent from it starts no name at all.
    const parts = key.split(' ');
    if (parts.length > (maxLen.get(parts[0]) ?? 0)) maxLen.set(parts[0], parts.length);
  };
  const modeOf = (s: string, capitalOnly: readonly string[] = []): Mode =>
    s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase() ? 'upper' : capitalOnly.includes(s) ? 'capital' : 'any';

  for (const c of CITIES) {
    const names = new Set([c.name.kk, c.name.ru, c.name.en, ...c.aliases]);
    for (const n of names) {
      const t: Target = { kind: 'city', id: c.id, region: c.region, mode: modeOf(n, c.capitalOnly) };
      for (const f of allForms(n)) add(f, t);
    }
  }
  for (const r of REGIONS) {
    if (r.kind !== 'region') continue;
    for (const n of new Set([r.name.kk, r.name.ru, r.name.en, ...r.aliases])) {
      const t: Target = { kind: 'region', id: r.code, region: r.code, mode: modeOf(n) };
      let m: RegExpMatchArray | null;
      if ((m = n.match(/^(.+) облысы$/))) for (const o of OBLYS) add(`${m[1]} ${o}`, t);
      else if ((m = n.match(/^(.+) область$/))) {
        for (const adj of russianAdjForms(m[1].toLowerCase())) for (const o of OBLAST) add(`${adj} ${o}`, t);
      } else if ((m = n.match(/^область (.+)$/))) for (const o of OBLAST) add(`${o} ${m[1]}`, t);
      else if ((m = n.match(/^(.+) Region$/))) for (const o of REGION_EN) add(`${m[1]} ${o}`, t);
      else add(n, { ...t, mode: modeOf(n) });
    }
  }
  return { keys, maxLen };
}

const INDEX = buildIndex();

// ---------------------------------------------------------------------------------------------
// Scanning

const JOIN = /^[\s\-‐‑–—]{1,3}$/;
// A city name right after a street/water/"named after" word is an address, lake or person.
const PREV_BLOCK = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:(?:ул|пр|просп|пр-т|мкр|пер|б-р|бул|им|оз|р|st|ave)\.\s*|` +
  String.raw`(?:ул|пр|пр-т|мкр|улиц[аеуы]|улицей|проспект[аеу]?|проспектом|микрорайон[аеу]?|бульвар[аеу]?|` +
  String.raw`переул(?:ок|к[аеу])|имени|озер[оауе]|озером|рек[аиуе]|рекой|lake|river|street|avenue)\s+)$`,
  'iu',
);
const NEXT_BLOCK = new RegExp(
  String.raw`^(?:[\s,]*(?:көше|даңғыл|көлі(?!к)|өзен|теңіз|тау(?:ы|лар)|(?:street|str|st|avenue|ave|lake|river|sea|mountains)(?!\p{L}))` +
  String.raw`|\s*[\-‐‑–—]\s*(?:камчатск|кул[ьяюе]))`,
  'iu',
);

interface Hit { target: Target; start: number; end: number }

function modeOk(mode: Mode, word: string): boolean {
  if (mode === 'any') return true;
  if (mode === 'upper') return word === word.toUpperCase();
  const c = word[0];
  return c !== c.toLowerCase();
}

// Letter runs are found by hand rather than with /[\p{L}\p{M}]+/gu: the detector calls this for
// every ingested post, and the regex's match objects plus a fold of every word cost 13–16 µs per
// post (two scans then; now one, 1.8 µs). Same runs, same folded keys (foldToken still decides
// every word with a letter outside its per-letter table).
const LETTER_RE = /^[\p{L}\p{M}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter or mark, 2 neither. */
const LETTER = new Uint8Array(0x10000);

/** Length in code units (1 or 2) of the letter or mark at `i`, 0 if there is none. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) { const l = c | 0x20; return l >= 0x61 && l <= 0x7a ? 1 : 0; }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_RE.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let v = LETTER[c]!;
  if (v === 0) LETTER[c] = v = c >= 0xd800 && c <= 0xdfff ? 2 : LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1 ? 1 : 0;
}

/** Bit set of a hash of every key's first word: most words of a post start no name and skip the fold. */
const FIRST_WORDS = new Uint32Array(0x10000 / 32);
/** One step of the word hash; the bit set and the scan must hash a word the same way. */
const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;
const bitOf = (h: number): number => (h ^ (h >>> 16)) & 0xffff;
for (const w of INDEX.maxLen.keys()) {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
  const b = bitOf(h);
  FIRST_WORDS[b >>> 5]! |= 1 << (b & 31);
}

/**
 * Per code unit below 0x500: the letter folded as foldToken folds it inside a word (0: not a
 * one-to-one fold, the word goes through foldToken), and LATIN/CYR flags. Derived from foldToken
 * itself, so the two cannot disagree.
 */
const FOLD = new Uint16Array(0x500);
const KIND = new Uint8Array(0x500);
/** Lower case is a–z before folding (foldToken's `latin`). */
const LATIN = 1;
/** The folded letter is Russian а–я or ё. */
const CYR = 2;
/** a–z → the Cyrillic look-alike foldToken puts in mixed-script words (or the letter itself). */
const LOOK = new Uint16Array(0x80);
for (let c = 0x41; c < 0x500; c++) {
  if ((c > 0x5a && c < 0x61) || (c > 0x7a && c < 0xc0) || (c >= 0x250 && c < 0x400)) continue;
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const f = foldToken(ch);
  if (lower.length !== 1 || f.length !== 1 || !LETTER_RE.test(ch)) continue;
  FOLD[c] = f.charCodeAt(0);
  const l = lower.charCodeAt(0);
  const fc = FOLD[c]!;
  KIND[c] = (l >= 0x61 && l <= 0x7a ? LATIN : 0) | ((fc >= 0x430 && fc <= 0x44f) || fc === 0x451 ? CYR : 0);
}
for (let c = 0x61; c <= 0x7a; c++) LOOK[c] = foldToken('я' + String.fromCharCode(c)).charCodeAt(1);

const isFirstWord = (h: number): boolean => { const b = bitOf(h); return (FIRST_WORDS[b >>> 5]! & (1 << (b & 31))) !== 0; };

/**
 * foldToken of text[s, e); null, without folding anything, for a word made of plainly folding
 * letters that (by its hash) starts no name, unless `always`.
 */
function foldWord(text: string, s: number, e: number, always: boolean): string | null {
  let kinds = 0, h = 0, hLook = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const f = c < 0x500 ? FOLD[c]! : 0;
    if (f === 0) return foldToken(text.slice(s, e));
    kinds |= KIND[c]!;
    h = hashStep(h, f);
    hLook = hashStep(hLook, f >= 0x61 && f <= 0x7a ? LOOK[f]! : f);
  }
  if (!always && !isFirstWord(kinds === (LATIN | CYR) ? hLook : h)) return null;
  return foldToken(text.slice(s, e));
}

function scan(text: string): Hit[] {
  const starts: number[] = [];
  const ends: number[] = [];
  /** Folded words; null: a plain word that starts no name, folded only if a longer name needs it. */
  const folded: (string | null)[] = [];
  for (let i = 0; i < text.length;) {
    let k = letterAt(text, i);
    if (k === 0) { i++; continue; }
    const s = i;
    do i += k; while (i < text.length && (k = letterAt(text, i)) > 0);
    starts.push(s);
    ends.push(i);
    folded.push(foldWord(text, s, i, false));
  }
  const hits: Hit[] = [];
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i];
    const first = f === null ? undefined : INDEX.maxLen.get(f);
    if (first === undefined) continue;
    const longest = Math.min(first, folded.length - i);
    for (let n = longest; n >= 1; n--) {
      if (n > 1 && !joined(text, starts, ends, i, n)) continue;
      let key = f!;
      for (let k = i + 1; k < i + n; k++) key += ' ' + (folded[k] ?? (folded[k] = foldWord(text, starts[k]!, ends[k]!, true)!));
      const target = INDEX.keys.get(key);
      if (!target || !modeOk(target.mode, text.slice(starts[i], ends[i]))) continue;
      const start = starts[i]!;
      const end = ends[i + n - 1]!;
      if (target.kind === 'region' || !blocked(text, start, end)) hits.push({ target, start, end });
      i += n - 1; // the words are used up either way: a lake name is not also a city
      break;
    }
  }
  return hits;
}

function joined(text: string, starts: number[], ends: number[], i: number, n: number): boolean {
  for (let k = i; k < i + n - 1; k++) if (!JOIN.test(text.slice(ends[k], starts[k + 1]))) return false;
  return true;
}

function blocked(text: string, start: number, end: number): boolean {
  return PREV_BLOCK.test(text.slice(Math.max(0, start - 16), start)) || NEXT_BLOCK.test(text.slice(end, end + 16));
}

/**
 * Cities named in `text` (Russian, Kazakh or English, any case form), in text order.
 * Region phrases such as "Алматы облысы" are not reported as the city; use findRegions for them.
 */
export function findPlaces(text: string): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (const h of scan(text)) {
    if (h.target.kind === 'city') out.push({ cityId: h.target.id, region: h.target.region, start: h.start, end: h.end });
  }
  return out;
}

/** Regions named explicitly in `text` ("в Карагандинской области", "Абай облысында", "ВКО"), in text order. */
export function findRegions(text: string): RegionMatch[] {
  const out: RegionMatch[] = [];
  for (const h of scan(text)) if (h.target.kind === 'region') out.push({ region: h.target.region, start: h.start, end: h.end });
  return out;
}

/**
 * Regions of every place named in `text`: a city's region and regions named explicitly, sorted
 * and unique. One scan where findPlaces + findRegions would take two (the detector calls it for
 * every ingested post).
 */
export function regionsNamed(text: string): RegionCode[] {
  const hits = scan(text);
  if (hits.length === 0) return [];
  const set = new Set<RegionCode>();
  for (const h of hits) set.add(h.target.region);
  return [...set].sort();
}
