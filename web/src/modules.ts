import type { ComponentType } from 'react';
import type { Lang } from './api.js';
import type { NavItem } from './nav.js';
import type { RouteDef } from './routes.js';

/**
 * A domain module's contribution to the SPA. Each module lives in
 * `web/src/modules/<name>/module.ts` (default export) with its pages beside it and its own
 * dictionaries in `web/src/modules/<name>/i18n/{kk,ru,en}.json` (one top-level key: the
 * module's name). They are collected here at build time, so adding a module touches no
 * shared file.
 */
export interface WebModule {
  name: string;
  /** Position among module entries in the navigation (lower first). */
  order: number;
  nav: NavItem[];
  routes: RouteDef[];
  i18n: Record<Lang, Record<string, unknown>>;
  /** Optional small indicator in the page header (e.g. unread notifications); renders nothing when not relevant. */
  header?: ComponentType;
}

const found = import.meta.glob<{ default: WebModule }>('./modules/*/module.ts', { eager: true });

export const MODULES: WebModule[] = Object.values(found).map((m) => m.default).sort((a, b) => a.order - b.order);
