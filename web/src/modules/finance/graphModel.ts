import type { TraceExit, TraceRun, Transfer } from './types.js';

/**
 * What the trace graph shows, kept apart from the renderer (sigma) so its rules — caps,
 * collapse, path highlight — are plain data and can be tested without a browser.
 *
 * Limits matter: an exchange hot wallet has millions of counterparties, and a WebGL view
 * with more than a few hundred labelled nodes is unreadable anyway. So the view holds at most
 * `maxNodes` nodes, every expansion adds at most `perExpand` neighbours, and what was left out
 * is counted and shown ("N more not shown") rather than silently dropped.
 */

export interface GNode {
  address: string;
  seed: boolean;
  /** Attribution category of a service node (exchange, mixer…), null for plain addresses. */
  category: string | null;
  label: string | null;
  /** Exit of the trace (taint stopped here). */
  exit: boolean;
  /** Exchanges, pools and other high-degree nodes stay collapsed until a person expands them. */
  highDegree: boolean;
  expanded: boolean;
  /** Neighbours known but not drawn (cap reached or beyond `perExpand`). */
  hidden: number;
  /** Transfers of an expanded node beyond the page that was read (their counterparties are unknown). */
  unread: number;
  /** Hop distance from the nearest seed along the drawn edges (for the flow layout). */
  level: number;
  /** Nodes this one brought in by being expanded (removed again on collapse). */
  brought: string[];
}

export interface GEdge {
  key: string;
  from: string;
  to: string;
  tx: string;
  amount: string | number;
  time: string | number;
  /** On some exit's dominant path (drawn even when nothing is selected). */
  traced: boolean;
}

export const DEFAULT_LIMITS = { maxNodes: 500, perExpand: 50, highDegree: 50 } as const;
export type Limits = { maxNodes: number; perExpand: number; highDegree: number };

const edgeKey = (tx: string, from: string, to: string) => `${tx}|${from}|${to}`;

export class GraphModel {
  readonly nodes = new Map<string, GNode>();
  readonly edges = new Map<string, GEdge>();
  /** Neighbours that did not fit under `maxNodes`, summed over all expansions. */
  omitted = 0;
  readonly limits: Limits;

  constructor(limits: Partial<Limits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Seeds plus every exit's path: the trace's own picture, drawn in full (paths are short). */
  static fromTrace(run: TraceRun, limits: Partial<Limits> = {}): GraphModel {
    const m = new GraphModel(limits);
    for (const s of run.params.resolvedSeeds ?? run.seeds) m.addNode(s, { seed: true });
    for (const x of run.results.exits) {
      for (const h of x.path) {
        m.addNode(h.from, {});
        m.addNode(h.to, {});
        m.addEdge({ tx: h.tx, from: h.from, to: h.to, amount: h.value, time: h.time, traced: true });
      }
      m.addNode(x.address, { exit: true, category: x.service?.category ?? null, label: x.service?.label ?? null, highDegree: !!x.service || x.reason === 'high-degree' });
    }
    m.relevel();
    return m;
  }

  addNode(address: string, p: Partial<Omit<GNode, 'address'>>): GNode | null {
    const cur = this.nodes.get(address);
    if (cur) {
      // A later fact may only add information (a path node turning out to be the exit, a tag).
      if (p.seed) cur.seed = true;
      if (p.exit) cur.exit = true;
      if (p.category) cur.category = p.category;
      if (p.label) cur.label = p.label;
      if (p.highDegree) cur.highDegree = true;
      return cur;
    }
    if (this.nodes.size >= this.limits.maxNodes && !p.seed) return null;
    const n: GNode = { address, seed: false, category: null, label: null, exit: false, highDegree: false, expanded: false, hidden: 0, unread: 0, level: 0, brought: [], ...p };
    this.nodes.set(address, n);
    return n;
  }

  addEdge(e: Omit<GEdge, 'key'>): GEdge {
    const key = edgeKey(e.tx, e.from, e.to);
    const cur = this.edges.get(key);
    if (cur) { cur.traced ||= e.traced; return cur; }
    const edge = { ...e, key };
    this.edges.set(key, edge);
    return edge;
  }

  /**
   * Draw an address's transfers (as fetched from the API) around it. Counterparties beyond
   * `perExpand` or the global cap are counted in `hidden`/`omitted`; `unreadTransfers` says how
   * many of the address's transfers were beyond the page read. Returns the counterparties left out.
   */
  expand(address: string, transfers: Transfer[], tags: Map<string, { label: string; category: string }> = new Map(), unreadTransfers = 0): number {
    const n = this.nodes.get(address);
    if (!n) return 0;
    const counterparties = new Map<string, Transfer[]>();
    for (const t of transfers) {
      const other = t.from === address ? t.to : t.from;
      if (other === address) continue;
      const list = counterparties.get(other) ?? [];
      list.push(t);
      counterparties.set(other, list);
    }
    // Largest flows first: they are what an investigator follows.
    const ranked = [...counterparties.entries()].sort((a, b) => sum(b[1]) - sum(a[1]));
    let drawn = 0;
    let left = 0;
    for (const [other, list] of ranked) {
      const existed = this.nodes.has(other);
      if (!existed && drawn >= this.limits.perExpand) { left++; continue; }
      const tag = tags.get(other);
      const node = this.addNode(other, tag ? { category: tag.category, label: tag.label, highDegree: true } : {});
      if (!node) { left++; continue; }
      if (!existed) { drawn++; n.brought.push(other); }
      for (const t of list) this.addEdge({ tx: t.txHash, from: t.from, to: t.to, amount: t.units, time: t.blockTime, traced: false });
    }
    n.expanded = true;
    n.hidden = left;
    n.unread = Math.max(0, unreadTransfers);
    this.omitted += left;
    this.relevel();
    return left;
  }

  /** Remove what expanding `address` brought in, unless it is part of the trace or still tied elsewhere. */
  collapse(address: string): void {
    const n = this.nodes.get(address);
    if (!n) return;
    for (const other of n.brought) {
      const o = this.nodes.get(other);
      if (!o || o.seed || o.exit || o.expanded) continue;
      const ties = [...this.edges.values()].filter((e) => (e.from === other || e.to === other));
      if (ties.some((e) => e.traced || (e.from !== address && e.to !== address))) continue;
      for (const e of ties) this.edges.delete(e.key);
      this.nodes.delete(other);
    }
    n.brought = [];
    n.expanded = false;
    n.hidden = 0;
    n.unread = 0;
    this.relevel();
  }

  /** Nodes and edges of one exit's path, for highlighting. */
  static pathOf(exit: TraceExit): { nodes: Set<string>; edges: Set<string> } {
    const nodes = new Set<string>([exit.address]);
    const edges = new Set<string>();
    for (const h of exit.path) { nodes.add(h.from); nodes.add(h.to); edges.add(edgeKey(h.tx, h.from, h.to)); }
    return { nodes, edges };
  }

  /** BFS distance from the seeds over drawn edges, ignoring direction (backward traces read right to left). */
  relevel(): void {
    const adj = new Map<string, string[]>();
    for (const e of this.edges.values()) {
      (adj.get(e.from) ?? adj.set(e.from, []).get(e.from)!).push(e.to);
      (adj.get(e.to) ?? adj.set(e.to, []).get(e.to)!).push(e.from);
    }
    const seen = new Set<string>();
    let frontier = [...this.nodes.values()].filter((n) => n.seed).map((n) => n.address);
    let level = 0;
    for (const a of frontier) seen.add(a);
    while (frontier.length) {
      const next: string[] = [];
      for (const a of frontier) {
        this.nodes.get(a)!.level = level;
        for (const b of adj.get(a) ?? []) if (!seen.has(b) && this.nodes.has(b)) { seen.add(b); next.push(b); }
      }
      frontier = next;
      level++;
    }
    for (const n of this.nodes.values()) if (!seen.has(n.address)) n.level = level;
  }

  /**
   * Left-to-right flow layout: x = hop level, nodes of a level spread vertically in a stable
   * order (seeds and traced nodes first), so the money reads like a sentence.
   */
  flowLayout(): Map<string, { x: number; y: number }> {
    const byLevel = new Map<number, GNode[]>();
    for (const n of this.nodes.values()) (byLevel.get(n.level) ?? byLevel.set(n.level, []).get(n.level)!).push(n);
    const out = new Map<string, { x: number; y: number }>();
    for (const [level, list] of byLevel) {
      list.sort((a, b) => Number(b.seed) - Number(a.seed) || Number(b.exit) - Number(a.exit) || a.address.localeCompare(b.address));
      list.forEach((n, i) => out.set(n.address, { x: level * 10, y: (i - (list.length - 1) / 2) * 4 }));
    }
    return out;
  }
}

function sum(list: Transfer[]): number {
  let s = 0;
  for (const t of list) s += Number.parseFloat(t.units) || 0;
  return s;
}
