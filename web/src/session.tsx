import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setSessionLostHandler, type LoginResponse, type Me, type Permission, type User } from './api.js';
import { currentLang, isLang, setLang } from './i18n/index.js';
import { navigate } from './router.js';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  me: Me | null;
  can(p: Permission): boolean;
  login(username: string, password: string, totp?: string): Promise<void>;
  logout(): Promise<void>;
  /** Re-read /me, e.g. after enrolling a second factor. */
  refresh(): Promise<void>;
  /** Replace the signed-in user's profile after a change the server returned. */
  setUser(u: User): void;
  /** Change language: applied at once, remembered on this device and on the account. */
  changeLang(lang: 'kk' | 'ru' | 'en'): Promise<void>;
}

const Ctx = createContext<SessionApi | null>(null);

// A language picked on the login page is an explicit choice; otherwise the account's locale wins.
let langPickedWhileSignedOut = false;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback(async (me: Me, fromLogin: boolean) => {
    setCsrfToken(me.csrfToken);
    const account = me.user?.locale;
    if (fromLogin && langPickedWhileSignedOut && me.user && account !== currentLang()) {
      await api.put('/api/auth/locale', { locale: currentLang() }).catch(() => undefined);
      me = { ...me, user: { ...me.user, locale: currentLang() } };
    } else if (isLang(account) && account !== currentLang()) {
      await setLang(account);
    }
    langPickedWhileSignedOut = false;
    setState({ status: 'signed-in', me });
  }, []);

  const refresh = useCallback(async () => {
    try {
      await signedIn(await api.get<Me>('/api/auth/me'), false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) { setCsrfToken(null); setState({ status: 'anonymous' }); }
      else throw e;
    }
  }, [signedIn]);

  useEffect(() => {
    setSessionLostHandler(() => {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
      const here = window.location.pathname + window.location.search;
      navigate(here.startsWith('/login') ? here : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
    refresh().catch(() => setState({ status: 'anonymous' }));
    return () => setSessionLostHandler(null);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string, totp?: string) => {
    const r = await api.post<LoginResponse>('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
    setCsrfToken(r.csrfToken);
    // /me carries the actor's scope, which the login answer does not.
    await signedIn(await api.get<Me>('/api/auth/me'), true);
  }, [signedIn]);

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    setState({ status: 'anonymous' });
    navigate('/login', { replace: true });
  }, []);

  const changeLang = useCallback(async (lang: 'kk' | 'ru' | 'en') => {
    await setLang(lang);
    if (state.status === 'signed-in' && state.me.user) {
      await api.put('/api/auth/locale', { locale: lang }).catch(() => undefined);
      setState({ status: 'signed-in', me: { ...state.me, user: { ...state.me.user, locale: lang } } });
    } else {
      langPickedWhileSignedOut = true;
    }
  }, [state]);

  const value = useMemo<SessionApi>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return {
      state, me, login, logout, refresh, changeLang,
      can: (p) => Boolean(me?.permissions.includes(p)),
      setUser: (u) => { if (me) setState({ status: 'signed-in', me: { ...me, user: u } }); },
    };
  }, [state, login, logout, refresh, changeLang]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
