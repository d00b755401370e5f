import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NAV, isCurrent } from '../nav.js';
import { MODULES } from '../modules.js';
import { Link, useLocation } from '../router.js';
import { useSession } from '../session.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 6v9c0 7.5 5.1 13.2 12 15 6.9-1.8 12-7.5 12-15V6z" fill="#ffffff" opacity=".14" />
      <path d="M16 6 8 8.7V15c0 5.2 3.4 9.3 8 10.7 4.6-1.4 8-5.5 8-10.7V8.7z" fill="#00a3c4" />
      <circle cx="16" cy="15" r="4" fill="#f2c230" />
    </svg>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <Logo />
      <div>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{t('app.tagline')}</span>
      </div>
    </div>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  // Focus is moved by script because the history router must not treat #main as a route.
  return (
    <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
      {t('app.skip')}
    </a>
  );
}

/** Frame of every signed-in page: skip link, header, permitted navigation, main, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can, logout } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  const items = NAV.filter((n) => can(n.permission));
  const name = me?.user?.displayName || me?.actor.name || '';
  return (
    <div className="shell">
      <SkipLink />
      <header className="topbar">
        <Brand />
        <button type="button" className="menu-toggle btn" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
          {t('app.menu')}
        </button>
        <div className="topbar-tools">
          {MODULES.map((m) => (m.header ? <m.header key={m.name} /> : null))}
          <LanguageSwitcher />
          <Link to="/profile" className="user-link" aria-current={path === '/profile' ? 'page' : undefined}>
            <span className="visually-hidden">{t('nav.profile')}: </span>{name}
          </Link>
          <button type="button" className="btn btn-ghost" onClick={() => { void logout(); }}>{t('auth.logout')}</button>
        </div>
      </header>
      <div className="body">
        <nav id="main-nav" className={`sidenav ${menuOpen ? 'open' : ''}`} aria-label={t('nav.label')}>
          <ul>
            {items.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={isCurrent(n, path) ? 'page' : undefined}>{t(n.label)}</Link>
              </li>
            ))}
            <li><Link to="/profile" aria-current={path === '/profile' ? 'page' : undefined}>{t('nav.profile')}</Link></li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>{children}</main>
      </div>
      <Footer />
    </div>
  );
}

function Footer() {
  const { t } = useTranslation();
  return <footer className="footer"><p>{t('app.footer')}</p></footer>;
}

/** Frame for the login page: no navigation, same header and footer. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="shell shell-public">
      <SkipLink />
      <header className="topbar">
        <Brand />
        <div className="topbar-tools"><LanguageSwitcher /></div>
      </header>
      <main id="main" tabIndex={-1} className="public-main">{children}</main>
      <Footer />
    </div>
  );
}
