import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../../app/config.js';
import type { Actor } from '../auth/actor.js';
import type { AuthSettings } from '../auth/auth.service.js';
import type { Permission } from '../auth/policy.js';
import type { Database, Db } from '../db/client.js';
import type { Jobs } from '../jobs/index.js';
import type { Lang } from '../i18n/index.js';

/** Everything route modules need, built once by the composition root. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  auth: AuthSettings;
  /** Present when workers/queues are running (not in some CLI commands). */
  jobs?: Jobs;
}

/**
 * What a route needs from the caller, declared on the route itself:
 * 'public' (no login), 'authenticated' (any signed-in caller), or a permission.
 */
export type RouteAuth = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Allow a cookie-authenticated write without the CSRF header (login itself). */
    skipCsrf?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Hashed id of the cookie session, when the caller uses one. */
    sessionId: string | null;
    csrfToken: string | null;
    lang: Lang;
  }
}

/** The Fastify instance with the zod type provider, as route modules receive it. */
export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;
export type Req = FastifyRequest;
export type Reply = FastifyReply;

/** Request facts for the audit trail. */
export const metaOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });
