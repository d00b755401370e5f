import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/catalogue.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { actorFromUser, resolveSession } from '../auth/auth.service.js';
import { resolveApiToken } from '../auth/tokens.service.js';
import { pickLang } from '../i18n/index.js';
import { metaOf, type AppContext } from './context.js';

export const SESSION_COOKIE = 'qalqan_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const anonymous = (req: FastifyRequest): Actor => ({ type: 'anonymous', id: null, name: 'anonymous', roles: [], scope: { national: false, regions: [] }, ...metaOf(req) });

function sameToken(a: string | null, b: unknown): boolean {
  if (!a || typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The route's declared `config.auth`: API routes without a declaration require a signed-in
 * caller, so forgetting to declare fails closed.
 */
function enforceRouteAuth(req: FastifyRequest): void {
  // Unmatched paths go to the not-found handler: a 404 reveals nothing worth a sign-in.
  if (!req.routeOptions.url) return;
  const need = req.routeOptions.config?.auth ?? 'authenticated';
  if (need === 'public') return;
  if (req.actor.type === 'anonymous') throw new AppError('auth.required');
  if (need !== 'authenticated') requirePermission(req.actor, need);
}

/**
 * Resolves who is calling (bearer token or session cookie) on every request and enforces the
 * route's declared `config.auth` before the body is read (the ingest route accepts 64 MB: an
 * anonymous caller must not get it parsed and validated first), then CSRF for
 * cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'ru');

  app.addHook('onRequest', async (req) => {
    req.actor = anonymous(req);
    req.lang = pickLang(req.headers['accept-language'], req.cookies?.qalqan_lang);
    if (!req.url.startsWith('/api/')) return;
    const authz = req.headers.authorization;
    const token = req.cookies?.[SESSION_COOKIE];
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const actor = m ? await resolveApiToken(ctx.db, m[1]!, metaOf(req)) : null;
      if (!actor) throw new AppError('auth.token_invalid');
      req.actor = actor;
    } else if (token) {
      const s = await resolveSession(ctx.db, ctx.auth, token);
      if (s) {
        req.actor = actorFromUser(s.user, metaOf(req));
        req.sessionId = s.sessionId;
        req.csrfToken = s.csrfToken;
        req.lang = pickLang(undefined, req.headers['x-qalqan-lang'] as string | undefined ?? s.user.locale);
      }
    }
    enforceRouteAuth(req);
  });

  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/') || !req.routeOptions.url) return;
    const cfg = req.routeOptions.config ?? {};
    if (req.sessionId && !SAFE_METHODS.has(req.method) && !cfg.skipCsrf) {
      if (!sameToken(req.csrfToken, req.headers['x-csrf-token'])) throw new AppError('auth.csrf');
    }
  });
}
