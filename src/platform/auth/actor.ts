import { AppError } from '../errors/catalogue.js';
import type { RegionCode } from '../geo/regions.js';
import { rolesAllow, type Permission, type Role } from './policy.js';

/** Which regions a caller may see: all (national) or a list of first-level units. */
export interface RegionScope {
  national: boolean;
  regions: RegionCode[];
}

/**
 * Who is acting. Every service call takes one: it carries the permissions, the region scope
 * and the request facts the audit trail records.
 */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'anonymous';
  id: string | null;
  name: string;
  roles: Role[];
  scope: RegionScope;
  ip?: string;
  userAgent?: string;
}

/** The CLI and scheduled jobs act as `system`, with national scope and full rights. */
export function systemActor(name = 'system'): Actor {
  return { type: 'system', id: null, name, roles: ['admin'], scope: { national: true, regions: [] } };
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.type === 'anonymous') throw new AppError('auth.required');
  if (!rolesAllow(actor.roles, permission)) throw new AppError('auth.forbidden', { permission });
}

/**
 * A four-eyes decision (accepting figures, approving a rating, accepting a report) needs a person
 * signed in: an API token names no person to compare with the one who submitted, so whoever holds
 * it could decide on their own submission.
 */
export function requirePerson(actor: Actor): void {
  if (actor.type === 'token') throw new AppError('auth.person_required');
}

export function canSeeRegion(scope: RegionScope, region: string | null): boolean {
  if (scope.national) return true;
  return region !== null && (scope.regions as string[]).includes(region);
}

/** Writes into a region outside the caller's scope are refused outright (reads just see nothing). */
export function requireRegion(actor: Actor, region: string): void {
  if (!canSeeRegion(actor.scope, region)) throw new AppError('auth.region_forbidden', { region });
}

/** A scope may only be granted by someone whose own scope contains it. */
export function scopeWithin(inner: RegionScope, outer: RegionScope): boolean {
  if (outer.national) return true;
  if (inner.national) return false;
  return inner.regions.every((r) => outer.regions.includes(r));
}
