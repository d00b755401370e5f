/**
 * Where a rating's input values come from. The rating never reads another module's tables: it
 * asks a `RatingInputSource`, and the chosen source's values are frozen into the rating.
 */
import type { Actor } from '../../platform/auth/actor.js';
import { rolesAllow } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/client.js';
import { isRegionCode, REGION_CODES, type RegionCode } from '../../platform/geo/regions.js';
import { acceptedFigures } from '../situation/dashboard.service.js';
import { populationOf } from '../situation/population.js';
import { parseValuesCsv, type ValueRow } from './engine/index.js';

/** What a rating needs: these indicators (and per-capita denominators) for these periods. */
export interface RatingInputQuery {
  readonly indicators: readonly string[];
  readonly periods: readonly string[];
}

/** A supplier of indicator values per region × period. */
export interface RatingInputSource {
  /** Stored with the rating: 'csv' (an upload) or 'situation' (situation monitoring). */
  readonly kind: 'csv' | 'situation';
  /** Accepted values matching the query; rows outside it may be returned and are ignored. */
  values(query: RatingInputQuery): Promise<ValueRow[]>;
}

/**
 * Values from an uploaded CSV in the engine's format (`region,indicator,period,value`, the
 * same as `qalqan rating compute --values`). Per-capita denominators may be given as rows
 * whose indicator is the denominator's name (e.g. `KZ-71,population,2025,1500000`).
 * Parse errors surface as the engine's RatingInputError, with line numbers.
 */
export function csvInputSource(text: string): RatingInputSource {
  return { kind: 'csv', values: async () => parseValuesCsv(text) };
}

/**
 * ADAPTER POINT — situation monitoring (src/modules/situation/).
 *
 * Accepted values come from the situation module's own service function `acceptedFigures`
 * (called with the same actor, so its permission and scope checks apply); its tables are never
 * read here. A per-capita denominator named `population` is taken from the situation module's
 * population figures (data/population.json) for the year the period starts with. Returns null
 * when the source cannot serve this caller, and the API answers `rating.source_unavailable`.
 */
export async function situationInputSource(db: Db, actor: Actor): Promise<RatingInputSource | null> {
  if (!rolesAllow(actor.roles, 'situation.read')) return null;
  return {
    kind: 'situation',
    values: async (q) => {
      const figures = await acceptedFigures(db, actor, q);
      const rows: ValueRow[] = figures.filter((f) => isRegionCode(f.region))
        .map((f) => ({ region: f.region as RegionCode, indicator: f.indicator, period: f.period, value: f.value }));
      if (q.indicators.includes('population')) {
        for (const period of q.periods) {
          const year = /^(\d{4})/.exec(period)?.[1];
          if (!year) continue;
          for (const region of REGION_CODES) {
            const p = populationOf(region, Number(year));
            if (p) rows.push({ region, indicator: 'population', period, value: p.population });
          }
        }
      }
      return rows;
    },
  };
}
