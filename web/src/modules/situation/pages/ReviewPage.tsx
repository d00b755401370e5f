import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, SelectField, TextArea } from '../../../components/forms.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { useSession } from '../../../session.js';
import { SituationHeader } from '../components/SituationTabs.js';
import { fmt, loadCatalogue, nameOf, unitOf, type SituationValue } from '../lib.js';

/** The national review queue: accept submitted figures or return them with a comment. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { me } = useSession();
  const regions = useRegions();
  const cat = useApi(() => loadCatalogue(), []);
  const [filter, setFilter] = useState({ region: '', indicator: '' });
  const [tick, setTick] = useState(0);
  const queue = useApi(() => api.get<{ items: SituationValue[]; total: number }>('/api/situation/values', { status: 'submitted', limit: 500, ...filter }), [filter.region, filter.indicator, tick]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const national = Boolean(me?.actor.scope.national);
  const myId = me?.user?.id;
  const items = queue.data?.items ?? [];
  const selectable = items.filter((v) => v.submittedById !== myId);

  async function decide(decision: 'accept' | 'return') {
    setError(null); setOk(null);
    try {
      // The submission times the page showed: a figure re-submitted meanwhile is refused, not accepted unseen.
      const seen = Object.fromEntries(items.filter((v) => picked.has(v.id)).map((v) => [v.id, v.submittedAt]));
      const r = await api.post<{ items: SituationValue[] }>('/api/situation/review', { ids: [...picked], decision, seen, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setOk(t(decision === 'accept' ? 'situation.review.accepted' : 'situation.review.returnedDone', { n: r.items.length }));
      setPicked(new Set());
      setComment('');
      setTick((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  }
  const toggle = (id: string, on: boolean) => setPicked((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });

  return (
    <>
      <SituationHeader title={t('situation.tabs.review')} />
      <p className="lead">{t('situation.review.intro')}</p>
      {!national ? <p className="alert alert-warn">{t('situation.review.nationalOnly')}</p> : null}
      <form className="card form filters" onSubmit={(e) => e.preventDefault()}>
        <div className="form-grid">
          <SelectField label={t('situation.f.region')} value={filter.region} onValue={(region) => setFilter((f) => ({ ...f, region }))}
            options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <SelectField label={t('situation.f.indicator')} value={filter.indicator} onValue={(indicator) => setFilter((f) => ({ ...f, indicator }))}
            options={[{ value: '', label: t('common.any') }, ...(cat.data?.items ?? []).map((i) => ({ value: i.code, label: i.names[lang] }))]} />
        </div>
      </form>
      <ErrorMessage error={queue.error ?? error} />
      <StatusMessage text={ok} />
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data ? (
        items.length === 0 ? <p className="muted">{t('situation.review.empty')}</p> : (
          <>
            <p>{t('situation.review.total', { n: queue.data.total })}</p>
            <Checkbox label={t('situation.review.selectAll')} checked={selectable.length > 0 && selectable.every((v) => picked.has(v.id))}
              onChecked={(on) => setPicked(on ? new Set(selectable.map((v) => v.id)) : new Set())} />
            <div className="table-wrap">
              <table className="table table-compact">
                <thead><tr>
                  <th scope="col"><span className="visually-hidden">{t('situation.f.actions')}</span></th>
                  <th scope="col">{t('situation.f.indicator')}</th><th scope="col">{t('situation.f.region')}</th><th scope="col">{t('situation.f.period')}</th>
                  <th scope="col" className="num">{t('situation.f.value')}</th><th scope="col">{t('situation.f.source')}</th><th scope="col">{t('situation.f.note')}</th>
                  <th scope="col">{t('situation.f.submittedBy')}</th>
                </tr></thead>
                <tbody>
                  {items.map((v) => {
                    const own = v.submittedById === myId;
                    const what = `${nameOf(cat.data, v.indicatorCode, lang)}, ${regions.name(v.region)}, ${v.period}`;
                    return (
                      <tr key={v.id}>
                        <td>{own ? <span className="muted small">{t('situation.review.own')}</span> : (
                          <input type="checkbox" aria-label={t('situation.review.select', { what })} checked={picked.has(v.id)} onChange={(e) => toggle(v.id, e.target.checked)} />
                        )}</td>
                        <td>{nameOf(cat.data, v.indicatorCode, lang)}</td><td>{regions.name(v.region)}</td><td className="nowrap">{v.period}</td>
                        <td className="num">{fmt(v.value, lang, 3)} <span className="muted small">{unitOf(cat.data, cat.data?.items.find((i) => i.code === v.indicatorCode)?.unit ?? '', lang)}</span></td>
                        <td>{v.source}</td><td className="pre-wrap">{v.note}</td>
                        <td>{v.submittedByName}<br /><span className="muted small">{formatDateTime(v.submittedAt, lang)}{v.importFile ? ` · ${v.importFile}` : ''}</span></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="card form">
              <TextArea label={t('situation.review.comment')} hint={t('situation.review.commentHint')} maxLength={2000} value={comment} onValue={setComment} />
              <div className="actions">
                <button type="button" className="btn btn-primary" disabled={!national || picked.size === 0} onClick={() => void decide('accept')}>{t('situation.review.accept')}</button>
                <button type="button" className="btn" disabled={!national || picked.size === 0 || !comment.trim()} onClick={() => void decide('return')}>{t('situation.review.return')}</button>
              </div>
            </div>
          </>
        )
      ) : null}
    </>
  );
}
