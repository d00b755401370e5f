import { useTranslation } from 'react-i18next';
import { api, type CustodyEvent, type EvidenceItem, type Lang } from '../../api.js';
import { ErrorMessage, Loading } from '../../components/ErrorMessage.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useRegions } from '../../reference.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { CustodyForm } from './CustodyForm.js';
import { EvidenceStatus } from './EvidenceStatus.js';

function Timeline({ events }: { events: CustodyEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className={`tl-${e.action}`}>
          <div className="tl-head">
            <strong>{t(`evidence.actions.${e.action}`, { defaultValue: e.action })}</strong>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
          </div>
          <dl className="props props-compact">
            {e.fromHolder && e.fromHolder !== e.toHolder ? <div><dt>{t('evidence.from')}</dt><dd>{e.fromHolder}</dd></div> : null}
            {e.toHolder ? <div><dt>{e.fromHolder && e.fromHolder !== e.toHolder ? t('evidence.to') : t('evidence.holder')}</dt><dd>{e.toHolder}</dd></div> : null}
            {e.location ? <div><dt>{t('evidence.location')}</dt><dd>{e.location}</dd></div> : null}
            {e.sealNumber ? <div><dt>{t('evidence.seal')}</dt><dd>{e.sealNumber}</dd></div> : null}
            {e.note ? <div><dt>{t('evidence.note')}</dt><dd className="pre-wrap">{e.note}</dd></div> : null}
            <div><dt>{t('evidence.recordedBy')}</dt><dd>{e.actorName}</dd></div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

export function EvidenceDetailPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const regions = useRegions();
  const res = useApi(() => api.get<{ item: EvidenceItem; custody: CustodyEvent[] }>(`/api/evidence/${encodeURIComponent(params.id!)}`), [params.id]);
  const lang = i18n.language as Lang;
  if (!res.data) return <><PageTitle title={t('evidence.item')}>{t('evidence.item')}</PageTitle><ErrorMessage error={res.error} />{res.loading ? <Loading /> : null}<p><Link to="/evidence">{t('evidence.backToList')}</Link></p></>;
  const { item, custody } = res.data;
  return (
    <>
      <PageTitle title={item.title}>{item.title}</PageTitle>
      <p><Link to="/evidence">{t('evidence.backToList')}</Link></p>
      <div className="two-col">
        <section className="card" aria-labelledby="ev-props">
          <h2 id="ev-props">{t('evidence.item')}</h2>
          <dl className="props">
            <div><dt>{t('evidence.statusLabel')}</dt><dd><EvidenceStatus status={item.status} /></dd></div>
            <div><dt>{t('evidence.caseNumber')}</dt><dd>{item.caseNumber}</dd></div>
            <div><dt>{t('evidence.category')}</dt><dd>{t(`evidence.categories.${item.category}`, { defaultValue: item.category })}</dd></div>
            <div><dt>{t('common.region')}</dt><dd>{regions.name(item.region)}</dd></div>
            {item.quantity ? <div><dt>{t('evidence.quantity')}</dt><dd>{item.quantity}</dd></div> : null}
            <div><dt>{t('evidence.holder')}</dt><dd>{item.holder}</dd></div>
            <div><dt>{t('evidence.location')}</dt><dd>{item.location}</dd></div>
            {item.sealNumber ? <div><dt>{t('evidence.seal')}</dt><dd>{item.sealNumber}</dd></div> : null}
            {item.description ? <div><dt>{t('evidence.description')}</dt><dd className="pre-wrap">{item.description}</dd></div> : null}
            <div><dt>{t('evidence.registeredBy')}</dt><dd>{item.createdBy}, {formatDateTime(item.createdAt, lang)}</dd></div>
          </dl>
        </section>
        <section className="card" aria-labelledby="ev-chain">
          <h2 id="ev-chain">{t('evidence.chain')}</h2>
          <Timeline events={custody} />
        </section>
      </div>
      {can('evidence.write') ? <CustodyForm item={item} onDone={res.reload} /> : null}
    </>
  );
}
