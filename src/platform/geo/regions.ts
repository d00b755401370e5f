/**
 * Kazakhstan's 20 first-level administrative units (17 regions + 3 cities of republican
 * significance) keyed by their ISO 3166-2:KZ codes. Data: data/regions.json (see data/README.md).
 *
 * The JSON is imported with an import attribute so the same module works under tsx, plain Node
 * and a Vite build; it has no Node-only dependency and may be used by the web app too.
 */
import regionsJson from '../../../data/regions.json' with { type: 'json' };

/** The numeric ISO 3166-2:KZ codes in force since the 2022 change (they follow KATO's first two digits). */
export const REGION_CODES = [
  'KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-33', 'KZ-35', 'KZ-39',
  'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79',
] as const;

/** An ISO 3166-2:KZ code of a region or city of republican significance. */
export type RegionCode = (typeof REGION_CODES)[number];

/** UI languages the reference data is written in. */
export type Lang = 'kk' | 'ru' | 'en';

/** Text in the three platform languages. */
export type Names = Readonly<Record<Lang, string>>;

/** One first-level administrative unit. */
export interface Region {
  readonly code: RegionCode;
  /** 'city' for Astana, Almaty and Shymkent (cities of republican significance). */
  readonly kind: 'region' | 'city';
  /** Official name, e.g. kk "Ақмола облысы", ru "Акмолинская область". */
  readonly name: Names;
  /** Compact label for tiles and chips. */
  readonly short: Names;
  /** Id (in data/cities.json) of the administrative centre. */
  readonly centre: string;
  /** Pre-2022 ISO letter codes (e.g. KZ-AKM); empty for units created in 2022. */
  readonly legacyCodes: readonly string[];
  /** Other ways texts name the unit (old names, abbreviations like ВКО). */
  readonly aliases: readonly string[];
  /** Year the unit was created in its current form, where recent. */
  readonly established?: number;
  /** Year of the latest renaming, where recent. */
  readonly renamed?: number;
  readonly note?: string;
}

const CODE_SET: ReadonlySet<string> = new Set(REGION_CODES);

/** True when `s` is one of the 20 current codes (legacy letter codes are not accepted). */
export function isRegionCode(s: unknown): s is RegionCode {
  return typeof s === 'string' && CODE_SET.has(s);
}

function load(): readonly Region[] {
  const rows = regionsJson as unknown as Region[];
  // The literal union above is what the compiler trusts; fail fast if the data drifts from it.
  const codes = rows.map((r) => r.code);
  if (codes.length !== REGION_CODES.length || !REGION_CODES.every((c) => codes.includes(c))) {
    throw new Error(`data/regions.json does not hold exactly the codes ${REGION_CODES.join(', ')}`);
  }
  return Object.freeze(rows.map((r) => Object.freeze(r)));
}

/** All 20 units, in code order. */
export const REGIONS: readonly Region[] = load();

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));

/** Legacy letter code (e.g. KZ-AKM) → current code, for importing older data. */
export const LEGACY_CODES: ReadonlyMap<string, RegionCode> = new Map(
  REGIONS.flatMap((r) => r.legacyCodes.map((l) => [l, r.code] as const)),
);

/** The unit with this code; throws for an unknown code so typos surface early. */
export function regionByCode(code: RegionCode): Region {
  const r = BY_CODE.get(code);
  if (!r) throw new Error(`unknown region code ${String(code)}`);
  return r;
}

/** Official name of a unit in one language (`short: true` for the compact label). */
export function regionName(code: RegionCode, lang: Lang, opts: { short?: boolean } = {}): string {
  const r = regionByCode(code);
  return (opts.short ? r.short : r.name)[lang];
}
