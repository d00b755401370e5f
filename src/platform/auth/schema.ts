import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Platform accounts. Passwords are argon2id hashes; second-factor secrets are encrypted at rest. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Login name, stored lower-case; unique. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Subset of ROLES (src/platform/auth/policy.ts). */
  roles: text('roles').array().notNull(),
  /** True: sees every region. False: only `regions`. */
  national: boolean('national').notNull().default(false),
  /** ISO 3166-2:KZ codes the user may see when not national. */
  regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
  /** Preferred UI and message language: kk | ru | en. */
  locale: text('locale').notNull().default('ru'),
  /** AES-256-GCM encrypted TOTP secret (pending until totp_enabled). */
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** Consecutive failed logins; reset on success. */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  disabledAt: ts('disabled_at'),
  lastLoginAt: ts('last_login_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Server-side sessions; the cookie carries a random token, only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    /** hex SHA-256 of the cookie token. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Token the SPA echoes in X-CSRF-Token on writes. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    /** Absolute expiry; idle expiry is computed from last_seen_at. */
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Machine-client tokens, scoped like users, revocable; only a hash of the secret is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** First characters of the token, shown in the UI to tell tokens apart. */
  prefix: text('prefix').notNull(),
  /** hex SHA-256 of the full token. */
  tokenHash: text('token_hash').notNull().unique(),
  roles: text('roles').array().notNull(),
  national: boolean('national').notNull().default(false),
  regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
  lastUsedAt: ts('last_used_at'),
});
