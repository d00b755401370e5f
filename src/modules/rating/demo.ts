/**
 * Demo data: one methodology and published ratings for 2024 and 2025, computed from SYNTHETIC
 * values generated with a seeded PRNG. They go through the same services (and the same CSV
 * path) as real data, so the demo shows the whole workflow, audit rows included.
 */
import { eq } from 'drizzle-orm';
import { SYNTHETIC } from '../../app/demo.js';
import { systemActor } from '../../platform/auth/actor.js';
import { REGION_CODES, type RegionCode } from '../../platform/geo/regions.js';
import type { AppContext } from '../../platform/http/context.js';
import { mulberry32, type MethodologyInput } from './engine/index.js';
import { activateMethodology, createMethodology } from './methodology.service.js';
import { approveRating, createRating, publishRating } from './rating.service.js';
import { ratingMethodologies } from './schema.js';

/** Name of the demo methodology. A function: src/app/demo.ts imports this module, so SYNTHETIC is not yet initialised at load time. */
export const demoMethodologyName = (): string => `${SYNTHETIC} Anti-drug work of akimats`;

/** The demo methodology: seven indicators of the kind the HQ scores akimats on. */
export const DEMO_METHODOLOGY: MethodologyInput = {
  description: 'Synthetic demonstration methodology. Weights and targets are illustrative, not the HQ\u2019s.',
  indicators: [
    { code: 'treatment_coverage', name: 'Registered users in treatment, %', weight: 2, direction: 'higher_better', normalisation: 'minmax' },
    { code: 'rehab_completion', name: 'Completed medical and social rehabilitation, %', weight: 1.5, direction: 'higher_better', normalisation: 'target', target: 60 },
    { code: 'overdose_deaths', name: 'Overdose deaths per 100k', weight: 2, direction: 'lower_better', normalisation: 'minmax', perCapita: { denominator: 'population', per: 100_000 } },
    { code: 'youth_new_cases', name: 'Minors newly registered per 100k', weight: 1, direction: 'lower_better', normalisation: 'rank', perCapita: { denominator: 'population', per: 100_000 } },
    { code: 'prevention_reach', name: 'Pupils reached by prevention, %', weight: 1, direction: 'higher_better', normalisation: 'target', target: 90 },
    { code: 'plan_execution', name: 'Regional anti-drug plan measures done, %', weight: 1.5, direction: 'higher_better', normalisation: 'target', target: 100 },
    { code: 'hemp_destroyed', name: 'Wild hemp sites destroyed, % of found', weight: 1, direction: 'higher_better', normalisation: 'minmax' },
  ],
  aggregation: 'arithmetic',
  missing: 'reweight',
};

/** Rounded population figures (thousands) used only to make per-capita demo values plausible. */
const POPULATION_K: Record<RegionCode, number> = {
  'KZ-10': 603, 'KZ-11': 785, 'KZ-15': 921, 'KZ-19': 1524, 'KZ-23': 703, 'KZ-27': 689, 'KZ-31': 1216, 'KZ-33': 698, 'KZ-35': 1130, 'KZ-39': 828,
  'KZ-43': 841, 'KZ-47': 792, 'KZ-55': 749, 'KZ-59': 530, 'KZ-61': 2140, 'KZ-62': 221, 'KZ-63': 725, 'KZ-71': 1423, 'KZ-75': 2229, 'KZ-79': 1230,
};

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Synthetic values `region,indicator,period,value` for the given years (plus population rows
 * for the per-capita indicators). Deterministic: a fixed seed, each region a latent "quality"
 * that drifts a little from year to year. One region leaves one value out in 2025 to show the
 * missing-value rule at work.
 */
export function demoValuesCsv(years: readonly number[] = [2024, 2025]): string {
  const rng = mulberry32(20240601);
  const quality = new Map(REGION_CODES.map((r) => [r, 0.2 + 0.6 * rng()]));
  const lines = ['region,indicator,period,value'];
  for (const year of years) {
    for (const r of REGION_CODES) {
      const q = Math.min(0.97, Math.max(0.03, quality.get(r)! + 0.12 * (rng() - 0.5)));
      quality.set(r, q);
      const noise = () => 0.85 + 0.3 * rng();
      const pop = POPULATION_K[r] * 1000 * (1 + 0.012 * (year - 2024));
      const v: Record<string, number> = {
        treatment_coverage: round(35 + 50 * q * noise()),
        rehab_completion: round(25 + 50 * q * noise()),
        overdose_deaths: Math.round(((14 - 11 * q) * noise() * pop) / 100_000),
        youth_new_cases: Math.round(((30 - 22 * q) * noise() * pop) / 100_000),
        prevention_reach: round(Math.min(100, 55 + 45 * q * noise())),
        plan_execution: round(Math.min(100, 70 + 30 * q * noise())),
        hemp_destroyed: round(Math.min(100, 40 + 60 * q * noise())),
        population: Math.round(pop),
      };
      for (const [indicator, value] of Object.entries(v)) {
        if (year === 2025 && r === 'KZ-62' && indicator === 'prevention_reach') continue;
        lines.push(`${r},${indicator},${year},${value}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** Seed the demo methodology and the published 2024 and 2025 ratings once. */
export async function seedRatingDemo(ctx: AppContext): Promise<void> {
  const [exists] = await ctx.db.select({ id: ratingMethodologies.id }).from(ratingMethodologies).where(eq(ratingMethodologies.name, demoMethodologyName())).limit(1);
  if (exists) return;
  // Three different actors, as in real life: the four-eyes rule applies to the demo too.
  const analyst = systemActor('demo-analyst');
  const reviewer = systemActor('demo-reviewer');
  const admin = systemActor('demo-admin');
  const m = await createMethodology(ctx.db, analyst, { name: demoMethodologyName(), version: '2024.1', config: DEMO_METHODOLOGY });
  await activateMethodology(ctx.db, reviewer, m.id);
  const csv = demoValuesCsv();
  const sensitivity = { runs: 1000, seed: 2025, weightJitter: 0.2, normalisations: ['minmax', 'rank'] as ('minmax' | 'rank')[] };
  for (const [period, previousPeriod] of [['2024', null], ['2025', '2024']] as const) {
    const draft = await createRating(ctx.db, analyst, {
      methodologyId: m.id, period, previousPeriod, source: 'csv', csv, sensitivity, inputNote: `${SYNTHETIC} generated values (src/modules/rating/demo.ts)`,
    });
    await approveRating(ctx.db, reviewer, draft.id);
    await publishRating(ctx.db, admin, draft.id);
  }
}
