import type { ComponentType } from 'react';
import type { Permission } from './api.js';
import { HomePage } from './pages/home/HomePage.js';
import { UsersPage } from './pages/users/UsersPage.js';
import { UserCreatePage } from './pages/users/UserCreatePage.js';
import { UserEditPage } from './pages/users/UserEditPage.js';
import { TokensPage } from './pages/tokens/TokensPage.js';
import { AuditPage } from './pages/audit/AuditPage.js';
import { EvidenceListPage } from './pages/evidence/EvidenceListPage.js';
import { EvidenceCreatePage } from './pages/evidence/EvidenceCreatePage.js';
import { EvidenceDetailPage } from './pages/evidence/EvidenceDetailPage.js';
import { ProfilePage } from './pages/profile/ProfilePage.js';
import { MODULES } from './modules.js';

export type PageProps = { params: Record<string, string> };

/**
 * Signed-in pages, first match wins (so `/users/new` sits before `/users/:id`). `permission`
 * only decides what to render; the server checks every request again.
 */
export interface RouteDef {
  path: string;
  component: ComponentType<PageProps>;
  permission?: Permission;
}

export const ROUTES: RouteDef[] = [
  { path: '/', component: HomePage, permission: 'dashboard.read' },
  { path: '/evidence', component: EvidenceListPage, permission: 'evidence.read' },
  { path: '/evidence/new', component: EvidenceCreatePage, permission: 'evidence.write' },
  { path: '/evidence/:id', component: EvidenceDetailPage, permission: 'evidence.read' },
  { path: '/audit', component: AuditPage, permission: 'audit.read' },
  { path: '/users', component: UsersPage, permission: 'users.read' },
  { path: '/users/new', component: UserCreatePage, permission: 'users.manage' },
  { path: '/users/:id', component: UserEditPage, permission: 'users.read' },
  { path: '/tokens', component: TokensPage, permission: 'tokens.manage' },
  { path: '/profile', component: ProfilePage },
  ...MODULES.flatMap((m) => m.routes),
];
