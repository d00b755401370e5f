import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { TextArea, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { useRegions } from '../../../reference.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { PolicyBanner, RequestStatusBadge, type HistoryRow, type Move, type RequestEntry, type RequestFull } from './RequestParts.js';

interface Detail { request: RequestFull; entries: RequestEntry[]; history: HistoryRow[]; allowed: Move[] }

/** Moves in the order they are offered; the server says which ones this user may make now. */
const MOVES: Move[] = ['approved', 'sent', 'blocked', 'refused', 'restored', 'cancelled'];
const EXPORTS = [['pdf', 'kk'], ['pdf', 'ru'], ['csv'], ['json'], ['stix']] as const;

/** One request: facts, entries with evidence, allowed actions, exports, draft editing and the status history. */
export function RequestPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { can } = useSession();
  const id = params.id!;
  const res = useApi(() => api.get<Detail>(`/api/monitor/requests/${encodeURIComponent(id)}`), [id]);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [edit, setEdit] = useState<{ title: string; addressee: string; legalBasis: string } | null>(null);
  if (res.error) return <><PageTitle title={t('monitor.requests.request')}>{t('monitor.requests.request')}</PageTitle><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const { request: r, entries, history, allowed } = res.data;
  const move = async (to: Move) => {
    setError(null); setMessage(null);
    try {
      await api.post(`/api/monitor/requests/${r.id}/transition`, { to, note: note.trim() || undefined });
      setNote(''); setMessage(t('monitor.requests.moved', { status: t(`monitor.requests.status.${to}`) })); res.reload();
    } catch (e) { setError(e); }
  };
  const saveDraft = async () => {
    if (!edit) return;
    setError(null);
    try {
      await api.patch(`/api/monitor/requests/${r.id}`, { title: edit.title, addressee: edit.addressee, legalBasis: edit.legalBasis.trim() || null });
      setEdit(null); setMessage(t('monitor.requests.saved')); res.reload();
    } catch (e) { setError(e); }
  };
  const safe = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);
  const title = `${t('monitor.requests.request')} № ${r.seq}`;
  return (
    <>
      <PageTitle title={title}>{title} <RequestStatusBadge status={r.status} /></PageTitle>
      <p><Link to="/monitor/requests">← {t('monitor.requests.back')}</Link></p>
      <PolicyBanner />
      <section className="card">
        <dl className="props">
          <div><dt>{t('monitor.requests.targetField')}</dt><dd>{t(`monitor.requests.target.${r.target}`)}</dd></div>
          {r.title ? <div><dt>{t('monitor.requests.titleField')}</dt><dd>{r.title}</dd></div> : null}
          <div><dt>{t('monitor.requests.addressee')}</dt><dd>{r.addressee || t('monitor.requests.addresseeDefault')}</dd></div>
          <div><dt>{t('common.region')}</dt><dd>{regions.name(r.region)}</dd></div>
          <div><dt>{t('monitor.requests.originField')}</dt><dd>{t(`monitor.requests.origin.${r.originModule}`)}{r.originShopId ? <> · <Link to={`/monitor/shops/${r.originShopId}`}>{t('monitor.requests.shop')}</Link></> : null}</dd></div>
          <div><dt>{t('monitor.requests.createdBy')}</dt><dd>{r.createdByName}, {formatDateTime(r.createdAt, lang)}</dd></div>
          {r.approvedAt ? <div><dt>{t('monitor.requests.approvedBy')}</dt><dd>{r.approvedByPolicy ? `${t('monitor.requests.byPolicy')}: ${r.approvedByPolicy}` : r.approvedByName}, {formatDateTime(r.approvedAt, lang)}</dd></div> : null}
          {r.firstDetectedAt ? <div><dt>{t('monitor.requests.firstDetected')}</dt><dd>{formatDateTime(r.firstDetectedAt, lang)}</dd></div> : null}
          {r.firstBlockedAt ? <div><dt>{t('monitor.requests.firstBlocked')}</dt><dd>{formatDateTime(r.firstBlockedAt, lang)}</dd></div> : null}
          <div><dt>{t('monitor.requests.legalBasis')}</dt><dd>{r.legalBasis || t('monitor.requests.legalBasisDefault')}</dd></div>
        </dl>
      </section>

      <section className="card" aria-labelledby="rq-actions">
        <h2 id="rq-actions">{t('monitor.requests.actions')}</h2>
        <ErrorMessage error={error} />
        <StatusMessage text={message} />
        {allowed.length === 0 ? <p className="muted">{t('monitor.requests.noActions')}</p> : (
          <>
            <TextField label={t('monitor.requests.note')} value={note} maxLength={2000} onValue={setNote} hint={t('monitor.requests.noteHint')} />
            <div className="actions" data-testid="request-actions">
              {MOVES.filter((m) => allowed.includes(m)).map((m) => (
                <ConfirmButton key={m} danger={m === 'cancelled' || m === 'refused'} question={t('monitor.requests.confirm', { action: t(`monitor.requests.move.${m}`) })} onConfirm={() => move(m)}>
                  {t(`monitor.requests.move.${m}`)}
                </ConfirmButton>
              ))}
            </div>
          </>
        )}
        {r.status === 'draft' && !allowed.includes('approved') && can('monitor.request.create') ? <p className="muted">{t('monitor.requests.fourEyes')}</p> : null}
        {r.status === 'draft' && can('monitor.request.create') ? (
          edit ? (
            <div className="form">
              <TextField label={t('monitor.requests.titleField')} value={edit.title} maxLength={300} onValue={(v) => setEdit({ ...edit, title: v })} />
              <TextField label={t('monitor.requests.addressee')} value={edit.addressee} maxLength={500} onValue={(v) => setEdit({ ...edit, addressee: v })} hint={t('monitor.requests.addresseeHint')} />
              <TextArea label={t('monitor.requests.legalBasis')} value={edit.legalBasis} maxLength={2000} onValue={(v) => setEdit({ ...edit, legalBasis: v })} hint={t('monitor.requests.legalBasisHint')} />
              <div className="actions">
                <button type="button" className="btn btn-primary" onClick={saveDraft}>{t('common.save')}</button>
                <button type="button" className="btn" onClick={() => setEdit(null)}>{t('common.cancel')}</button>
              </div>
            </div>
          ) : <button type="button" className="btn" onClick={() => setEdit({ title: r.title, addressee: r.addressee, legalBasis: r.legalBasis ?? '' })}>{t('monitor.requests.editDraft')}</button>
        ) : null}
      </section>

      <section className="card" aria-labelledby="rq-exports">
        <h2 id="rq-exports">{t('monitor.requests.exports')}</h2>
        <div className="actions" data-testid="request-exports">
          {EXPORTS.map(([f, l]) => (
            <a key={`${f}${l ?? ''}`} className="btn" download href={`/api/monitor/requests/${r.id}/export/${f}${l ? `?lang=${l}` : ''}`}>{t(`monitor.requests.export.${f}${l ? `_${l}` : ''}`)}</a>
          ))}
        </div>
        {r.status === 'draft' ? <p className="muted">{t('monitor.requests.draftLetter')}</p> : null}
      </section>

      <section className="card" aria-labelledby="rq-entries">
        <h2 id="rq-entries">{t('monitor.requests.entries')} ({entries.length})</h2>
        <div className="table-wrap">
          <table className="table" data-testid="request-entries">
            <thead><tr>
              <th scope="col">№</th><th scope="col">{t('monitor.requests.indicator')}</th><th scope="col">{t('monitor.requests.firstSeen')}</th>
              <th scope="col">{t('monitor.requests.evidence')}</th><th scope="col">{t('monitor.requests.outcome')}</th>
            </tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.position}</td>
                  <td><code>{e.type}</code> <span className="break">{e.value}</span></td>
                  <td className="nowrap">{formatDateTime(e.firstSeen, lang) || '—'}</td>
                  <td>
                    {/* Post text is untrusted: rendered as text only. */}
                    <span className="muted">{e.excerpt || '—'}</span>
                    <div>
                      {e.itemId ? <Link to={`/monitor/items/${e.itemId}`}>{t('monitor.requests.openItem')}</Link> : null}
                      {safe(e.sourceUrl) ? <> · <a href={safe(e.sourceUrl)!} rel="noopener noreferrer nofollow" target="_blank">{t('monitor.requests.source')}</a></> : null}
                    </div>
                  </td>
                  <td>{e.outcome ? <>{t(`monitor.requests.status.${e.outcome}`)}<div className="muted">{formatDateTime(e.outcomeAt, lang)}</div></> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="rq-history">
        <h2 id="rq-history">{t('monitor.requests.history')}</h2>
        <ol className="timeline" data-testid="request-history">
          {history.map((h) => (
            <li key={h.id}>
              <strong>{h.fromStatus ? `${t(`monitor.requests.status.${h.fromStatus}`)} → ` : ''}{t(`monitor.requests.status.${h.toStatus}`)}</strong>
              {' — '}{h.actorType === 'policy' ? `${t('monitor.requests.byPolicy')}: ${h.actorName}` : h.actorName}, {formatDateTime(h.at, lang)}
              {h.note ? <div className="muted">{h.note}</div> : null}
              {h.evidence ? <div className="muted"><code>{JSON.stringify(h.evidence).slice(0, 300)}</code></div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
