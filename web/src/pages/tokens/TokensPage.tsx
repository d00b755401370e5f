import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiToken, type Lang } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorMessage, Loading, StatusMessage } from '../../components/ErrorMessage.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ScopeText } from '../../components/ScopePicker.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { TokenForm } from './TokenForm.js';
import { TokenSecret } from './TokenSecret.js';

function TokenState({ tk }: { tk: ApiToken }) {
  const { t } = useTranslation();
  if (tk.revokedAt) return <Badge tone="danger">{t('tokens.revoked')}</Badge>;
  if (tk.expiresAt && new Date(tk.expiresAt) <= new Date()) return <Badge tone="warn">{t('tokens.expired')}</Badge>;
  return <Badge tone="ok">{t('tokens.active')}</Badge>;
}

export function TokensPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const list = useApi(() => api.get<{ tokens: ApiToken[] }>('/api/tokens'), []);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  const revoke = async (tk: ApiToken) => {
    setError(null);
    try {
      await api.del(`/api/tokens/${encodeURIComponent(tk.id)}`);
      setStatus(t('tokens.revokedDone', { name: tk.name }));
      list.reload();
    } catch (e) { setError(e); }
  };

  return (
    <>
      <PageTitle title={t('tokens.title')} actions={!creating ? <button type="button" className="btn btn-primary" onClick={() => { setCreating(true); setSecret(null); }}>{t('tokens.new')}</button> : null}>
        {t('tokens.title')}
      </PageTitle>
      <p className="muted">{t('tokens.intro')}</p>
      {secret ? <TokenSecret token={secret.token} name={secret.name} onClose={() => setSecret(null)} /> : null}
      {creating ? (
        <TokenForm onCancel={() => setCreating(false)} onCreated={(r) => { setCreating(false); setSecret({ token: r.token, name: r.record.name }); list.reload(); }} />
      ) : null}
      <StatusMessage text={status} />
      <ErrorMessage error={error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('scope.title')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('users.statusLabel')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.data.tokens.length === 0 ? <tr><td colSpan={9} className="muted">{t('tokens.none')}</td></tr> : list.data.tokens.map((tk) => (
                <tr key={tk.id}>
                  <td>{tk.name}</td>
                  <td><code>{tk.prefix}…</code></td>
                  <td>{tk.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td><ScopeText national={tk.national} regions={tk.regions} /></td>
                  <td>{formatDateTime(tk.createdAt, lang)}</td>
                  <td>{tk.expiresAt ? formatDateTime(tk.expiresAt, lang) : t('tokens.noExpiry')}</td>
                  <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : <span className="muted">{t('users.never')}</span>}</td>
                  <td><TokenState tk={tk} /></td>
                  <td>{!tk.revokedAt ? <ConfirmButton danger question={t('tokens.revokeQ', { name: tk.name })} onConfirm={() => revoke(tk)}>{t('tokens.revoke')}</ConfirmButton> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
