/** Reading one entity or link: its relations, neighbours and provenance, within the caller's scope. */
import { and, asc, count, desc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { isUuid, loadVisibleEntity, visibleRegion, type TraceEntity } from './access.js';
import { traceEntities, traceLinks, traceProvenance } from './schema.js';
import { canonicalize, isEntityType } from './types.js';

export type { TraceEntity } from './access.js';
export type TraceLink = typeof traceLinks.$inferSelect;
export type TraceProvenance = typeof traceProvenance.$inferSelect;

/** The fields of an entity a graph node or link row needs. */
export type EntitySummary = Pick<TraceEntity, 'id' | 'type' | 'value' | 'display' | 'region' | 'degree' | 'seenCount' | 'lastSeen'>;

/** A link seen from one entity: which way it points and who is at the other end. */
export interface LinkView {
  link: TraceLink;
  direction: 'out' | 'in';
  other: EntitySummary;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface EntityDetail {
  entity: TraceEntity;
  /** Links in both directions, newest first; links to entities outside the scope are left out. */
  links: Page<LinkView>;
  /** The distinct entities at the other end of `links.items`. */
  neighbours: EntitySummary[];
  /**
   * Who asserted it, newest first: its own rows and its links' (a link's row asserts both
   * endpoints; `linkId` says which link). Rows from regions outside the scope are left out.
   */
  provenance: Page<TraceProvenance>;
}

export interface DetailPaging {
  linksOffset?: number;
  linksLimit?: number;
  provenanceOffset?: number;
  provenanceLimit?: number;
}

const clamp = (n: number | undefined, dflt: number, max: number) => Math.min(Math.max(Math.trunc(n ?? dflt), 0), max);

type SummaryKey = 'id' | 'type' | 'value' | 'display' | 'region' | 'degree' | 'seenCount' | 'lastSeen';

/** The summary columns of trace_entities or of an alias of it, for select(). */
export function summaryColumns<T extends Record<SummaryKey, unknown>>(t: T): Pick<T, SummaryKey> {
  return { id: t.id, type: t.type, value: t.value, display: t.display, region: t.region, degree: t.degree, seenCount: t.seenCount, lastSeen: t.lastSeen };
}

async function provenancePage(db: Db, actor: Actor, target: 'entity' | 'link', id: string, offset: number, limit: number): Promise<Page<TraceProvenance>> {
  const p = traceProvenance;
  const visible = visibleRegion(actor.scope, p.region);
  const own = db.select(getTableColumns(p)).from(p).where(and(eq(target === 'entity' ? p.entityId : p.linkId, id), visible));
  // An entity's own rows and the rows of its links: a link's row asserts its endpoints too, and
  // `observe` writes a sighting carried by a link only there. Two branches, not one OR with a
  // subquery, so each reads through its own index.
  // A link's rows only when its other end is visible too (as for the links themselves): a row's own
  // region can be empty while the record at the other end belongs to a region the reader cannot see.
  const other = alias(traceEntities, 'other');
  const otherId = sql`case when ${traceLinks.fromId} = ${id} then ${traceLinks.toId} else ${traceLinks.fromId} end`;
  const rows = target === 'link' ? own : own.unionAll(
    db.select(getTableColumns(p)).from(traceLinks).innerJoin(p, eq(p.linkId, traceLinks.id)).innerJoin(other, eq(other.id, otherId))
      .where(and(or(eq(traceLinks.fromId, id), eq(traceLinks.toId, id)), visible, visibleRegion(actor.scope, other.region))),
  );
  const all = rows.as('prov');
  const [items, [total]] = await Promise.all([
    db.select().from(all).orderBy(desc(all.observedAt), desc(all.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(all),
  ]);
  return { items, total: Number(total?.n ?? 0), offset, limit };
}

/** One entity with its links (both directions, paged), neighbours and provenance (paged). */
export async function getEntity(db: Db, actor: Actor, id: string, paging: DetailPaging = {}): Promise<EntityDetail> {
  requirePermission(actor, 'traces.read');
  const entity = await loadVisibleEntity(db, actor, id);
  const lo = clamp(paging.linksOffset, 0, 1_000_000), ll = clamp(paging.linksLimit, 50, 500);
  const po = clamp(paging.provenanceOffset, 0, 1_000_000), pl = clamp(paging.provenanceLimit, 50, 500);
  const o = alias(traceEntities, 'o');
  const l = traceLinks;
  const otherId = sql`case when ${l.fromId} = ${id} then ${l.toId} else ${l.fromId} end`;
  const where = and(or(eq(l.fromId, id), eq(l.toId, id)), visibleRegion(actor.scope, o.region));
  const [rows, [total], provenance] = await Promise.all([
    db.select({ link: l, other: summaryColumns(o) }).from(l).innerJoin(o, eq(o.id, otherId)).where(where)
      .orderBy(desc(l.lastSeen), asc(l.id)).limit(ll).offset(lo),
    db.select({ n: count() }).from(l).innerJoin(o, eq(o.id, otherId)).where(where),
    provenancePage(db, actor, 'entity', id, po, pl),
  ]);
  const links = rows.map((r) => ({ link: r.link, direction: r.link.fromId === id ? 'out' as const : 'in' as const, other: r.other }));
  const neighbours = [...new Map(links.map((x) => [x.other.id, x.other])).values()];
  return { entity, links: { items: links, total: Number(total?.n ?? 0), offset: lo, limit: ll }, neighbours, provenance };
}

/** One link with both endpoints and its provenance; hidden unless both endpoints are visible. */
export async function getLink(db: Db, actor: Actor, id: string, paging: { offset?: number; limit?: number } = {}): Promise<{ link: TraceLink; from: EntitySummary; to: EntitySummary; provenance: Page<TraceProvenance> }> {
  requirePermission(actor, 'traces.read');
  if (!isUuid(id)) throw new AppError('record.not_found');
  const [link] = await db.select().from(traceLinks).where(eq(traceLinks.id, id));
  if (!link) throw new AppError('record.not_found');
  const [from, to] = await Promise.all([loadVisibleEntity(db, actor, link.fromId), loadVisibleEntity(db, actor, link.toId)]);
  const pick = (e: TraceEntity): EntitySummary => ({ id: e.id, type: e.type, value: e.value, display: e.display, region: e.region, degree: e.degree, seenCount: e.seenCount, lastSeen: e.lastSeen });
  const provenance = await provenancePage(db, actor, 'link', id, clamp(paging.offset, 0, 1_000_000), clamp(paging.limit, 50, 500));
  return { link, from: pick(from), to: pick(to), provenance };
}

/** The entity with this type and value (written in any accepted form), or null. */
export async function findEntity(db: Db, actor: Actor, type: string, value: string): Promise<TraceEntity | null> {
  requirePermission(actor, 'traces.read');
  if (!isEntityType(type)) throw new AppError('traces.unknown_type', { types: [type] });
  const c = canonicalize(type, value);
  if ('reject' in c) throw new AppError('traces.invalid_value', { type, reason: c.reject });
  const [row] = await db.select().from(traceEntities)
    .where(and(eq(traceEntities.type, type), eq(traceEntities.value, c.value), visibleRegion(actor.scope, traceEntities.region)));
  return row ?? null;
}
