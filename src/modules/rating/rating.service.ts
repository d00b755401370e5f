/**
 * Ratings of the regions: compute a draft from frozen inputs, approve (by someone else), publish.
 * A published rating never changes; `verifyRating` recomputes it from what is stored.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, requirePerson, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { csvInputSource, situationInputSource, type RatingInputSource } from './inputs.js';
import { actorKey, asAppError, isId, loadMethodology, requireNational, seesDrafts, type MethodologyRow } from './methodology.service.js';
import { ratingMethodologies, ratings } from './schema.js';
import {
  canonicalJson, computeSnapshot, DEFAULT_SENSITIVITY, denominatorNames, resultHash, selectInputs, snapshotHash, SNAPSHOT_FORMAT,
  type RatingSnapshot, type SensitivitySettings,
} from './snapshot.js';

export type Rating = typeof ratings.$inferSelect;
export const RATING_STATUSES = ['draft', 'approved', 'published'] as const;

/** What a draft is computed from. Without `csv`/`source` a recompute keeps the stored values. */
export interface ComputeInput {
  period: string;
  previousPeriod?: string | null;
  source?: 'csv' | 'situation';
  csv?: string;
  inputNote?: string;
  sensitivity?: Partial<SensitivitySettings>;
}

async function sourceFor(db: Db, actor: Actor, input: ComputeInput): Promise<RatingInputSource> {
  if (input.source === 'situation') {
    const s = await situationInputSource(db, actor);
    if (!s) throw new AppError('rating.source_unavailable', { source: 'situation' });
    return s;
  }
  if (input.csv === undefined) throw new AppError('request.invalid', [{ path: '/csv', message: 'required for source "csv"' }]);
  return csvInputSource(input.csv);
}

/** Gathers and freezes the inputs, then computes; engine problems become `rating.invalid_input`. */
async function build(db: Db, actor: Actor, m: MethodologyRow, input: ComputeInput, stored?: Rating) {
  const periods = [input.period, ...(input.previousPeriod ? [input.previousPeriod] : [])];
  try {
    let inputs = stored?.inputs ?? [];
    let kind = stored?.inputSource ?? 'csv';
    if (!stored || input.source || input.csv !== undefined) {
      const source = await sourceFor(db, actor, input);
      const rows = await source.values({ indicators: [...m.config.indicators.map((i) => i.code), ...denominatorNames(m.config)], periods });
      inputs = selectInputs(m.config, rows, periods);
      kind = source.kind;
    }
    const snapshot: RatingSnapshot = {
      format: SNAPSHOT_FORMAT,
      methodology: { name: m.name, version: m.version, config: m.config },
      period: input.period,
      previousPeriod: input.previousPeriod ?? null,
      sensitivity: { ...DEFAULT_SENSITIVITY, ...(stored?.sensitivityOptions ?? {}), ...defined(input.sensitivity ?? {}) },
      inputs,
    };
    const { result, sensitivity } = computeSnapshot(snapshot);
    return {
      period: snapshot.period, previousPeriod: snapshot.previousPeriod, inputSource: kind, inputs, sensitivityOptions: snapshot.sensitivity,
      result, sensitivity, inputHash: snapshotHash(snapshot), resultHash: resultHash(result, sensitivity),
      computedBy: actor.name, computedById: actorKey(actor), computedAt: new Date(),
    };
  } catch (e) {
    throw asAppError(e);
  }
}

/** Only the keys actually given, so an absent option keeps the stored or default value. */
const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const auditAfter = (r: Rating) => ({ status: r.status, period: r.period, previousPeriod: r.previousPeriod, inputHash: r.inputHash, resultHash: r.resultHash });

/** Compute a new draft rating with an active methodology version. */
export async function createRating(db: Db, actor: Actor, input: ComputeInput & { methodologyId: string }): Promise<Rating> {
  requirePermission(actor, 'rating.compute');
  requireNational(actor);
  const m = await loadMethodology(db, input.methodologyId);
  if (m.status !== 'active') throw new AppError('record.invalid_state', { methodology: m.status });
  const computed = await build(db, actor, m, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(ratings).values({ ...computed, methodologyId: m.id, status: 'draft', inputNote: input.inputNote ?? '', createdBy: actor.name }).returning();
    await recordAudit(tx, actor, {
      action: 'rating.compute', entityType: 'rating', entityId: row!.id, after: auditAfter(row!),
      details: { methodology: `${m.name} ${m.version}`, source: row!.inputSource, values: row!.inputs.length, note: row!.inputNote },
    });
    return row!;
  });
}

/** Load one rating within the caller's visibility: drafts and approved ones are national-only. */
async function loadVisible(db: Db, actor: Actor, id: string, lock = false): Promise<Rating> {
  if (!isId(id)) throw new AppError('record.not_found');
  const q = db.select().from(ratings).where(eq(ratings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  // Outside visibility looks exactly like "does not exist".
  if (!row || (row.status !== 'published' && !seesDrafts(actor))) throw new AppError('record.not_found');
  return row;
}

/** Recompute a draft (new values and/or settings). Anything but a draft is frozen. */
export async function recomputeRating(db: Db, actor: Actor, id: string, input: Partial<ComputeInput>): Promise<Rating> {
  requirePermission(actor, 'rating.compute');
  requireNational(actor);
  const before = await loadVisible(db, actor, id);
  if (before.status !== 'draft') throw new AppError('record.invalid_state', { status: before.status });
  const m = await loadMethodology(db, before.methodologyId);
  const computed = await build(db, actor, m, {
    ...input, period: input.period ?? before.period, previousPeriod: input.previousPeriod === undefined ? before.previousPeriod : input.previousPeriod,
  }, before);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(ratings).set({ ...computed, ...(input.inputNote !== undefined ? { inputNote: input.inputNote } : {}), updatedAt: new Date() })
      .where(and(eq(ratings.id, id), eq(ratings.status, 'draft'))).returning();
    if (!row) throw new AppError('record.invalid_state');
    await recordAudit(tx, actor, { action: 'rating.recompute', entityType: 'rating', entityId: id, before: auditAfter(before), after: auditAfter(row), details: { source: row.inputSource, values: row.inputs.length } });
    return row;
  });
}

type Change = Partial<Pick<Rating, 'status' | 'approvedBy' | 'approvedById' | 'approvedAt' | 'publishedBy' | 'publishedAt'>>;

/** One workflow step as a conditional update, so two concurrent steps cannot both succeed. */
async function step(db: Db, actor: Actor, id: string, from: string, action: string, change: Change, check?: (r: Rating) => void): Promise<Rating> {
  requireNational(actor);
  return db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id, true);
    if (before.status !== from) throw new AppError('record.invalid_state', { status: before.status });
    check?.(before);
    const [row] = await tx.update(ratings).set({ ...change, updatedAt: new Date() }).where(and(eq(ratings.id, id), eq(ratings.status, from))).returning();
    if (!row) throw new AppError('record.invalid_state');
    await recordAudit(tx, actor, { action, entityType: 'rating', entityId: id, before: { status: before.status }, after: auditAfter(row) });
    return row;
  });
}

/**
 * Four eyes: approved by someone other than whoever computed the current result. With
 * `expectedResultHash` (what the reviewer's page showed), a draft recomputed meanwhile is refused:
 * the reviewer approves the figures they saw, not whatever the draft holds by then.
 */
export async function approveRating(db: Db, actor: Actor, id: string, expectedResultHash?: string): Promise<Rating> {
  requirePermission(actor, 'rating.approve');
  requirePerson(actor);
  return step(db, actor, id, 'draft', 'rating.approve', { status: 'approved', approvedBy: actor.name, approvedById: actorKey(actor), approvedAt: new Date() }, (r) => {
    if (r.computedById === actorKey(actor)) throw new AppError('rating.self_approval');
    if (expectedResultHash !== undefined && r.resultHash !== expectedResultHash) throw new AppError('record.conflict', { reason: 'recomputed since it was opened; reload and check again' });
  });
}

/** Send an approved rating back to draft (e.g. an error spotted before publication). */
export async function reopenRating(db: Db, actor: Actor, id: string): Promise<Rating> {
  requirePermission(actor, 'rating.approve');
  return step(db, actor, id, 'approved', 'rating.reopen', { status: 'draft', approvedBy: null, approvedById: null, approvedAt: null });
}

/** Publish an approved rating. From here on it is immutable. */
export async function publishRating(db: Db, actor: Actor, id: string): Promise<Rating> {
  requirePermission(actor, 'rating.publish');
  return step(db, actor, id, 'approved', 'rating.publish', { status: 'published', publishedBy: actor.name, publishedAt: new Date() });
}

/** Discard a draft. */
export async function deleteRating(db: Db, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'rating.compute');
  requireNational(actor);
  await db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id, true);
    if (before.status !== 'draft') throw new AppError('record.invalid_state', { status: before.status });
    await tx.delete(ratings).where(and(eq(ratings.id, id), eq(ratings.status, 'draft')));
    await recordAudit(tx, actor, { action: 'rating.delete', entityType: 'rating', entityId: id, before: auditAfter(before) });
  });
}

export interface RatingQuery { period?: string; status?: string; methodologyId?: string }

/** Ratings without their bulky JSON, newest period first; regional callers see published ones only. */
export async function listRatings(db: Db, actor: Actor, q: RatingQuery = {}) {
  requirePermission(actor, 'rating.read');
  const c: (SQL | undefined)[] = [seesDrafts(actor) ? undefined : eq(ratings.status, 'published')];
  if (q.period) c.push(eq(ratings.period, q.period));
  if (q.status) c.push(eq(ratings.status, q.status));
  if (q.methodologyId) c.push(eq(ratings.methodologyId, q.methodologyId));
  return db.select({
    id: ratings.id, period: ratings.period, previousPeriod: ratings.previousPeriod, status: ratings.status, methodologyId: ratings.methodologyId,
    methodologyName: ratingMethodologies.name, methodologyVersion: ratingMethodologies.version, inputSource: ratings.inputSource,
    rated: sql<number>`jsonb_array_length(${ratings.result}->'rows')`.mapWith(Number), inputHash: ratings.inputHash,
    computedBy: ratings.computedBy, computedAt: ratings.computedAt, approvedBy: ratings.approvedBy, approvedAt: ratings.approvedAt,
    publishedBy: ratings.publishedBy, publishedAt: ratings.publishedAt,
  }).from(ratings).innerJoin(ratingMethodologies, eq(ratingMethodologies.id, ratings.methodologyId))
    .where(and(...c)).orderBy(desc(ratings.period), desc(ratings.computedAt)).limit(500);
}

/** One rating with its methodology version. */
export async function getRating(db: Db, actor: Actor, id: string): Promise<{ rating: Rating; methodology: MethodologyRow }> {
  requirePermission(actor, 'rating.read');
  const rating = await loadVisible(db, actor, id);
  return { rating, methodology: await loadMethodology(db, rating.methodologyId) };
}

/** The stored snapshot, rebuilt; its canonical JSON is what `inputHash` is the SHA-256 of. */
export async function ratingSnapshot(db: Db, actor: Actor, id: string): Promise<{ snapshot: RatingSnapshot; text: string; rating: Rating }> {
  const { rating, methodology: m } = await getRating(db, actor, id);
  const snapshot: RatingSnapshot = {
    format: SNAPSHOT_FORMAT, methodology: { name: m.name, version: m.version, config: m.config },
    period: rating.period, previousPeriod: rating.previousPeriod, sensitivity: rating.sensitivityOptions, inputs: rating.inputs,
  };
  return { snapshot, text: canonicalJson(snapshot), rating };
}

/**
 * Recompute from the stored snapshot alone and compare both hashes: the stored inputs and
 * methodology must still hash to `inputHash`, and recomputing must give `resultHash` exactly.
 */
export async function verifyRating(db: Db, actor: Actor, id: string) {
  const { snapshot, rating } = await ratingSnapshot(db, actor, id);
  const inputs = snapshotHash(snapshot);
  let recomputed: string | null = null;
  try {
    const { result, sensitivity } = computeSnapshot(snapshot);
    recomputed = resultHash(result, sensitivity);
  } catch { /* a snapshot that no longer computes is reported as a mismatch, not a server error */ }
  const storedResult = resultHash(rating.result, rating.sensitivity);
  return {
    ok: inputs === rating.inputHash && recomputed === rating.resultHash && storedResult === rating.resultHash,
    status: rating.status,
    inputHash: { stored: rating.inputHash, recomputed: inputs, match: inputs === rating.inputHash },
    resultHash: { stored: rating.resultHash, recomputed, match: recomputed === rating.resultHash, storedResultMatches: storedResult === rating.resultHash },
    verifiedAt: new Date().toISOString(),
  };
}

/** Dashboard card: the latest published rating's top regions, plus work in progress for national users. */
export async function ratingStats(db: Db, actor: Actor) {
  requirePermission(actor, 'rating.read');
  const [latest] = await db.select({ id: ratings.id, period: ratings.period, result: ratings.result }).from(ratings)
    .where(eq(ratings.status, 'published')).orderBy(desc(ratings.period), desc(ratings.publishedAt)).limit(1);
  const pending = seesDrafts(actor)
    ? (await db.select({ status: ratings.status, n: sql<number>`count(*)`.mapWith(Number) }).from(ratings).where(sql`${ratings.status} <> 'published'`).groupBy(ratings.status))
    : [];
  return {
    latest: latest ? { id: latest.id, period: latest.period, top: latest.result.rows.slice(0, 3).map((r) => ({ region: r.region, rank: r.rank, score: r.score })) } : null,
    pending: Object.fromEntries(pending.map((p) => [p.status, p.n])),
  };
}
