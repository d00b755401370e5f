import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { LABELS, type ItemDetail } from '../types.js';
import { Highlighted } from './Highlighted.js';
import { LabelBadge } from './LabelBadge.js';
import { CreateRequestButton } from '../components/CreateRequestButton.js';

/** One item: the original text with evidence highlighted, scores, indicators (traces entities) and evidence list. */
export function ItemPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const lang = i18n.language as Lang;
  const res = useApi(() => api.get<{ item: ItemDetail; entities: Record<string, string> }>(`/api/monitor/items/${encodeURIComponent(params.id!)}`), [params.id]);
  if (res.error) return <><PageTitle title={t('monitor.item')}>{t('monitor.item')}</PageTitle><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const { item, entities } = res.data;
  const explain = item.explain ?? [];
  const safeUrl = item.url && /^https?:\/\//i.test(item.url) ? item.url : null;
  return (
    <>
      <PageTitle title={t('monitor.item')}>{t('monitor.item')} <LabelBadge label={item.label} /></PageTitle>
      <p><Link to="/monitor">← {t('monitor.backToList')}</Link></p>
      <CreateRequestButton itemIds={[item.id]} />
      <section className="card">
        <dl className="props">
          <div><dt>{t('monitor.source')}</dt><dd>{item.source} ({item.sourceKind})</dd></div>
          <div><dt>{t('monitor.channel')}</dt><dd>{item.channel ?? '—'}</dd></div>
          <div><dt>{t('monitor.author')}</dt><dd>{item.author ?? '—'}</dd></div>
          <div><dt>{t('monitor.externalId')}</dt><dd><code>{item.externalId}</code></dd></div>
          <div><dt>URL</dt><dd>{safeUrl ? <a href={safeUrl} rel="noopener noreferrer nofollow" target="_blank">{item.url}</a> : item.url ?? '—'}</dd></div>
          <div><dt>{t('monitor.when')}</dt><dd>{formatDateTime(item.postedAt ?? item.ingestedAt, lang)}</dd></div>
          <div><dt>{t('monitor.regions')}</dt><dd>{item.regions.map((r) => regions.name(r)).join(', ') || t('monitor.noRegion')}</dd></div>
          <div><dt>{t('monitor.model')}</dt><dd>{item.modelVersion ?? t('monitor.label.pending')}</dd></div>
        </dl>
      </section>
      <section className="card">
        <h2>{t('monitor.text')}</h2>
        <div className="monitor-legend" aria-hidden="true">
          {(['indicator', 'term', 'emoji', 'feature'] as const).map((k) => <span key={k}><mark className={`ev-${k}`}>{t(`monitor.kind.${k}`)}</mark></span>)}
        </div>
        <Highlighted text={item.text} spans={explain} />
      </section>
      {item.scores ? (
        <section className="card">
          <h2>{t('monitor.scores')}</h2>
          <table className="table"><tbody>
            {LABELS.map((l) => <tr key={l}><th scope="row">{t(`monitor.label.${l}`)}</th><td>{(item.scores![l] * 100).toFixed(1)}%</td></tr>)}
          </tbody></table>
        </section>
      ) : null}
      <section className="card">
        <h2>{t('monitor.indicators')}</h2>
        {(item.indicators ?? []).length === 0 ? <p className="muted">{t('common.nothingFound')}</p> : (
          <ul data-testid="indicators">
            {item.indicators!.map((ind, i) => {
              const id = entities[`${ind.type}:${ind.value}`];
              return <li key={i}><code>{ind.type}</code> {id ? <a href={`/api/traces/entities/${id}`} title={t('monitor.traceEntity')}>{ind.value}</a> : ind.value}{['btc', 'tron', 'eth'].includes(ind.type) ? <> · <Link to={`/finance/address/${ind.type}/${encodeURIComponent(ind.value)}`}>{t('finance.traceLink')}</Link></> : null}</li>;
            })}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t('monitor.evidence')}</h2>
        <table className="table">
          <thead><tr><th scope="col">{t('monitor.kindField')}</th><th scope="col">{t('monitor.fragment')}</th><th scope="col">{t('monitor.category')}</th></tr></thead>
          <tbody>
            {explain.map((e, i) => <tr key={i}><td>{t(`monitor.kind.${e.kind}`)}</td><td>{e.text}</td><td>{e.category}{e.substance ? ` (${e.substance})` : ''}</td></tr>)}
          </tbody>
        </table>
      </section>
    </>
  );
}
