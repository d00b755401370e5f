/** Region scope for traces: shared by every read path so no query forgets it. */
import { and, eq, isNull, or, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { canSeeRegion, type Actor, type RegionScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { traceEntities } from './schema.js';

export type TraceEntity = typeof traceEntities.$inferSelect;

/**
 * Rows without a region (a wallet, a Telegram handle) are visible to every reader; region-bound
 * rows only inside the caller's scope. Plain `regionCondition` would hide region-less rows
 * from regional users, which is wrong for indicators.
 */
export function visibleRegion(scope: RegionScope, column: Column): SQL | undefined {
  const inScope = regionCondition(scope, column);
  return inScope === undefined ? undefined : or(isNull(column), inScope);
}

/** The same rule in code, for rows already loaded. */
export const regionVisible = (scope: RegionScope, region: string | null): boolean => region === null || canSeeRegion(scope, region);

export const isUuid = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * An entity the caller may see; outside the scope looks exactly like "does not exist".
 * `forUpdate` locks the row for a read-modify-write (tags, attributes) so concurrent edits do not overwrite each other.
 */
export async function loadVisibleEntity(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<TraceEntity> {
  if (!isUuid(id)) throw new AppError('record.not_found');
  const q = db.select().from(traceEntities).where(and(eq(traceEntities.id, id), visibleRegion(actor.scope, traceEntities.region)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('record.not_found');
  return row;
}

/** Split into statements of at most `size` rows: multi-row inserts, bounded parameter counts. */
export function chunks<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Tag form: lower-case word characters, dots, colons and dashes; null when unusable. */
export function normTag(tag: unknown): string | null {
  if (typeof tag !== 'string') return null;
  const t = tag.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '_');
  return /^[\p{L}\p{N}_.:-]{1,64}$/u.test(t) ? t : null;
}
