/**
 * Listing entities of one type in change order, for modules that follow the store
 * incrementally (finance registers the cards, IBANs and phones monitoring found). Keyset
 * paging on (updated_at, id): stable under concurrent inserts, no OFFSET scans. Region scope as
 * every other read: region-less entities for everyone, region-bound ones within the scope.
 */
import { and, asc, eq, gt, gte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { isUuid, visibleRegion, type TraceEntity } from './access.js';
import { traceEntities } from './schema.js';
import { isEntityType, isLinkKind } from './types.js';

export interface ByTypeQuery {
  /** Only entities created or observed again at or after this time (their `updatedAt`). */
  since?: Date;
  /** The `next` cursor of the previous page. */
  after?: string;
  /** Page size: default 100, at most 1000. */
  limit?: number;
  /**
   * Only entities that an entity of `type` links to with `kind` (e.g. posts that mention
   * them: `{ type: 'item', kind: 'mentions' }`); each result then lists those entities, most
   * recent link first, at most `limit` (default 50, at most 500) of them.
   */
  linkedFrom?: { type: string; kind: string; limit?: number };
}

/** An entity at the far end of a `linkedFrom` link, with what a consumer needs to judge it. */
export interface LinkedSource {
  id: string;
  type: string;
  value: string;
  display: string;
  region: string | null;
  attributes: Record<string, unknown>;
  firstSeen: Date;
  /** The link's confidence and last observation. */
  confidence: number;
  linkLastSeen: Date;
}

export interface ByTypePage {
  items: (TraceEntity & { linkedFrom?: LinkedSource[] })[];
  /** Cursor for the next page; null when this page was the last. */
  next: string | null;
}

/** Cursor: the last row's updated_at (ms) and id, base64url, opaque to callers. */
const encode = (at: Date, id: string) => Buffer.from(`${at.getTime()}|${id}`).toString('base64url');
function decode(cursor: string): { at: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(Number(ms));
  if (!id || !isUuid(id) || Number.isNaN(at.getTime())) throw new AppError('request.invalid', { after: 'invalid cursor' });
  return { at, id };
}

/** Entities of one type, oldest change first, within the caller's scope. */
export async function entitiesByType(db: Db, actor: Actor, type: string, q: ByTypeQuery = {}): Promise<ByTypePage> {
  requirePermission(actor, 'traces.read');
  if (!isEntityType(type)) throw new AppError('traces.unknown_type', { types: [type] });
  const lf = q.linkedFrom;
  if (lf && (!isEntityType(lf.type) || !isLinkKind(lf.kind))) throw new AppError('request.invalid', { linkedFrom: `${lf.type}/${lf.kind}` });
  const limit = Math.min(Math.max(Math.trunc(q.limit ?? 100), 1), 1000);
  const e = traceEntities;
  const c: (SQL | undefined)[] = [eq(e.type, type), visibleRegion(actor.scope, e.region)];
  if (q.since) c.push(gte(e.updatedAt, q.since));
  if (q.after) {
    const k = decode(q.after);
    c.push(or(gt(e.updatedAt, k.at), and(eq(e.updatedAt, k.at), gt(e.id, k.id))));
  }
  const srcScope = actor.scope.national ? sql`true`
    : sql`(o.region is null or o.region = any(${sql.param(actor.scope.regions)}::text[]))`;
  if (lf) {
    c.push(sql`exists (select 1 from trace_links l join trace_entities o on o.id = l.from_id
      where l.to_id = ${e.id} and l.kind = ${lf.kind} and o.type = ${lf.type} and ${srcScope})`);
  }
  const rows = await db.select().from(e).where(and(...c)).orderBy(asc(e.updatedAt), asc(e.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? encode(page.at(-1)!.updatedAt, page.at(-1)!.id) : null;
  if (!lf || !page.length) return { items: page, next };

  const per = Math.min(Math.max(Math.trunc(lf.limit ?? 50), 1), 500);
  const res = await db.execute(sql`select * from (
      select l.to_id, o.id, o.type, o.value, o.display, o.region, o.attributes, o.first_seen, l.confidence, l.last_seen as link_last_seen,
        row_number() over (partition by l.to_id order by l.last_seen desc, o.id) as rn
      from trace_links l join trace_entities o on o.id = l.from_id
      where l.to_id = any(${sql.param(page.map((r) => r.id))}::uuid[]) and l.kind = ${lf.kind} and o.type = ${lf.type} and ${srcScope}
    ) x where rn <= ${per} order by to_id, rn`);
  type Row = { to_id: string; id: string; type: string; value: string; display: string; region: string | null; attributes: Record<string, unknown>; first_seen: string | Date; confidence: number; link_last_seen: string | Date };
  const by = new Map<string, LinkedSource[]>();
  for (const r of (res as unknown as { rows: Row[] }).rows) {
    const list = by.get(r.to_id) ?? [];
    list.push({
      id: r.id, type: r.type, value: r.value, display: r.display, region: r.region, attributes: r.attributes ?? {},
      firstSeen: new Date(r.first_seen), confidence: Number(r.confidence), linkLastSeen: new Date(r.link_last_seen),
    });
    by.set(r.to_id, list);
  }
  return { items: page.map((r) => ({ ...r, linkedFrom: by.get(r.id) ?? [] })), next };
}
