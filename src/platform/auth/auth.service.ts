import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../errors/catalogue.js';
import type { Db } from '../db/client.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import { DUMMY_HASH, verifyPassword, assertStrongPassword, hashPassword } from './password.js';
import { decrypt, encrypt, randomToken, sha256Hex } from './secrets.js';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.js';
import { sessions, users } from './schema.js';
import { publicUser, type PublicUser } from './users.service.js';
import type { Role } from './policy.js';
import type { RegionCode } from '../geo/regions.js';

/** Login and session policy, from configuration. */
export interface AuthSettings {
  maxFailures: number;
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
  /** Encrypts TOTP secrets at rest. */
  secretKey: Buffer;
}

/** Facts about the HTTP request, for the audit trail. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

type UserRow = typeof users.$inferSelect;

export function actorFromUser(u: UserRow, meta: RequestMeta = {}): Actor {
  return {
    type: 'user', id: u.id, name: u.username, roles: u.roles as Role[],
    scope: { national: u.national, regions: u.regions as RegionCode[] }, ip: meta.ip, userAgent: meta.userAgent,
  };
}

const anonymous = (meta: RequestMeta, name: string): Actor => ({ type: 'anonymous', id: null, name, roles: [], scope: { national: false, regions: [] }, ...meta });

/** A new session: the cookie token (returned once, stored hashed) and the CSRF token. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
}

/**
 * Password (+ TOTP when enrolled) login with per-account lockout. Failures are recorded and
 * committed before the error is thrown, so a failing request still counts.
 */
export async function login(db: Db, s: AuthSettings, meta: RequestMeta, input: { username: string; password: string; totp?: string }): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const now = new Date();
  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password); // equalise timing with the known-user path
    await db.transaction((tx) => recordAudit(tx, anonymous(meta, username), { action: 'auth.login_failed', entityType: 'user', details: { username, reason: 'unknown_user' } }));
    throw new AppError('auth.invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('auth.locked', undefined, { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  let failure: 'auth.invalid_credentials' | 'auth.mfa_invalid' | 'auth.mfa_required' | 'auth.disabled' | null = null;
  let totpStep: number | null = null;
  if (!passwordOk) failure = 'auth.invalid_credentials';
  else if (user.disabledAt) failure = 'auth.disabled';
  else if (user.totpEnabled) {
    if (!input.totp) failure = 'auth.mfa_required';
    else {
      totpStep = verifyTotp(decrypt(s.secretKey, user.totpSecretEnc!), input.totp.trim(), now.getTime(), user.totpLastStep);
      if (totpStep === null) failure = 'auth.mfa_invalid';
    }
  }
  const actor = actorFromUser(user, meta);
  const region = !user.national && user.regions.length === 1 ? user.regions[0] : null;
  if (failure === 'auth.mfa_required') throw new AppError(failure); // the password was right: not a failed attempt
  if (failure) {
    const counts = failure === 'auth.invalid_credentials' || failure === 'auth.mfa_invalid';
    const failed = counts ? user.failedLogins + 1 : user.failedLogins;
    const lock = failed >= s.maxFailures;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + s.lockMinutes * 60_000) : user.lockedUntil }).where(eq(users.id, user.id));
      await recordAudit(tx, actor, { action: lock ? 'auth.lockout' : 'auth.login_failed', entityType: 'user', entityId: user.id, region, details: { reason: failure, failedAttempts: failed } });
    });
    if (lock) throw new AppError('auth.locked', undefined, { minutes: s.lockMinutes });
    throw new AppError(failure);
  }
  const token = randomToken('', 32);
  const csrfToken = randomToken('', 24);
  const expiresAt = new Date(now.getTime() + s.absoluteHours * 3_600_000);
  const row = await db.transaction(async (tx) => {
    const [u] = await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) }).where(eq(users.id, user.id)).returning();
    await tx.insert(sessions).values({ id: sha256Hex(token), userId: user.id, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 512) });
    // Housekeeping that needs no scheduler: expired sessions of this user go when they log in again.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    await recordAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id, region, details: { mfa: totpStep !== null } });
    return u!;
  });
  return { token, csrfToken, expiresAt, user: publicUser(row) };
}

/** A live session with its user, or null when unknown, expired, idle too long or the user is disabled. */
export async function resolveSession(db: Db, s: AuthSettings, token: string): Promise<{ user: UserRow; csrfToken: string; sessionId: string } | null> {
  if (!token || token.length > 128) return null;
  const id = sha256Hex(token);
  const [row] = await db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.sessions.lastSeenAt.getTime() + s.idleMinutes * 60_000;
  if (row.sessions.expiresAt.getTime() <= now || idleLimit <= now || row.users.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute: a write per request would serialise reads on the embedded DB.
  if (now - row.sessions.lastSeenAt.getTime() > 60_000) await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  return { user: row.users, csrfToken: row.sessions.csrfToken, sessionId: id };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.id });
  });
}

async function selfRow(db: Db, actor: Actor): Promise<UserRow> {
  if (actor.type !== 'user' || !actor.id) throw new AppError('auth.forbidden');
  const [u] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!u) throw new AppError('auth.required');
  return u;
}

/** Start (or restart) second-factor enrolment: a new secret, pending until a code confirms it. */
export async function beginTotp(db: Db, s: AuthSettings, actor: Actor): Promise<{ secret: string; uri: string }> {
  const u = await selfRow(db, actor);
  if (u.totpEnabled) throw new AppError('record.invalid_state', { totp: 'already enabled' });
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecretEnc: encrypt(s.secretKey, secret), updatedAt: new Date() }).where(eq(users.id, u.id));
    await recordAudit(tx, actor, { action: 'auth.totp_setup', entityType: 'user', entityId: u.id });
  });
  return { secret, uri: otpauthUri(secret, u.username) };
}

export async function enableTotp(db: Db, s: AuthSettings, actor: Actor, code: string): Promise<PublicUser> {
  const u = await selfRow(db, actor);
  if (u.totpEnabled || !u.totpSecretEnc) throw new AppError('auth.mfa_not_pending');
  const step = verifyTotp(decrypt(s.secretKey, u.totpSecretEnc), code.trim(), Date.now(), null);
  if (step === null) throw new AppError('auth.mfa_invalid');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ totpEnabled: true, totpLastStep: step, updatedAt: new Date() }).where(eq(users.id, u.id)).returning();
    await recordAudit(tx, actor, { action: 'auth.totp_enable', entityType: 'user', entityId: u.id });
    return publicUser(row!);
  });
}

export async function disableTotp(db: Db, actor: Actor, password: string): Promise<PublicUser> {
  const u = await selfRow(db, actor);
  if (!(await verifyPassword(u.passwordHash, password))) throw new AppError('auth.invalid_credentials');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, u.id)).returning();
    await recordAudit(tx, actor, { action: 'auth.totp_disable', entityType: 'user', entityId: u.id });
    return publicUser(row!);
  });
}

/** Change one's own password; other sessions of the user end. */
export async function changeOwnPassword(db: Db, actor: Actor, sessionId: string | null, current: string, next: string): Promise<void> {
  const u = await selfRow(db, actor);
  if (!(await verifyPassword(u.passwordHash, current))) throw new AppError('auth.invalid_credentials');
  assertStrongPassword(next);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, u.id));
    await tx.execute(sql`delete from sessions where user_id = ${u.id} and id <> ${sessionId ?? ''}`);
    await recordAudit(tx, actor, { action: 'auth.password_change', entityType: 'user', entityId: u.id });
  });
}

export async function setOwnLocale(db: Db, actor: Actor, locale: 'kk' | 'ru' | 'en'): Promise<void> {
  const u = await selfRow(db, actor);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, u.id));
    await recordAudit(tx, actor, { action: 'user.locale', entityType: 'user', entityId: u.id, before: { locale: u.locale }, after: { locale } });
  });
}
