import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime, prettyJson } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { colourOf, type MethodologyVersion } from '../types.js';
import { StatusBadge } from './StatusBadge.js';

/** One methodology version: indicators and weights, rules, and what may be done with it. */
export function MethodologyPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const lang = i18n.language as Lang;
  const res = useApi(() => api.get<{ methodology: MethodologyVersion }>(`/api/rating/methodologies/${encodeURIComponent(params.id!)}`), [params.id]);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const back = <p><Link to="/rating/methodologies">{t('rating.m.back')}</Link></p>;
  if (!res.data) return <><PageTitle title={t('rating.methodology')}>{t('rating.methodology')}</PageTitle>{back}<ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}</>;
  const m = res.data.methodology;
  const cfg = m.config;
  const total = cfg.indicators.reduce((s, i) => s + i.weight, 0);
  const national = Boolean(me?.actor.scope.national);
  const activate = async () => {
    setError(null);
    try { await api.post(`/api/rating/methodologies/${m.id}/activate`); setStatus(t('rating.m.activated')); res.reload(); } catch (e) { setError(e); }
  };
  return (
    <>
      <PageTitle title={`${m.name} ${m.version}`} actions={<StatusBadge status={m.status} />}>{m.name} <span className="muted">{m.version}</span></PageTitle>
      {back}
      <section className="card" aria-labelledby="m-rules">
        <h2 id="m-rules">{t('rating.m.rules')}</h2>
        {cfg.description ? <p className="pre-wrap">{cfg.description}</p> : null}
        <dl className="props">
          <div><dt>{t('rating.m.aggregation')}</dt><dd>{t(`rating.aggregations.${cfg.aggregation}`)}</dd></div>
          <div><dt>{t('rating.m.missing')}</dt><dd>{t(`rating.missingRules.${cfg.missing}`)}</dd></div>
          <div><dt>{t('rating.m.created')}</dt><dd>{m.createdBy}, {formatDateTime(m.createdAt, lang)}</dd></div>
          {m.activatedBy ? <div><dt>{t('rating.m.activatedBy')}</dt><dd>{m.activatedBy}, {formatDateTime(m.activatedAt, lang)}</dd></div> : null}
          {m.basedOn ? <div><dt>{t('rating.m.basedOn')}</dt><dd><Link to={`/rating/methodologies/${m.basedOn}`}>{t('rating.m.previousVersion')}</Link></dd></div> : null}
        </dl>
        {(m.warnings ?? []).map((w) => <p key={w} className="alert alert-warn small">{w}</p>)}
      </section>
      <section className="card" aria-labelledby="m-ind">
        <h2 id="m-ind">{t('rating.m.indicators')}</h2>
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('rating.m.indicators')}</caption>
            <thead><tr>
              <th scope="col">{t('rating.indicator')}</th><th scope="col">{t('rating.m.code')}</th><th scope="col" className="num">{t('rating.m.weight')}</th>
              <th scope="col">{t('rating.m.share')}</th><th scope="col">{t('rating.m.direction')}</th><th scope="col">{t('rating.m.normalisation')}</th>
              <th scope="col" className="num">{t('rating.m.target')}</th><th scope="col">{t('rating.m.perCapita')}</th>
            </tr></thead>
            <tbody>
              {cfg.indicators.map((i, k) => (
                <tr key={i.code}>
                  <td><span className="rt-swatch" style={{ background: colourOf(k) }} aria-hidden="true" />{i.name || i.code}</td>
                  <td><code>{i.code}</code></td>
                  <td className="num">{i.weight}</td>
                  <td><span className="rt-share"><span style={{ width: `${(100 * i.weight) / total}%`, background: colourOf(k) }} /></span> {((100 * i.weight) / total).toFixed(1)}%</td>
                  <td>{t(`rating.directions.${i.direction}`)}</td>
                  <td>{t(`rating.normalisations.${i.normalisation}`)}</td>
                  <td className="num">{i.target ?? '—'}</td>
                  <td>{i.perCapita ? `${i.perCapita.denominator} / ${i.perCapita.per}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      <div className="actions">
        {m.status === 'draft' && can('rating.approve') && national ? <ConfirmButton question={t('rating.m.confirmActivate')} onConfirm={activate}>{t('rating.m.activate')}</ConfirmButton> : null}
        {m.status === 'draft' && can('rating.compute') && national ? <Link className="btn" to={`/rating/methodologies/${m.id}/edit`}>{t('rating.m.edit')}</Link> : null}
        {can('rating.compute') && national ? <Link className="btn btn-primary" to={`/rating/methodologies/new?from=${m.id}`}>{t('rating.m.newVersion')}</Link> : null}
      </div>
      <details className="card">
        <summary>{t('rating.m.json')}</summary>
        <pre className="pre-wrap small">{prettyJson(cfg)}</pre>
      </details>
    </>
  );
}
