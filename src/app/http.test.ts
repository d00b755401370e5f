import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../platform/testing/app.js';
import { testBackends } from '../platform/testing/db.js';
import { users } from '../platform/auth/schema.js';

for (const backend of testBackends()) {
  describe(`HTTP surface and bad input [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent;
    const userCount = async () => Number((await t.ctx.db.select({ n: count() }).from(users))[0]!.n);
    const valid = () => ({ username: uniqueName('bi'), password: 'a-long-enough-password', roles: ['analyst'], national: true });

    before(async () => {
      t = await startTestApp(backend, { BODY_LIMIT_BYTES: '4096' });
      const u = await t.user({ username: uniqueName('hadm'), roles: ['admin'] });
      admin = await t.login(u.username, u.password);
    });
    after(async () => { await t?.close(); });

    test('health, readiness, metrics, OpenAPI and docs', async () => {
      assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
      assert.equal((await t.app.inject('/readyz')).json().status, 'ready');
      const metrics = await t.app.inject('/metrics');
      assert.match(metrics.body, /qalqan_http_requests_total/);
      const spec = (await t.app.inject('/api/openapi.json')).json();
      assert.equal(spec.openapi, '3.0.3');
      assert.ok(spec.paths['/api/users'].post.requestBody, 'request bodies come from the zod schemas');
      assert.ok(spec.paths['/api/evidence/{id}/custody']);
      assert.equal((await t.app.inject('/api/docs/')).statusCode, 200);
    });

    test('security headers and request ids', async () => {
      const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'req-abcdef12' } });
      assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
      assert.equal(res.headers['x-request-id'], 'req-abcdef12');
      const forged = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
      assert.notEqual(forged.headers['x-request-id'], 'bad id\nwith newline');
    });

    test('unknown API path and unauthenticated access give catalogue errors', async () => {
      const nf = await t.app.inject('/api/nope');
      assert.equal(nf.statusCode, 404);
      assert.equal(nf.json().error.code, 'request.not_found');
      const anon = await t.app.inject('/api/users');
      assert.equal(anon.statusCode, 401);
      assert.equal(anon.json().error.code, 'auth.required');
      // Refused before the body is parsed or validated: an anonymous caller cannot make the server
      // read a large ingest body, nor learn the route's schema from validation errors.
      for (const payload of ['{"items": "not an array"}', '{' + 'x'.repeat(2 << 20)]) {
        const big = await t.app.inject({ method: 'POST', url: '/api/monitor/ingest', headers: { 'content-type': 'application/json' }, payload });
        assert.equal(big.statusCode, 401, big.body.slice(0, 200));
        assert.equal(big.json().error.code, 'auth.required');
      }
    });

    const cases: [string, () => Promise<{ statusCode: number; json(): any; body: string }>, number, string][] = [
      ['malformed JSON', () => admin.send('POST', '/api/users', '{"username": "x",'), 400, 'request.malformed_json'],
      ['empty JSON body', () => admin.send('POST', '/api/users', ''), 400, 'request.malformed_json'],
      ['oversized body', () => admin.send('POST', '/api/users', { ...valid(), displayName: 'x'.repeat(5000) }), 413, 'request.too_large'],
      ['unknown field', () => admin.send('POST', '/api/users', { ...valid(), isRoot: true }), 400, 'request.invalid'],
      ['wrong type', () => admin.send('POST', '/api/users', { ...valid(), national: 'yes' }), 400, 'request.invalid'],
      ['unknown role', () => admin.send('POST', '/api/users', { ...valid(), roles: ['superuser'] }), 400, 'request.invalid'],
      ['invalid region code', () => admin.send('POST', '/api/users', { ...valid(), national: false, regions: ['KZ-99'] }), 400, 'region.invalid'],
      ['old letter region code', () => admin.send('POST', '/api/users', { ...valid(), national: false, regions: ['KZ-ALA'] }), 400, 'region.invalid'],
      ['broken UTF-8', () => t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: Buffer.concat([Buffer.from('{"username":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]) }), 400, 'request.bad_encoding'],
      ['form-encoded body', () => t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' }), 415, 'request.unsupported_media_type'],
    ];
    for (const [name, run, status, code] of cases) {
      test(`bad input: ${name} → ${status} ${code}, nothing written, no stack`, async () => {
        const before = await userCount();
        const res = await run();
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
        assert.equal(typeof res.json().error.message, 'string');
        assert.doesNotMatch(res.body, /\bat \S+ \(|node_modules|\.ts:\d+/, 'no stack trace');
        assert.equal(await userCount(), before);
      });
    }

    test('error messages follow Accept-Language', async () => {
      const res = await t.app.inject({ url: '/api/users', headers: { 'accept-language': 'kk-KZ,kk;q=0.9' } });
      assert.equal(res.json().error.message, 'Жалғастыру үшін жүйеге кіріңіз.');
      const ru = await t.app.inject({ url: '/api/users', headers: { 'accept-language': 'ru' } });
      assert.equal(ru.json().error.message, 'Войдите в систему, чтобы продолжить.');
    });

    test('reference data lists the 20 units with numeric ISO codes', async () => {
      const ref = (await t.app.inject('/api/reference')).json();
      assert.equal(ref.regions.length, 20);
      for (const code of ['KZ-10', 'KZ-33', 'KZ-62', 'KZ-71', 'KZ-75', 'KZ-79']) assert.ok(ref.regions.some((r: { code: string }) => r.code === code), code);
      assert.deepEqual(ref.languages, ['kk', 'ru', 'en']);
    });

    test('home dashboard returns only the cards the role may see', async () => {
      const cards = (await admin.get('/api/dashboard')).json().cards;
      assert.ok(cards.users && cards.users.total >= 1);
      const ana = await t.user({ username: uniqueName('dana'), roles: ['analyst'] });
      const a = await t.login(ana.username, ana.password);
      const anaCards = (await a.get('/api/dashboard')).json().cards;
      assert.equal(anaCards.users, undefined);
      assert.equal(anaCards.audit, undefined);
    });
  });
}
