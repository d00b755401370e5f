import type { Permission } from './api.js';
import { MODULES } from './modules.js';

/**
 * Main navigation. Domain modules contribute entries through web/src/modules/<name>/module.ts; entries the
 * signed-in user has no permission for are not shown at all.
 */
export interface NavItem {
  to: string;
  /** Key in the i18n dictionaries. */
  label: string;
  permission: Permission;
  /** Marks the entry current on this path and everything below it. */
  section: string;
}

export const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', permission: 'dashboard.read', section: '/' },
  // Domain modules (web/src/modules/*/module.ts) come right after the home page.
  ...MODULES.flatMap((m) => m.nav),
  { to: '/evidence', label: 'nav.evidence', permission: 'evidence.read', section: '/evidence' },
  { to: '/audit', label: 'nav.audit', permission: 'audit.read', section: '/audit' },
  { to: '/users', label: 'nav.users', permission: 'users.read', section: '/users' },
  { to: '/tokens', label: 'nav.tokens', permission: 'tokens.manage', section: '/tokens' },
];

const covers = (section: string, path: string): boolean =>
  section === '/' ? path === '/' : path === section || path.startsWith(section + '/');

/**
 * Whether `item` is the current entry: its section covers the path and no other entry's longer
 * section does (so /monitor/requests marks "Blocking requests", not also "Cyber-supervision").
 */
export const isCurrent = (item: NavItem, path: string, items: readonly NavItem[] = NAV): boolean =>
  covers(item.section, path) && !items.some((o) => o.section.length > item.section.length && covers(o.section, path));
