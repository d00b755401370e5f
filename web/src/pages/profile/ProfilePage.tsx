import { useTranslation } from 'react-i18next';
import type { Lang } from '../../api.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ScopeText } from '../../components/ScopePicker.js';
import { LANGS } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession } from '../../session.js';
import { PasswordSection } from './PasswordSection.js';
import { TotpSection } from './TotpSection.js';

const SELF_NAME: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

function LanguageSection() {
  const { t, i18n } = useTranslation();
  const { changeLang } = useSession();
  return (
    <section className="card" aria-labelledby="p-lang">
      <h2 id="p-lang">{t('profile.language')}</h2>
      <fieldset className="fieldset radios">
        <legend className="visually-hidden">{t('profile.language')}</legend>
        {LANGS.map((l) => (
          <div className="check" key={l}>
            <input type="radio" id={`lang-${l}`} name="lang" value={l} checked={i18n.language === l} onChange={() => void changeLang(l)} />
            <label htmlFor={`lang-${l}`} lang={l}>{SELF_NAME[l]}</label>
          </div>
        ))}
      </fieldset>
      <p className="hint">{t('profile.languageHint')}</p>
    </section>
  );
}

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const user = me?.user;
  return (
    <>
      <PageTitle title={t('profile.title')}>{t('profile.title')}</PageTitle>
      {user ? (
        <section className="card" aria-labelledby="p-account">
          <h2 id="p-account">{t('profile.account')}</h2>
          <dl className="props">
            <div><dt>{t('users.username')}</dt><dd>{user.username}</dd></div>
            <div><dt>{t('users.displayName')}</dt><dd>{user.displayName}</dd></div>
            <div><dt>{t('users.roles')}</dt><dd>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd></div>
            <div><dt>{t('scope.title')}</dt><dd><ScopeText national={user.national} regions={user.regions} /></dd></div>
            <div><dt>{t('users.lastLogin')}</dt><dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}</dd></div>
          </dl>
        </section>
      ) : null}
      <div className="two-col">
        <LanguageSection />
        {user ? <TotpSection /> : null}
      </div>
      {user ? <PasswordSection /> : null}
    </>
  );
}
