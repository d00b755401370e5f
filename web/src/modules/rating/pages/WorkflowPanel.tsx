import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ConfirmButton } from '../../../components/ConfirmButton.js';
import { ErrorMessage, StatusMessage } from '../../../components/ErrorMessage.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { navigate } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { Rating, Verification } from '../types.js';
import { DEFAULT_INPUTS, InputsFields, inputsBody, type InputsValue } from './InputsFields.js';

const LANGS: Lang[] = ['kk', 'ru', 'en'];

/** Workflow buttons for the caller's rights and the rating's status, reproducibility check, downloads. */
export function WorkflowPanel({ rating, onChange }: { rating: Rating; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [verify, setVerify] = useState<Verification | null>(null);
  const [recompute, setRecompute] = useState(false);
  const national = Boolean(me?.actor.scope.national);
  const base = `/api/rating/ratings/${encodeURIComponent(rating.id)}`;
  // Four eyes: the server refuses self-approval; the button says why before anyone tries.
  const ownWork = me?.user ? rating.computedById === `user:${me.user.id}` : false;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(null); setStatus(null);
    try { await fn(); setStatus(done); onChange(); } catch (e) { setError(e); }
  };
  const check = async () => {
    setError(null);
    try { setVerify(await api.get<Verification>(`${base}/verify`)); } catch (e) { setError(e); }
  };

  return (
    <section className="card" aria-labelledby="rt-workflow">
      <h2 id="rt-workflow">{t('rating.workflow')}</h2>
      <p className="muted small">{t(`rating.statusHelp.${rating.status}`)}</p>
      <div className="actions">
        {rating.status === 'draft' && can('rating.approve') && national ? (
          <button type="button" className="btn btn-primary" disabled={ownWork} title={ownWork ? t('rating.ownWork') : undefined}
            onClick={() => run(() => api.post(`${base}/approve`, { resultHash: rating.resultHash }), t('rating.done.approved'))}>{t('rating.actions.approve')}</button>
        ) : null}
        {rating.status === 'draft' && can('rating.compute') && national ? (
          <button type="button" className="btn" aria-expanded={recompute} onClick={() => setRecompute((v) => !v)}>{t('rating.actions.recompute')}</button>
        ) : null}
        {rating.status === 'draft' && can('rating.compute') && national ? (
          <ConfirmButton danger question={t('rating.confirmDelete')} onConfirm={() => run(async () => { await api.del(base); navigate('/rating'); }, '')}>{t('rating.actions.delete')}</ConfirmButton>
        ) : null}
        {rating.status === 'approved' && can('rating.publish') && national ? (
          <ConfirmButton question={t('rating.confirmPublish')} onConfirm={() => run(() => api.post(`${base}/publish`), t('rating.done.published'))}>{t('rating.actions.publish')}</ConfirmButton>
        ) : null}
        {rating.status === 'approved' && can('rating.approve') && national ? (
          <button type="button" className="btn" onClick={() => run(() => api.post(`${base}/reopen`), t('rating.done.reopened'))}>{t('rating.actions.reopen')}</button>
        ) : null}
        <button type="button" className="btn" onClick={check}>{t('rating.actions.verify')}</button>
      </div>
      {ownWork && rating.status === 'draft' && can('rating.approve') ? <p className="hint">{t('rating.ownWork')}</p> : null}
      <StatusMessage text={status} />
      <ErrorMessage error={error} />
      {verify ? (
        <div className={`alert ${verify.ok ? 'alert-ok' : 'alert-error'}`} role="status" data-testid="verify-result">
          <strong>{verify.ok ? t('rating.verify.ok') : t('rating.verify.bad')}</strong>
          <dl className="props props-compact">
            <div><dt>{t('rating.verify.inputHash')}</dt><dd className="break"><code>{verify.inputHash.recomputed}</code> {verify.inputHash.match ? '\u2713' : '\u2717'}</dd></div>
            <div><dt>{t('rating.verify.resultHash')}</dt><dd className="break"><code>{verify.resultHash.recomputed ?? '—'}</code> {verify.resultHash.match ? '\u2713' : '\u2717'}</dd></div>
            <div><dt>{t('rating.verify.at')}</dt><dd>{formatDateTime(verify.verifiedAt, i18n.language)}</dd></div>
          </dl>
        </div>
      ) : null}
      {recompute ? <RecomputeForm rating={rating} onDone={() => { setRecompute(false); setStatus(t('rating.done.recomputed')); onChange(); }} /> : null}
      <h3>{t('rating.downloads')}</h3>
      <div className="actions">
        {LANGS.map((l) => <a key={l} className="btn btn-small" href={`${base}/report.pdf?lang=${l}`} download>{t(`rating.pdfIn.${l}`)}</a>)}
        <a className="btn btn-small" href={`${base}/report.xlsx?lang=${i18n.language}`} download>{t('rating.xlsx')}</a>
        <a className="btn btn-small" href={`${base}/snapshot.json`} download>{t('rating.snapshot')}</a>
      </div>
      <p className="muted small break">SHA-256: <code>{rating.inputHash}</code></p>
    </section>
  );
}

/** New values and/or settings for a draft; without a new file the stored values are kept. */
function RecomputeForm({ rating, onDone }: { rating: Rating; onDone(): void }) {
  const { t } = useTranslation();
  const o = rating.sensitivityOptions;
  const [value, setValue] = useState<InputsValue>({ ...DEFAULT_INPUTS, runs: String(o.runs), seed: String(o.seed), jitter: String(Math.round(o.weightJitter * 100)), normalisations: o.normalisations });
  const sources = useApi(() => api.get<{ situation: boolean }>('/api/rating/sources'), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try { await api.post(`/api/rating/ratings/${encodeURIComponent(rating.id)}/compute`, inputsBody(value, true)); onDone(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('rating.actions.recompute')}>
      <InputsFields value={value} onChange={setValue} situation={Boolean(sources.data?.situation)} requireFile={false} />
      <ErrorMessage error={error} />
      <div className="actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('rating.actions.recompute')}</button></div>
    </form>
  );
}
