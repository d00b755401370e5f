/** An analyst's own changes: tags, attributes and links asserted by hand. Each one is audited. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { loadVisibleEntity, normTag, type TraceEntity } from './access.js';
import type { TraceLink } from './entity.service.js';
import { traceEntities, traceLinks } from './schema.js';
import { insertProvenance, linkKey, upsertLinks } from './store.js';
import { isLinkKind, LINK_KINDS } from './types.js';

/** Add and/or remove tags (lower-cased; at most 64 characters each). */
export async function tagEntity(db: Db, actor: Actor, id: string, change: { add?: string[]; remove?: string[] }): Promise<TraceEntity> {
  requirePermission(actor, 'traces.write');
  const add = (change.add ?? []).map(normTag), remove = (change.remove ?? []).map(normTag);
  if (add.includes(null) || remove.includes(null)) throw new AppError('request.invalid', { reason: 'invalid_tag' });
  return db.transaction(async (tx) => {
    const before = await loadVisibleEntity(tx, actor, id, { forUpdate: true });
    const tags = [...new Set([...before.tags, ...(add as string[])])].filter((t) => !remove.includes(t)).sort();
    if (tags.length > 100) throw new AppError('request.invalid', { reason: 'too_many_tags' });
    const [entity] = await tx.update(traceEntities).set({ tags, updatedAt: new Date() }).where(eq(traceEntities.id, id)).returning();
    await recordAudit(tx, actor, { action: 'traces.tag', entityType: 'trace_entity', entityId: id, region: before.region, before: { tags: before.tags }, after: { tags } });
    return entity!;
  });
}

/** Merge attributes into the entity; a null value removes the key. */
export async function setAttributes(db: Db, actor: Actor, id: string, attributes: Record<string, unknown>): Promise<TraceEntity> {
  requirePermission(actor, 'traces.write');
  return db.transaction(async (tx) => {
    const before = await loadVisibleEntity(tx, actor, id, { forUpdate: true });
    const next: Record<string, unknown> = { ...before.attributes };
    for (const [k, v] of Object.entries(attributes)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const [entity] = await tx.update(traceEntities).set({ attributes: next, updatedAt: new Date() }).where(eq(traceEntities.id, id)).returning();
    const changed = Object.keys(attributes);
    const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.filter((k) => k in o).map((k) => [k, o[k]]));
    await recordAudit(tx, actor, { action: 'traces.attributes', entityType: 'trace_entity', entityId: id, region: before.region, before: pick(before.attributes), after: pick(next) });
    return entity!;
  });
}

/** A link an analyst asserts by hand, with the reason. */
export interface ManualLinkInput {
  fromId: string;
  toId: string;
  kind: string;
  /** Why: the basis an investigator would cite. Stored in provenance and the audit row. */
  note: string;
  /** Default 1. */
  confidence?: number;
}

/** Create (or re-assert) a link between two visible entities; provenance source 'manual'. */
export async function createManualLink(db: Db, actor: Actor, input: ManualLinkInput): Promise<{ link: TraceLink; created: boolean }> {
  requirePermission(actor, 'traces.write');
  if (!isLinkKind(input.kind)) throw new AppError('traces.unknown_type', { kinds: [input.kind] });
  const confidence = input.confidence ?? 1;
  if (!(confidence >= 0 && confidence <= 1)) throw new AppError('request.invalid', { path: '/confidence' });
  if (input.fromId === input.toId) throw new AppError('request.invalid', { reason: 'self_link' });
  return db.transaction(async (tx) => {
    const from = await loadVisibleEntity(tx, actor, input.fromId);
    const to = await loadVisibleEntity(tx, actor, input.toId);
    let [fromId, toId] = [from.id, to.id];
    if (LINK_KINDS.get(input.kind)!.symmetric && toId < fromId) [fromId, toId] = [toId, fromId];
    const now = new Date();
    const written = await upsertLinks(tx, [{ fromId, toId, kind: input.kind, firstSeen: now, lastSeen: now, n: 1, confidence }]);
    const { id, created } = written.get(linkKey(fromId, toId, input.kind))!;
    // The assertion is as regional as its most regional endpoint, so other regions do not read the note.
    const region = from.region ?? to.region ?? (!actor.scope.national && actor.scope.regions.length === 1 ? actor.scope.regions[0]! : null);
    await insertProvenance(tx, [{ linkId: id, source: 'manual', rule: 'manual', module: 'traces', actorId: actor.id, observedAt: now, region, details: { note: input.note } }]);
    const [link] = await tx.select().from(traceLinks).where(eq(traceLinks.id, id));
    await recordAudit(tx, actor, {
      action: 'traces.link', entityType: 'trace_link', entityId: id, region,
      after: { fromId, toId, kind: input.kind, confidence }, details: { note: input.note, created },
    });
    return { link: link!, created };
  });
}
