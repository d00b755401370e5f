/**
 * Demo data: SYNTHETIC figures for all 20 regions, 2023–2025 (monthly for the key crime, seizure
 * and online indicators, quarterly for the rest, yearly for the EUDA survey-type ones), so the
 * dashboards have something to show. Generated deterministically from a fixed seed: the same
 * every time, and nothing here is, or is derived from, real statistics. A few anomalies are
 * planted on purpose (see PLANTED), and a handful of 2026 figures wait for review.
 */
import { and, count, like } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { REGION_CODES } from '../../platform/geo/regions.js';
import type { AppContext } from '../../platform/http/context.js';
import { SYNTHETIC } from '../../app/demo.js';
import { INTEGER_UNITS, INDICATORS, type Unit } from './catalogue.data.js';
import { formatPeriod, periodRange, type Period, type PeriodKind } from './periods.js';
import { populationOf } from './population.js';
import { situationValues } from './schema.js';
import type { CleanRow } from './validate.js';
import { writeValues } from './values.service.js';

/** Synthetic market intensity per region (1 = average). Invented for the demo. */
const INTENSITY: Record<string, number> = {
  'KZ-10': 0.9, 'KZ-11': 0.9, 'KZ-15': 0.9, 'KZ-19': 1.1, 'KZ-23': 0.8, 'KZ-27': 0.8, 'KZ-31': 1.4, 'KZ-33': 1.0, 'KZ-35': 1.4, 'KZ-39': 1.0,
  'KZ-43': 0.8, 'KZ-47': 1.0, 'KZ-55': 1.3, 'KZ-59': 1.0, 'KZ-61': 0.9, 'KZ-62': 0.7, 'KZ-63': 1.2, 'KZ-71': 1.2, 'KZ-75': 1.6, 'KZ-79': 1.3,
};

/** Synthetic profile of one indicator: yearly level per 100,000, growth per year, granularity, extras. */
interface Profile { rate: number; growth?: number; kind: PeriodKind; seasonal?: boolean; regions?: Record<string, number> }

const SOUTH = { 'KZ-31': 5, 'KZ-19': 2, 'KZ-33': 2, 'KZ-61': 1.5 };
const PROFILES: Record<string, Profile> = {
  crimes_296: { rate: 18, kind: 'month' }, crimes_297: { rate: 14, growth: 0.1, kind: 'month' }, crimes_298: { rate: 0.15, kind: 'month' },
  crimes_299: { rate: 0.3, kind: 'month' }, crimes_299_1: { rate: 0.8, growth: 0.4, kind: 'month' }, crimes_300: { rate: 0.6, kind: 'month', seasonal: true, regions: SOUTH },
  crimes_301: { rate: 0.1, kind: 'month' }, crimes_302: { rate: 0.5, kind: 'month' }, crimes_303: { rate: 0.05, kind: 'month' },
  sales_facts: { rate: 10, growth: 0.08, kind: 'month' }, seized_cannabis_kg: { rate: 100, kind: 'month', seasonal: true, regions: { 'KZ-31': 6, 'KZ-19': 2, 'KZ-33': 2 } },
  seized_synthetic_kg: { rate: 4, growth: 0.3, kind: 'month', regions: { 'KZ-75': 2, 'KZ-71': 1.5, 'KZ-35': 1.5, 'KZ-55': 1.5 } }, sites_blocked: { rate: 20, growth: 0.25, kind: 'month' },
  seized_hashish_kg: { rate: 5, kind: 'quarter', regions: SOUTH }, seized_heroin_kg: { rate: 1.5, growth: -0.2, kind: 'quarter', regions: { 'KZ-61': 3, 'KZ-79': 3, 'KZ-31': 2, 'KZ-75': 1.5 } },
  seized_opium_kg: { rate: 0.8, kind: 'quarter', regions: SOUTH }, seized_cocaine_kg: { rate: 0.05, kind: 'quarter', regions: { 'KZ-75': 4, 'KZ-71': 3 } },
  seized_lsd_doses: { rate: 6, kind: 'quarter' }, seized_tablets: { rate: 200, kind: 'quarter' }, seized_precursors_kg: { rate: 150, kind: 'quarter' },
  labs_dismantled: { rate: 0.15, growth: 0.2, kind: 'quarter' }, cultivation_detected: { rate: 3, kind: 'quarter', seasonal: true, regions: SOUTH },
  persons_prosecuted: { rate: 28, kind: 'quarter' }, minors_prosecuted: { rate: 1.6, kind: 'quarter' }, ocg_disrupted: { rate: 0.12, kind: 'quarter' },
  channels_cut: { rate: 0.6, kind: 'quarter' }, accounts_blocked: { rate: 15, growth: 0.3, kind: 'quarter' }, cards_blocked: { rate: 25, growth: 0.2, kind: 'quarter' },
  treatment_demand: { rate: 60, kind: 'quarter' }, registered_patients: { rate: 110, growth: -0.03, kind: 'quarter' }, drug_deaths: { rate: 1.2, kind: 'quarter' },
  prevention_events: { rate: 150, growth: 0.15, kind: 'quarter' }, graffiti_removed: { rate: 80, growth: 0.2, kind: 'quarter' },
  euda_gps: { rate: 2.2, kind: 'year' }, euda_hrdu: { rate: 3.5, kind: 'year' }, euda_tdi: { rate: 20, kind: 'year' }, euda_drd: { rate: 1, kind: 'year' }, euda_drid: { rate: 1.5, kind: 'year' },
};

/** Planted anomalies: [indicator, region, period, factor] — so the anomaly list has something to explain. */
const PLANTED: [string, string, string, number][] = [
  ['seized_synthetic_kg', 'KZ-75', '2025-11', 4], ['crimes_297', 'KZ-47', '2025-12', 3], ['sites_blocked', 'KZ-55', '2025-12', 0.1], ['seized_hashish_kg', 'KZ-31', '2025-Q4', 5],
];

/** mulberry32: small, fast, and the same numbers on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(mean: number, r: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  }
  const l = Math.exp(-mean);
  let k = 0;
  for (let p = r(); p > l; p *= r()) k++;
  return k;
}

// Cannabis and poppy: the harvest season (operation "Mak", June–October) carries most of the year.
const SEASON = [0.2, 0.2, 0.3, 0.6, 1.0, 1.8, 2.2, 2.2, 1.8, 1.1, 0.4, 0.2];
const seasonOf = (p: Period): number => (p.kind === 'month' ? SEASON[p.index - 1]! : p.kind === 'quarter' ? SEASON.slice((p.index - 1) * 3, p.index * 3).reduce((a, b) => a + b, 0) / 3 : 1);
const share = (p: Period): number => (p.kind === 'month' ? 1 / 12 : p.kind === 'quarter' ? 1 / 4 : 1);

/** The synthetic accepted figures for 2023–2025. Pure: exported for tests and inspection. */
export function demoRows(): CleanRow[] {
  const r = rng(20260322);
  const out: CleanRow[] = [];
  const planted = new Map(PLANTED.map(([i, reg, p, f]) => [`${i}|${reg}|${p}`, f]));
  for (const def of INDICATORS) {
    const prof = PROFILES[def.code];
    if (!prof) continue;
    const start: Period = { kind: prof.kind, year: 2023, index: prof.kind === 'year' ? 0 : 1 };
    const end: Period = { kind: prof.kind, year: 2025, index: prof.kind === 'month' ? 12 : prof.kind === 'quarter' ? 4 : 0 };
    for (const region of REGION_CODES) {
      const local = INTENSITY[region]! * (prof.regions?.[region] ?? 1) * (0.85 + 0.3 * r());
      for (const p of periodRange(start, end)) {
        const pop = populationOf(region, p.year)!.population;
        const factor = planted.get(`${def.code}|${region}|${formatPeriod(p)}`) ?? 1;
        const trend = (1 + (prof.growth ?? 0)) ** (p.year - 2023 + (p.kind === 'year' ? 0 : (p.index - 1) * share(p)));
        let value: number;
        if (def.unit === 'percent' || def.unit === 'per_1000') value = Math.round(prof.rate * local * (0.9 + 0.2 * r()) * 10) / 10;
        else if (def.aggregation === 'last') value = Math.round((prof.rate * local * trend * pop) / 100_000 * (0.97 + 0.06 * r()));
        else {
          const mean = (prof.rate * pop) / 100_000 * share(p) * local * trend * (prof.seasonal ? seasonOf(p) : 1) * factor;
          value = INTEGER_UNITS.has(def.unit as Unit) ? poisson(mean, r) : Math.round(mean * (0.6 + 0.8 * r()) * 1000) / 1000;
        }
        out.push({ row: 0, indicatorCode: def.code, region, period: formatPeriod(p), periodKind: p.kind, value, source: '', note: '' });
      }
    }
  }
  // The total is the sum of the articles, as in the statistics forms.
  const totals = new Map<string, CleanRow>();
  for (const row of out.filter((x) => /^crimes_\d/.test(x.indicatorCode))) {
    const key = `${row.region}|${row.period}`;
    const t = totals.get(key) ?? { ...row, indicatorCode: 'crimes_total', value: 0 };
    t.value += row.value;
    totals.set(key, t);
  }
  return [...out, ...totals.values()];
}

/** Seed once (idempotent): skipped when any synthetic situation figure exists. */
export async function seedSituationDemo(ctx: AppContext): Promise<void> {
  const marker = `${SYNTHETIC} generated (src/modules/situation/demo.ts)`;
  const [{ n }] = (await ctx.db.select({ n: count() }).from(situationValues).where(and(like(situationValues.source, `${SYNTHETIC}%`)))) as [{ n: number }];
  if (Number(n) > 0) return;
  const seed = systemActor(`${SYNTHETIC} seed`);
  const hq = systemActor(`${SYNTHETIC} regional HQ`);
  const rows = demoRows().map((x) => ({ ...x, source: marker }));
  const pending: CleanRow[] = ['KZ-75', 'KZ-35', 'KZ-79'].flatMap((region, i) => ['2026-01', '2026-02'].flatMap((period) =>
    ['crimes_296', 'crimes_297', 'sales_facts', 'sites_blocked'].map((indicatorCode, j) => ({
      row: 0, indicatorCode, region, period, periodKind: 'month' as const, value: 8 + ((i * 7 + j * 5 + Number(period.slice(5)) * 3) % 23), source: marker, note: '',
    }))));
  await ctx.db.transaction(async (tx) => {
    await writeValues(tx, seed, rows, { status: 'accepted' });
    await writeValues(tx, hq, pending);
    await recordAudit(tx, seed, { action: 'situation.demo_seed', entityType: 'situation_import', details: { accepted: rows.length, submitted: pending.length, note: marker } });
  });
}
