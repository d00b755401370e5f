import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString, type Lang } from '../../../api.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { useSession } from '../../../session.js';
import './Recheck.css';

interface Alert {
  id: string; kind: 'restored' | 'reappeared'; regions: string[]; shopId: string | null; itemId: string | null; requestId: string | null; targetId: string | null;
  url: string | null; evidence: Record<string, unknown> & { via?: { kind?: string; distance?: number; indicators?: { type: string; value: string }[] }; shopName?: string | null; statusBefore?: string; sameContent?: boolean; distance?: number | null };
  createdAt: string; acknowledgedBy: string | null; acknowledgedAt: string | null; ackNote: string | null;
}

/** Restored-content and reappeared-shop alerts with acknowledgement (audited). */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { can } = useSession();
  const { search } = useLocation();
  const current = { kind: search.get('kind') ?? '', state: search.get('state') ?? 'open' };
  const list = useApi(() => api.get<{ alerts: Alert[]; more: boolean; open: number }>('/api/monitor/alerts', { ...current, limit: 200 }), [current]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const go = (next: Partial<typeof current>) => navigate('/monitor/alerts' + queryString({ ...current, ...next }), { replace: true });

  const ack = async (a: Alert) => {
    setError(null); setDone(null);
    try {
      await api.post(`/api/monitor/alerts/${a.id}/ack`, { note: notes[a.id] ?? '' });
      setDone(t('monitor.alerts.acknowledged'));
      list.reload();
    } catch (e) { setError(e); }
  };

  const why = (a: Alert) => {
    const e = a.evidence;
    if (a.kind === 'restored') return e.sameContent ? t('monitor.alerts.sameContent') : e.distance !== null && e.distance !== undefined ? t('monitor.alerts.changedContent', { d: e.distance }) : t('monitor.alerts.contentBack');
    if (e.via?.kind === 'near_duplicate') return t('monitor.alerts.viaNearDuplicate', { d: e.via.distance ?? '?' });
    const inds = (e.via?.indicators ?? []).map((x) => `${x.type}: ${x.value}`).join(', ');
    return t('monitor.alerts.viaIndicators', { list: inds || '—' });
  };

  return (
    <>
      <PageTitle title={t('monitor.alerts.title')} actions={<Link className="btn" to="/monitor/rechecks">{t('monitor.rechecks.title')}</Link>}>
        {t('monitor.alerts.title')}{list.data ? <> <Badge tone={list.data.open ? 'danger' : 'ok'}>{t('monitor.alerts.openCount', { n: list.data.open })}</Badge></> : null}
      </PageTitle>
      <p className="muted">{t('monitor.alerts.intro')}</p>
      <div className="card form filters form-grid form-grid-4">
        <SelectField label={t('monitor.alerts.kind')} value={current.kind} onValue={(v) => go({ kind: v })}
          options={[{ value: '', label: t('common.any') }, { value: 'restored', label: t('monitor.alerts.kinds.restored') }, { value: 'reappeared', label: t('monitor.alerts.kinds.reappeared') }]} />
        <SelectField label={t('monitor.alerts.state')} value={current.state} onValue={(v) => go({ state: v })}
          options={[{ value: 'open', label: t('monitor.alerts.states.open') }, { value: 'acknowledged', label: t('monitor.alerts.states.acknowledged') }, { value: 'all', label: t('monitor.alerts.states.all') }]} />
      </div>
      <ErrorMessage error={error ?? list.error} />
      <StatusMessage text={done} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        list.data.alerts.length === 0 ? <p className="muted">{t('monitor.alerts.empty')}</p> : (
          <ul className="alert-list">
            {list.data.alerts.map((a) => (
              <li key={a.id} className="card" data-kind={a.kind}>
                <p>
                  <Badge tone={a.acknowledgedAt ? 'neutral' : 'danger'}>{t(`monitor.alerts.kinds.${a.kind}`)}</Badge>{' '}
                  <span className="muted">{formatDateTime(a.createdAt, lang)}</span>
                </p>
                <p>
                  {a.shopId ? <><Link to={`/monitor/shops/${a.shopId}`}>{a.evidence.shopName ?? t('monitor.alerts.shop')}</Link>{' · '}</> : null}
                  {a.itemId ? <><Link to={`/monitor/items/${a.itemId}`}>{t('monitor.alerts.item')}</Link>{' · '}</> : null}
                  {a.targetId ? <><Link to={`/monitor/rechecks/${a.targetId}`}>{a.url ?? t('monitor.rechecks.one')}</Link>{' · '}</> : null}
                  {a.requestId ? <Link to={`/monitor/requests/${a.requestId}`}>{t('monitor.rechecks.request')}</Link> : null}
                </p>
                <p>{why(a)}</p>
                {a.acknowledgedAt ? (
                  <p className="muted">{t('monitor.alerts.ackBy', { who: a.acknowledgedBy, when: formatDateTime(a.acknowledgedAt, lang) })}{a.ackNote ? ` — ${a.ackNote}` : ''}</p>
                ) : can('monitor.alert.ack') ? (
                  <div className="actions">
                    <label className="visually-hidden" htmlFor={`note-${a.id}`}>{t('monitor.alerts.note')}</label>
                    <input id={`note-${a.id}`} placeholder={t('monitor.alerts.note')} maxLength={2000} value={notes[a.id] ?? ''} onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })} />
                    <button type="button" className="btn btn-primary" onClick={() => void ack(a)}>{t('monitor.alerts.ack')}</button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
