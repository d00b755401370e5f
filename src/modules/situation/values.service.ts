import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, requirePerson, requireRegion, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { isRegionCode } from '../../platform/geo/regions.js';
import { loadIndicators } from './catalogue.service.js';
import { situationValues } from './schema.js';
import { checkRows, valueKey, type CleanRow } from './validate.js';

/** A stored figure. */
export type SituationValue = typeof situationValues.$inferSelect;
export const STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ValueStatus = (typeof STATUSES)[number];

/** Status of already stored values for the given rows' keys (superset query, matched in memory). */
export async function existingStatuses(db: Db, rows: readonly { indicator: string; region: string; period: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  const [inds, regs, pers] = [uniq(rows.map((r) => r.indicator)), uniq(rows.map((r) => r.region.toUpperCase())), uniq(rows.map((r) => r.period))];
  if (!inds.length || !regs.length || !pers.length) return out;
  const found = await db.select({ i: situationValues.indicatorCode, r: situationValues.region, p: situationValues.period, s: situationValues.status })
    .from(situationValues).where(and(inArray(situationValues.indicatorCode, inds), inArray(situationValues.region, regs), inArray(situationValues.period, pers)));
  for (const f of found) out.set(valueKey(f.i, f.r, f.p), f.s);
  return out;
}

/** The stored value, status and source of each of these figures that exists, by valueKey: what a write replaces, for its audit row. */
export async function currentValues(db: Db, rows: readonly { indicatorCode: string; region: string; period: string }[]): Promise<Map<string, { value: string | number | null; status: string; source: string }>> {
  const out = new Map<string, { value: string | number | null; status: string; source: string }>();
  if (!rows.length) return out;
  const found = await db.select({ i: situationValues.indicatorCode, r: situationValues.region, p: situationValues.period, value: situationValues.value, status: situationValues.status, source: situationValues.source })
    .from(situationValues).where(and(inArray(situationValues.indicatorCode, [...new Set(rows.map((r) => r.indicatorCode))]), inArray(situationValues.region, [...new Set(rows.map((r) => r.region))]), inArray(situationValues.period, [...new Set(rows.map((r) => r.period))])));
  for (const f of found) out.set(valueKey(f.i, f.r, f.p), { value: f.value as string | number | null, status: f.status, source: f.source });
  return out;
}

/**
 * Insert or replace checked rows as `submitted`. The conflict update skips accepted rows, so a
 * value accepted between checking and writing is never overwritten: the count then falls short
 * and the whole transaction is refused.
 */
export async function writeValues(tx: Db, actor: Actor, rows: readonly CleanRow[], opts: { importFile?: string | null; status?: ValueStatus } = {}): Promise<SituationValue[]> {
  const now = new Date();
  const written: SituationValue[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({
      indicatorCode: r.indicatorCode, region: r.region, period: r.period, periodKind: r.periodKind, value: r.value, source: r.source, note: r.note,
      status: opts.status ?? 'submitted', reviewComment: '', submittedById: actor.id, submittedByName: actor.name, submittedAt: now, importFile: opts.importFile ?? null,
      reviewedById: null, reviewedByName: null, reviewedAt: null,
    }));
    const out = await tx.insert(situationValues).values(chunk).onConflictDoUpdate({
      target: [situationValues.indicatorCode, situationValues.region, situationValues.period],
      set: {
        value: sql`excluded.value`, source: sql`excluded.source`, note: sql`excluded.note`, status: sql`excluded.status`, reviewComment: '',
        submittedById: sql`excluded.submitted_by_id`, submittedByName: sql`excluded.submitted_by_name`, submittedAt: sql`excluded.submitted_at`,
        importFile: sql`excluded.import_file`, reviewedById: null, reviewedByName: null, reviewedAt: null,
      },
      setWhere: ne(situationValues.status, 'accepted'),
    }).returning();
    if (out.length !== chunk.length) throw new AppError('situation.already_accepted');
    written.push(...out);
  }
  return written;
}

/** What the entry form sends. */
export interface ValueInput {
  indicator: string;
  region: string;
  period: string;
  value: number | string;
  source?: string;
  note?: string;
}

/** Submit (or re-submit) one figure from the entry form; replaces a submitted or returned one. */
export async function submitValue(db: Db, actor: Actor, input: ValueInput): Promise<SituationValue> {
  requirePermission(actor, 'situation.submit');
  if (!isRegionCode(input.region)) throw new AppError('region.invalid', { region: input.region });
  requireRegion(actor, input.region);
  const indicators = new Map((await loadIndicators(db)).map((i) => [i.code, i]));
  return db.transaction(async (tx) => {
    const raw = { row: 1, indicator: input.indicator, region: input.region, period: input.period, value: input.value, unit: null, source: input.source ?? '', note: input.note ?? '' };
    const existing = await existingStatuses(tx, [raw]);
    const { clean, errors } = checkRows([raw], { indicators, scope: actor.scope, now: new Date(), existing });
    if (errors.some((e) => e.code === 'already_accepted')) throw new AppError('situation.already_accepted');
    if (errors.length) throw new AppError('situation.invalid_value', { errors: errors.map(({ row: _row, ...e }) => e) });
    const old = (await currentValues(tx, clean)).get(valueKey(clean[0]!.indicatorCode, clean[0]!.region, clean[0]!.period));
    const [row] = await writeValues(tx, actor, clean);
    const replaced = existing.has(valueKey(row!.indicatorCode, row!.region, row!.period));
    await recordAudit(tx, actor, {
      action: 'situation.submit', entityType: 'situation_value', entityId: row!.id, region: row!.region,
      // The figure replaced (a re-submission of a submitted or returned one) stays in the audit log.
      before: old ? { indicator: row!.indicatorCode, period: row!.period, ...old } : null,
      after: { indicator: row!.indicatorCode, period: row!.period, value: row!.value, source: row!.source }, details: { replaced },
    });
    return row!;
  });
}

/** Filters for the value lists (entry history, review queue). */
export interface ValueQuery {
  status?: ValueStatus;
  region?: string;
  indicator?: string;
  period?: string;
  /** Only values the caller submitted. */
  mine?: boolean;
  limit?: number;
  offset?: number;
}

/** Values in the caller's regions only; newest submissions first. */
export async function listValues(db: Db, actor: Actor, q: ValueQuery): Promise<{ items: SituationValue[]; total: number }> {
  requirePermission(actor, 'situation.read');
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, situationValues.region)];
  if (q.status) c.push(eq(situationValues.status, q.status));
  if (q.region) c.push(eq(situationValues.region, q.region));
  if (q.indicator) c.push(eq(situationValues.indicatorCode, q.indicator));
  if (q.period) c.push(eq(situationValues.period, q.period));
  if (q.mine) c.push(actor.id ? eq(situationValues.submittedById, actor.id) : sql`false`);
  const where = and(...c);
  const items = await db.select().from(situationValues).where(where)
    .orderBy(desc(situationValues.submittedAt), asc(situationValues.region), asc(situationValues.indicatorCode), asc(situationValues.period))
    .limit(Math.min(q.limit ?? 100, 500)).offset(q.offset ?? 0);
  const [{ n }] = (await db.select({ n: count() }).from(situationValues).where(where)) as [{ n: number }];
  return { items, total: Number(n) };
}

/** A reviewer's decision on one or more values. */
export interface ReviewInput {
  ids: string[];
  decision: 'accept' | 'return';
  /** Required when returning: what the submitter must fix. */
  comment?: string;
  /**
   * When each figure was submitted, as the reviewer's page showed it (id → ISO time): a figure
   * re-submitted since is refused, so nobody accepts a number they never saw.
   */
  seen?: Record<string, string>;
}

/**
 * Accept submitted values, or return submitted/accepted ones with a comment. Needs national scope
 * (regional staff submit, the Republican level reviews) and four eyes: nobody reviews their own
 * submission. All or nothing: one refused id refuses the batch. One audit row per value.
 */
export async function reviewValues(db: Db, actor: Actor, input: ReviewInput): Promise<SituationValue[]> {
  requirePermission(actor, 'situation.accept');
  requirePerson(actor);
  if (!actor.scope.national) throw new AppError('situation.national_review');
  const comment = (input.comment ?? '').trim();
  if (input.decision === 'return' && !comment) throw new AppError('request.invalid', { comment: 'required' });
  const ids = [...new Set(input.ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!ids.length || ids.length !== new Set(input.ids).size) throw new AppError('record.not_found');
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(situationValues).where(and(inArray(situationValues.id, ids), regionCondition(actor.scope, situationValues.region))).for('update');
    if (rows.length !== ids.length) throw new AppError('record.not_found');
    const from = input.decision === 'accept' ? ['submitted'] : ['submitted', 'accepted'];
    const bad = rows.find((r) => !from.includes(r.status));
    if (bad) throw new AppError('record.invalid_state', { id: bad.id, status: bad.status, decision: input.decision });
    if (actor.id && rows.some((r) => r.submittedById === actor.id)) throw new AppError('situation.own_submission');
    const changed = input.seen ? rows.find((r) => input.seen![r.id] !== undefined && new Date(input.seen![r.id]!).getTime() !== r.submittedAt.getTime()) : undefined;
    if (changed) throw new AppError('record.conflict', { id: changed.id, reason: 're-submitted since it was shown; reload and check again' });
    const status = input.decision === 'accept' ? 'accepted' : 'returned';
    const updated = await tx.update(situationValues)
      .set({ status, reviewComment: input.decision === 'return' ? comment : '', reviewedById: actor.id, reviewedByName: actor.name, reviewedAt: new Date() })
      .where(inArray(situationValues.id, ids)).returning();
    for (const r of rows) {
      await recordAudit(tx, actor, {
        action: `situation.${input.decision}`, entityType: 'situation_value', entityId: r.id, region: r.region,
        before: { status: r.status }, after: { status, indicator: r.indicatorCode, period: r.period, value: r.value },
        ...(comment ? { details: { comment } } : {}),
      });
    }
    return updated;
  });
}

/** Value counts by status in the caller's scope (dashboard card, review badge). */
export async function valueCounts(db: Db, actor: Actor): Promise<Record<ValueStatus, number>> {
  requirePermission(actor, 'situation.read');
  const rows = await db.select({ s: situationValues.status, n: count() }).from(situationValues)
    .where(regionCondition(actor.scope, situationValues.region)).groupBy(situationValues.status);
  const out: Record<ValueStatus, number> = { submitted: 0, accepted: 0, returned: 0 };
  for (const r of rows) out[r.s as ValueStatus] = Number(r.n);
  return out;
}
