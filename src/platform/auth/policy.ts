/**
 * Roles and what each may do. Routes declare the permission they need; services check it
 * again, so a route that forgot to declare cannot leak data.
 */
export const ROLES = ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'evidence.read': ['admin', 'investigator', 'auditor'],
  'evidence.write': ['admin', 'investigator'],
  'traces.read': ['admin', 'analyst', 'investigator', 'reviewer', 'auditor'],
  'traces.write': ['admin', 'analyst', 'investigator'],
  // Ratings compare regions, so every role reads published ones; drafts only with national scope (rating.service.ts).
  'rating.read': ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'],
  'rating.compute': ['admin', 'analyst'],
  // Four eyes: the service refuses approval by the actor who computed the rating.
  'rating.approve': ['admin', 'reviewer'],
  'rating.publish': ['admin'],
  // Situation monitoring (docs/situation.md): everyone reads within scope; regional HQs and analysts submit
  // for their regions; acceptance also needs national scope and is refused for one's own submission (situation.service).
  'situation.read': ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'],
  'situation.submit': ['admin', 'analyst', 'regional_hq'],
  'situation.accept': ['admin', 'analyst'],
  'situation.manage': ['admin'],
  // Plans: every role reads (regional users: the national Plan and their regions' plans). Managing the
  // structure and accepting reports is the HQ secretariat's (regional_hq; national scope for the national
  // Plan). Reporting is open to working roles, but the service lets only assigned executors and the
  // region's HQ report on an item (plan/access.ts).
  'plan.read': ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'],
  'plan.manage': ['admin', 'regional_hq'],
  'plan.report': ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq'],
  'plan.accept': ['admin', 'regional_hq'],
  // Cyber-supervision (docs/monitor.md): machine clients and analysts ingest; reading items is for analytic roles.
  'monitor.ingest': ['admin', 'analyst'],
  'monitor.read': ['admin', 'analyst', 'reviewer', 'investigator', 'auditor'],
  'dashboard.read': ['admin', 'analyst', 'investigator', 'reviewer', 'regional_hq', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const isRole = (s: unknown): s is Role => typeof s === 'string' && (ROLES as readonly string[]).includes(s);

/** True when any of the roles grants the permission. */
export function rolesAllow(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** Every permission the roles grant, for the SPA to shape its navigation (the server still decides). */
export function permissionsOf(roles: readonly string[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => rolesAllow(roles, p));
}
