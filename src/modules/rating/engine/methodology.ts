/**
 * The rating methodology as versioned configuration. A methodology is data, not code, so the
 * HQ can publish exactly which indicators, weights and rules produced a ranking, and re-run an
 * old ranking with the methodology that was in force at the time.
 */
import { z } from 'zod';
import { RatingInputError, type InputIssue } from './errors.js';
import { JsonSyntaxError, parseLocatedJson } from './json.js';

/** Normalisations: min-max, z-score, rank, distance to target. */
export const NORMALISATIONS = ['minmax', 'zscore', 'rank', 'target'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];
export const AGGREGATIONS = ['arithmetic', 'geometric'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const MISSING_RULES = ['reweight', 'zero', 'mean'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** One indicator of a methodology. */
export const indicatorSchema = z.strictObject({
  /** Matches the `indicator` column of the value table. */
  code: z.string({ error: 'code must be a string' }).trim().min(1, { error: 'code must not be empty' }),
  name: z.string({ error: 'name must be a string' }).optional(),
  weight: z.number({ error: 'weight must be a number' }).positive({ error: 'weight must be positive' }),
  direction: z.enum(['higher_better', 'lower_better'], { error: 'direction must be "higher_better" or "lower_better"' }),
  normalisation: z.enum(NORMALISATIONS, { error: `normalisation must be one of ${list(NORMALISATIONS)}` }),
  /** Required for 'target' normalisation; in the indicator's units after any per-capita division. */
  target: z.number({ error: 'target must be a number' }).positive({ error: 'target must be positive' }).optional(),
  /** Divide each value by the region's denominator and multiply by `per` (default per 100,000). */
  perCapita: z.strictObject({
    denominator: z.string({ error: 'perCapita.denominator must be a string' }).min(1, { error: 'perCapita.denominator must not be empty' }),
    per: z.number({ error: 'perCapita.per must be a number' }).positive({ error: 'perCapita.per must be positive' }).default(100_000),
  }, { error: 'perCapita must be an object like {"denominator": "population", "per": 100000}' }).optional(),
}, { error: 'an indicator must be an object' });

/** The methodology file: indicators plus aggregation and missing-data rule. Unknown fields are errors. */
export const methodologySchema = z.strictObject({
  version: z.union([z.string(), z.number()], { error: 'version must be a string or number' }).optional(),
  name: z.string({ error: 'name must be a string' }).optional(),
  description: z.string({ error: 'description must be a string' }).optional(),
  indicators: z.array(indicatorSchema, { error: 'indicators must be an array' }).min(1, { error: 'at least one indicator is required' }),
  aggregation: z.enum(AGGREGATIONS, { error: `aggregation must be one of ${list(AGGREGATIONS)}` }),
  missing: z.enum(MISSING_RULES, { error: `missing must be one of ${list(MISSING_RULES)}` }),
}, { error: 'the methodology must be a JSON object' }).superRefine((m, ctx) => {
  for (const i of crossFieldIssues(m)) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
});

/**
 * Rules spanning several fields. Written against the raw shape so they can also run when the
 * field-level validation failed (zod skips refinements then), and one run reports everything.
 */
function crossFieldIssues(raw: unknown): { path: PropertyKey[]; message: string }[] {
  const m = raw as { indicators?: unknown; aggregation?: unknown } | null;
  if (!m || typeof m !== 'object' || !Array.isArray(m.indicators)) return [];
  const out: { path: PropertyKey[]; message: string }[] = [];
  const first = new Map<unknown, number>();
  (m.indicators as unknown[]).forEach((item, k) => {
    if (!item || typeof item !== 'object') return;
    const ind = item as { code?: unknown; normalisation?: unknown; target?: unknown };
    const path = ['indicators', k];
    const seen = first.get(ind.code);
    if (typeof ind.code === 'string' && seen !== undefined) out.push({ path: [...path, 'code'], message: `duplicate indicator code "${ind.code}" (also indicators[${seen}])` });
    else first.set(ind.code, k);
    if (ind.normalisation === 'target' && ind.target === undefined) {
      out.push({ path: [...path, 'target'], message: `'target' normalisation needs a "target" value` });
    }
    // z-scores are negative for every below-average region; a geometric mean of them is undefined.
    if (ind.normalisation === 'zscore' && m.aggregation === 'geometric') {
      out.push({ path: [...path, 'normalisation'], message: 'geometric aggregation needs positive normalised values and z-scores are not: use minmax, rank or target' });
    }
  });
  return out;
}

/** A validated methodology (defaults applied). */
export type Methodology = z.output<typeof methodologySchema>;
/** One validated indicator. */
export type Indicator = Methodology['indicators'][number];
/** What a methodology file may contain before defaults. */
export type MethodologyInput = z.input<typeof methodologySchema>;

/** A methodology plus where its indicators are in the source text, for error messages that cite lines. */
export interface MethodologySource {
  readonly methodology: Methodology;
  /** Line of the indicator's object in the source; undefined when parsed from an object. */
  indicatorLine(code: string): number | undefined;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k ? '.' : ''}${String(p)}`)).join('') || '(top level)';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

/**
 * Validates a methodology given as JSON text (errors cite lines) or as an already parsed value.
 * Throws RatingInputError (source 'methodology') listing every problem.
 */
export function parseMethodologySource(json: string | unknown): MethodologySource {
  let root: unknown = json;
  let lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined;
  if (typeof json === 'string') {
    try {
      const located = parseLocatedJson(json);
      root = located.value;
      lineOf = located.lineOf;
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new RatingInputError([{ source: 'methodology', line: e.line, message: `invalid JSON: ${e.message}` }]);
      throw e;
    }
  }
  const r = methodologySchema.safeParse(root);
  if (!r.success) {
    const issues: InputIssue[] = [];
    for (const iss of r.error.issues) {
      if (iss.code === 'unrecognized_keys') {
        for (const key of iss.keys) {
          const path = [...iss.path, key];
          issues.push({ source: 'methodology', line: lineOf(path), message: `${pathText(path)}: unknown field "${key}"` });
        }
        continue;
      }
      const got = valueAt(root, iss.path);
      const missing = got === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value');
      const message = missing ? `${pathText(iss.path)}: required field is missing`
        : `${pathText(iss.path)}: ${iss.message}${iss.code === 'custom' || got === undefined ? '' : ` (got ${show(got)})`}`;
      issues.push({ source: 'methodology', line: lineOf(iss.path), message });
    }
    for (const x of crossFieldIssues(root)) {
      const message = `${pathText(x.path)}: ${x.message}`;
      if (!issues.some((i) => i.message === message)) issues.push({ source: 'methodology', line: lineOf(x.path), message });
    }
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new RatingInputError(issues);
  }
  const methodology = r.data;
  return {
    methodology,
    indicatorLine: (code) => {
      const k = methodology.indicators.findIndex((i) => i.code === code);
      return k < 0 ? undefined : lineOf(['indicators', k]);
    },
  };
}

/** Validates a methodology (JSON text or a parsed value); throws RatingInputError. */
export function parseMethodology(json: string | unknown): Methodology {
  return parseMethodologySource(json).methodology;
}

/**
 * Legitimate but risky choices worth a warning: z-scores (about −2…+2) mixed with 0–100
 * scales carry far less spread, which silently reweights the index toward the 0–100 indicators.
 */
export function methodologyWarnings(m: Methodology): string[] {
  const kinds = new Set(m.indicators.map((i) => i.normalisation === 'zscore'));
  return kinds.size > 1
    ? ['z-score indicators are mixed with 0–100 normalisations; their smaller spread gives them less effective weight than configured']
    : [];
}
