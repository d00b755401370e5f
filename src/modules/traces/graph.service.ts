/**
 * Link analysis over the traces graph: neighbourhood for a graph view, shortest path between
 * two entities, connected component. Traversal is breadth-first in the application over
 * batched neighbour queries, which behaves the same on PGlite and PostgreSQL and lets every
 * step apply the region scope and the hub guard.
 *
 * Hub guard: an entity with more links than `hubDegree` (a popular exchange wallet, t.me) is
 * returned but not expanded, and flagged `truncated` — otherwise one hub pulls half the graph
 * into a view and connects every shop to every other.
 */
import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { loadVisibleEntity } from './access.js';
import { edgeColumns, edgeOf, HUB_DEGREE, steps, summaries, type Graph, type GraphEdge, type GraphNode, type TraverseOptions } from './graph-core.js';
import { traceLinks } from './schema.js';

export { HUB_DEGREE, type Graph, type GraphEdge, type GraphNode, type TraverseOptions } from './graph-core.js';
export { shortestPath, type PathResult } from './path.service.js';

interface Visit { depth: number; degree: number; truncated: boolean }

/**
 * Breadth-first expansion from `start`, shared by neighbourhood and component. Stops at
 * `maxDepth` hops or `maxNodes` nodes; collects the edges it walked.
 */
async function expand(db: Db, actor: Actor, start: { id: string; degree: number }, maxDepth: number, maxNodes: number, opts: TraverseOptions) {
  const hub = opts.hubDegree ?? HUB_DEGREE;
  const seen = new Map<string, Visit>([[start.id, { depth: 0, degree: start.degree, truncated: false }]]);
  const edges = new Map<string, GraphEdge>();
  let complete = true;
  let frontier = [start.id];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const open: string[] = [];
    for (const id of frontier) {
      const v = seen.get(id)!;
      // The start is always expanded (it is what the analyst asked about), hubs elsewhere are not.
      if (v.degree > hub) { v.truncated = true; complete = false; }
      if (v.degree <= hub || id === start.id) open.push(id);
    }
    const { rows, capped } = await steps(db, actor, open, opts, maxNodes * 4 + 100);
    if (capped) { complete = false; for (const id of open) seen.get(id)!.truncated = true; }
    const next: string[] = [];
    for (const r of rows) {
      if (!seen.has(r.other)) {
        if (seen.size >= maxNodes) { seen.get(r.at)!.truncated = true; complete = false; continue; }
        seen.set(r.other, { depth, degree: r.otherDegree, truncated: false });
        next.push(r.other);
      }
      edges.set(r.id, edgeOf(r));
    }
    frontier = next;
  }
  // Nodes on the last level were not expanded: they are truncated only if they have more links.
  for (const id of frontier) {
    const v = seen.get(id)!;
    if (v.degree > hub) v.truncated = true;
  }
  return { seen, edges, complete, hub };
}

async function toGraph(db: Db, actor: Actor, seen: Map<string, Visit>, edges: GraphEdge[], complete: boolean, hub: number): Promise<Graph> {
  const info = await summaries(db, actor, [...seen.keys()]);
  const nodes: GraphNode[] = [];
  for (const [id, v] of seen) {
    const s = info.get(id);
    if (s) nodes.push({ ...s, depth: v.depth, hub: s.degree > hub, truncated: v.truncated });
  }
  nodes.sort((a, b) => a.depth - b.depth || b.degree - a.degree);
  return { nodes, edges, complete };
}

/**
 * The entity and everything within `depth` hops (1..3), at most `limit` nodes (default 200),
 * with every link among the returned nodes — the data of a graph view.
 */
export async function neighbourhood(db: Db, actor: Actor, id: string, options: TraverseOptions & { depth?: number; limit?: number } = {}): Promise<Graph> {
  requirePermission(actor, 'traces.read');
  const root = await loadVisibleEntity(db, actor, id);
  const depth = Math.min(Math.max(options.depth ?? 1, 1), 3);
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
  const { seen, edges, complete, hub } = await expand(db, actor, root, depth, limit, options);
  // Links among the nodes that were not walked (between two leaves, or into a hub from elsewhere).
  const ids = [...seen.keys()];
  const l = traceLinks;
  const among = await db.select(edgeColumns(l)).from(l)
    .where(and(inArray(l.fromId, ids), inArray(l.toId, ids), options.kinds?.length ? inArray(l.kind, options.kinds) : undefined)).limit(limit * 20);
  for (const e of among) edges.set(e.id, e);
  return toGraph(db, actor, seen, [...edges.values()], complete && among.length < limit * 20, hub);
}

/**
 * Everything reachable from the entity (ignoring link direction), at most `maxNodes` (default
 * 1000, max 10000); hubs are included but not crossed. Used to group items that share
 * indicators into one shop.
 */
export async function connectedComponent(db: Db, actor: Actor, id: string, options: TraverseOptions & { maxNodes?: number } = {}): Promise<Graph> {
  requirePermission(actor, 'traces.read');
  const root = await loadVisibleEntity(db, actor, id);
  const maxNodes = Math.min(Math.max(options.maxNodes ?? 1000, 1), 10_000);
  const { seen, edges, complete, hub } = await expand(db, actor, root, Number.MAX_SAFE_INTEGER, maxNodes, options);
  return toGraph(db, actor, seen, [...edges.values()], complete, hub);
}

