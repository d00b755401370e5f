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
  // Blocking requests (docs/monitor-requests.md): analysts (and investigators, for finance) draft; reviewers approve,
  // never their own (requests.lifecycle.ts); sending and recording outcomes is desk work; the auto-approve policy is the admin's.
  'monitor.request.read': ['admin', 'analyst', 'reviewer', 'investigator', 'auditor'],
  'monitor.request.create': ['admin', 'analyst', 'investigator'],
  'monitor.request.approve': ['admin', 'reviewer'],
  'monitor.request.send': ['admin', 'analyst', 'reviewer'],
  'monitor.request.policy': ['admin'],
  // Rechecks and mirror alerts (docs/monitor-rechecks.md): whoever follows requests reads them; "recheck now" is
  // the request desk's; acknowledging an alert is an analyst's, reviewer's or investigator's decision (audited).
  'monitor.recheck.read': ['admin', 'analyst', 'reviewer', 'investigator', 'auditor'],
  'monitor.recheck.run': ['admin', 'analyst', 'reviewer'],
  'monitor.alert.read': ['admin', 'analyst', 'reviewer', 'investigator', 'auditor'],
  'monitor.alert.ack': ['admin', 'analyst', 'reviewer', 'investigator'],
  // Review queue and shops (docs/monitor.md): reviewers and analysts decide on flagged items; agreement statistics and the
  // feedback export are theirs too. Changing a shop's status or declaring an indicator a public service is analysts' work.
  'monitor.review': ['admin', 'analyst', 'reviewer'],
  'monitor.shops.manage': ['admin', 'analyst'],
  // Cyber-supervision statistics (docs/monitor-stats.md): aggregates only, no post text, so regional HQs read their regions' too.
  'monitor.stats': ['admin', 'analyst', 'reviewer', 'investigator', 'regional_hq', 'auditor'],
  // Financial attribution (docs/finance-attribution.md): tags and the dropper registry are kept by investigators and
  // analysts (regional rows within scope, national imports with national scope); auditors and reviewers read.
  'finance.tag.read': ['admin', 'analyst', 'investigator', 'reviewer', 'auditor'],
  'finance.tag': ['admin', 'analyst', 'investigator'],
  'finance.dropper.read': ['admin', 'analyst', 'investigator', 'reviewer', 'auditor'],
  'finance.dropper.write': ['admin', 'analyst', 'investigator'],
  'finance.report': ['admin', 'analyst', 'investigator'],
  // "Sync now" of the automatic ads → dropper registry job (droppers/ads.service.ts); the job itself runs as a system actor.
  'finance.dropper.sync': ['admin', 'investigator'],
  // Crypto tracing (docs/finance.md): ledger data, clusters, exposure and trace runs are read by the analytic roles
  // (trace runs within region scope); fetching ledger data, running traces and rebuilding clusters is investigators' and analysts' work.
  'finance.read': ['admin', 'analyst', 'investigator', 'reviewer', 'auditor'],
  'finance.trace': ['admin', 'analyst', 'investigator'],
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
