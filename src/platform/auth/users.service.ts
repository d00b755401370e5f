import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors/catalogue.js';
import type { Db } from '../db/client.js';
import { recordAudit } from '../audit/audit.service.js';
import { isRegionCode, type RegionCode } from '../geo/regions.js';
import { requirePermission, scopeWithin, type Actor, type RegionScope } from './actor.js';
import { assertStrongPassword, hashPassword } from './password.js';
import { isRole, type Role } from './policy.js';
import { users } from './schema.js';

type UserRow = typeof users.$inferSelect;

/** A user as any API returns it: never the hash or second-factor secret. */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  national: boolean;
  regions: RegionCode[];
  locale: string;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], national: u.national,
    regions: u.regions as RegionCode[], locale: u.locale, totpEnabled: u.totpEnabled, disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(),
  };
}

/** Region shown in the audit trail for a user record: its single region, or national (null). */
const auditRegion = (u: { national: boolean; regions: string[] }) => (!u.national && u.regions.length === 1 ? u.regions[0]! : null);

/** Validate a roles + scope combination; the codes are re-checked here, not trusted from the route. */
export function validateScope(roles: string[], national: boolean, regions: string[]): { roles: Role[]; scope: RegionScope } {
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length || roles.length === 0) throw new AppError('request.invalid', { roles: bad.length ? bad : 'at least one role' });
  const unknown = regions.filter((r) => !isRegionCode(r));
  if (unknown.length) throw new AppError('region.invalid', { regions: unknown });
  if (!national && regions.length === 0) throw new AppError('region.invalid', { regions: 'national or at least one region' });
  return { roles: [...new Set(roles)] as Role[], scope: { national, regions: national ? [] : ([...new Set(regions)].sort() as RegionCode[]) } };
}

/** Rows a regional admin may see: regional users whose regions overlap their own. */
function visibleUsers(actor: Actor): SQL | undefined {
  if (actor.scope.national) return undefined;
  return and(eq(users.national, false), sql`${users.regions} && ${sql.param(actor.scope.regions)}::text[]`);
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  national: boolean;
  regions: string[];
  locale?: 'kk' | 'ru' | 'en';
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  requirePermission(actor, 'users.manage');
  const username = input.username.trim().toLowerCase();
  const { roles, scope } = validateScope(input.roles, input.national, input.regions);
  if (!scopeWithin(scope, actor.scope)) throw new AppError('auth.region_forbidden');
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (exists) throw new AppError('user.exists', { username });
    const [row] = await tx.insert(users).values({
      username, displayName: input.displayName.trim() || username, passwordHash, roles, national: scope.national,
      regions: scope.regions, locale: input.locale ?? 'ru',
    }).returning();
    const pub = publicUser(row!);
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: pub.id, region: auditRegion(row!), after: summary(pub) });
    return pub;
  });
}

const summary = (u: PublicUser) => ({ username: u.username, roles: u.roles, national: u.national, regions: u.regions, disabled: u.disabled, totpEnabled: u.totpEnabled });

export async function listUsers(db: Db, actor: Actor): Promise<PublicUser[]> {
  requirePermission(actor, 'users.read');
  const rows = await db.select().from(users).where(visibleUsers(actor)).orderBy(asc(users.username));
  return rows.map(publicUser);
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<UserRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('user.not_found');
  const [row] = await db.select().from(users).where(and(eq(users.id, id), visibleUsers(actor)));
  if (!row) throw new AppError('user.not_found');
  return row;
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<PublicUser> {
  requirePermission(actor, 'users.read');
  return publicUser(await loadVisible(db, actor, id));
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  national?: boolean;
  regions?: string[];
  locale?: 'kk' | 'ru' | 'en';
  disabled?: boolean;
  /** Clear a temporary lockout. */
  unlock?: boolean;
  /** Set a new password (admin reset). */
  password?: string;
  /** Remove the second factor (lost phone); the user enrols again. */
  resetTotp?: boolean;
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch): Promise<PublicUser> {
  requirePermission(actor, 'users.manage');
  const passwordHash = patch.password !== undefined ? (assertStrongPassword(patch.password), await hashPassword(patch.password)) : undefined;
  return db.transaction(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    const { roles, scope } = validateScope(patch.roles ?? before.roles, patch.national ?? before.national, patch.regions ?? before.regions);
    if (!scopeWithin(scope, actor.scope)) throw new AppError('auth.region_forbidden');
    if (actor.id === id && (!roles.includes('admin') || patch.disabled)) throw new AppError('user.self_lockout');
    const set: Partial<typeof users.$inferInsert> = { roles, national: scope.national, regions: scope.regions, updatedAt: new Date() };
    if (patch.displayName !== undefined) set.displayName = patch.displayName.trim() || before.username;
    if (patch.locale) set.locale = patch.locale;
    if (patch.disabled !== undefined) set.disabledAt = patch.disabled ? (before.disabledAt ?? new Date()) : null;
    if (patch.unlock || passwordHash) Object.assign(set, { failedLogins: 0, lockedUntil: null });
    if (passwordHash) set.passwordHash = passwordHash;
    if (patch.resetTotp) Object.assign(set, { totpEnabled: false, totpSecretEnc: null, totpLastStep: null });
    const [row] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
    // Anything that narrows access ends the user's open sessions at once.
    if (patch.disabled || passwordHash || patch.roles || patch.regions || patch.national !== undefined) {
      await tx.execute(sql`delete from sessions where user_id = ${id}`);
    }
    const after = publicUser(row!);
    await recordAudit(tx, actor, {
      action: 'user.update', entityType: 'user', entityId: id, region: auditRegion(row!), before: summary(publicUser(before)), after: summary(after),
      details: { passwordReset: Boolean(passwordHash), unlocked: Boolean(patch.unlock), totpReset: Boolean(patch.resetTotp) },
    });
    return after;
  });
}

/** The caller's own profile (no permission needed beyond being signed in). */
export async function getOwnProfile(db: Db, actor: Actor): Promise<PublicUser | null> {
  if (actor.type !== 'user' || !actor.id) return null;
  const [u] = await db.select().from(users).where(eq(users.id, actor.id));
  return u ? publicUser(u) : null;
}

/** Counts for the home dashboard, within the caller's scope. */
export async function userStats(db: Db, actor: Actor): Promise<{ total: number; withSecondFactor: number; locked: number }> {
  requirePermission(actor, 'users.read');
  const [u] = await db.select({
    n: sql<number>`count(*)`, mfa: sql<number>`count(*) filter (where ${users.totpEnabled})`,
    locked: sql<number>`count(*) filter (where ${users.lockedUntil} > now())`,
  }).from(users).where(visibleUsers(actor));
  return { total: Number(u?.n ?? 0), withSecondFactor: Number(u?.mfa ?? 0), locked: Number(u?.locked ?? 0) };
}
