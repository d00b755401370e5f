import { LANGS, MESSAGES, type Lang } from './messages.js';

export { LANGS, type Lang } from './messages.js';

/** Translate a message key, interpolating {name} placeholders; falls back to English, then the key. */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const raw = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGS as readonly string[]).includes(s);

/**
 * Pick the response language: explicit user preference, then the first supported
 * Accept-Language tag, then Russian (the working language most staff read).
 */
export function pickLang(acceptLanguage: string | undefined, preferred?: string | null): Lang {
  if (isLang(preferred)) return preferred;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (isLang(tag)) return tag;
  }
  return 'ru';
}
