/** Shortest path between two entities: bidirectional breadth-first search, link direction ignored. */
import type { Db } from '../../platform/db/client.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import { loadVisibleEntity } from './access.js';
import { edgeOf, HUB_DEGREE, steps, summaries, type GraphEdge, type GraphNode, type TraverseOptions } from './graph-core.js';

export interface PathResult {
  found: boolean;
  /** From `fromId` to `toId`, in order (empty when not found). */
  nodes: GraphNode[];
  /** The links along the path, in order; each may point either way. */
  edges: GraphEdge[];
  /** True when the search ran to the end: no path was cut off by the depth limit, hubs or caps. */
  complete: boolean;
}

// Bounds the work of one request however dense the graph is.
const MAX_VISITED = 50_000;
const STEP_CAP = 20_000;

interface Parent { prev: string | null; edge: GraphEdge | null; depth: number; degree: number }
interface Side { parents: Map<string, Parent>; frontier: string[]; depth: number }

/**
 * The fewest links connecting two visible entities, at most `maxDepth` (default 4, max 6).
 * Hubs other than the two endpoints are not crossed: a path through a public exchange wallet
 * is rarely evidence of anything. Pass a higher `hubDegree` to allow it.
 */
export async function shortestPath(db: Db, actor: Actor, fromId: string, toId: string, options: TraverseOptions & { maxDepth?: number } = {}): Promise<PathResult> {
  requirePermission(actor, 'traces.read');
  const a = await loadVisibleEntity(db, actor, fromId);
  const b = await loadVisibleEntity(db, actor, toId);
  const maxDepth = Math.min(Math.max(options.maxDepth ?? 4, 1), 6);
  const hub = options.hubDegree ?? HUB_DEGREE;
  const ends = new Set([a.id, b.id]);
  const start = (id: string, degree: number): Side => ({ parents: new Map([[id, { prev: null, edge: null, depth: 0, degree }]]), frontier: [id], depth: 0 });
  const sides: [Side, Side] = [start(a.id, a.degree), start(b.id, b.degree)];
  let complete = true;
  if (a.id === b.id) return finish(db, actor, [a.id], [], hub, true);

  while (sides[0].frontier.length && sides[1].frontier.length) {
    if (sides[0].depth + sides[1].depth >= maxDepth) { complete = false; break; }
    // Expand the smaller frontier: the two searches meet in the middle at a fraction of the cost.
    const s = sides[0].frontier.length <= sides[1].frontier.length ? 0 : 1;
    const me = sides[s], them = sides[1 - s]!;
    const open = me.frontier.filter((id) => {
      const ok = me.parents.get(id)!.degree <= hub || ends.has(id);
      if (!ok) complete = false;
      return ok;
    });
    const { rows, capped } = await steps(db, actor, open, options, STEP_CAP);
    if (capped) complete = false;
    me.depth++;
    const next: string[] = [];
    let meet: { id: string; total: number } | null = null;
    for (const r of rows) {
      if (!me.parents.has(r.other)) {
        me.parents.set(r.other, { prev: r.at, edge: edgeOf(r), depth: me.depth, degree: r.otherDegree });
        next.push(r.other);
      }
      const t = them.parents.get(r.other);
      if (t) {
        const total = me.parents.get(r.other)!.depth + t.depth;
        if (!meet || total < meet.total) meet = { id: r.other, total };
      }
    }
    if (meet) {
      const walk = (side: Side, id: string) => {
        const ids: string[] = [], edges: GraphEdge[] = [];
        for (let p = side.parents.get(id)!; p.prev !== null; p = side.parents.get(p.prev)!) { ids.push(p.prev); edges.push(p.edge!); }
        return { ids, edges };
      };
      const fromA = walk(sides[0], meet.id), toB = walk(sides[1], meet.id);
      return finish(db, actor, [...fromA.ids.reverse(), meet.id, ...toB.ids], [...fromA.edges.reverse(), ...toB.edges], hub, true);
    }
    me.frontier = next;
    if (sides[0].parents.size + sides[1].parents.size > MAX_VISITED) { complete = false; break; }
  }
  return { found: false, nodes: [], edges: [], complete };
}

async function finish(db: Db, actor: Actor, ids: string[], edges: GraphEdge[], hub: number, complete: boolean): Promise<PathResult> {
  const info = await summaries(db, actor, ids);
  const nodes = ids.map((id, depth) => {
    const s = info.get(id)!;
    return { ...s, depth, hub: s.degree > hub, truncated: false };
  });
  return { found: true, nodes, edges, complete };
}
