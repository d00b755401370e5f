import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { systemActor } from '../../src/platform/auth/actor.js';
import { totpAt, totpStep } from '../../src/platform/auth/totp.js';
import { registerEvidence } from '../../src/modules/evidence/evidence.service.js';
import { alertText, navTo, openLogin, SHOTS, signIn, skipReason, startE2E, submitLogin, type E2E } from './harness.js';

/** Browser end-to-end checks of the SPA shell against the real server (PGlite). */
describe('web shell in Chromium', { skip: skipReason }, () => {
  let e: E2E;
  let admin: { username: string; password: string };
  const ids: Record<string, string> = {};
  const XSS = '<img src=x onerror="window.__xss=1">';

  before(async () => {
    e = await startE2E();
    admin = await e.t.user({ username: 'e2e.admin', roles: ['admin'] });
    const sys = systemActor('e2e-seed');
    const base = { caseNumber: '261500031000123', category: 'substance' as const, quantity: '12.4 g', location: 'Room 3, safe 2', holder: 'Capt. Seitkali' };
    ids.almaty = (await registerEvidence(e.t.ctx.db, sys, { ...base, region: 'KZ-75', title: 'Heroin, 3 packets (Almaty)' })).id;
    ids.shymkent = (await registerEvidence(e.t.ctx.db, sys, { ...base, region: 'KZ-79', title: 'Hashish block (Shymkent)' })).id;
    ids.astana = (await registerEvidence(e.t.ctx.db, sys, { ...base, region: 'KZ-71', title: 'Cannabis, 2 kg (Astana)' })).id;
    ids.xss = (await registerEvidence(e.t.ctx.db, sys, { ...base, region: 'KZ-75', title: XSS, description: '<script>window.__xss=2</script>' })).id;
  });
  after(async () => { await e?.close(); });

  test('admin signs in and sees every module it may use', async () => {
    const page = await signIn(e, admin.username, admin.password);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Overview', 'Evidence', 'Audit log', 'Users', 'API tokens', 'Profile and security']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    await page.getByRole('heading', { name: 'Evidence rooms' }).waitFor();
    assert.equal(await page.locator('a[aria-current="page"]').first().textContent(), 'Overview');
  });

  test('a wrong password shows the server message in the UI language', async () => {
    let page = await openLogin(e);
    await submitLogin(page, admin.username, 'not-the-password');
    assert.match(await alertText(page), /Wrong username or password\./);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: 'Вход в систему' }).waitFor();
    await page.getByLabel('Пароль').fill('still-not-it');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Неверное имя пользователя или пароль.').waitFor();
    page = await openLogin(e); // back to English for the scenarios below
  });

  test('three failures lock the account and say so', async () => {
    const u = await e.t.user({ username: 'e2e.locky', roles: ['analyst'] });
    const page = await openLogin(e);
    for (let i = 1; i <= 2; i++) {
      await submitLogin(page, u.username, `wrong-${i}`);
      await page.getByText('Wrong username or password.').waitFor();
    }
    await submitLogin(page, u.username, 'wrong-3');
    await page.getByText(/account is locked for 15 minutes/).waitFor();
    await submitLogin(page, u.username, u.password); // even the right password is refused now
    await page.getByText(/account is locked for \d+ minutes/).waitFor();
    assert.match(await alertText(page), /Too many failed attempts/);
  });

  test('second factor: enrol in the profile, then sign-in asks for the code', async () => {
    const u = await e.t.user({ username: 'e2e.mfa', roles: ['analyst'] });
    let page = await signIn(e, u.username, u.password);
    await navTo(page, 'Profile and security');
    await page.getByRole('button', { name: 'Set up second factor' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'profile-totp.png'), fullPage: true });
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    const enrolStep = totpStep(Date.now());
    await page.getByLabel('Authenticator code').fill(totpAt(secret, enrolStep));
    await page.getByRole('button', { name: 'Confirm and enable' }).click();
    await page.getByText('The second factor is enabled.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    page = await openLogin(e);
    await submitLogin(page, u.username, u.password);
    const code = page.getByLabel('Authenticator code');
    await code.waitFor();
    assert.equal(await code.evaluate((el) => el === document.activeElement), true, 'focus moves to the code field');
    // The server refuses a code from a step already used; the next step is accepted as clock drift.
    await code.fill(totpAt(secret, Math.max(totpStep(Date.now()), enrolStep + 1)));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  test('switching to Kazakh translates the UI and survives a reload', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    const nav = page.getByRole('navigation', { name: 'Негізгі навигация' });
    await nav.getByRole('link', { name: 'Заттай дәлелдемелер' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Шолу' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'kk');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Шолу' }).waitFor();
    await nav.getByRole('link', { name: 'Пайдаланушылар' }).waitFor();
    const me = await (await page.request.get(`${e.base}/api/auth/me`)).json();
    assert.equal(me.user.locale, 'kk', 'the choice is stored on the account');
    await page.screenshot({ path: join(SHOTS, 'home-kk.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'home-en.png'), fullPage: true });
  });

  test('admin creates a regional investigator (Almaty city) through the UI', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await navTo(page, 'Users');
    await page.getByRole('link', { name: 'New user' }).click();
    await page.getByLabel('Username').fill('almaty.inv');
    await page.getByLabel('Full name').fill('Aigerim Nurlanovna');
    await page.getByLabel('Initial password').fill('almaty-investigator-2026');
    await page.getByRole('checkbox', { name: /^Investigator/ }).check();
    await page.locator('input[name="region"][value="KZ-75"]').check();
    assert.equal(await page.getByRole('checkbox', { name: 'Almaty', exact: true }).isChecked(), true, 'KZ-75 is labelled with its English name');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('The user has been created.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'User almaty.inv' }).waitFor();
  });

  test('the regional user sees only Almaty evidence; other regions answer 404', async () => {
    const page = await signIn(e, 'almaty.inv', 'almaty-investigator-2026');
    await navTo(page, 'Evidence');
    await page.getByRole('link', { name: 'Heroin, 3 packets (Almaty)' }).waitFor();
    const regions = await page.locator('tbody tr[data-region]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
    assert.ok(regions.length >= 1);
    assert.deepEqual([...new Set(regions)], ['KZ-75']);
    assert.equal(await page.getByText('Cannabis, 2 kg (Astana)').count(), 0);
    const res = await page.request.get(`${e.base}/api/evidence/${ids.astana}`);
    assert.equal(res.status(), 404);
    assert.equal((await res.json()).error.code, 'record.not_found');
    await page.goto(`${e.base}/evidence/${ids.astana}`);
    await page.getByText('Record not found.').waitFor();
  });

  test('an auditor finds the admin\'s user.create in the audit log', async () => {
    const u = await e.t.user({ username: 'e2e.auditor', roles: ['auditor'] });
    const page = await signIn(e, u.username, u.password);
    await navTo(page, 'Audit log');
    await page.getByLabel('Action').fill('user.create');
    await page.getByRole('button', { name: 'Apply' }).click();
    const row = page.locator('tr[data-action="user.create"]').filter({ hasText: admin.username }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /Details/ }).click();
    await page.locator('.detail-row pre').filter({ hasText: 'almaty.inv' }).first().waitFor();
    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    assert.match(csv!, /^\/api\/audit\/export\.csv\?action=user\.create/);
    const res = await page.request.get(e.base + csv);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /user\.create/);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.locator('tr[data-action]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
  });

  test('the investigator registers an item and records its custody', async () => {
    const page = await signIn(e, 'almaty.inv', 'almaty-investigator-2026');
    await navTo(page, 'Evidence');
    await page.getByRole('link', { name: 'Register item' }).click();
    assert.equal(await page.getByLabel('Region').inputValue(), 'KZ-75', 'a single-region user gets their region preselected');
    await page.getByLabel('Case number').fill('261500031000777');
    await page.getByRole('textbox', { name: 'Item', exact: true }).fill('Mobile phone, Samsung (seized)');
    await page.getByLabel('Category').selectOption('device');
    await page.getByLabel('Storage place').fill('Room 3, shelf 1');
    await page.getByLabel('Seal number').fill('KZ-75-000912');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mobile phone, Samsung (seized)' }).waitFor();
    await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption('checked_out');
    await page.getByLabel('Hand over to').fill('Forensic expert Zhaksylykov');
    await page.getByLabel('Basis').fill('Forensic examination, order No. 123');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.getByText('The event has been recorded.').waitFor();
    await page.locator('.timeline li').nth(1).waitFor();
    assert.deepEqual(await page.locator('.timeline li strong').allTextContents(), ['Received for storage', 'Checked out']);
    assert.deepEqual(await page.getByRole('combobox', { name: 'Event', exact: true }).locator('option').allTextContents(), ['Returned', 'Transferred'], 'only actions valid from the new status');
    await page.screenshot({ path: join(SHOTS, 'evidence-detail.png'), fullPage: true });
  });

  test('admin issues an API token, sees it once, and revokes it', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await navTo(page, 'API tokens');
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('ERDR import');
    await page.getByRole('checkbox', { name: /^Analyst/ }).check();
    await page.getByRole('checkbox', { name: 'National (all regions)' }).check();
    await page.getByRole('button', { name: 'Issue token' }).click();
    const secret = await page.getByTestId('token-secret').inputValue();
    assert.match(secret, /^qk_/);
    const probe = await page.request.get(`${e.base}/api/dashboard`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(probe.status(), 200, 'the shown token works');
    await page.screenshot({ path: join(SHOTS, 'tokens.png'), fullPage: true });
    await page.getByRole('button', { name: 'I have saved the token' }).click();
    assert.equal(await page.getByTestId('token-secret').count(), 0, 'the secret is gone from the page');
    const row = page.locator('tr').filter({ hasText: 'ERDR import' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The token "ERDR import" has been revoked.').waitFor();
    const again = await page.request.get(`${e.base}/api/dashboard`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(again.status(), 401);
  });

  test('keyboard: the skip link reaches the main content; narrow screens get a menu button', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await page.reload(); // a fresh page load, focus at the top of the document
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the skip link is the first stop');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main navigation' }).isVisible(), false);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'home-mobile.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  test('untrusted text renders as text, never as markup', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await navTo(page, 'Evidence');
    await page.getByRole('link', { name: XSS }).waitFor();
    await page.getByRole('link', { name: XSS }).click();
    await page.getByRole('heading', { level: 1, name: XSS }).waitFor();
    await page.getByText('<script>window.__xss=2</script>').waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.screenshot({ path: join(SHOTS, 'evidence-xss.png'), fullPage: true });
    assert.deepEqual(e.problems, [], 'no page errors or CSP violations');
  });
});
