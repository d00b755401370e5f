import { inArray, sql, type Column, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../auth/actor.js';

/**
 * The data-layer half of region scoping: every query over region-bound rows adds this
 * condition. National scope adds nothing; an empty regional scope matches nothing.
 */
export function regionCondition(scope: RegionScope, column: Column | SQL): SQL | undefined {
  if (scope.national) return undefined;
  if (scope.regions.length === 0) return sql`false`;
  return inArray(column as Column, scope.regions);
}
