import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { useApi } from '../../../lib/useApi.js';
import { useSession } from '../../../session.js';
import { annexPath, caseReportPath, downloadFile, financeApi, letterPath } from '../client.js';
import { formatAmount } from '../lib.js';
import type { TraceRun } from '../types.js';
import { CategoryBadge } from './CategoryBadge.js';

/**
 * Outputs of a trace: the case report for a parallel financial investigation, and per exchange
 * (or other attributed service) a freeze request — drafted into the blocking-request workflow
 * (review, sending, outcome) — whose package is the letter (PDF) and the annex of addresses and
 * transactions (CSV).
 */
export function ExportsPanel({ run }: { run: TraceRun }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const allowed = can('finance.report');
  const candidates = useApi(() => (allowed ? financeApi.freezeCandidates(run.id) : Promise.resolve([])), [run.id, allowed]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [legalBasis, setLegalBasis] = useState('');
  const [made, setMade] = useState<Record<string, { id: string; status: string }>>({});

  const save = async (key: string, path: string, name: string) => {
    setBusy(key); setError(null); setOk(null);
    try { setOk(t('finance.export.saved', { name: await downloadFile(path, name) })); } catch (e) { setError(e); } finally { setBusy(null); }
  };
  const draft = async (service: string) => {
    setBusy(`req-${service}`); setError(null); setOk(null);
    try {
      const r = await financeApi.createFreezeRequest(run.id, { service, ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}) });
      setMade((m) => ({ ...m, [service]: { id: r.id, status: r.status } }));
      setOk(t('finance.export.requestMade', { service }));
    } catch (e) { setError(e); } finally { setBusy(null); }
  };
  const list = candidates.data ?? [];

  return (
    <section className="card" aria-labelledby="fin-exports" data-testid="exports">
      <h2 id="fin-exports">{t('finance.export.title')}</h2>
      {allowed ? (
        <div className="actions">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => save('case', caseReportPath(run.id), `case-report-${run.id}.pdf`)}>
            {t('finance.export.caseReport')}
          </button>
        </div>
      ) : <p className="muted">{t('finance.export.noPermission')}</p>}
      {allowed ? (
        <>
          <h3>{t('finance.export.freezeTitle')}</h3>
          <ErrorMessage error={candidates.error} />
          {candidates.loading && !candidates.data ? <Loading /> : null}
          {candidates.data && list.length === 0 ? <p className="muted">{t('finance.export.noExchanges')}</p> : null}
          {list.length ? (
            <>
              <div className="field fin-inline-field">
                <label htmlFor="fin-legal">{t('finance.export.legalBasis')}</label>
                <input id="fin-legal" value={legalBasis} maxLength={2000} onChange={(e) => setLegalBasis(e.target.value)} aria-describedby="fin-legal-hint" />
                <p className="hint" id="fin-legal-hint">{t('finance.export.legalBasisHint')}</p>
              </div>
              <div className="table-wrap">
                <table className="table table-compact" data-testid="freeze-candidates">
                  <thead><tr>
                    <th scope="col">{t('finance.export.exchange')}</th><th scope="col">{t('finance.tags.category')}</th><th scope="col" className="num">{t('finance.export.addresses')}</th>
                    <th scope="col" className="num">{t('finance.amount')}</th><th scope="col">{t('finance.export.package')}</th>
                  </tr></thead>
                  <tbody>
                    {list.map((c) => {
                      const r = made[c.service];
                      return (
                        <tr key={c.service} data-service={c.service}>
                          <th scope="row">{c.service}</th>
                          <td><CategoryBadge category={c.category} /></td>
                          <td className="num">{c.addresses.length}</td>
                          <td className="num nowrap">{formatAmount(c.amount, c.asset, i18n.language)} {c.asset}</td>
                          <td className="nowrap">
                            {!r ? (
                              <button type="button" className="btn btn-small btn-primary" disabled={busy !== null} onClick={() => draft(c.service)}
                                aria-label={t('finance.export.draftAria', { service: c.service })}>
                                {busy === `req-${c.service}` ? t('finance.export.drafting') : t('finance.export.draft')}
                              </button>
                            ) : (
                              <>
                                <span className="badge badge-info">{t('finance.export.status', { status: r.status })}</span>{' '}
                                <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => save(`pdf-${c.service}`, letterPath(r.id), `freeze-request-${r.id}.pdf`)}
                                  aria-label={t('finance.export.freezeAria', { exchange: c.service, format: 'PDF' })}>
                                  {t('finance.export.freeze', { format: 'PDF' })}
                                </button>{' '}
                                <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => save(`csv-${c.service}`, annexPath(r.id), `freeze-request-${r.id}.csv`)}
                                  aria-label={t('finance.export.freezeAria', { exchange: c.service, format: 'CSV' })}>
                                  {t('finance.export.freeze', { format: 'CSV' })}
                                </button>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : null}
      <ErrorMessage error={error} />
      <StatusMessage text={ok} />
    </section>
  );
}
