import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { RecheckBadge, type RecheckCheck, type RecheckTarget } from './RecheckParts.js';

/** One watched URL: current status, "recheck now", and its full status history. */
export function RecheckPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { can } = useSession();
  const data = useApi(() => api.get<{ target: RecheckTarget; history: RecheckCheck[] }>(`/api/monitor/rechecks/${encodeURIComponent(params.id!)}`), [params.id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const recheck = async () => {
    setBusy(true); setError(null); setDone(null);
    try {
      const r = await api.post<{ check: RecheckCheck }>(`/api/monitor/rechecks/${encodeURIComponent(params.id!)}/run`);
      setDone(t('monitor.rechecks.checkedNow', { outcome: t(`monitor.rechecks.status.${r.check.outcome}`), reason: r.check.reason }));
      data.reload();
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <ErrorMessage error={data.error} />;
  const { target, history } = data.data;
  return (
    <>
      <p><Link to="/monitor/rechecks">{t('monitor.rechecks.back')}</Link></p>
      <PageTitle title={t('monitor.rechecks.one')} actions={can('monitor.recheck.run') && target.active
        ? <button type="button" className="btn btn-primary" onClick={recheck} disabled={busy} aria-busy={busy}>{busy ? t('monitor.rechecks.checking') : t('monitor.rechecks.now')}</button> : null}>
        {t('monitor.rechecks.one')}
      </PageTitle>
      <ErrorMessage error={error} />
      <StatusMessage text={done} />
      <dl className="card props">
        <dt>{t('monitor.rechecks.url')}</dt><dd className="break">{target.url}</dd>
        <dt>{t('monitor.rechecks.statusField')}</dt><dd><RecheckBadge value={target.status} />{target.active ? null : <span className="muted"> {t('monitor.rechecks.notWatched')}</span>}</dd>
        <dt>{t('monitor.rechecks.since')}</dt><dd>{target.lastChangeAt ? formatDateTime(target.lastChangeAt, lang) : '—'}</dd>
        <dt>{t('monitor.rechecks.nextCheck')}</dt><dd>{target.active ? formatDateTime(target.nextCheckAt, lang) : '—'}</dd>
        <dt>{t('monitor.rechecks.request')}</dt><dd><Link to={`/monitor/requests/${target.requestId}`}>{t(`monitor.rechecks.requestStatus.${target.requestStatus}`, { defaultValue: target.requestStatus })}</Link></dd>
        <dt>{t('common.region')}</dt><dd>{regions.name(target.region)}</dd>
        <dt>{t('monitor.rechecks.contentHash')}</dt><dd><code>{target.contentHash ? target.contentHash.slice(0, 16) : '—'}</code> <code>{target.simhash ?? ''}</code></dd>
      </dl>
      <h2>{t('monitor.rechecks.history')}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('monitor.rechecks.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.rechecks.when')}</th>
              <th scope="col">{t('monitor.rechecks.outcome')}</th>
              <th scope="col">{t('monitor.rechecks.statusField')}</th>
              <th scope="col">HTTP</th>
              <th scope="col">{t('monitor.rechecks.finalUrl')}</th>
              <th scope="col">{t('monitor.rechecks.contentHash')}</th>
              <th scope="col">{t('monitor.rechecks.requestOutcome')}</th>
              <th scope="col">{t('monitor.rechecks.by')}</th>
            </tr>
          </thead>
          <tbody>
            {history.length === 0 ? <tr><td colSpan={8} className="muted">{t('monitor.rechecks.noHistory')}</td></tr> : history.map((h) => (
              <tr key={h.id} data-outcome={h.outcome}>
                <td className="nowrap">{formatDateTime(h.checkedAt, lang)}</td>
                <td><RecheckBadge value={h.outcome} /> <span className="muted">{t(`monitor.rechecks.reason.${h.reason}`, { defaultValue: h.reason })}</span>{h.detail ? <div className="muted small break">{h.detail}</div> : null}</td>
                <td>{h.statusBefore === h.statusAfter ? <RecheckBadge value={h.statusAfter} /> : <><RecheckBadge value={h.statusBefore} /> → <RecheckBadge value={h.statusAfter} /></>}</td>
                <td>{h.httpStatus ?? '—'}</td>
                <td className="break">{h.finalUrl ?? '—'}</td>
                <td><code>{h.contentHash ? h.contentHash.slice(0, 12) : '—'}</code>{h.distance !== null ? <span className="muted"> Δ{h.distance}</span> : null}</td>
                <td>{h.requestOutcome ? t(`monitor.rechecks.requestStatus.${h.requestOutcome}`) : '—'}</td>
                <td>{h.trigger === 'manual' ? h.requestedBy : t('monitor.rechecks.scheduled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
