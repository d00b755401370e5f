/**
 * Rating methodologies as versioned configuration: create a version (draft), edit it while it is
 * a draft, activate it (which retires the previous active version of the same name). Active and
 * retired versions never change, so every rating computed with one stays reproducible.
 */
import { and, asc, desc, eq, ne, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { methodologyWarnings, parseMethodology, RatingInputError, type Methodology } from './engine/index.js';
import { ratingMethodologies } from './schema.js';

export type MethodologyRow = typeof ratingMethodologies.$inferSelect;

export interface MethodologyInput {
  name: string;
  version: string;
  /** The engine's methodology JSON; its own name/version fields are overwritten by the above. */
  config: unknown;
  basedOn?: string;
}

/** Stable identity of an actor across requests (system actors have no id, only a name). */
export const actorKey = (a: Actor): string => `${a.type}:${a.id ?? a.name}`;

/** Engine input problems become one catalogue error whose details list every issue. */
export function asAppError(e: unknown): unknown {
  if (!(e instanceof RatingInputError)) return e;
  return new AppError('rating.invalid_input', e.issues.map((i) => ({
    path: [i.source, i.line, i.indicator].filter((x) => x !== undefined).join(':'), message: i.message,
  })));
}

/** Drafts are working material of the national HQ; regional users see only what is in force. */
export const seesDrafts = (a: Actor): boolean => a.scope.national;

/** Computing and editing compare all regions, so they need national scope. */
export function requireNational(a: Actor): void {
  if (!a.scope.national) throw new AppError('auth.region_forbidden', { scope: 'national' });
}

/** A well-formed uuid: anything else is "not found" without reaching the database's uuid cast. */
export const isId = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function validate(input: MethodologyInput): Methodology {
  try {
    const raw = input.config && typeof input.config === 'object' ? input.config : {};
    return parseMethodology({ ...raw, name: input.name, version: input.version });
  } catch (e) {
    throw asAppError(e);
  }
}

/** Versions visible to the caller, newest first within each name. */
export async function listMethodologies(db: Db, actor: Actor): Promise<MethodologyRow[]> {
  requirePermission(actor, 'rating.read');
  const c: SQL | undefined = seesDrafts(actor) ? undefined : ne(ratingMethodologies.status, 'draft');
  return db.select().from(ratingMethodologies).where(c).orderBy(asc(ratingMethodologies.name), desc(ratingMethodologies.createdAt));
}

/** One version; a draft is "not found" for callers who may not see drafts. */
export async function getMethodology(db: Db, actor: Actor, id: string): Promise<MethodologyRow & { warnings: string[] }> {
  requirePermission(actor, 'rating.read');
  const row = await loadMethodology(db, id);
  if (row.status === 'draft' && !seesDrafts(actor)) throw new AppError('record.not_found');
  return { ...row, warnings: methodologyWarnings(row.config) };
}

/** Internal load without visibility rules (callers check them). */
export async function loadMethodology(db: Db, id: string): Promise<MethodologyRow> {
  if (!isId(id)) throw new AppError('record.not_found');
  const [row] = await db.select().from(ratingMethodologies).where(eq(ratingMethodologies.id, id));
  if (!row) throw new AppError('record.not_found');
  return row;
}

async function requireFreeVersion(tx: Db, name: string, version: string, except?: string): Promise<void> {
  const [clash] = await tx.select({ id: ratingMethodologies.id }).from(ratingMethodologies)
    .where(and(eq(ratingMethodologies.name, name), eq(ratingMethodologies.version, version)));
  if (clash && clash.id !== except) throw new AppError('record.conflict', { name, version });
}

/** A new version (always a new row, status draft). */
export async function createMethodology(db: Db, actor: Actor, input: MethodologyInput): Promise<MethodologyRow> {
  requirePermission(actor, 'rating.compute');
  requireNational(actor);
  const config = validate(input);
  if (input.basedOn) await loadMethodology(db, input.basedOn);
  return db.transaction(async (tx) => {
    await requireFreeVersion(tx, input.name, input.version);
    const [row] = await tx.insert(ratingMethodologies).values({
      name: input.name, version: input.version, config, status: 'draft', basedOn: input.basedOn ?? null,
      createdBy: actor.name, createdById: actorKey(actor),
    }).returning();
    await recordAudit(tx, actor, {
      action: 'rating.methodology_create', entityType: 'rating_methodology', entityId: row!.id,
      after: { name: row!.name, version: row!.version, indicators: config.indicators.map((i) => `${i.code}:${i.weight}`) },
      details: input.basedOn ? { basedOn: input.basedOn } : undefined,
    });
    return row!;
  });
}

/** Edit a draft version; anything else is frozen (`record.invalid_state`). */
export async function updateMethodology(db: Db, actor: Actor, id: string, input: MethodologyInput): Promise<MethodologyRow> {
  requirePermission(actor, 'rating.compute');
  requireNational(actor);
  const config = validate(input);
  return db.transaction(async (tx) => {
    const before = await loadMethodology(tx, id);
    if (before.status !== 'draft') throw new AppError('record.invalid_state', { status: before.status });
    await requireFreeVersion(tx, input.name, input.version, id);
    const [row] = await tx.update(ratingMethodologies).set({ name: input.name, version: input.version, config, updatedAt: new Date() })
      .where(and(eq(ratingMethodologies.id, id), eq(ratingMethodologies.status, 'draft'))).returning();
    if (!row) throw new AppError('record.invalid_state');
    await recordAudit(tx, actor, {
      action: 'rating.methodology_update', entityType: 'rating_methodology', entityId: id,
      before: { name: before.name, version: before.version, config: before.config }, after: { name: row.name, version: row.version, config },
    });
    return row;
  });
}

/** Put a draft version in force; the previously active version of the same name is retired. */
export async function activateMethodology(db: Db, actor: Actor, id: string): Promise<MethodologyRow> {
  requirePermission(actor, 'rating.approve');
  // A regional reviewer does not see drafts at all: to them a draft's id does not exist.
  if (!isId(id) || !seesDrafts(actor)) throw new AppError('record.not_found');
  requireNational(actor);
  return db.transaction(async (tx) => {
    // Versions of one name are activated one at a time: two drafts of the same name activated at
    // once would otherwise both stay in force (neither sees the other's uncommitted row).
    const [target] = await tx.select({ name: ratingMethodologies.name }).from(ratingMethodologies).where(eq(ratingMethodologies.id, id));
    if (target) await tx.select({ id: ratingMethodologies.id }).from(ratingMethodologies).where(eq(ratingMethodologies.name, target.name)).orderBy(asc(ratingMethodologies.id)).for('update');
    const [row] = await tx.update(ratingMethodologies).set({ status: 'active', activatedBy: actor.name, activatedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(ratingMethodologies.id, id), eq(ratingMethodologies.status, 'draft'))).returning();
    if (!row) {
      const existing = await loadMethodology(tx, id);
      throw new AppError('record.invalid_state', { status: existing.status });
    }
    const retired = await tx.update(ratingMethodologies).set({ status: 'retired', updatedAt: new Date() })
      .where(and(eq(ratingMethodologies.name, row.name), eq(ratingMethodologies.status, 'active'), ne(ratingMethodologies.id, id)))
      .returning({ id: ratingMethodologies.id, version: ratingMethodologies.version });
    await recordAudit(tx, actor, {
      action: 'rating.methodology_activate', entityType: 'rating_methodology', entityId: id,
      before: { status: 'draft' }, after: { status: 'active', name: row.name, version: row.version },
      details: retired.length ? { retired: retired.map((r) => r.version) } : undefined,
    });
    return row;
  });
}
