/** Types and the batched neighbour query shared by the graph algorithms. */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { chunks, visibleRegion } from './access.js';
import { summaryColumns, type EntitySummary } from './entity.service.js';
import { traceEntities, traceLinks } from './schema.js';

/** Default degree above which an entity is not expanded. */
export const HUB_DEGREE = 100;

/** An entity in a graph result. */
export interface GraphNode extends EntitySummary {
  /** Hops from the start entity (neighbourhood, component) or from the path's start. */
  depth: number;
  /** More than `hubDegree` links: shown, not expanded. */
  hub: boolean;
  /** Some of its links are not in the result (a hub, or the node limit was reached). */
  truncated: boolean;
}

/** A link in a graph result. */
export interface GraphEdge {
  id: string;
  fromId: string;
  toId: string;
  kind: string;
  count: number;
  confidence: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** False when a limit cut the result (node limit, hubs, or row caps). */
  complete: boolean;
}

export interface TraverseOptions {
  /** Follow only these link kinds (default: all). */
  kinds?: string[];
  hubDegree?: number;
}

export interface Step extends GraphEdge {
  /** The expanded entity and the one at the other end (visible to the caller). */
  at: string;
  other: string;
  otherDegree: number;
}

export const edgeColumns = (l: typeof traceLinks) => ({
  id: l.id, fromId: l.fromId, toId: l.toId, kind: l.kind, count: l.count, confidence: l.confidence, firstSeen: l.firstSeen, lastSeen: l.lastSeen,
});

/** Links touching `ids` whose other end the caller may see; at most `cap` rows per direction and chunk. */
export async function steps(db: Db, actor: Actor, ids: string[], opts: TraverseOptions, cap: number): Promise<{ rows: Step[]; capped: boolean }> {
  const o = alias(traceEntities, 'o');
  const l = traceLinks;
  const kinds: SQL | undefined = opts.kinds?.length ? inArray(l.kind, opts.kinds) : undefined;
  const rows: Step[] = [];
  let capped = false;
  for (const part of chunks(ids, 500)) {
    const [out, inc] = await Promise.all([
      db.select({ ...edgeColumns(l), otherDegree: o.degree }).from(l).innerJoin(o, eq(o.id, l.toId))
        .where(and(inArray(l.fromId, part), kinds, visibleRegion(actor.scope, o.region))).limit(cap),
      db.select({ ...edgeColumns(l), otherDegree: o.degree }).from(l).innerJoin(o, eq(o.id, l.fromId))
        .where(and(inArray(l.toId, part), kinds, visibleRegion(actor.scope, o.region))).limit(cap),
    ]);
    capped ||= out.length === cap || inc.length === cap;
    for (const r of out) rows.push({ ...r, at: r.fromId, other: r.toId });
    for (const r of inc) rows.push({ ...r, at: r.toId, other: r.fromId });
  }
  return { rows, capped };
}

export const edgeOf = ({ id, fromId, toId, kind, count, confidence, firstSeen, lastSeen }: GraphEdge): GraphEdge => ({ id, fromId, toId, kind, count, confidence, firstSeen, lastSeen });

export async function summaries(db: Db, actor: Actor, ids: string[]): Promise<Map<string, EntitySummary>> {
  const out = new Map<string, EntitySummary>();
  for (const part of chunks(ids, 1000)) {
    const rows = await db.select(summaryColumns(traceEntities)).from(traceEntities)
      .where(and(inArray(traceEntities.id, part), visibleRegion(actor.scope, traceEntities.region)));
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
