import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang, type Reference, type Region } from './api.js';

/** Regions, roles and languages from /api/reference: loaded once, public, shared by every page. */
const Ctx = createContext<Reference | null>(null);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const [ref, setRef] = useState<Reference | null>(null);
  useEffect(() => {
    let alive = true;
    const load = (attempt: number) => {
      api.get<Reference>('/api/reference').then((r) => { if (alive) setRef(r); }).catch(() => {
        // The server may still be starting; retry a few times rather than show raw codes forever.
        if (alive && attempt < 5) setTimeout(() => load(attempt + 1), 1000 * (attempt + 1));
      });
    };
    load(0);
    return () => { alive = false; };
  }, []);
  return <Ctx.Provider value={ref}>{children}</Ctx.Provider>;
}

export interface Regions {
  /** All regions, sorted by short name (so "город Алматы" sorts under А, not Г). */
  list: Region[];
  /** The region's name in the current language, or its code while reference data is missing. */
  name(code: string | null | undefined): string;
}

export function useRegions(): Regions {
  const ref = useContext(Ctx);
  const { i18n } = useTranslation();
  const lang = (i18n.language as Lang) || 'ru';
  const key = (r: Region) => r.short?.[lang] ?? r.name[lang] ?? r.code;
  const list = [...(ref?.regions ?? [])].sort((a, b) => key(a).localeCompare(key(b), lang));
  const byCode = new Map(list.map((r) => [r.code, r]));
  return {
    list,
    name: (code) => (code ? byCode.get(code)?.name[lang] ?? code : ''),
  };
}
