import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type User } from '../../api.js';
import { Badge } from '../../components/Badge.js';
import { ErrorMessage, Loading } from '../../components/ErrorMessage.js';
import { TextField } from '../../components/forms.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ScopeText } from '../../components/ScopePicker.js';
import { formatDateTime } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';

export function UserStatus({ u }: { u: User }) {
  const { t } = useTranslation();
  if (u.disabled) return <Badge tone="danger">{t('users.status.disabled')}</Badge>;
  if (u.lockedUntil) return <Badge tone="warn">{t('users.status.locked')}</Badge>;
  return <Badge tone="ok">{t('users.status.active')}</Badge>;
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [filter, setFilter] = useState('');
  const list = useApi(() => api.get<{ users: User[] }>('/api/users'), []);
  const f = filter.trim().toLowerCase();
  const users = (list.data?.users ?? []).filter((u) => !f || u.username.includes(f) || u.displayName.toLowerCase().includes(f));
  return (
    <>
      <PageTitle title={t('users.title')} actions={can('users.manage') ? <Link className="btn btn-primary" to="/users/new">{t('users.new')}</Link> : null}>
        {t('users.title')}
      </PageTitle>
      <div className="toolbar">
        <TextField label={t('users.filter')} type="search" value={filter} onValue={setFilter} />
      </div>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('scope.title')}</th>
                <th scope="col">{t('users.mfa')}</th>
                <th scope="col">{t('users.statusLabel')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
              </tr>
            </thead>
            <tbody>
              {users.length === 0 ? <tr><td colSpan={7} className="muted">{t('common.nothingFound')}</td></tr> : users.map((u) => (
                <tr key={u.id}>
                  <td><Link to={`/users/${u.id}`}>{u.username}</Link></td>
                  <td>{u.displayName}</td>
                  <td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td><ScopeText national={u.national} regions={u.regions} /></td>
                  <td>{u.totpEnabled ? <Badge tone="ok">{t('common.yes')}</Badge> : <Badge>{t('common.no')}</Badge>}</td>
                  <td><UserStatus u={u} /></td>
                  <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language as Lang) : <span className="muted">{t('users.never')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
