import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors/catalogue.js';
import type { Db } from '../db/client.js';
import { recordAudit } from '../audit/audit.service.js';
import type { RegionCode } from '../geo/regions.js';
import { requirePermission, scopeWithin, type Actor } from './actor.js';
import type { Role } from './policy.js';
import { randomToken, sha256Hex } from './secrets.js';
import { apiTokens } from './schema.js';
import { validateScope } from './users.service.js';
import type { RequestMeta } from './auth.service.js';

type TokenRow = typeof apiTokens.$inferSelect;

/** A token as listed: never the secret. */
export interface PublicToken {
  id: string;
  name: string;
  prefix: string;
  roles: Role[];
  national: boolean;
  regions: RegionCode[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const publicToken = (t: TokenRow): PublicToken => ({
  id: t.id, name: t.name, prefix: t.prefix, roles: t.roles as Role[], national: t.national, regions: t.regions as RegionCode[],
  createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

function visible(actor: Actor): SQL | undefined {
  if (actor.scope.national) return undefined;
  return and(eq(apiTokens.national, false), sql`${apiTokens.regions} && ${sql.param(actor.scope.regions)}::text[]`);
}

export interface NewToken {
  name: string;
  roles: string[];
  national: boolean;
  regions: string[];
  expiresInDays?: number;
}

/** Issue a machine-client token. The secret is returned once and only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, input: NewToken): Promise<{ token: string; record: PublicToken }> {
  requirePermission(actor, 'tokens.manage');
  const { roles, scope } = validateScope(input.roles, input.national, input.regions);
  if (!scopeWithin(scope, actor.scope)) throw new AppError('auth.region_forbidden');
  const token = randomToken('qk_', 32);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({
      name: input.name.trim(), prefix: token.slice(0, 10), tokenHash: sha256Hex(token), roles, national: scope.national,
      regions: scope.regions, createdBy: actor.type === 'user' ? actor.id : null, expiresAt,
    }).returning();
    const record = publicToken(row!);
    await recordAudit(tx, actor, { action: 'token.create', entityType: 'api_token', entityId: record.id, region: scope.national || scope.regions.length !== 1 ? null : scope.regions[0], after: { name: record.name, roles, national: scope.national, regions: scope.regions, expiresAt: record.expiresAt } });
    return { token, record };
  });
}

export async function listApiTokens(db: Db, actor: Actor): Promise<PublicToken[]> {
  requirePermission(actor, 'tokens.manage');
  return (await db.select().from(apiTokens).where(visible(actor)).orderBy(desc(apiTokens.createdAt))).map(publicToken);
}

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<PublicToken> {
  requirePermission(actor, 'tokens.manage');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('token.not_found');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), visible(actor))).returning();
    if (!row) throw new AppError('token.not_found');
    await recordAudit(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: id, after: { name: row.name } });
    return publicToken(row);
  });
}

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string, meta: RequestMeta): Promise<Actor | null> {
  if (!token.startsWith('qk_') || token.length > 100) return null;
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, sha256Hex(token)));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { type: 'token', id: row.id, name: `token:${row.name}`, roles: row.roles as Role[], scope: { national: row.national, regions: row.regions as RegionCode[] }, ...meta };
}
