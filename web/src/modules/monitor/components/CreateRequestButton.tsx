import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { ErrorMessage } from '../../../components/ErrorMessage.js';
import { Link } from '../../../router.js';
import { useSession } from '../../../session.js';

interface Result {
  requests: { id: string; target: string; status: string; entries: number }[];
  refused: { itemId: string; reason: string }[];
  skipped: { type: string; value: string; reason: string }[];
}

/**
 * "Create blocking requests" for an item page or a shop page. Drafts one request per target
 * from the confirmed items (the server refuses unconfirmed ones and says so), then lists what
 * was created, refused and skipped. Renders nothing without monitor.request.create.
 */
export function CreateRequestButton({ itemIds, shopId }: { itemIds?: string[]; shopId?: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!can('monitor.request.create')) return null;
  const create = async () => {
    setBusy(true); setError(null); setResult(null);
    try {
      setResult(shopId ? await api.post<Result>('/api/monitor/requests/from-shop', { shopId }) : await api.post<Result>('/api/monitor/requests/from-items', { itemIds }));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div className="create-request" data-testid="create-request">
      <button type="button" className="btn btn-primary" disabled={busy} onClick={create}>{t(shopId ? 'monitor.requests.createFromShop' : 'monitor.requests.createFromItem')}</button>
      <ErrorMessage error={error} />
      {result ? (
        <div className="alert alert-ok" role="status">
          <p>{t('monitor.requests.created', { count: result.requests.length })}</p>
          <ul>
            {result.requests.map((r) => (
              <li key={r.id}><Link to={`/monitor/requests/${r.id}`}>{t(`monitor.requests.target.${r.target}`)}</Link> — {t(`monitor.requests.status.${r.status}`)}, {t('monitor.requests.entriesCount', { count: r.entries })}</li>
            ))}
          </ul>
          {result.refused.length ? <p>{t('monitor.requests.refusedItems', { count: result.refused.length, reasons: [...new Set(result.refused.map((r) => t(`monitor.requests.refused.${r.reason}`)))].join(', ') })}</p> : null}
          {result.skipped.length ? <p className="muted">{t('monitor.requests.skipped', { list: result.skipped.map((s) => `${s.type} ${s.value}`).join(', ') })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
