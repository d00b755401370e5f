import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLang, type Lang } from '../api.js';
import en from './en.json' with { type: 'json' };
import kk from './kk.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import { MODULES } from '../modules.js';

export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'qalqan_lang';
export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGS as readonly string[]).includes(s);

/** BCP 47 tags for Intl formatting (dates, numbers). */
export const LOCALE_TAG: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

function readCookie(name: string): string | null {
  const m = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return m ? decodeURIComponent(m.slice(name.length + 1)) : null;
}

/** The language this device chose explicitly, if any (localStorage, then the cookie the server also reads). */
export function storedLang(): Lang | null {
  let v: string | null = null;
  try { v = localStorage.getItem(STORAGE_KEY); } catch { /* storage may be disabled */ }
  if (isLang(v)) return v;
  v = readCookie(STORAGE_KEY);
  return isLang(v) ? v : null;
}

/** First choice when nothing is stored: the browser's languages, else Russian (most staff read it). */
function browserLang(): Lang {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const two = tag.slice(0, 2).toLowerCase();
    if (isLang(two)) return two;
  }
  return 'ru';
}

function rememberLang(lang: Lang): void {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage may be disabled */ }
  // The server reads this cookie to answer anonymous requests (login errors) in the same language.
  document.cookie = `${STORAGE_KEY}=${lang}; path=/; max-age=31536000; SameSite=Strict`;
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLang(lang);
}

const CORE: Record<Lang, Record<string, unknown>> = { kk, ru, en };

/** The shell's dictionary plus every module's (each under its own top-level key). */
function withModules(lang: Lang): Record<string, unknown> {
  return Object.assign({}, CORE[lang], ...MODULES.map((m) => m.i18n[lang]));
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = storedLang() ?? browserLang();
  applyLang(lng);
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: withModules(l) }])),
    lng,
    fallbackLng: 'ru',
    supportedLngs: [...LANGS],
    // React escapes text itself; double escaping would show &lt; to users.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switch the UI language; `remember` marks it as this device's explicit choice. */
export async function setLang(lang: Lang, remember = true): Promise<void> {
  if (remember) rememberLang(lang);
  applyLang(lang);
  await i18next.changeLanguage(lang);
}

export const currentLang = (): Lang => (isLang(i18next.language) ? i18next.language : 'ru');
