import { z } from 'zod';
import { AppError } from '../errors/catalogue.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import { metaOf, type App, type AppContext } from '../http/context.js';
import { beginTotp, changeOwnPassword, disableTotp, enableTotp, login, logout, setOwnLocale } from './auth.service.js';
import { permissionsOf, ROLES } from './policy.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.js';
import { createUser, getOwnProfile, getUser, listUsers, updateUser } from './users.service.js';
import { SlidingWindowLimiter } from './rate-limit.js';

const locale = z.enum(['kk', 'ru', 'en']);
const role = z.enum(ROLES);
const regionCode = z.string().max(8);
const id = z.strictObject({ id: z.string().max(64) });
const password = z.string().min(1).max(256);

/** Login, session, second factor, users and API tokens. */
export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  const loginLimiter = new SlidingWindowLimiter(30, 60_000);
  const secureCookie = ctx.config.PUBLIC_URL?.startsWith('https://') ?? false;

  app.post('/api/auth/login', {
    config: { auth: 'public', skipCsrf: true },
    schema: { tags: ['auth'], summary: 'Sign in with password (and TOTP code when enrolled)', body: z.strictObject({ username: z.string().min(1).max(64), password, totp: z.string().max(10).optional() }) },
  }, async (req, reply) => {
    if (!loginLimiter.hit(req.ip)) throw new AppError('request.rate_limited');
    const r = await login(ctx.db, ctx.auth, metaOf(req), req.body);
    reply.setCookie(SESSION_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie, expires: r.expiresAt });
    return { user: r.user, csrfToken: r.csrfToken, permissions: permissionsOf(r.user.roles) };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the current session' } }, async (req, reply) => {
    if (req.sessionId) await logout(ctx.db, req.actor, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Who am I: user or token, permissions, CSRF token' } }, async (req) => {
    const a = req.actor;
    const user = a.type === 'user' ? await getOwnProfile(ctx.db, a) : null;
    return { actor: { type: a.type, name: a.name, roles: a.roles, scope: a.scope }, user, csrfToken: req.csrfToken, permissions: permissionsOf(a.roles) };
  });

  app.post('/api/auth/totp/setup', { schema: { tags: ['auth'], summary: 'Begin second-factor enrolment' } }, async (req) => beginTotp(ctx.db, ctx.auth, req.actor));
  app.post('/api/auth/totp/enable', { schema: { tags: ['auth'], summary: 'Confirm enrolment with a code', body: z.strictObject({ code: z.string().max(10) }) } },
    async (req) => ({ user: await enableTotp(ctx.db, ctx.auth, req.actor, req.body.code) }));
  app.post('/api/auth/totp/disable', { schema: { tags: ['auth'], summary: 'Remove the second factor (password required)', body: z.strictObject({ password }) } },
    async (req) => ({ user: await disableTotp(ctx.db, req.actor, req.body.password) }));
  app.post('/api/auth/password', { schema: { tags: ['auth'], summary: 'Change own password', body: z.strictObject({ current: password, next: password }) } },
    async (req) => (await changeOwnPassword(ctx.db, req.actor, req.sessionId, req.body.current, req.body.next), { ok: true }));
  app.put('/api/auth/locale', { schema: { tags: ['auth'], summary: 'Set own language', body: z.strictObject({ locale }) } },
    async (req) => (await setOwnLocale(ctx.db, req.actor, req.body.locale), { ok: true }));

  const userBody = z.strictObject({
    username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,64}$/, 'letters, digits, dot, dash, underscore; 3–64'),
    displayName: z.string().max(200).default(''),
    password,
    roles: z.array(role).min(1).max(ROLES.length),
    national: z.boolean().default(false),
    regions: z.array(regionCode).max(20).default([]),
    locale: locale.optional(),
  });
  app.get('/api/users', { config: { auth: 'users.read' }, schema: { tags: ['users'], summary: 'Users in the caller\'s scope' } }, async (req) => ({ users: await listUsers(ctx.db, req.actor) }));
  app.post('/api/users', { config: { auth: 'users.manage' }, schema: { tags: ['users'], summary: 'Create a user', body: userBody } },
    async (req, reply) => reply.status(201).send({ user: await createUser(ctx.db, req.actor, req.body) }));
  app.get('/api/users/:id', { config: { auth: 'users.read' }, schema: { tags: ['users'], params: id } }, async (req) => ({ user: await getUser(ctx.db, req.actor, req.params.id) }));
  app.patch('/api/users/:id', {
    config: { auth: 'users.manage' },
    schema: {
      tags: ['users'], summary: 'Change roles, scope, status; reset password, lockout or second factor', params: id,
      body: z.strictObject({
        displayName: z.string().max(200).optional(), roles: z.array(role).min(1).optional(), national: z.boolean().optional(),
        regions: z.array(regionCode).max(20).optional(), locale: locale.optional(), disabled: z.boolean().optional(),
        unlock: z.boolean().optional(), password: password.optional(), resetTotp: z.boolean().optional(),
      }),
    },
  }, async (req) => ({ user: await updateUser(ctx.db, req.actor, req.params.id, req.body) }));

  app.get('/api/tokens', { config: { auth: 'tokens.manage' }, schema: { tags: ['tokens'], summary: 'API tokens in the caller\'s scope' } }, async (req) => ({ tokens: await listApiTokens(ctx.db, req.actor) }));
  app.post('/api/tokens', {
    config: { auth: 'tokens.manage' },
    schema: {
      tags: ['tokens'], summary: 'Issue an API token (the secret is shown once)',
      body: z.strictObject({ name: z.string().min(1).max(100), roles: z.array(role).min(1), national: z.boolean().default(false), regions: z.array(regionCode).max(20).default([]), expiresInDays: z.number().int().min(1).max(3650).optional() }),
    },
  }, async (req, reply) => reply.status(201).send(await createApiToken(ctx.db, req.actor, req.body)));
  app.delete('/api/tokens/:id', { config: { auth: 'tokens.manage' }, schema: { tags: ['tokens'], summary: 'Revoke a token', params: id } },
    async (req) => ({ token: await revokeApiToken(ctx.db, req.actor, req.params.id) }));
}
