import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';
import { financeApi } from '../client.js';
import { AddTagForm } from '../components/AddTagForm.js';
import { ExposureView } from '../components/ExposureView.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { TagTable } from '../components/TagTable.js';
import { TraceForm } from '../components/TraceForm.js';
import { addressPath, assetsOf, formatAmount, short } from '../lib.js';
import type { AddressPage as AddressPageData } from '../types.js';

/** Received − sent from the exact smallest-unit sums, in whole units (may be negative when history is partial). */
function balance(received: string, sent: string, decimals: number): string {
  try {
    const diff = BigInt(received) - BigInt(sent);
    const neg = diff < 0n;
    const s = (neg ? -diff : diff).toString().padStart(decimals + 1, '0');
    const whole = decimals ? s.slice(0, -decimals) : s;
    const frac = decimals ? s.slice(-decimals).replace(/0+$/, '') : '';
    return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
  } catch { return ''; }
}

const PAGE = 50;

/**
 * One wallet: what the store knows (per-asset totals, first/last activity), who it is
 * attributed to, its cluster, its transfers page by page, and the actions an investigator
 * takes from here: fetch the history from the chain API, trace forward/backward, tag it.
 */
export function AddressPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language as Lang;
  const chain = params.chain!;
  const address = params.address!;
  const [asset, setAsset] = useState('');
  const [offset, setOffset] = useState(0);
  // One request answers the summary, tags, cluster and the current page of transfers.
  const info = useApi(() => financeApi.address(chain, address, { asset: asset || undefined, limit: PAGE, offset }), [chain, address, asset, offset]);
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const [fetchOk, setFetchOk] = useState<string | null>(null);
  const [kept, setKept] = useState<AddressPageData | null>(null);
  if (info.data && info.data !== kept) setKept(info.data);
  const title = `${t(`finance.chainName.${chain}`, { defaultValue: chain })} ${short(address, 8)}`;

  const fetchHistory = async () => {
    setFetching(true); setFetchError(null); setFetchOk(null);
    try {
      const r = await financeApi.fetchHistory(chain, address);
      setFetchOk(r.result.cached ? t('finance.address.fetchedCached') : t('finance.address.fetched', { count: r.result.inserted }));
      info.reload();
    } catch (e) { setFetchError(e); } finally { setFetching(false); }
  };

  // Keep showing the last answer while the next page loads, so the table does not jump.
  const d = info.data ?? kept;
  const tr = d?.transfers;
  const sum = d?.summary;
  return (
    <>
      <PageTitle title={title} actions={can('finance.trace') ? (
        <button type="button" className="btn" onClick={fetchHistory} disabled={fetching}>{fetching ? t('finance.address.fetching') : t('finance.address.fetch')}</button>
      ) : null}>
        {t('finance.address.title')} <code className="fin-addr-h break">{address}</code>
      </PageTitle>
      <FinanceTabs />
      <ErrorMessage error={fetchError} />
      <StatusMessage text={fetchOk} />
      {info.error ? <ErrorMessage error={info.error} /> : null}
      {!d && info.loading ? <Loading /> : null}
      {d ? (
        <section className="card" aria-labelledby="fin-sum" data-testid="address-summary">
          <h2 id="fin-sum">{t('finance.address.summary')}</h2>
          <dl className="props">
            <div><dt>{t('finance.chain')}</dt><dd>{t(`finance.chainName.${d.chain}`, { defaultValue: d.chain })}</dd></div>
            <div><dt>{t('finance.address.transfers')}</dt><dd>{sum?.transferCount ?? tr?.total ?? '—'}</dd></div>
            <div><dt>{t('finance.address.firstSeen')}</dt><dd>{formatDateTime(sum?.firstSeen, lang) || '—'}</dd></div>
            <div><dt>{t('finance.address.lastSeen')}</dt><dd>{formatDateTime(sum?.lastSeen, lang) || '—'}</dd></div>
            <div><dt>{t('finance.address.fetchedAt')}</dt><dd>{sum?.historyFetchedAt ? `${formatDateTime(sum.historyFetchedAt, lang)}${sum.historySource ? ` (${sum.historySource})` : ''}` : t('finance.address.neverFetched')}</dd></div>
            <div><dt>{t('finance.cluster.title')}</dt><dd>{d.cluster ? <Link to={`/finance/clusters/${encodeURIComponent(d.cluster.id)}`}>{t('finance.cluster.link', { size: d.cluster.size })}</Link>
              : d.clusterMedium ? <Link to={`/finance/clusters/${encodeURIComponent(d.clusterMedium.id)}`}>{t('finance.cluster.linkMedium', { size: d.clusterMedium.size })}</Link> : t('finance.cluster.none')}</dd></div>
            {d.entity ? <div><dt>{t('finance.address.entity')}</dt><dd><a href={`/api/traces/entities/${encodeURIComponent(d.entity.id)}`}>{d.entity.display}</a></dd></div> : null}
          </dl>
          {d.totals.length ? (
            <table className="table table-compact">
              <caption className="visually-hidden">{t('finance.address.balances')}</caption>
              <thead><tr><th scope="col">{t('finance.asset')}</th><th scope="col" className="num">{t('finance.address.received')}</th><th scope="col" className="num">{t('finance.address.sent')}</th><th scope="col" className="num">{t('finance.address.balance')}</th><th scope="col" className="num">{t('finance.address.transfers')}</th></tr></thead>
              <tbody>
                {d.totals.map((a) => (
                  <tr key={`${a.asset}-${a.tokenContract ?? ''}`}>
                    <th scope="row">{a.asset}{a.lookalike ? <> <span className="badge badge-danger">{t('finance.address.lookalike')}</span></> : null}{a.tokenContract && a.asset.startsWith('TOKEN') ? <><br /><code className="small">{short(a.tokenContract, 6)}</code></> : null}</th>
                    <td className="num">{formatAmount(a.receivedUnits, a.asset, lang)}</td><td className="num">{formatAmount(a.sentUnits, a.asset, lang)}</td>
                    <td className="num">{formatAmount(balance(a.received, a.sent, Number(a.decimals)), a.asset, lang)}</td><td className="num">{a.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="muted">{t('finance.address.noData')}</p>}
          <p className="hint">{t('finance.address.balanceNote')}</p>
        </section>
      ) : null}
      {d ? (
        <section className="card" aria-labelledby="fin-tags">
          <h2 id="fin-tags">{t('finance.tags.title')}</h2>
          <TagTable tags={d.tags} />
          {can('finance.tag') ? <AddTagForm chain={chain} address={address} onAdded={info.reload} /> : null}
        </section>
      ) : null}
      {can('finance.trace') && d ? <TraceForm chain={chain} seeds={[address]} firstSeen={sum?.firstSeen} lastSeen={sum?.lastSeen} /> : null}
      <section className="card" aria-labelledby="fin-transfers">
        <h2 id="fin-transfers">{t('finance.address.transfers')}</h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="fin-asset-filter">{t('finance.asset')}</label>
            <select id="fin-asset-filter" value={asset} onChange={(e) => { setAsset(e.target.value); setOffset(0); }}>
              <option value="">{t('common.any')}</option>
              {assetsOf(chain).map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </div>
        </div>
        {info.loading && !d ? <Loading /> : null}
        {tr ? (tr.items.length === 0 ? <p className="muted">{t('finance.address.noTransfers')}</p> : (
          <div className="table-wrap">
            <table className="table table-compact" data-testid="transfers">
              <thead><tr>
                <th scope="col">{t('finance.time')}</th><th scope="col">{t('finance.address.dir')}</th><th scope="col">{t('finance.address.counterparty')}</th>
                <th scope="col" className="num">{t('finance.amount')}</th><th scope="col">{t('finance.asset')}</th><th scope="col">{t('finance.trace.tx')}</th>
              </tr></thead>
              <tbody>
                {tr.items.map((x, i) => {
                  const out = x.direction ? x.direction === 'out' : x.from === d!.address;
                  const other = out ? x.to : x.from;
                  return (
                    <tr key={`${x.id ?? i}`}>
                      <td className="nowrap">{formatDateTime(x.blockTime, lang)}</td>
                      <td>{out ? t('finance.address.out') : t('finance.address.in')}</td>
                      <td><Link to={addressPath(chain, other)} title={other}><code>{short(other, 8)}</code></Link></td>
                      <td className="num nowrap">{formatAmount(x.units, x.asset, lang)}</td>
                      <td>{x.tokenSymbol && x.asset.startsWith('TOKEN') ? x.tokenSymbol : x.asset}{x.lookalike ? <> <span className="badge badge-danger">{t('finance.address.lookalike')}</span></> : null}</td>
                      <td><code title={x.txHash}>{short(x.txHash, 6)}</code></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="pager">
              <button type="button" className="btn" disabled={offset === 0 || info.loading} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('finance.prev')}</button>
              <span>{t('finance.range', { from: tr.offset + 1, to: tr.offset + tr.items.length })} / {tr.total}</span>
              <button type="button" className="btn" disabled={tr.offset + tr.items.length >= tr.total || info.loading} onClick={() => setOffset(offset + PAGE)}>{t('finance.next')}</button>
            </div>
          </div>
        )) : null}
      </section>
      {d ? <ExposureView chain={chain} address={address} /> : null}
    </>
  );
}
