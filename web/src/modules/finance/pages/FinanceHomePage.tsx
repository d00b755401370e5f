import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link, navigate } from '../../../router.js';
import { useSession } from '../../../session.js';
import { financeApi } from '../client.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { addressPath, formatAmount, guessInput, short } from '../lib.js';
import { CHAINS } from '../types.js';

/**
 * Crypto Trace home: one search box for whatever an analyst has in hand — a wallet (BTC,
 * TRON, Ethereum), a card number, an IBAN or a phone — and the latest traces.
 */
export function FinanceHomePage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [chain, setChain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const traces = useApi(() => financeApi.traces({ limit: 20 }), []);
  const lang = i18n.language as Lang;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const g = guessInput(q);
    if (!g) { setProblem(t('finance.search.unknown')); return; }
    if (g.kind === 'address') navigate(addressPath(chain || g.chain, g.value));
    else navigate(`/finance/droppers?q=${encodeURIComponent(g.value)}&kind=${g.kind}`);
  };

  return (
    <>
      <PageTitle title={t('finance.title')}>{t('finance.title')}</PageTitle>
      <FinanceTabs />
      <form className="card form fin-search" role="search" aria-label={t('finance.search.label')} onSubmit={submit}>
        <p className="muted">{t('finance.search.help')}</p>
        <div className="fin-search-row">
          <div className="field fin-search-input">
            <label htmlFor="fin-q">{t('finance.search.label')}</label>
            <input id="fin-q" value={q} onChange={(e) => setQ(e.target.value)} spellCheck={false} autoComplete="off"
              placeholder="TX6…, bc1q…, 0x…, 4400 43…, KZ…" aria-describedby={problem ? 'fin-q-problem' : undefined} aria-invalid={problem ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor="fin-chain">{t('finance.chain')}</label>
            <select id="fin-chain" value={chain} onChange={(e) => setChain(e.target.value)}>
              <option value="">{t('finance.search.auto')}</option>
              {CHAINS.map((c) => <option key={c} value={c}>{t(`finance.chainName.${c}`)}</option>)}
            </select>
          </div>
          <div className="actions"><button type="submit" className="btn btn-primary">{t('common.search')}</button></div>
        </div>
        {problem ? <p className="error" id="fin-q-problem" role="alert">{problem}</p> : null}
      </form>
      <section className="card" aria-labelledby="fin-recent">
        <h2 id="fin-recent">{t('finance.traces.recent')}</h2>
        <ErrorMessage error={traces.error} />
        {traces.loading && !traces.data ? <Loading /> : null}
        {traces.data ? (traces.data.items.length === 0 ? <p className="muted">{t('finance.traces.none')}</p> : (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead><tr>
                <th scope="col">{t('finance.time')}</th><th scope="col">{t('finance.trace.caseNumber')}</th><th scope="col">{t('finance.trace.seeds')}</th><th scope="col">{t('finance.asset')}</th>
                <th scope="col">{t('finance.trace.direction')}</th><th scope="col">{t('finance.trace.model')}</th><th scope="col" className="num">{t('finance.trace.exitAmount')}</th><th scope="col">{t('finance.by')}</th>
              </tr></thead>
              <tbody>
                {traces.data.items.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap"><Link to={`/finance/traces/${encodeURIComponent(r.id)}`}>{formatDateTime(r.createdAt, lang) || short(r.id, 6)}</Link></td>
                    <td>{r.caseNumber || r.title || '—'}</td>
                    <td>{r.seeds.slice(0, 2).map((s) => <code key={s} title={s}>{short(s, 6)} </code>)}{r.seeds.length > 2 ? `+${r.seeds.length - 2}` : ''}</td>
                    <td>{r.asset}</td>
                    <td>{t(`finance.trace.dir.${r.direction}`)}</td>
                    <td>{t(`finance.model.${r.model}`)}</td>
                    <td className="num">{typeof r.stats.exitAmount === 'number' ? formatAmount(r.stats.exitAmount, r.asset, lang) : '—'}</td>
                    <td>{r.createdByName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )) : null}
      </section>
      {can('finance.tag.read') || can('finance.dropper.read') ? (
        <p className="plan-links">
          {can('finance.tag.read') ? <Link to="/finance/tags">{t('finance.tabs.tags')}</Link> : null}{' '}
          {can('finance.dropper.read') ? <Link to="/finance/droppers">{t('finance.tabs.droppers')}</Link> : null}
        </p>
      ) : null}
    </>
  );
}
