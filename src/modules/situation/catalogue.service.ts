import { asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Names } from '../../platform/geo/regions.js';
import { INDICATORS, type Category, type Polarity, type Unit } from './catalogue.data.js';
import type { PeriodKind } from './periods.js';
import { situationIndicators, situationValues } from './schema.js';
import type { Aggregation } from './stats.js';

/** An indicator as stored (the catalogue entry an admin may have edited). */
export type Indicator = typeof situationIndicators.$inferSelect;

/**
 * Insert the reviewed starting catalogue (catalogue.data.ts) where a code is missing. Runs at
 * every start; `on conflict do nothing` keeps admins' edits and makes concurrent starts safe.
 * Not audited: like a migration, it ships with the release and is reviewed in the repository.
 */
export async function seedCatalogue(db: Db): Promise<number> {
  const rows = INDICATORS.map((d, i) => ({ ...d, periods: [...d.periods], sortOrder: (i + 1) * 10 }));
  const inserted = await db.insert(situationIndicators).values(rows).onConflictDoNothing({ target: situationIndicators.code }).returning({ code: situationIndicators.code });
  return inserted.length;
}

/** Every indicator (inactive ones only when asked), in display order. Internal: no permission check. */
export async function loadIndicators(db: Db, includeInactive = true): Promise<Indicator[]> {
  const rows = await db.select().from(situationIndicators).orderBy(asc(situationIndicators.sortOrder), asc(situationIndicators.code));
  return includeInactive ? rows : rows.filter((r) => r.active);
}

export async function listIndicators(db: Db, actor: Actor, opts: { all?: boolean } = {}): Promise<Indicator[]> {
  requirePermission(actor, 'situation.read');
  return loadIndicators(db, Boolean(opts.all));
}

/** An indicator by code, or `record.not_found`. */
export async function getIndicator(db: Db, actor: Actor, code: string): Promise<Indicator> {
  requirePermission(actor, 'situation.read');
  const [row] = await db.select().from(situationIndicators).where(eq(situationIndicators.code, code));
  if (!row) throw new AppError('record.not_found');
  return row;
}

/** Fields an admin sets on a new indicator. */
export interface IndicatorInput {
  code: string;
  category: Category;
  names: Names;
  description?: Names;
  unit: Unit;
  polarity: Polarity;
  perCapita: boolean;
  aggregation: Aggregation;
  periods: PeriodKind[];
  source: Names;
  sortOrder?: number;
  active?: boolean;
}

const EMPTY: Names = { kk: '', ru: '', en: '' };
/** What the audit row keeps of an indicator: everything but timestamps. */
const snapshot = (r: Indicator) => ({ code: r.code, category: r.category, names: r.names, unit: r.unit, polarity: r.polarity, perCapita: r.perCapita, aggregation: r.aggregation, periods: r.periods, source: r.source, active: r.active, sortOrder: r.sortOrder });

export async function createIndicator(db: Db, actor: Actor, input: IndicatorInput): Promise<Indicator> {
  requirePermission(actor, 'situation.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(situationIndicators).values({ ...input, description: input.description ?? EMPTY, periods: [...new Set(input.periods)] })
      .onConflictDoNothing({ target: situationIndicators.code }).returning();
    if (!row) throw new AppError('record.conflict', { code: input.code });
    await recordAudit(tx, actor, { action: 'situation.indicator_create', entityType: 'situation_indicator', entityId: row.code, after: snapshot(row) });
    return row;
  });
}

/** Editable fields; the code never changes (imports and stored values refer to it). */
export type IndicatorPatch = Partial<Omit<IndicatorInput, 'code'>>;

/**
 * Edit an indicator. Unit and aggregation change the meaning of stored figures, so they may only
 * change while the indicator has no values.
 */
export async function updateIndicator(db: Db, actor: Actor, code: string, patch: IndicatorPatch): Promise<Indicator> {
  requirePermission(actor, 'situation.manage');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(situationIndicators).where(eq(situationIndicators.code, code)).for('update');
    if (!before) throw new AppError('record.not_found');
    const meaningChanges = (patch.unit !== undefined && patch.unit !== before.unit) || (patch.aggregation !== undefined && patch.aggregation !== before.aggregation);
    if (meaningChanges) {
      const [{ n }] = (await tx.select({ n: count() }).from(situationValues).where(eq(situationValues.indicatorCode, code))) as [{ n: number }];
      if (Number(n) > 0) throw new AppError('record.invalid_state', { reason: 'values_exist', fields: ['unit', 'aggregation'] });
    }
    const set = { ...patch, ...(patch.periods ? { periods: [...new Set(patch.periods)] } : {}), updatedAt: new Date() };
    const [after] = await tx.update(situationIndicators).set(set).where(eq(situationIndicators.code, code)).returning();
    await recordAudit(tx, actor, { action: 'situation.indicator_update', entityType: 'situation_indicator', entityId: code, before: snapshot(before), after: snapshot(after!) });
    return after!;
  });
}
