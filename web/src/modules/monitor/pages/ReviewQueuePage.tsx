import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString, type Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate, useLocation } from '../../../router.js';
import { LABELS, type Evidence, type Indicator, type Label } from '../types.js';
import { Highlighted } from './Highlighted.js';
import { LabelBadge } from './LabelBadge.js';
import './Review.css';

type Decision = 'confirmed' | 'rejected' | 'unsure';
/** A queue entry as /api/monitor/review/queue returns it. */
interface QueueItem {
  id: string; text: string; url: string | null; channel: string | null; author: string | null; postedAt: string | null; ingestedAt: string;
  regions: string[]; label: Label | null; risk: number | null; explain: Evidence[] | null; indicators: Indicator[] | null;
  source: string; shopId: string | null; mine: Decision | null; status: Decision | null;
  decisions: { reviewerName: string; decision: Decision; label: string | null; note: string | null; decidedAt: string }[];
}

const FIELDS = ['label', 'minScore', 'region', 'source', 'status'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;
const KEYS: Record<string, Decision> = { c: 'confirmed', r: 'rejected', u: 'unsure' };

/**
 * The review queue, keyboard-first: j/k or arrows move, c / r / u decide, n skips to the next
 * undecided item. Typing in a field never triggers a shortcut. The post is shown as text with
 * the evidence spans highlighted; nothing from it is ever rendered as HTML.
 */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { search } = useLocation();
  const current = Object.fromEntries(FIELDS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const [form, setForm] = useState(current);
  const queue = useApi(() => api.get<{ items: QueueItem[]; more: boolean; threshold: number }>('/api/monitor/review/queue', { ...current, limit: 100 }), [current]);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [pos, setPos] = useState(0);
  const [note, setNote] = useState('');
  const [fix, setFix] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => { if (queue.data) { setItems(queue.data.items); setPos(0); } }, [queue.data]);
  const item = items[pos];
  const move = useCallback((d: number) => { setPos((p) => Math.max(0, Math.min(items.length - 1, p + d))); setNote(''); setFix(''); }, [items.length]);
  const nextOpen = useCallback(() => {
    const i = items.findIndex((x, k) => k > pos && !x.mine);
    if (i >= 0) { setPos(i); setNote(''); setFix(''); } else move(1);
  }, [items, pos, move]);

  const inFlight = useRef(false);
  const decide = useCallback(async (decision: Decision) => {
    // A ref, not state: two quick key presses must not send two decisions for one item.
    if (!item || inFlight.current) return;
    inFlight.current = true;
    setBusy(true); setError(null);
    try {
      const body: Record<string, string> = { decision };
      if (note.trim()) body.note = note.trim();
      if (decision === 'confirmed' && fix) body.label = fix;
      const r = await api.post<{ status: Decision }>(`/api/monitor/review/items/${item.id}`, body);
      setItems((xs) => xs.map((x) => (x.id === item.id ? { ...x, mine: decision, status: r.status } : x)));
      setMessage(t('monitor.review.saved', { decision: t(`monitor.review.decision.${decision}`), status: t(`monitor.review.decision.${r.status}`) }));
      const i = items.findIndex((x, k) => k > pos && !x.mine);
      if (i >= 0) setPos(i); else if (pos + 1 < items.length) setPos(pos + 1);
      setNote(''); setFix('');
    } catch (e) { setError(e); } finally { inFlight.current = false; setBusy(false); }
  }, [item, note, fix, items, pos, t]);

  // The listener is registered once and calls the latest render's handler: a key pressed right
  // after the screen changed must act on the item now shown, not on the one before.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (e.ctrlKey || e.metaKey || e.altKey || (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable))) return;
    const k = e.key.toLowerCase();
    if (k === 'j' || e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); move(1); }
    else if (k === 'k' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); move(-1); }
    else if (k === 'n') { e.preventDefault(); nextOpen(); }
    else if (KEYS[k]) { e.preventDefault(); void decide(KEYS[k]!); }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const submit = (e: FormEvent) => { e.preventDefault(); navigate('/monitor/review' + queryString(form), { replace: true }); };
  const set = (k: keyof Filters) => (v: string) => setForm({ ...form, [k]: v });
  const safeUrl = item?.url && /^https?:\/\//i.test(item.url) ? item.url : null;

  return (
    <>
      <PageTitle title={t('monitor.review.title')} actions={<Link className="btn" to="/monitor/review/agreement">{t('monitor.review.agreement')}</Link>}>{t('monitor.review.title')}</PageTitle>
      <form className="card form filters" role="search" aria-label={t('monitor.filters')} onSubmit={submit}>
        <div className="form-grid form-grid-4">
          <SelectField label={t('monitor.labelField')} value={form.label} onValue={set('label')}
            options={[{ value: '', label: t('common.any') }, ...LABELS.map((l) => ({ value: l, label: t(`monitor.label.${l}`) }))]} />
          <TextField label={t('monitor.minScore')} type="number" min={0} max={1} step={0.05} value={form.minScore} onValue={set('minScore')} placeholder={String(queue.data?.threshold ?? '')} />
          <SelectField label={t('common.region')} value={form.region} onValue={set('region')}
            options={[{ value: '', label: t('common.any') }, ...regions.list.map((r) => ({ value: r.code, label: regions.name(r.code) }))]} />
          <TextField label={t('monitor.source')} value={form.source} onValue={set('source')} />
          <SelectField label={t('monitor.review.show')} value={form.status} onValue={set('status')}
            options={(['mine', 'open', 'decided', 'all'] as const).map((s) => ({ value: s === 'mine' ? '' : s, label: t(`monitor.review.showOpt.${s}`) }))} />
        </div>
        <div className="actions"><button type="submit" className="btn btn-primary">{t('common.search')}</button></div>
      </form>
      <p className="review-legend" data-testid="review-legend" aria-label={t('monitor.review.keys')}>
        <kbd>j</kbd>/<kbd>k</kbd>, <kbd>↑</kbd>/<kbd>↓</kbd> {t('monitor.review.keyMove')} · <kbd>c</kbd> {t('monitor.review.decision.confirmed')} · <kbd>r</kbd> {t('monitor.review.decision.rejected')} · <kbd>u</kbd> {t('monitor.review.decision.unsure')} · <kbd>n</kbd> {t('monitor.review.keyNext')}
      </p>
      <ErrorMessage error={queue.error} />
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && items.length === 0 ? <p className="card muted" data-testid="review-empty">{t('monitor.review.empty')}</p> : null}
      {item ? (
        <div className="review-layout">
          <ol className="review-list" aria-label={t('monitor.review.list')}>
            {items.map((x, i) => (
              <li key={x.id} aria-current={i === pos ? 'true' : undefined} className={i === pos ? 'current' : undefined}>
                <button type="button" className="linklike" onClick={() => { setPos(i); setNote(''); setFix(''); }}>
                  <LabelBadge label={x.label} /> {((x.risk ?? 0) * 100).toFixed(0)}% {x.mine ? <span className="muted">· {t(`monitor.review.decision.${x.mine}`)}</span> : null}
                  <span className="review-snippet">{x.text.slice(0, 90)}</span>
                </button>
              </li>
            ))}
          </ol>
          <section className="card review-item" data-testid="review-item" data-item-id={item.id} aria-live="polite">
            <h2>{t('monitor.review.itemOf', { n: pos + 1, total: items.length })} <LabelBadge label={item.label} /> <span className="muted">{t('monitor.risk')}: {((item.risk ?? 0) * 100).toFixed(1)}%</span></h2>
            <dl className="props">
              <div><dt>{t('monitor.source')}</dt><dd>{item.source}</dd></div>
              <div><dt>{t('monitor.channel')}</dt><dd data-testid="review-channel">{item.channel ?? '—'}</dd></div>
              <div><dt>URL</dt><dd>{safeUrl ? <a href={safeUrl} rel="noopener noreferrer nofollow" target="_blank">{item.url}</a> : item.url ?? '—'}</dd></div>
              <div><dt>{t('monitor.when')}</dt><dd>{formatDateTime(item.postedAt ?? item.ingestedAt, lang)}</dd></div>
              <div><dt>{t('monitor.regions')}</dt><dd>{item.regions.map((r) => regions.name(r)).join(', ') || t('monitor.noRegion')}</dd></div>
              <div><dt>{t('monitor.shops.shop')}</dt><dd>{item.shopId ? <Link to={`/monitor/shops/${item.shopId}`} data-testid="review-shop">{t('monitor.shops.open')}</Link> : '—'}</dd></div>
            </dl>
            <Highlighted text={item.text} spans={item.explain ?? []} />
            <h3>{t('monitor.indicators')}</h3>
            {(item.indicators ?? []).length ? <ul className="inline-list">{item.indicators!.map((ind, i) => <li key={i}><code>{ind.type}</code> {ind.value}</li>)}</ul> : <p className="muted">{t('common.nothingFound')}</p>}
            {item.decisions.length ? (
              <><h3>{t('monitor.review.decisions')}</h3>
                <ul>{item.decisions.map((d, i) => <li key={i}>{d.reviewerName}: {t(`monitor.review.decision.${d.decision}`)}{d.label ? ` (${t(`monitor.label.${d.label}`)})` : ''}{d.note ? ` — ${d.note}` : ''}</li>)}</ul></>
            ) : null}
            <div className="form-grid form-grid-2">
              <TextField label={t('monitor.review.note')} value={note} onValue={setNote} maxLength={2000} />
              <SelectField label={t('monitor.review.fixLabel')} value={fix} onValue={setFix}
                options={[{ value: '', label: t('monitor.review.asDetected') }, ...LABELS.filter((l) => l !== 'benign').map((l) => ({ value: l, label: t(`monitor.label.${l}`) }))]} />
            </div>
            <div className="actions">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('confirmed')}>{t('monitor.review.decision.confirmed')} (c)</button>
              <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void decide('rejected')}>{t('monitor.review.decision.rejected')} (r)</button>
              <button type="button" className="btn" disabled={busy} onClick={() => void decide('unsure')}>{t('monitor.review.decision.unsure')} (u)</button>
              <button type="button" className="btn" onClick={nextOpen}>{t('monitor.review.next')} (n)</button>
            </div>
            {item.mine ? <p data-testid="review-mine">{t('monitor.review.yours')}: <strong>{t(`monitor.review.decision.${item.mine}`)}</strong></p> : null}
            <StatusMessage text={message} />
            <ErrorMessage error={error} />
          </section>
        </div>
      ) : null}
    </>
  );
}
