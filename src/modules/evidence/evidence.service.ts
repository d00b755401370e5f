import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors/catalogue.js';
import type { Db } from '../../platform/db/client.js';
import { regionCondition } from '../../platform/db/scope.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor } from '../../platform/auth/actor.js';
import { isRegionCode } from '../../platform/geo/regions.js';
import { custodyEvents, evidenceItems } from './schema.js';

export type EvidenceItem = typeof evidenceItems.$inferSelect;
export type CustodyEvent = typeof custodyEvents.$inferSelect;

export const CATEGORIES = ['substance', 'device', 'document', 'money', 'other'] as const;
export const CUSTODY_ACTIONS = ['checked_out', 'returned', 'transferred', 'resealed', 'disposed'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** Which custody actions are allowed from which item status; disposal is final. */
const TRANSITIONS: Record<string, Partial<Record<CustodyAction, string>>> = {
  in_storage: { checked_out: 'checked_out', transferred: 'in_storage', resealed: 'in_storage', disposed: 'disposed' },
  checked_out: { returned: 'in_storage', transferred: 'checked_out' },
  disposed: {},
};

export interface NewEvidence {
  region: string;
  caseNumber: string;
  title: string;
  description?: string;
  category: (typeof CATEGORIES)[number];
  quantity?: string;
  location: string;
  holder: string;
  sealNumber?: string;
}

/** Register an item in a regional evidence room; its first custody event is `received`. */
export async function registerEvidence(db: Db, actor: Actor, input: NewEvidence): Promise<EvidenceItem> {
  requirePermission(actor, 'evidence.write');
  if (!isRegionCode(input.region)) throw new AppError('region.invalid', { region: input.region });
  requireRegion(actor, input.region);
  return db.transaction(async (tx) => {
    const [item] = await tx.insert(evidenceItems).values({
      ...input, description: input.description ?? '', quantity: input.quantity ?? '', sealNumber: input.sealNumber ?? '', createdBy: actor.name,
    }).returning();
    await tx.insert(custodyEvents).values({
      itemId: item!.id, action: 'received', toHolder: input.holder, location: input.location, sealNumber: input.sealNumber ?? null,
      note: '', actorId: actor.id ?? 'system', actorName: actor.name,
    });
    await recordAudit(tx, actor, { action: 'evidence.register', entityType: 'evidence_item', entityId: item!.id, region: item!.region, after: { caseNumber: item!.caseNumber, title: item!.title, holder: item!.holder, location: item!.location } });
    return item!;
  });
}

export interface EvidenceQuery {
  q?: string;
  region?: string;
  status?: string;
  limit?: number;
}

/** Items in the caller's regions only: the scope condition is part of the query. */
export async function listEvidence(db: Db, actor: Actor, query: EvidenceQuery): Promise<EvidenceItem[]> {
  requirePermission(actor, 'evidence.read');
  const c: (SQL | undefined)[] = [regionCondition(actor.scope, evidenceItems.region)];
  if (query.region) c.push(eq(evidenceItems.region, query.region));
  if (query.status) c.push(eq(evidenceItems.status, query.status));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    c.push(or(ilike(evidenceItems.caseNumber, like), ilike(evidenceItems.title, like), ilike(evidenceItems.sealNumber, like)));
  }
  return db.select().from(evidenceItems).where(and(...c)).orderBy(desc(evidenceItems.createdAt)).limit(Math.min(query.limit ?? 100, 500));
}

async function loadScoped(db: Db, actor: Actor, id: string, lock = false): Promise<EvidenceItem> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('record.not_found');
  // Outside the scope looks exactly like "does not exist": no existence oracle across regions.
  const q = db.select().from(evidenceItems).where(and(eq(evidenceItems.id, id), regionCondition(actor.scope, evidenceItems.region)));
  const [item] = lock ? await q.for('update') : await q;
  if (!item) throw new AppError('record.not_found');
  return item;
}

export async function getEvidence(db: Db, actor: Actor, id: string): Promise<{ item: EvidenceItem; custody: CustodyEvent[] }> {
  requirePermission(actor, 'evidence.read');
  const item = await loadScoped(db, actor, id);
  const custody = await db.select().from(custodyEvents).where(eq(custodyEvents.itemId, id)).orderBy(asc(custodyEvents.at));
  return { item, custody };
}

export interface CustodyInput {
  action: CustodyAction;
  toHolder?: string;
  location?: string;
  sealNumber?: string;
  note: string;
}

/** Record a hand-over; the item's status, holder and location follow the event. */
export async function recordCustody(db: Db, actor: Actor, id: string, input: CustodyInput): Promise<{ item: EvidenceItem; event: CustodyEvent }> {
  requirePermission(actor, 'evidence.write');
  const seal = input.sealNumber?.trim() || undefined; // an empty seal number must not blank the item's seal
  if (input.action === 'resealed' && !seal) throw new AppError('request.invalid', { sealNumber: 'required to reseal' });
  return db.transaction(async (tx) => {
    // Locked: two hand-overs at once (disposed and checked out) must not both pass the state check.
    const item = await loadScoped(tx, actor, id, true);
    const next = TRANSITIONS[item.status]?.[input.action];
    if (!next) throw new AppError('record.invalid_state', { status: item.status, action: input.action });
    if ((input.action === 'transferred' || input.action === 'checked_out') && !input.toHolder) throw new AppError('request.invalid', { toHolder: 'required' });
    const [event] = await tx.insert(custodyEvents).values({
      itemId: id, action: input.action, fromHolder: item.holder, toHolder: input.toHolder ?? item.holder, location: input.location ?? item.location,
      sealNumber: seal ?? null, note: input.note, actorId: actor.id ?? 'system', actorName: actor.name,
    }).returning();
    const [updated] = await tx.update(evidenceItems).set({
      status: next, holder: input.toHolder ?? item.holder, location: input.location ?? item.location,
      sealNumber: seal ?? item.sealNumber, updatedAt: new Date(),
    }).where(eq(evidenceItems.id, id)).returning();
    await recordAudit(tx, actor, {
      action: `evidence.${input.action}`, entityType: 'evidence_item', entityId: id, region: item.region,
      before: { status: item.status, holder: item.holder, location: item.location, sealNumber: item.sealNumber },
      after: { status: updated!.status, holder: updated!.holder, location: updated!.location, sealNumber: updated!.sealNumber },
      // The event itself, so the audit chain (hash-linked) also vouches for the custody row.
      details: { note: input.note, eventId: event!.id, at: event!.at, sealNumber: event!.sealNumber },
    });
    return { item: updated!, event: event! };
  });
}

/** Item counts by region and status, within the caller's scope. */
export async function evidenceStats(db: Db, actor: Actor): Promise<{ region: string; status: string; n: number }[]> {
  requirePermission(actor, 'evidence.read');
  const rows = await db.select({ region: evidenceItems.region, status: evidenceItems.status, n: count() }).from(evidenceItems)
    .where(regionCondition(actor.scope, evidenceItems.region)).groupBy(evidenceItems.region, evidenceItems.status);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
