import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { detectItems } from '../../src/modules/monitor/ingest.detect.js';
import { systemActor } from '../../src/platform/auth/actor.js';
import type { TestApp } from '../../src/platform/testing/app.js';
import { SHOTS, skipReason, submitLogin, startE2E, type E2E } from './harness.js';


const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * Blocking requests in the browser: an analyst creates requests from a confirmed item on its
 * page; the author is not offered approval; a second user (reviewer) approves; the letter
 * downloads as a PDF; an admin turns the auto-approve policy on and the banner appears.
 */
describe('blocking requests in Chromium', { skip: skipReason }, () => {
  let t: TestApp;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  let e2e: E2E;
  const problems: string[] = [];
  let itemId = '';

  before(async () => {
    e2e = await startE2E({ timeoutMs: 20_000, problems });
    ({ t, base, ctx, page } = e2e);
    for (const [username, roles] of [['e2e.rq.analyst', ['analyst']], ['e2e.rq.reviewer', ['reviewer']], ['e2e.rq.admin', ['admin']]] as const) {
      await t.user({ username, roles: [...roles], password: 'e2e-requests-password' });
    }
    const analyst = await t.login('e2e.rq.analyst', 'e2e-requests-password');
    const res = await analyst.send('POST', '/api/monitor/ingest', { source: 'e2e-requests', items: [
      { text: `Меф, шишки — Алматы, клады 24/7. Бот @e2e_rq_bot ${XSS}`, url: 'https://t.me/e2e_rq_chan/7', channel: `chan ${XSS}`, external_id: 'q1', posted_at: '2026-02-01T10:00:00Z' },
    ] });
    itemId = res.json().ids[0];
    await detectItems(t.ctx.db, systemActor('e2e'), [itemId]);
    const reviewer = await t.login('e2e.rq.reviewer', 'e2e-requests-password');
    assert.equal((await reviewer.send('POST', `/api/monitor/review/items/${itemId}`, { decision: 'confirmed' })).statusCode, 200);
  });
  after(async () => {
    await e2e?.close();
  });

  const signIn = async (username: string) => {
    await ctx.clearCookies();
    await page.goto(`${base}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await submitLogin(page, username, 'e2e-requests-password');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  };

  test('analyst creates, reviewer approves, the letter downloads; the policy banner shows when on; no payload executes', async () => {
    await signIn('e2e.rq.analyst');
    await page.goto(`${base}/monitor/items/${itemId}`);
    await page.getByRole('button', { name: 'Create blocking requests' }).click();
    const created = page.getByTestId('create-request').getByRole('status');
    await created.getByText('Drafts created: 1.').waitFor();
    await created.getByRole('link', { name: 'Telegram' }).click();
    await page.getByRole('heading', { level: 1, name: /Request № \d+/ }).waitFor();
    await page.getByTestId('request-entries').getByText('e2e_rq_bot', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Approve' }).count(), 0, 'the author is not offered approval');
    await page.getByText('another reviewer must approve it').waitFor();
    const url = page.url();

    await signIn('e2e.rq.reviewer');
    await page.goto(url);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Status changed: Approved.').waitFor();
    await page.getByTestId('request-history').getByText('Draft → Approved').waitFor();
    const href = await page.getByRole('link', { name: 'Letter (PDF, Kazakh)' }).getAttribute('href');
    const pdf = await page.request.get(`${base}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    await page.screenshot({ path: join(SHOTS, 'request-approved.png'), fullPage: true });

    await signIn('e2e.rq.admin');
    await page.goto(`${base}/monitor/requests`);
    await page.getByTestId('requests').getByText('Approved').waitFor();
    assert.equal(await page.getByTestId('policy-banner').count(), 0, 'no banner while every policy is off');
    await page.getByRole('link', { name: 'Auto-approve policy' }).click();
    const sale = page.getByTestId('policy-drug_sale');
    await sale.getByLabel('Approve automatically').check();
    await sale.getByLabel('Risk threshold (0.5–1)').fill('0.95');
    await sale.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('policy-banner').waitFor();
    await page.goto(`${base}/monitor/requests`);
    await page.getByTestId('policy-banner').getByText(/Auto-approve is ON/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'requests-list-policy.png'), fullPage: true });
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(problems, []);
  });
});
