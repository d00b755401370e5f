import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { useRegions } from '../../../reference.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { financeApi } from '../client.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { addressPath } from '../lib.js';
import type { Linked } from '../types.js';

const WALLETS = new Set(['btc', 'tron', 'eth']);

/** Where a linked entity opens: wallets in Crypto Trace, everything else in the traces store. */
function LinkTarget({ l }: { l: Linked }) {
  const { t } = useTranslation();
  if (WALLETS.has(l.type)) return <><Link to={addressPath(l.type, l.display)}><code>{l.display}</code></Link> <span className="muted small">({t('finance.droppers.openTrace')})</span></>;
  return <a href={`/api/traces/entities/${encodeURIComponent(l.entityId)}`}>{l.display}</a>;
}

/** One dropper instrument: bank, status, every report of it, the shops and wallets it is linked to. */
export function DropperPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const regions = useRegions();
  const lang = i18n.language as Lang;
  const res = useApi(() => financeApi.dropper(params.id!), [params.id]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  const title = t('finance.droppers.one');
  if (res.error) return <><PageTitle title={title}>{title}</PageTitle><FinanceTabs /><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const { dropper: d, reports, links } = res.data;
  const allLinks = [...links.shops, ...links.wallets, ...links.posts, ...links.instruments, ...links.other];
  const block = async () => {
    setError(null); setOk(null);
    try { await financeApi.requestBankBlock([d.id], reason.trim()); setOk(t('finance.droppers.blockRequested', { count: 1 })); res.reload(); } catch (e) { setError(e); }
  };
  return (
    <>
      <PageTitle title={title}>{title} <code>{d.display}</code></PageTitle>
      <FinanceTabs />
      <p><Link to="/finance/droppers">← {t('finance.droppers.back')}</Link></p>
      <section className="card">
        <dl className="props">
          <div><dt>{t('finance.droppers.kind')}</dt><dd>{t(`finance.droppers.kindName.${d.kind}`, { defaultValue: d.kind })}{d.scheme ? ` · ${d.scheme}` : ''}</dd></div>
          <div><dt>{t('finance.droppers.bank')}</dt><dd>{d.bankName ?? '—'}{d.bankCode ? ` (${d.bankCode})` : ''}</dd></div>
          <div><dt>{t('finance.droppers.holder')}</dt><dd>{d.holderName || '—'}</dd></div>
          <div><dt>{t('finance.droppers.status')}</dt><dd>{t(`finance.droppers.statusName.${d.status}`, { defaultValue: d.status })}</dd></div>
          <div><dt>{t('common.region')}</dt><dd>{regions.name(d.region)}</dd></div>
          <div><dt>{t('finance.droppers.firstSeen')}</dt><dd>{formatDateTime(d.firstSeen, lang)}</dd></div>
          <div><dt>{t('finance.droppers.lastSeen')}</dt><dd>{formatDateTime(d.lastSeen, lang)}</dd></div>
          {d.lastRequestId ? <div><dt>{t('finance.droppers.lastRequest')}</dt><dd><code>{d.lastRequestId}</code></dd></div> : null}
          {d.note ? <div><dt>{t('finance.droppers.note')}</dt><dd className="pre-wrap">{d.note}</dd></div> : null}
        </dl>
      </section>
      <section className="card" aria-labelledby="fin-dr-links">
        <h2 id="fin-dr-links">{t('finance.droppers.links')}</h2>
        {allLinks.length === 0 ? <p className="muted">{t('finance.droppers.noLinks')}</p> : (
          <dl className="props" data-testid="dropper-links">
            {(['shops', 'wallets', 'posts', 'instruments', 'other'] as const).filter((g) => links[g].length).map((g) => (
              <div key={g}>
                <dt>{t(`finance.droppers.group.${g}`)}</dt>
                <dd><ul className="fin-plain">{links[g].map((l) => <li key={l.entityId}><span className="muted small">{t(`finance.droppers.linkType.${l.type}`, { defaultValue: l.type })}:</span> <LinkTarget l={l} /></li>)}</ul></dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="fin-dr-reports">
        <h2 id="fin-dr-reports">{t('finance.droppers.reportsTitle')}</h2>
        {reports.length === 0 ? <p className="muted">{t('common.nothingFound')}</p> : (
          <table className="table table-compact">
            <thead><tr><th scope="col">{t('finance.time')}</th><th scope="col">{t('finance.droppers.origin')}</th><th scope="col">{t('finance.droppers.reporter')}</th><th scope="col">{t('finance.droppers.reference')}</th></tr></thead>
            <tbody>{reports.map((r) => <tr key={r.id}><td className="nowrap">{formatDateTime(r.reportedAt, lang)}</td><td>{t(`finance.droppers.originName.${r.origin}`, { defaultValue: r.origin })}</td><td>{r.reporter}</td><td className="break">{r.reference || '—'}</td></tr>)}</tbody>
          </table>
        )}
      </section>
      {can('finance.dropper.write') && d.status !== 'blocked' ? (
        <section className="card">
          <h2>{t('finance.droppers.block')}</h2>
          <TextField label={t('finance.droppers.blockReason')} value={reason} onValue={setReason} maxLength={2000} hint={t('finance.droppers.blockHint')} />
          <div className="actions"><button type="button" className="btn btn-danger" disabled={!reason.trim()} onClick={block}>{t('finance.droppers.blockOne')}</button></div>
          <ErrorMessage error={error} />
          <StatusMessage text={ok} />
        </section>
      ) : null}
    </>
  );
}
