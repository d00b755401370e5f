import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api.js';
import { formatDateTime } from '../../../lib/format.js';
import { CategoryBadge } from '../components/CategoryBadge.js';
import { ErrorMessage, Loading } from '../../../components/ErrorMessage.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { Link } from '../../../router.js';
import { financeApi } from '../client.js';
import { ExposureView } from '../components/ExposureView.js';
import { FinanceTabs } from '../components/FinanceTabs.js';
import { TagTable } from '../components/TagTable.js';
import { addressPath } from '../lib.js';

const SHOWN = 200;

/**
 * A cluster of addresses believed to share one owner: how it was formed (heuristics and their
 * confidence — change-address links are weaker than co-spending), its tags, members and exposure.
 */
export function ClusterPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const res = useApi(() => financeApi.cluster(params.id!, { limit: SHOWN, offset }), [params.id, offset]);
  const title = t('finance.cluster.title');
  if (res.error) return <><PageTitle title={title}>{title}</PageTitle><FinanceTabs /><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const { cluster: c, members, categories, run } = res.data;
  const conf = t(`finance.cluster.conf.${c.confidence}`, { defaultValue: c.confidence });
  const tagged = members.items.flatMap((m) => m.tags.map((tag) => ({ ...tag, chain: c.chain, address: m.address })));
  const cats = Object.entries(categories).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <PageTitle title={title}>{title} <span className="muted">{t('finance.cluster.size', { count: c.size })}</span></PageTitle>
      <FinanceTabs />
      <section className="card" aria-labelledby="fin-cl-sum">
        <h2 id="fin-cl-sum">{t('finance.cluster.formed')}</h2>
        <dl className="props">
          <div><dt>{t('finance.chain')}</dt><dd>{t(`finance.chainName.${c.chain}`, { defaultValue: c.chain })}</dd></div>
          <div><dt>{t('finance.cluster.addresses')}</dt><dd>{c.size}</dd></div>
          <div><dt>{t('finance.cluster.heuristics')}</dt><dd>{c.heuristics.length ? c.heuristics.map((h) => t(`finance.cluster.h.${h}`, { defaultValue: h })).join(', ') : '—'}</dd></div>
          <div><dt>{t('finance.tags.confidence')}</dt><dd>{conf}</dd></div>
          <div><dt>{t('finance.cluster.representative')}</dt><dd><Link to={addressPath(c.chain, c.representative)}><code className="break">{c.representative}</code></Link></dd></div>
          <div><dt>{t('finance.cluster.categories')}</dt><dd>{cats.length ? cats.map(([k, n]) => <span key={k} className="fin-cat-count"><CategoryBadge category={k} /> {n}</span>) : '—'}</dd></div>
          {run ? <div><dt>{t('finance.cluster.run')}</dt><dd>{formatDateTime(run.builtAt, i18n.language as Lang)} · {t('finance.cluster.runFacts', { txs: run.transactions, coinjoins: run.coinjoins })}</dd></div> : null}
        </dl>
        <p className="hint">{t('finance.cluster.note')}</p>
      </section>
      <section className="card" aria-labelledby="fin-cl-tags">
        <h2 id="fin-cl-tags">{t('finance.tags.title')}</h2>
        <TagTable tags={tagged} showAddress />
        {members.total > members.items.length ? <p className="hint">{t('finance.cluster.tagsPage')}</p> : null}
      </section>
      <section className="card" aria-labelledby="fin-cl-members">
        <h2 id="fin-cl-members">{t('finance.cluster.addresses')}</h2>
        <ul className="fin-members">
          {members.items.map((m) => <li key={m.address}><Link to={addressPath(c.chain, m.address)}><code>{m.address}</code></Link>{m.tags[0] ? <> · {m.tags[0].label}</> : null}</li>)}
        </ul>
        <div className="pager">
          <button type="button" className="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - SHOWN))}>{t('finance.prev')}</button>
          <span>{t('finance.range', { from: members.offset + 1, to: members.offset + members.items.length })} / {members.total}</span>
          <button type="button" className="btn" disabled={members.offset + members.items.length >= members.total} onClick={() => setOffset(offset + SHOWN)}>{t('finance.next')}</button>
        </div>
      </section>
      <ExposureView chain={c.chain} clusterId={c.id} />
    </>
  );
}
