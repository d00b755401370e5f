import { useTranslation } from 'react-i18next';
import type { Lang } from '../api.js';
import { LANGS } from '../i18n/index.js';
import { useSession } from '../session.js';

// Each language names itself, so a user who cannot read the current one still finds theirs.
const SELF_NAME: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const SHORT: Record<Lang, string> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { changeLang } = useSession();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.choose')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} className="lang-btn" aria-pressed={i18n.language === l} aria-label={SELF_NAME[l]}
          title={SELF_NAME[l]} onClick={() => { void changeLang(l); }}>
          {SHORT[l]}
        </button>
      ))}
    </div>
  );
}
