import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout, PublicLayout } from './components/Layout.js';
import { Loading } from './components/ErrorMessage.js';
import { PageTitle } from './components/PageTitle.js';
import { LoginPage } from './pages/login/LoginPage.js';
import { ReferenceProvider } from './reference.js';
import { ROUTES } from './routes.js';
import { Link, matchPath, navigate, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';

/** Where to go after login: only same-site paths, so ?next= cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function Message({ titleKey, textKey }: { titleKey: string; textKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t(titleKey)}>{t(titleKey)}</PageTitle>
      <p>{t(textKey)}</p>
      <p><Link to="/">{t('common.toHome')}</Link></p>
    </>
  );
}

function Screens() {
  const { state, can } = useSession();
  const { path, search, href } = useLocation();
  const onLogin = path === '/login';

  useEffect(() => {
    const q = new URLSearchParams(href.split('?')[1] ?? '');
    if (state.status === 'anonymous' && !onLogin) navigate(`/login?next=${encodeURIComponent(href)}`, { replace: true });
    if (state.status === 'signed-in' && onLogin) navigate(safeNext(q.get('next')), { replace: true });
  }, [state.status, onLogin, href]);

  if (state.status === 'loading') return <PublicLayout><Loading /></PublicLayout>;
  if (state.status === 'anonymous') return <PublicLayout>{onLogin ? <LoginPage /> : <Loading />}</PublicLayout>;
  if (onLogin) return <Layout><Loading /></Layout>;

  for (const r of ROUTES) {
    const params = matchPath(r.path, path);
    if (!params) continue;
    if (r.permission && !can(r.permission)) return <Layout><Message titleKey="errors.forbiddenTitle" textKey="errors.forbiddenText" /></Layout>;
    const Page = r.component;
    // key: a new page instance per path, so state from /users/a never leaks into /users/b.
    return <Layout><Page key={path} params={params} /></Layout>;
  }
  return <Layout><Message titleKey="errors.notFoundTitle" textKey="errors.notFoundText" /></Layout>;
}

export function App() {
  return (
    <ReferenceProvider>
      <SessionProvider>
        <Screens />
      </SessionProvider>
    </ReferenceProvider>
  );
}
