/**
 * Dashboard figures: one indicator across regions for a period (map, comparison, anomalies),
 * over periods (trend), and anomalies across all indicators. Always within the caller's regions.
 */
import { and, eq, inArray, max, type SQL } from 'drizzle-orm';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { REGION_CODES } from '../../platform/geo/regions.js';
import { INTEGER_UNITS, type Unit } from './catalogue.data.js';
import { getIndicator, loadIndicators, type Indicator } from './catalogue.service.js';
import { formatPeriod, parsePeriod, periodRange, previousPeriods, type Period, type PeriodKind } from './periods.js';
import { populationOf } from './population.js';
import { situationValues } from './schema.js';
import { BASELINE_PERIODS, ratePer100k, resolveValue, robustZ, Z_THRESHOLD, type Aggregation, type AnomalyScore } from './stats.js';
import { valueCounts } from './values.service.js';

/** Options every view shares. */
export interface ViewOptions {
  /** Count values still waiting for review too (default: accepted only, the official figures). */
  includeSubmitted?: boolean;
  threshold?: number;
}

/** Regions the caller sees, in code order. */
const regionsOf = (actor: Actor): string[] => (actor.scope.national ? [...REGION_CODES] : REGION_CODES.filter((c) => actor.scope.regions.includes(c)));

function periodOrThrow(s: string): Period {
  const p = parsePeriod(s);
  if (!p) throw new AppError('situation.invalid_value', { period: s });
  return p;
}

/** Stored values per indicator → region → period, for the given indicators, within scope. */
async function loadDirect(db: Db, actor: Actor, codes: string[], opts: ViewOptions): Promise<Map<string, Map<string, Map<string, number>>>> {
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, situationValues.region), inArray(situationValues.indicatorCode, codes)];
  c.push(opts.includeSubmitted ? inArray(situationValues.status, ['accepted', 'submitted']) : eq(situationValues.status, 'accepted'));
  const rows = await db.select({ i: situationValues.indicatorCode, r: situationValues.region, p: situationValues.period, v: situationValues.value })
    .from(situationValues).where(and(...c));
  const out = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    const byRegion = out.get(row.i) ?? new Map<string, Map<string, number>>();
    out.set(row.i, byRegion);
    const byPeriod = byRegion.get(row.r) ?? new Map<string, number>();
    byRegion.set(row.r, byPeriod);
    byPeriod.set(row.p, row.v);
  }
  return out;
}

const EMPTY = new Map<string, number>();

/** The anomaly score of a region's value at `p` against its own previous periods. */
function scoreAt(direct: ReadonlyMap<string, number>, p: Period, value: number | null, ind: Indicator, threshold: number): AnomalyScore | null {
  if (value === null) return null;
  const agg = ind.aggregation as Aggregation;
  const baseline = previousPeriods(p, BASELINE_PERIODS).map((q) => resolveValue(direct, q, agg)).filter((v): v is number => v !== null);
  return robustZ(value, baseline, { threshold, counts: INTEGER_UNITS.has(ind.unit as Unit) });
}

/** One region's figure in a view. */
export interface RegionFigure {
  region: string;
  value: number | null;
  population: number | null;
  /** The year of the population figure used (nearest on file). */
  populationYear: number | null;
  /** Per 100,000 population; null when the indicator has no per-capita view or no value. */
  rate: number | null;
  anomaly: AnomalyScore | null;
}

/** One indicator, one period, every region in scope. */
export interface SituationView {
  indicator: Indicator;
  period: string;
  rows: RegionFigure[];
  /** Sum over the regions in scope when every one has a value (else null), with its rate. */
  total: { value: number | null; population: number; rate: number | null };
}

export async function situationView(db: Db, actor: Actor, q: { indicator: string; period: string } & ViewOptions): Promise<SituationView> {
  requirePermission(actor, 'situation.read');
  const ind = await getIndicator(db, actor, q.indicator);
  const p = periodOrThrow(q.period);
  const agg = ind.aggregation as Aggregation;
  const direct = (await loadDirect(db, actor, [ind.code], q)).get(ind.code) ?? new Map();
  const rows = regionsOf(actor).map((region): RegionFigure => {
    const values = direct.get(region) ?? EMPTY;
    const value = resolveValue(values, p, agg);
    const pop = populationOf(region, p.year);
    return {
      region, value, population: pop?.population ?? null, populationYear: pop?.year ?? null,
      rate: value !== null && ind.perCapita ? ratePer100k(value, pop?.population) : null,
      anomaly: scoreAt(values, p, value, ind, q.threshold ?? Z_THRESHOLD),
    };
  });
  return { indicator: ind, period: formatPeriod(p), rows, total: totalOf(rows, ind) };
}

function totalOf(rows: readonly { value: number | null; population: number | null }[], ind: Indicator): SituationView['total'] {
  const population = rows.reduce((a, r) => a + (r.population ?? 0), 0);
  // Only sums are meaningful across regions; a mean of survey percentages would need weights we lack.
  const complete = rows.length > 0 && rows.every((r) => r.value !== null) && ind.aggregation !== 'none';
  const value = complete ? rows.reduce((a, r) => a + r.value!, 0) : null;
  return { value, population, rate: value !== null && ind.perCapita ? ratePer100k(value, population) : null };
}

/** One indicator over a range of periods. */
export interface SituationTrend {
  indicator: Indicator;
  periods: string[];
  series: { region: string; values: (number | null)[]; rates: (number | null)[] }[];
  total: { values: (number | null)[]; rates: (number | null)[] };
}

export async function situationTrend(db: Db, actor: Actor, q: { indicator: string; from: string; to: string; regions?: string[] } & ViewOptions): Promise<SituationTrend> {
  requirePermission(actor, 'situation.read');
  const ind = await getIndicator(db, actor, q.indicator);
  const [from, to] = [periodOrThrow(q.from), periodOrThrow(q.to)];
  if (from.kind !== to.kind) throw new AppError('situation.invalid_value', { from: q.from, to: q.to });
  const periods = periodRange(from, to, 120);
  const agg = ind.aggregation as Aggregation;
  const direct = (await loadDirect(db, actor, [ind.code], q)).get(ind.code) ?? new Map();
  const inScope = regionsOf(actor);
  const all = inScope.map((region) => {
    const values = periods.map((p) => resolveValue(direct.get(region) ?? EMPTY, p, agg));
    const rates = values.map((v, i) => (v !== null && ind.perCapita ? ratePer100k(v, populationOf(region, periods[i]!.year)?.population) : null));
    return { region, values, rates };
  });
  const totals = periods.map((p, i) => totalOf(all.map((s) => ({ value: s.values[i]!, population: populationOf(s.region, p.year)?.population ?? null })), ind));
  const wanted = q.regions?.length ? all.filter((s) => q.regions!.includes(s.region)) : all;
  return { indicator: ind, periods: periods.map(formatPeriod), series: wanted, total: { values: totals.map((t) => t.value), rates: totals.map((t) => t.rate) } };
}

/** A flagged value in the anomaly list. */
export interface AnomalyRow extends AnomalyScore {
  indicator: string;
  region: string;
  period: string;
  value: number;
}

/** Every flagged region × indicator for one period (of any kind), largest |z| first. */
export async function situationAnomalies(db: Db, actor: Actor, q: { period: string } & ViewOptions): Promise<{ period: string; rows: AnomalyRow[] }> {
  requirePermission(actor, 'situation.read');
  const p = periodOrThrow(q.period);
  const indicators = (await loadIndicators(db, false)).filter((i) => (i.periods as string[]).includes(p.kind) || i.aggregation !== 'none');
  const direct = await loadDirect(db, actor, indicators.map((i) => i.code), q);
  const rows: AnomalyRow[] = [];
  for (const ind of indicators) {
    const agg = ind.aggregation as Aggregation;
    for (const region of regionsOf(actor)) {
      const values = direct.get(ind.code)?.get(region) ?? EMPTY;
      const value = resolveValue(values, p, agg);
      const score = scoreAt(values, p, value, ind, q.threshold ?? Z_THRESHOLD);
      if (score?.flagged) rows.push({ ...score, indicator: ind.code, region, period: formatPeriod(p), value: value! });
    }
  }
  rows.sort((a, b) => Math.abs(b.z ?? Infinity) - Math.abs(a.z ?? Infinity));
  return { period: formatPeriod(p), rows };
}

/** Home-page card and dashboard defaults: counts and the latest period with accepted data per kind. */
export async function situationStats(db: Db, actor: Actor): Promise<{ indicators: number; values: Record<string, number>; latest: Partial<Record<PeriodKind, string>> }> {
  requirePermission(actor, 'situation.read');
  const rows = await db.select({ k: situationValues.periodKind, p: max(situationValues.period) }).from(situationValues)
    .where(and(regionCondition(actor.scope, situationValues.region), eq(situationValues.status, 'accepted'))).groupBy(situationValues.periodKind);
  const latest: Partial<Record<PeriodKind, string>> = {};
  for (const r of rows) if (r.p) latest[r.k as PeriodKind] = r.p;
  return { indicators: (await loadIndicators(db, false)).length, values: await valueCounts(db, actor), latest };
}

/**
 * For other modules (the rating's input adapter): accepted figures, entered or rolled up, for the
 * given indicators and periods, in the caller's scope. Unknown codes and periods are skipped.
 */
export async function acceptedFigures(db: Db, actor: Actor, q: { indicators: readonly string[]; periods: readonly string[] }): Promise<{ region: string; indicator: string; period: string; value: number }[]> {
  requirePermission(actor, 'situation.read');
  const byCode = new Map((await loadIndicators(db)).map((i) => [i.code, i]));
  const codes = [...new Set(q.indicators)].filter((c) => byCode.has(c));
  const periods = [...new Set(q.periods)].map(parsePeriod).filter((p): p is Period => p !== null);
  if (!codes.length || !periods.length) return [];
  const direct = await loadDirect(db, actor, codes, {});
  const out: { region: string; indicator: string; period: string; value: number }[] = [];
  for (const code of codes) {
    for (const region of regionsOf(actor)) {
      for (const p of periods) {
        const v = resolveValue(direct.get(code)?.get(region) ?? EMPTY, p, byCode.get(code)!.aggregation as Aggregation);
        if (v !== null) out.push({ region, indicator: code, period: formatPeriod(p), value: v });
      }
    }
  }
  return out;
}
