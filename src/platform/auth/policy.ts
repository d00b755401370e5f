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
