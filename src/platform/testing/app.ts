import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../app/config.js';
import { openContext } from '../../app/runtime.js';
import { buildServer } from '../../app/server.js';
import { systemActor } from '../auth/actor.js';
import { createUser } from '../auth/users.service.js';
import type { AppContext } from '../http/context.js';
import { openTestDatabase, scratchDir, type Backend, type TestDatabase } from './db.js';

/** A server over a test database, driven in-process with fastify.inject. */
export interface TestApp {
  backend: Backend;
  ctx: AppContext;
  app: FastifyInstance;
  database: TestDatabase;
  /** Create a user directly through the service (as the system). */
  user(spec: { username: string; roles: string[]; regions?: string[]; password?: string }): Promise<{ id: string; username: string; password: string }>;
  /** Sign in and get an agent that carries the cookie and CSRF token. */
  login(username: string, password: string, totp?: string): Promise<Agent>;
  close(): Promise<void>;
}

/** HTTP client bound to one session. */
export interface Agent {
  csrf: string;
  cookie: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function startTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  const config = loadConfig({ QALQAN_DATA_DIR: scratchDir(), LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', ...env });
  const ctx = await openContext(config, { jobs: false, database });
  const app = await buildServer(ctx, { logger: false });
  await app.ready();

  const agent = (cookie: string, csrf: string): Agent => ({
    csrf, cookie,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, body, headers = {}) => app.inject({
      method, url, headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    }),
  });

  return {
    backend, ctx, app, database,
    async user(spec) {
      const password = spec.password ?? TEST_PASSWORD;
      const regions = spec.regions ?? ['national'];
      const national = regions.length === 1 && regions[0] === 'national';
      const u = await createUser(ctx.db, systemActor('test'), { username: spec.username, displayName: spec.username, password, roles: spec.roles, national, regions: national ? [] : regions });
      return { id: u.id, username: u.username, password };
    },
    async login(username, password, totp) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const set = res.cookies.find((c) => c.name === 'qalqan_session');
      return agent(`qalqan_session=${set!.value}`, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await ctx.jobs?.stop().catch(() => undefined);
      await database.drop(); // closes the connection, then removes the database
    },
  };
}
