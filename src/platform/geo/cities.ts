/**
 * Main cities and towns of each region (data/cities.json) and a matcher that finds them — and
 * explicit region phrases — in free Russian, Kazakh and English text, inflected forms included.
 *
 * Matching is word-based: the text is split into letter runs, each run is folded
 * (lower case, Kazakh letters → Russian look-alikes) and looked up in a map of every generated
 * form. Multi-word names ("Усть-Каменогорск", "Алматы облысы") are tried longest first.
 * Word boundaries therefore come for free and a text costs one regex pass plus map lookups.
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
    const parts = key.split(' ');
    if (parts.length > (maxLen.get(parts[0]) ?? 1)) maxLen.set(parts[0], parts.length);
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

const WORD = /[\p{L}\p{M}]+/gu;
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

function scan(text: string): Hit[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const folded: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    folded.push(foldToken(m[0]));
  }
  const hits: Hit[] = [];
  for (let i = 0; i < folded.length; i++) {
    const longest = Math.min(INDEX.maxLen.get(folded[i]) ?? 1, folded.length - i);
    for (let n = longest; n >= 1; n--) {
      if (n > 1 && !joined(text, starts, ends, i, n)) continue;
      const key = n === 1 ? folded[i] : folded.slice(i, i + n).join(' ');
      const target = INDEX.keys.get(key);
      if (!target || !modeOk(target.mode, text.slice(starts[i], ends[i]))) continue;
      const start = starts[i];
      const end = ends[i + n - 1];
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
