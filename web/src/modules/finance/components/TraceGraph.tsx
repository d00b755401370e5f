import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DirectedGraph } from 'graphology';
import * as fa2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { GraphModel } from '../graphModel.js';
import { categoryColor, short } from '../lib.js';

type NodeAttrs = { x: number; y: number; size: number; color: string; label: string; seed: boolean; service: boolean; forceLabel?: boolean; highlighted?: boolean; zIndex?: number };
type EdgeAttrs = { size: number; color: string; type: string; traced: boolean; pairs: string[]; zIndex?: number };

// A CommonJS package: bundlers hand its function over as the namespace's default, TypeScript (NodeNext) as the namespace.
type FA2 = {
  assign(graph: DirectedGraph<NodeAttrs, EdgeAttrs>, params: { iterations: number; settings?: Record<string, unknown> }): void;
  inferSettings(graph: DirectedGraph<NodeAttrs, EdgeAttrs>): Record<string, unknown>;
};
const forceAtlas2: FA2 = ((fa2 as unknown as { default?: FA2 }).default ?? fa2) as FA2;

const SEED = '#f2c230';
const PLAIN = '#7a8794';
const EDGE = '#c4ccd4';
const TRACED = '#6c8fb0';
const PATH = '#d6336c';
const DIM = '#e9edf1';

/**
 * Sigma.js (WebGL) drawing of a GraphModel. Parallel transfers between the same two
 * addresses become one arrow (counted), so hundreds of small payments stay legible. The tables
 * beside it carry the same facts for keyboard and screen-reader users; this view is the map.
 */
export function TraceGraph({ model, version, highlight, selected, onSelect, layout }: {
  model: GraphModel;
  /** Bumped by the owner whenever the model changed (the model is mutable). */
  version: number;
  highlight: { nodes: Set<string>; edges: Set<string> } | null;
  selected: string | null;
  onSelect(address: string | null): void;
  layout: 'flow' | 'force';
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const graph = useRef(new DirectedGraph<NodeAttrs, EdgeAttrs>());
  const state = useRef({ highlight, selected });
  state.current = { highlight, selected };
  const select = useRef(onSelect);
  select.current = onSelect;
  const [noWebGl, setNoWebGl] = useState(false);

  // One renderer for the component's life; reducers read the latest highlight from a ref.
  useEffect(() => {
    if (!box.current) return;
    let r: Sigma<NodeAttrs, EdgeAttrs>;
    try {
      r = new Sigma(graph.current, box.current, {
        defaultEdgeType: 'arrow',
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 9,
        // Labels are drawn right of their node: keep room so the last column is not cut off.
        stagePadding: 90,
        zIndex: true,
        nodeReducer: (key, attrs) => {
          const { highlight: h, selected: sel } = state.current;
          const out: Partial<NodeAttrs> & Record<string, unknown> = { ...attrs };
          if (h) {
            if (h.nodes.has(key)) { out.highlighted = true; out.forceLabel = true; out.zIndex = 2; } else { out.color = DIM; out.label = ''; out.zIndex = 0; }
          }
          if (key === sel) { out.highlighted = true; out.forceLabel = true; out.zIndex = 3; }
          return out as NodeAttrs;
        },
        edgeReducer: (_key, attrs) => {
          const h = state.current.highlight;
          if (!h) return attrs;
          const on = attrs.pairs.some((p) => h.edges.has(p));
          return { ...attrs, color: on ? PATH : DIM, size: on ? 3 : 0.5, zIndex: on ? 2 : 0 };
        },
      });
    } catch {
      // No WebGL (locked-down workstation, remote desktop): the tables still hold everything.
      setNoWebGl(true);
      return;
    }
    r.on('clickNode', ({ node }) => select.current(node));
    r.on('clickStage', () => select.current(null));
    r.on('enterNode', () => { if (box.current) box.current.style.cursor = 'pointer'; });
    r.on('leaveNode', () => { if (box.current) box.current.style.cursor = ''; });
    sigma.current = r;
    return () => { r.kill(); sigma.current = null; };
  }, []);

  // Rebuild the drawing from the model (≤ maxNodes nodes: cheap) whenever it changed.
  useEffect(() => {
    const g = graph.current;
    const old = new Map<string, { x: number; y: number }>();
    g.forEachNode((k, a) => old.set(k, { x: a.x, y: a.y }));
    g.clear();
    const pos = model.flowLayout();
    for (const n of model.nodes.values()) {
      const p = (layout === 'force' ? old.get(n.address) : undefined) ?? pos.get(n.address) ?? { x: 0, y: 0 };
      const service = !!n.category;
      g.addNode(n.address, {
        x: p.x, y: p.y,
        size: n.seed ? 12 : service ? 10 : n.highDegree ? 9 : 5,
        color: n.seed ? SEED : service ? categoryColor(n.category) : PLAIN,
        label: n.label ? `${n.label} · ${short(n.address, 5)}` : short(n.address, 5) + (n.hidden ? ` (+${n.hidden})` : ''),
        seed: n.seed, service, forceLabel: n.seed || service,
      });
    }
    for (const e of model.edges.values()) {
      if (!g.hasNode(e.from) || !g.hasNode(e.to)) continue;
      const k = `${e.from}>${e.to}`;
      const pair = `${e.tx}|${e.from}|${e.to}`;
      if (g.hasEdge(k)) {
        g.updateEdgeAttributes(k, (a) => ({ ...a, traced: a.traced || e.traced, color: a.traced || e.traced ? TRACED : EDGE, size: Math.min(a.size + 0.5, 5), pairs: [...a.pairs, pair] }));
      } else {
        g.addDirectedEdgeWithKey(k, e.from, e.to, { size: e.traced ? 2 : 1, color: e.traced ? TRACED : EDGE, type: 'arrow', traced: e.traced, pairs: [pair] });
      }
    }
    if (layout === 'force' && g.order > 1) {
      forceAtlas2.assign(g, { iterations: 150, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 200 } });
    }
    sigma.current?.refresh();
  }, [model, version, layout]);

  // Highlight and selection only change how things are drawn.
  useEffect(() => { sigma.current?.refresh({ skipIndexation: true }); }, [highlight, selected]);

  return (
    <div className="fin-graph-wrap">
      <div ref={box} className="fin-graph" data-testid="trace-graph" data-nodes={model.nodes.size}
        data-highlighted={highlight ? [...highlight.nodes].sort().join(' ') : ''} data-selected={selected ?? ''}
        role="img" aria-label={t('finance.graph.aria', { nodes: model.nodes.size, edges: model.edges.size })} />
      {noWebGl ? <p className="alert alert-warn">{t('finance.graph.noWebGl')}</p> : null}
    </div>
  );
}

export default TraceGraph;
