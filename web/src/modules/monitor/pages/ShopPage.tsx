import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { SelectField, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import type { PageProps } from '../../../routes.js';
import { useRegions } from '../../../reference.js';
import { Link, navigate } from '../../../router.js';
import { useSession } from '../../../session.js';
import type { Label } from '../types.js';
import { CreateRequestButton } from '../components/CreateRequestButton.js';
import { LabelBadge } from './LabelBadge.js';
import { ShopStatusBadge, shopName, type ShopSummary } from './ShopParts.js';

interface ShopDetail extends ShopSummary {
  hiddenItems: number;
  items: { id: string; label: Label | null; risk: number | null; excerpt: string; url: string | null; channel: string | null; postedAt: string | null; ingestedAt: string; source: string; via: string; review: string | null }[];
  indicators: { type: string; value: string; items: number; entityId: string | null; hub: string | null; totalItems: number; otherShop: string | null }[];
  cities: { id: string; region: string | null; name: Record<Lang, string> | null; items: number }[];
  merges: { id: string; shopId: string; mergedShopIds: string[]; outcome: string; kind: string; itemId: string | null; detail: Record<string, unknown>; actor: string; createdAt: string }[];
}

/** One shop: status, activity, regions and cities, indicators (hubs marked), items, merge evidence. */
export function ShopPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const regions = useRegions();
  const { can } = useSession();
  const res = useApi(() => api.get<{ shop: ShopDetail }>(`/api/monitor/shops/${encodeURIComponent(params.id!)}`), [params.id]);
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A merged shop's id answers with the survivor: show the survivor's address.
  const survivor = res.data?.shop.id;
  useEffect(() => { if (survivor && survivor !== params.id) navigate(`/monitor/shops/${survivor}`, { replace: true }); }, [survivor, params.id]);
  if (res.error) return <><PageTitle title={t('monitor.shops.shop')}>{t('monitor.shops.shop')}</PageTitle><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const shop = res.data.shop;
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try { await fn(); setMessage(done); res.reload(); } catch (e) { setError(e); }
  };
  const manage = can('monitor.shops.manage');
  return (
    <>
      <PageTitle title={`${t('monitor.shops.shop')} ${shopName(shop)}`}>{t('monitor.shops.shop')} <span data-testid="shop-name">{shopName(shop)}</span> <ShopStatusBadge status={shop.status} /></PageTitle>
      <p><Link to="/monitor/shops">← {t('monitor.shops.back')}</Link></p>
      <CreateRequestButton shopId={shop.id} />
      <section className="card">
        <dl className="props">
          <div><dt>{t('monitor.shops.items')}</dt><dd data-testid="shop-count">{shop.itemCount}</dd></div>
          <div><dt>{t('monitor.shops.firstSeen')}</dt><dd>{formatDateTime(shop.firstSeen, lang)}</dd></div>
          <div><dt>{t('monitor.shops.lastSeen')}</dt><dd>{formatDateTime(shop.lastSeen, lang)}</dd></div>
          <div><dt>{t('monitor.regions')}</dt><dd>{shop.regions.map((r) => regions.name(r)).join(', ') || t('monitor.noRegion')}</dd></div>
          <div><dt>{t('monitor.shops.cities')}</dt><dd>{shop.cities.map((c) => `${c.name?.[lang] ?? c.id} (${c.items})`).join(', ') || '—'}</dd></div>
          {shop.statusAt ? <div><dt>{t('monitor.shops.statusBy')}</dt><dd>{shop.statusBy}, {formatDateTime(shop.statusAt, lang)}{shop.statusNote ? ` — ${shop.statusNote}` : ''}</dd></div> : null}
        </dl>
        {shop.hiddenItems ? <p className="muted">{t('monitor.shops.hidden', { count: shop.hiddenItems })}</p> : null}
        {manage ? (
          <form className="form-grid form-grid-4" onSubmit={(e) => { e.preventDefault(); if (status) void act(() => api.post(`/api/monitor/shops/${shop.id}/status`, { status, note: note || undefined }), t('monitor.shops.statusSaved')); }}>
            <SelectField label={t('monitor.shops.setStatus')} value={status} onValue={setStatus}
              options={[{ value: '', label: '—' }, { value: 'blocked', label: t('monitor.shops.st.blocked') }, { value: 'active', label: t('monitor.shops.st.active') }]} />
            <TextField label={t('monitor.review.note')} value={note} onValue={setNote} maxLength={2000} />
            <div className="actions"><button type="submit" className="btn btn-primary" disabled={!status}>{t('common.save')}</button></div>
          </form>
        ) : null}
        <StatusMessage text={message} />
        <ErrorMessage error={error} />
      </section>
      <section className="card">
        <h2>{t('monitor.indicators')}</h2>
        <table className="table" data-testid="shop-indicators">
          <thead><tr><th scope="col">{t('monitor.shops.type')}</th><th scope="col">{t('monitor.shops.value')}</th><th scope="col">{t('monitor.shops.items')}</th><th scope="col">{t('monitor.shops.hub')}</th>{manage ? <th scope="col"><span className="visually-hidden">{t('monitor.shops.actions')}</span></th> : null}</tr></thead>
          <tbody>
            {shop.indicators.map((i) => (
              <tr key={`${i.type}:${i.value}`}>
                <td><code>{i.type}</code></td>
                <td>{i.entityId ? <a href={`/api/traces/entities/${i.entityId}`} title={t('monitor.traceEntity')}>{i.value}</a> : i.value}</td>
                <td>{i.items}{i.totalItems > i.items ? ` / ${i.totalItems}` : ''}</td>
                <td>{i.hub ? <Badge tone="warn">{t(`monitor.shops.hubKind.${i.hub}`)}</Badge> : i.otherShop ? <Link to={`/monitor/shops/${i.otherShop}`}>{t('monitor.shops.otherShop')}</Link> : '—'}</td>
                {manage ? <td>{!i.hub && ['telegram', 'domain', 'phone', 'card', 'iban', 'btc', 'tron', 'eth', 'email'].includes(i.type) ? (
                  <button type="button" className="btn btn-small" onClick={() => { const n = window.prompt(t('monitor.shops.hubPrompt')); if (n) void act(() => api.post('/api/monitor/shop-hubs', { type: i.type, value: i.value, note: n }), t('monitor.shops.hubSaved')); }}>{t('monitor.shops.markHub')}</button>
                ) : null}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t('monitor.shops.itemsTitle')}</h2>
        <table className="table" data-testid="shop-items">
          <thead><tr><th scope="col">{t('monitor.when')}</th><th scope="col">{t('monitor.labelField')}</th><th scope="col">{t('monitor.text')}</th><th scope="col">{t('monitor.channel')}</th><th scope="col">{t('monitor.review.status')}</th></tr></thead>
          <tbody>
            {shop.items.map((it) => (
              <tr key={it.id} data-item-id={it.id}>
                <td><Link to={`/monitor/items/${it.id}`}>{formatDateTime(it.postedAt ?? it.ingestedAt, lang)}</Link></td>
                <td><LabelBadge label={it.label} /> {((it.risk ?? 0) * 100).toFixed(0)}%</td>
                <td className="monitor-preview">{it.excerpt}</td>
                <td>{it.channel ?? it.source}</td>
                <td>{it.review ? t(`monitor.review.decision.${it.review}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t('monitor.shops.merges')}</h2>
        {shop.merges.length === 0 ? <p className="muted">{t('monitor.shops.noMerges')}</p> : (
          <ul data-testid="shop-merges">
            {shop.merges.map((m) => {
              const via = m.outcome === 'refused_hub'
                ? ((m.detail.hubs as { type: string; value: string }[] | undefined) ?? []).map((h) => `${h.type} ${h.value}`).join(', ')
                : ((m.detail.groups as { indicators: { type: string; value: string }[] }[] | undefined) ?? []).flatMap((g) => g.indicators.map((h) => `${h.type} ${h.value}`)).join(', ');
              return (
                <li key={m.id}>
                  {formatDateTime(m.createdAt, lang)} — {t(`monitor.shops.outcome.${m.outcome}`, { count: m.mergedShopIds.length })} ({t(`monitor.shops.via.${m.kind}`)}{via ? `: ${via}` : ''})
                  {m.itemId ? <> · <Link to={`/monitor/items/${m.itemId}`}>{t('monitor.item')}</Link></> : null} · {m.actor}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
