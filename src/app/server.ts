import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors/catalogue.js';
import { registerJsonParser } from '../platform/http/body.js';
import { registerAuth } from '../platform/http/auth-hook.js';
import { handleError, sendError } from '../platform/http/errors.js';
import { registerMetrics } from '../platform/http/metrics.js';
import type { App, AppContext } from '../platform/http/context.js';
import { authRoutes } from '../platform/auth/routes.js';
import { auditRoutes } from '../platform/audit/routes.js';
import { referenceRoutes } from '../platform/http/reference.routes.js';
import { evidenceRoutes } from '../modules/evidence/routes.js';
import { tracesRoutes } from '../modules/traces/routes.js';
import { ratingRoutes } from '../modules/rating/routes.js';
import { planRoutes } from '../modules/plan/routes.js';
import { situationRoutes } from '../modules/situation/routes.js';
import { monitorRoutes } from '../modules/monitor/routes.js';
import { monitorSourcesRoutes } from '../modules/monitor/sources/routes.js';
import { monitorShopsRoutes } from '../modules/monitor/shops/routes.js';
import { monitorReviewRoutes } from '../modules/monitor/review/routes.js';
import { monitorRechecksRoutes } from '../modules/monitor/rechecks/routes.js';
import { monitorRequestsRoutes } from '../modules/monitor/requests/routes.js';
import { monitorStatsRoutes } from '../modules/monitor/stats/routes.js';
import { financeRoutes } from '../modules/finance/routes.js';
import { financeTagsRoutes } from '../modules/finance/tags/routes.js';
import { financeDroppersRoutes } from '../modules/finance/droppers/routes.js';
import { financeReportsRoutes } from '../modules/finance/reports/routes.js';
import { dashboardRoutes } from './dashboard.routes.js';

/** Every module's routes, in one list: adding a module means adding a line here. */
const ROUTES: ((app: App, ctx: AppContext) => Promise<void>)[] = [authRoutes, auditRoutes, referenceRoutes, dashboardRoutes, evidenceRoutes, tracesRoutes, ratingRoutes, planRoutes, situationRoutes, monitorRoutes, monitorSourcesRoutes, monitorShopsRoutes, monitorReviewRoutes, monitorRechecksRoutes, monitorRequestsRoutes, monitorStatsRoutes, financeRoutes, financeTagsRoutes, financeDroppersRoutes, financeReportsRoutes];

// A missing file with one of these endings is a real 404; anything else is a client-side route
// (which may contain dots, e.g. /users/almaty.inv).
const ASSET_PATH = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|json|txt|webmanifest)$/i;

export const WEB_DIST = resolve(new URL('../../web/dist', import.meta.url).pathname);

/** Build the HTTP server around an open context. Does not listen. */
export async function buildServer(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: ctx.config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: ctx.config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    // Accept a caller's request id only when it looks like one, so logs cannot be forged.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (req, reply) => { reply.header('x-request-id', req.id); });
  registerJsonParser(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: ctx.config.PUBLIC_URL?.startsWith('https://') ? { maxAge: 31_536_000 } : false,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Qalqan API', version: '0.1.0', description: 'Platform API. Authenticate with the session cookie (browser) or `Authorization: Bearer qk_…` (machine clients). Errors: `{"error":{"code","message","details"}}`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'qalqan_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API reference page is public (the schema holds no data); its plugin's routes say so here.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), auth: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, ctx);
  registerMetrics(app);

  app.get('/healthz', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await ctx.database.raw.query('select 1');
      return { status: 'ready', database: ctx.database.kind, jobs: Boolean(ctx.jobs) };
    } catch {
      return sendError(req, reply, new AppError('server.unavailable'));
    }
  });

  for (const register of ROUTES) await register(app, ctx);

  const webDir = ctx.config.QALQAN_WEB_DIR ? resolve(ctx.config.QALQAN_WEB_DIR) : WEB_DIST;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the SPA fall back to index.html; unknown API paths are JSON 404s.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !ASSET_PATH.test(req.url.split('?')[0]!)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendError(req, reply, new AppError('request.not_found'));
  });
  return app;
}
