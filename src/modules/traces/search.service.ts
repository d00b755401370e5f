/** Finding entities by what an analyst types: exact canonical matches first, then value prefixes. */
import { and, asc, eq, inArray, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { isUuid, visibleRegion, type TraceEntity } from './access.js';
import { traceEntities } from './schema.js';
import { canonicalize, ENTITY_TYPES, isEntityType } from './types.js';

export interface SearchQuery {
  q: string;
  /** Restrict to one entity type. */
  type?: string;
  /** Default 20, at most 100. */
  limit?: number;
}

export interface SearchHit extends TraceEntity {
  match: 'exact' | 'prefix';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => '\\' + m);

/** Prefixes to try: the text as typed, and for digit strings the forms phones and cards are stored in. */
function prefixes(q: string): string[] {
  const out = new Set([q.toLowerCase().replace(/^@/, '')]);
  if (/^[+\d\s().-]+$/.test(q)) {
    const d = q.replace(/\D/g, '');
    if (d.length >= 2) {
      out.add(d);
      out.add('+' + d);
      // "8 701…" is how Kazakhstan numbers are dialled; they are stored as "+7701…".
      if (d.startsWith('8')) out.add('+7' + d.slice(1));
    }
  }
  return [...out].filter((p) => p.length > 0);
}

/**
 * Exact matches of the canonical form under every type that accepts the text (or the given
 * type), then case-insensitive prefix matches on the value, served by the lower(value)
 * text_pattern_ops index. All within the caller's scope.
 */
export async function search(db: Db, actor: Actor, query: SearchQuery): Promise<SearchHit[]> {
  requirePermission(actor, 'traces.read');
  const q = query.q.trim();
  if (!q) return [];
  if (query.type !== undefined && !isEntityType(query.type)) throw new AppError('traces.unknown_type', { types: [query.type] });
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const e = traceEntities;
  const scope = visibleRegion(actor.scope, e.region);
  const types = query.type ? [query.type] : [...ENTITY_TYPES.keys()];

  const pairs: SQL[] = [];
  for (const t of types) {
    const c = canonicalize(t, q);
    if (!('reject' in c)) pairs.push(and(eq(e.type, t), eq(e.value, c.value))!);
  }
  const exact = pairs.length ? await db.select().from(e).where(and(or(...pairs), scope)).limit(limit) : [];
  const starts = prefixes(q);
  if (exact.length >= limit || !starts.length) return exact.map((r) => ({ ...r, match: 'exact' }));

  const lower = sql<string>`lower(${e.value})`;
  const prefix = await db.select().from(e).where(and(
    or(...starts.map((p) => like(lower, escapeLike(p) + '%'))),
    query.type ? eq(e.type, query.type) : undefined,
    exact.length ? notInArray(e.id, exact.map((r) => r.id)) : undefined,
    scope,
  )).orderBy(asc(lower), asc(e.type)).limit(limit - exact.length);
  return [...exact.map((r) => ({ ...r, match: 'exact' as const })), ...prefix.map((r) => ({ ...r, match: 'prefix' as const }))];
}

/** Entities by id that the caller may see, in one query (for graph views and other modules). */
export async function entitiesByIds(db: Db, actor: Actor, ids: string[]): Promise<TraceEntity[]> {
  requirePermission(actor, 'traces.read');
  const valid = [...new Set(ids.filter(isUuid))];
  if (!valid.length) return [];
  return db.select().from(traceEntities).where(and(inArray(traceEntities.id, valid), visibleRegion(actor.scope, traceEntities.region)));
}
