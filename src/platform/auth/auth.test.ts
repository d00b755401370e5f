import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, uniqueName, TEST_PASSWORD, type TestApp } from '../testing/app.js';
import { testBackends } from '../testing/db.js';
import { totpAt, totpStep } from './totp.js';

for (const backend of testBackends()) {
  describe(`auth and sessions [${backend}]`, () => {
    let t: TestApp;
    before(async () => { t = await startTestApp(backend); });
    after(async () => { await t?.close(); });

    test('login sets an HttpOnly SameSite=Strict cookie and /me answers', async () => {
      const u = await t.user({ username: uniqueName('ana'), roles: ['analyst'] });
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username.toUpperCase(), password: u.password } });
      assert.equal(res.statusCode, 200);
      const setCookie = String(res.headers['set-cookie']);
      assert.match(setCookie, /qalqan_session=/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Strict/);
      assert.ok(res.json().csrfToken);
      const agent = await t.login(u.username, u.password);
      const me = await agent.get('/api/auth/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.username, u.username);
      assert.equal(me.json().user.passwordHash, undefined, 'never returns the hash');
    });

    test('wrong password is a translated 401; unknown user looks the same', async () => {
      const u = await t.user({ username: uniqueName('wp'), roles: ['analyst'] });
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'kk' }, payload: { username: u.username, password: 'nope-nope-nope' } });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'auth.invalid_credentials');
      assert.match(res.json().error.message, /құпиясөз/);
      const res2 = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'no-such-user', password: 'nope-nope-nope' } });
      assert.equal(res2.statusCode, 401);
      assert.equal(res2.json().error.code, 'auth.invalid_credentials');
    });

    test('three failures lock the account; the right password is refused while locked; admin unlocks', async () => {
      const u = await t.user({ username: uniqueName('lock'), roles: ['analyst'] });
      const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password } });
      assert.equal((await attempt('bad-1-xxxxxxxx')).statusCode, 401);
      assert.equal((await attempt('bad-2-xxxxxxxx')).statusCode, 401);
      const third = await attempt('bad-3-xxxxxxxx');
      assert.equal(third.statusCode, 423);
      assert.equal(third.json().error.code, 'auth.locked');
      assert.match(third.json().error.message, /15/);
      assert.equal((await attempt(u.password)).statusCode, 423);
      const admin = await t.user({ username: uniqueName('adm'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      assert.equal((await a.send('PATCH', `/api/users/${u.id}`, { unlock: true })).statusCode, 200);
      assert.equal((await attempt(u.password)).statusCode, 200);
      const audit = await a.get(`/api/audit?entityId=${u.id}&action=auth.lockout`);
      assert.equal(audit.json().rows.length, 1);
    });

    test('TOTP enrolment, then login needs the code; a used code cannot be replayed', async () => {
      const u = await t.user({ username: uniqueName('mfa'), roles: ['reviewer'] });
      const agent = await t.login(u.username, u.password);
      assert.equal((await agent.send('POST', '/api/auth/totp/enable', { code: '123456' })).json().error.code, 'auth.mfa_not_pending');
      const setup = (await agent.send('POST', '/api/auth/totp/setup')).json();
      assert.match(setup.uri, /^otpauth:\/\/totp\//);
      assert.equal((await agent.send('POST', '/api/auth/totp/enable', { code: '000000' })).statusCode, 401);
      const enable = await agent.send('POST', '/api/auth/totp/enable', { code: totpAt(setup.secret, totpStep(Date.now())) });
      assert.equal(enable.statusCode, 200);
      assert.equal(enable.json().user.totpEnabled, true);

      const noCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password } });
      assert.equal(noCode.statusCode, 401);
      assert.equal(noCode.json().error.code, 'auth.mfa_required');
      // The code used for enrolment is spent; the next step's code is accepted (±1 step window).
      const next = totpAt(setup.secret, totpStep(Date.now()) + 1);
      const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password, totp: next } });
      assert.equal(ok.statusCode, 200);
      const replay = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password, totp: next } });
      assert.equal(replay.json().error.code, 'auth.mfa_invalid');
      const admin = await t.user({ username: uniqueName('mfaadm'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      const actions = (await a.get(`/api/audit?entityId=${u.id}&limit=50`)).json().rows.map((r: { action: string }) => r.action);
      for (const action of ['auth.totp_setup', 'auth.totp_enable', 'auth.login', 'auth.login_failed']) assert.ok(actions.includes(action), action);
    });

    test('cookie-authenticated writes need the CSRF header', async () => {
      const u = await t.user({ username: uniqueName('csrf'), roles: ['analyst'] });
      const agent = await t.login(u.username, u.password);
      const res = await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie: agent.cookie, 'content-type': 'application/json' }, payload: { locale: 'kk' } });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'auth.csrf');
      assert.equal((await agent.send('PUT', '/api/auth/locale', { locale: 'kk' })).statusCode, 200);
    });

    test('logout ends the session', async () => {
      const u = await t.user({ username: uniqueName('out'), roles: ['analyst'] });
      const agent = await t.login(u.username, u.password);
      assert.equal((await agent.send('POST', '/api/auth/logout')).statusCode, 200);
      assert.equal((await agent.get('/api/auth/me')).statusCode, 401);
    });

    test('API tokens: created once, hash-only, scoped, revocable', async () => {
      const admin = await t.user({ username: uniqueName('tadm'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      const created = await a.send('POST', '/api/tokens', { name: 'ingest bot', roles: ['auditor'], national: false, regions: ['KZ-75'] });
      assert.equal(created.statusCode, 201);
      const { token, record } = created.json();
      assert.match(token, /^qk_/);
      const list = (await a.get('/api/tokens')).json().tokens;
      assert.ok(list.some((x: { id: string; prefix: string }) => x.id === record.id && token.startsWith(x.prefix)));
      assert.ok(!JSON.stringify(list).includes(token), 'the secret is never listed');
      const bearer = { authorization: `Bearer ${token}` };
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
      assert.deepEqual(me.json().actor.scope, { national: false, regions: ['KZ-75'] });
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode, 403);
      assert.equal((await a.send('DELETE', `/api/tokens/${record.id}`)).statusCode, 200);
      const after = await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer });
      assert.equal(after.statusCode, 401);
      assert.equal(after.json().error.code, 'auth.token_invalid');
    });

    test('a regional admin cannot grant national scope or another region', async () => {
      const radm = await t.user({ username: uniqueName('radm'), roles: ['admin'], regions: ['KZ-35'] });
      const a = await t.login(radm.username, radm.password);
      const base = { username: uniqueName('x'), displayName: 'x', password: TEST_PASSWORD, roles: ['analyst'] };
      assert.equal((await a.send('POST', '/api/users', { ...base, national: true })).json().error.code, 'auth.region_forbidden');
      assert.equal((await a.send('POST', '/api/users', { ...base, regions: ['KZ-71'] })).json().error.code, 'auth.region_forbidden');
      assert.equal((await a.send('POST', '/api/users', { ...base, regions: ['KZ-35'] })).statusCode, 201);
      const listed = (await a.get('/api/users')).json().users as { regions: string[]; national: boolean }[];
      assert.ok(listed.every((u) => !u.national && u.regions.includes('KZ-35')));
    });

    test('an admin cannot remove their own admin role', async () => {
      const admin = await t.user({ username: uniqueName('self'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      const res = await a.send('PATCH', `/api/users/${admin.id}`, { roles: ['analyst'] });
      assert.equal(res.json().error.code, 'user.self_lockout');
    });

    test('weak passwords are refused', async () => {
      const admin = await t.user({ username: uniqueName('wk'), roles: ['admin'] });
      const a = await t.login(admin.username, admin.password);
      const res = await a.send('POST', '/api/users', { username: uniqueName('w'), password: 'short', roles: ['analyst'], national: true });
      assert.equal(res.json().error.code, 'auth.weak_password');
    });
  });
}
