import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatNumber } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';

interface Agreement {
  reviewers: { id: string; name: string; confirmed: number; rejected: number; unsure: number; total: number }[];
  pairs: { a: { name: string }; b: { name: string }; n: number; agreement: number | null; kappa: number | null }[];
}

/** Agreement between reviewers (percent agreement and Cohen's kappa per pair) and the feedback export for training. */
export function ReviewAgreementPage() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const res = useApi(() => api.get<Agreement>('/api/monitor/review/agreement', { from, to }), [from, to]);
  const pct = (x: number | null) => (x === null ? '—' : `${formatNumber(Math.round(x * 1000) / 10, i18n.language)}%`);
  return (
    <>
      <PageTitle title={t('monitor.review.agreement')}>{t('monitor.review.agreement')}</PageTitle>
      <p><Link to="/monitor/review">← {t('monitor.review.title')}</Link></p>
      <p className="muted">{t('monitor.review.kappaHelp')}</p>
      <div className="card form-grid form-grid-4">
        <TextField label={t('monitor.from')} type="date" value={from} onValue={setFrom} />
        <TextField label={t('monitor.to')} type="date" value={to} onValue={setTo} />
      </div>
      <ErrorMessage error={res.error} />
      {!res.data ? (res.error ? null : <Loading />) : (
        <>
          <section className="card">
            <h2>{t('monitor.review.pairs')}</h2>
            {res.data.pairs.length === 0 ? <p className="muted">{t('monitor.review.noPairs')}</p> : (
              <table className="table" data-testid="agreement-table">
                <thead><tr><th scope="col">{t('monitor.review.reviewerA')}</th><th scope="col">{t('monitor.review.reviewerB')}</th><th scope="col">{t('monitor.review.both')}</th><th scope="col">{t('monitor.review.percent')}</th><th scope="col">κ</th></tr></thead>
                <tbody>{res.data.pairs.map((p, i) => (
                  <tr key={i}><td>{p.a.name}</td><td>{p.b.name}</td><td>{p.n}</td><td>{pct(p.agreement)}</td><td>{p.kappa === null ? '—' : formatNumber(Math.round(p.kappa * 1000) / 1000, i18n.language)}</td></tr>
                ))}</tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>{t('monitor.review.reviewers')}</h2>
            <table className="table">
              <thead><tr><th scope="col">{t('monitor.review.reviewer')}</th><th scope="col">{t('monitor.review.decision.confirmed')}</th><th scope="col">{t('monitor.review.decision.rejected')}</th><th scope="col">{t('monitor.review.decision.unsure')}</th></tr></thead>
              <tbody>{res.data.reviewers.map((r) => <tr key={r.id}><td>{r.name}</td><td>{r.confirmed}</td><td>{r.rejected}</td><td>{r.unsure}</td></tr>)}</tbody>
            </table>
          </section>
        </>
      )}
      <section className="card">
        <h2>{t('monitor.review.feedback')}</h2>
        <p>{t('monitor.review.feedbackHelp')}</p>
        <a className="btn" href={`/api/monitor/review/feedback.jsonl${queryString({ from, to })}`} download>{t('monitor.review.download')}</a>
      </section>
    </>
  );
}
