import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { financeApi } from '../client.js';
import { ExitsTable, PathDetail } from '../components/ExitsTable.js';
import { ExportsPanel } from '../components/ExportsPanel.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { GraphPanel } from '../components/GraphPanel.js';
import { GraphModel } from '../graphModel.js';
import { addressPath, formatAmount, short } from '../lib.js';

/**
 * A stored trace run: its parameters (so the result can be reproduced and cited), the exits,
 * the selected exit's explained path, the graph, and the exports.
 */
export function TracePage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const res = useApi(() => financeApi.trace(params.id!), [params.id]);
  const [selected, setSelected] = useState<number | null>(null);
  const run = res.data;
  const path = useMemo(() => (run && selected !== null && run.results.exits[selected] ? GraphModel.pathOf(run.results.exits[selected]) : null), [run, selected]);

  if (res.error) return <><PageTitle title={t('finance.trace.title')}>{t('finance.trace.title')}</PageTitle><FinanceTabs /><ErrorMessage error={res.error} /></>;
  if (!run) return <Loading />;
  const p = run.params;
  const exit = selected !== null ? run.results.exits[selected] : undefined;
  const seeds = p.resolvedSeeds ?? run.seeds;
  const stats = Object.entries(run.stats ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  return (
    <>
      <PageTitle title={t('finance.trace.title')}>{t('finance.trace.title')}{run.caseNumber ? <> · {run.caseNumber}</> : null}</PageTitle>
      <FinanceTabs />
      <section className="card" aria-labelledby="fin-params">
        <h2 id="fin-params">{t('finance.trace.params')}</h2>
        <dl className="props" data-testid="trace-params">
          <div><dt>{t('finance.trace.seeds')}</dt><dd>{seeds.map((s) => <div key={s}><Link to={addressPath(p.chain, s)} title={s}><code className="break">{s}</code></Link></div>)}</dd></div>
          <div><dt>{t('finance.chain')} / {t('finance.asset')}</dt><dd>{t(`finance.chainName.${p.chain}`, { defaultValue: p.chain })} · {p.asset}</dd></div>
          <div><dt>{t('finance.trace.direction')}</dt><dd>{t(`finance.trace.dir.${p.direction}`)}</dd></div>
          <div><dt>{t('finance.trace.model')}</dt><dd>{t(`finance.model.${p.model}`)}<br /><span className="muted small">{t(`finance.modelHint.${p.model}`)}</span></dd></div>
          <div><dt>{t('finance.trace.maxHops')}</dt><dd>{p.maxHops}</dd></div>
          <div><dt>{t('finance.trace.from')}</dt><dd>{p.from ? formatDateTime(p.from, lang) : t('finance.trace.fromSeed')}</dd></div>
          <div><dt>{t('finance.trace.windowDays')}</dt><dd>{p.windowSeconds ? Math.round(p.windowSeconds / 86_400) : '—'}</dd></div>
          <div><dt>{t('finance.trace.minValueShort')}</dt><dd>{p.minValue ? `${formatAmount(p.minValue, p.asset, lang)} ${p.asset}` : '—'}</dd></div>
          <div><dt>{t('finance.trace.expandHighDegree')}</dt><dd>{p.expandHighDegree ? t('common.yes') : t('common.no')}</dd></div>
          <div><dt>{t('common.region')}</dt><dd>{regions.name(run.region)}</dd></div>
          <div><dt>{t('finance.trace.engine')}</dt><dd className="small">{run.modelVersion}</dd></div>
          {run.createdAt ? <div><dt>{t('finance.trace.ranAt')}</dt><dd>{formatDateTime(run.createdAt, lang)}{run.createdByName ? `, ${run.createdByName}` : ''}</dd></div> : null}
        </dl>
        {stats.length ? (
          <p className="muted small" data-testid="trace-stats">{stats.map(([k, v]) => `${t(`finance.stats.${k}`, { defaultValue: k })}: ${formatAmount(v, p.asset, lang)}`).join(' · ')}</p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="fin-exits">
        <h2 id="fin-exits">{t('finance.trace.exits')} <span className="muted">({run.results.exitsTotal})</span></h2>
        {run.results.exitsTotal > run.results.exitsListed ? <p className="hint">{t('finance.trace.exitsCapped', { listed: run.results.exitsListed, total: run.results.exitsTotal })}</p> : null}
        <ExitsTable exits={run.results.exits} chain={p.chain} asset={p.asset} selected={selected} onSelect={setSelected} />
      </section>
      {exit ? <PathDetail exit={exit} chain={p.chain} asset={p.asset} /> : null}
      <GraphPanel run={run} highlight={path} />
      <ExportsPanel run={run} />
      <p className="muted small">{t('finance.trace.id')}: <code>{short(run.id, 12)}</code></p>
    </>
  );
}

