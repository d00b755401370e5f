import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { financeApi } from '../client.js';
import { GraphModel, type GNode } from '../graphModel.js';
import { addressPath, CATEGORY_COLORS, short } from '../lib.js';
import type { TraceRun } from '../types.js';
import { CategoryBadge } from './CategoryBadge.js';

// Sigma + graphology are the heaviest part of the module: loaded only when a trace is shown.
const TraceGraph = lazy(() => import('./TraceGraph.js'));

/** How many transfers one expansion reads (its counterparties are ranked by value, then capped). */
const EXPAND_PAGE = 200;

/**
 * The graph with its controls: selection panel (expand/collapse, open the address), layout,
 * legend, the cap note, and a table of the drawn nodes that offers the same actions by keyboard.
 */
export function GraphPanel({ run, highlight }: { run: TraceRun; highlight: { nodes: Set<string>; edges: Set<string> } | null }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const model = useMemo(() => GraphModel.fromTrace(run), [run]);
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [layout, setLayout] = useState<'flow' | 'force'>('flow');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chain = run.params.chain;
  const node: GNode | undefined = selected ? model.nodes.get(selected) : undefined;

  const expand = async (address: string) => {
    setBusy(address); setError(null);
    try {
      const page = await financeApi.address(chain, address, { asset: run.params.asset, limit: EXPAND_PAGE, offset: 0 });
      const items = page.transfers.items;
      // Colour counterparties that are services (one lookup for the whole page).
      const tags = new Map<string, { label: string; category: string }>();
      const others = [...new Set(items.map((x) => (x.from === address ? x.to : x.from)))].slice(0, 1000);
      if (can('finance.tag.read') && others.length) {
        for (const [a, list] of Object.entries(await financeApi.tagLookup(chain, others))) if (list[0]) tags.set(a, { label: list[0].label, category: list[0].category });
      }
      model.expand(address, items, tags, page.transfers.total - items.length);
      setVersion((v) => v + 1);
    } catch (e) { setError(e); } finally { setBusy(null); }
  };
  const collapse = (address: string) => { model.collapse(address); setVersion((v) => v + 1); };

  const nodes = [...model.nodes.values()].sort((a, b) => a.level - b.level || Number(b.seed) - Number(a.seed) || a.address.localeCompare(b.address));
  const hiddenTotal = nodes.reduce((s, n) => s + n.hidden, 0);
  const categories = [...new Set(nodes.map((n) => n.category).filter((c): c is string => !!c))];

  const actions = (n: GNode) => (
    <>
      {n.expanded
        ? <button type="button" className="btn btn-small" onClick={() => collapse(n.address)}>{t('finance.graph.collapse')}</button>
        : <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => expand(n.address)}
            title={n.highDegree ? t('finance.graph.highDegreeHint') : undefined}>
            {busy === n.address ? t('finance.graph.expanding') : n.highDegree ? t('finance.graph.expandHigh') : t('finance.graph.expand')}
          </button>}
    </>
  );

  return (
    <section className="card" aria-labelledby="fin-graph-title">
      <div className="fin-graph-head">
        <h2 id="fin-graph-title">{t('finance.graph.title')}</h2>
        <div className="radios fin-radios" role="group" aria-label={t('finance.graph.layout')}>
          {(['flow', 'force'] as const).map((l) => (
            <label key={l}><input type="radio" name="fin-layout" checked={layout === l} onChange={() => setLayout(l)} /> {t(`finance.graph.layout_${l}`)}</label>
          ))}
        </div>
      </div>
      <p className="muted small">{t('finance.graph.help')}</p>
      <ul className="fin-legend" aria-label={t('finance.graph.legend')}>
        <li><span className="fin-dot" style={{ background: '#f2c230' }} aria-hidden="true" />{t('finance.graph.seed')}</li>
        <li><span className="fin-dot" style={{ background: '#7a8794' }} aria-hidden="true" />{t('finance.graph.plain')}</li>
        {categories.map((c) => <li key={c}><span className="fin-dot" style={{ background: CATEGORY_COLORS[c] ?? CATEGORY_COLORS.other }} aria-hidden="true" />{t(`finance.category.${c}`, { defaultValue: c })}</li>)}
        <li><span className="fin-line" aria-hidden="true" />{t('finance.graph.pathLegend')}</li>
      </ul>
      <div className="fin-graph-layout">
        <Suspense fallback={<Loading />}>
          <TraceGraph model={model} version={version} highlight={highlight} selected={selected} onSelect={setSelected} layout={layout} />
        </Suspense>
        <aside className="fin-node-panel" aria-live="polite" data-testid="node-panel">
          {node ? (
            <>
              <h3>{node.label ?? t('finance.graph.address')}</h3>
              <p><code className="break">{node.address}</code></p>
              <p>
                {node.seed ? <span className="badge badge-warn">{t('finance.graph.seed')}</span> : null}{' '}
                {node.exit ? <span className="badge badge-info">{t('finance.graph.exit')}</span> : null}{' '}
                {node.category ? <CategoryBadge category={node.category} /> : null}
              </p>
              {node.hidden ? <p className="small">{t('finance.graph.moreHidden', { count: node.hidden })}</p> : null}
              {node.unread ? <p className="small">{t('finance.graph.unread', { count: node.unread })}</p> : null}
              <div className="actions">
                {actions(node)}
                <Link className="btn btn-small" to={addressPath(chain, node.address)}>{t('finance.graph.open')}</Link>
              </div>
            </>
          ) : <p className="muted small">{t('finance.graph.pick')}</p>}
        </aside>
      </div>
      <ErrorMessage error={error} />
      <p className="small" data-testid="graph-counts">
        {t('finance.graph.counts', { nodes: model.nodes.size, edges: model.edges.size, max: model.limits.maxNodes })}
        {hiddenTotal ? <> · <strong>{t('finance.graph.notShown', { count: hiddenTotal })}</strong></> : null}
      </p>
      <details>
        <summary>{t('finance.graph.nodesTable')}</summary>
        <div className="table-wrap">
          <table className="table table-compact" data-testid="graph-nodes">
            <thead><tr><th scope="col">{t('finance.addressCol')}</th><th scope="col">{t('finance.graph.role')}</th><th scope="col" className="num">{t('finance.trace.hops')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
            <tbody>
              {nodes.map((n) => (
                <tr key={n.address} className={highlight?.nodes.has(n.address) ? 'fin-selected' : undefined}>
                  <td><button type="button" className="fin-linkbtn" onClick={() => setSelected(n.address)} title={n.address}><code>{short(n.address, 8)}</code></button></td>
                  <td>{n.seed ? t('finance.graph.seed') : n.category ? <CategoryBadge category={n.category} /> : t('finance.graph.plain')}{n.label ? ` · ${n.label}` : ''}</td>
                  <td className="num">{n.level}</td>
                  <td>{actions(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
