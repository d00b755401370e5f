import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startJobs } from '../../src/app/runtime.js';
import { reviewStatus } from '../../src/modules/monitor/review/review.service.js';
import { shopOfItem } from '../../src/modules/monitor/shops/shops.service.js';
import { waitDetected } from '../../src/modules/monitor/testing.js';
import { startTestApp, type TestApp } from '../../src/platform/testing/app.js';
import { CHROMIUM, openLogin, SHOTS, skipReason, submitLogin } from './harness.js';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * Posts sharing a bot are ingested through the API → the review queue shows them → a reviewer
 * confirms both with the keyboard → the shop page lists both posts. XSS payloads in the text,
 * channel and URL stay text. The SPA is built into a private directory (QALQAN_WEB_DIR).
 */
describe('review queue and shops in Chromium', { skip: skipReason }, () => {
  let t: TestApp;
  let base: string;
  let ctx: BrowserContext;
  let page: Page;
  let webDir: string;
  const problems: string[] = [];

  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'qalqan-web-review-'));
    const { build } = await import('vite');
    await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
    t = await startTestApp('pglite', { QALQAN_WEB_DIR: webDir });
    await startJobs(t.ctx);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'qalqan-e2e-')), {
      executablePath: CHROMIUM, headless: true, locale: 'en-GB', viewport: { width: 1366, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    });
    ctx.setDefaultTimeout(20_000);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`); });
  });
  after(async () => {
    await ctx?.close().catch(() => undefined);
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('a reviewer confirms two posts of one shop with the keyboard; the shop page shows both; no payload executes', async () => {
    const a = await t.user({ username: 'e2e.feed', roles: ['analyst'] });
    const analyst = await t.login(a.username, a.password);
    const res = await analyst.send('POST', '/api/monitor/ingest', { source: 'e2e-review', items: [
      { text: `Меф, шишки — Алматы, клады 24/7. Бот @e2e_review_bot ${XSS}`, channel: `chan ${XSS}`, url: 'https://evil.example/"><svg onload=window.__xss=2>', external_id: 'r1', posted_at: '2026-02-01T10:00:00Z' },
      { text: 'Кристаллы, мука — Алматы, закладки. Заказ через @e2e_review_bot <script>window.__xss=3</script>', channel: 'second', external_id: 'r2', posted_at: '2026-02-02T10:00:00Z' },
    ] });
    assert.equal(res.statusCode, 200, res.body);
    const ids = res.json().ids as string[];
    await waitDetected(t.ctx.db, ids);
    const shop = await shopOfItem(t.ctx.db, ids[0]!);
    assert.ok(shop && shop === (await shopOfItem(t.ctx.db, ids[1]!)), 'both posts form one shop');

    const u = await t.user({ username: 'e2e.reviewer', roles: ['reviewer'] });
    await openLogin({ page, ctx, base } as never);
    await submitLogin(page, u.username, u.password);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Review queue', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    assert.match(await page.getByTestId('review-legend').textContent() ?? '', /c Confirm.*r Reject.*u Unsure.*n next undecided/);
    const item = page.getByTestId('review-item');
    await item.waitFor();
    // Newest first within the score band: the second post is shown first.
    assert.equal(await item.getAttribute('data-item-id'), ids[1]);
    const text = page.getByTestId('item-text');
    assert.match(await text.textContent() ?? '', /<script>window.__xss=3<\/script>/);
    assert.ok(await text.locator('mark').count() >= 2, 'evidence spans highlighted');
    assert.equal(await text.locator('script, img').count(), 0);

    await page.keyboard.press('j');
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-item"]')?.getAttribute('data-item-id') === id, ids[0]);
    assert.equal(await page.getByTestId('review-channel').textContent(), `chan ${XSS}`);
    assert.equal(await item.locator('img, svg').count(), 0);
    await page.keyboard.press('k');
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-item"]')?.getAttribute('data-item-id') === id, ids[1]);
    await page.keyboard.press('c');
    // After a decision the next undecided post comes up.
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-item"]')?.getAttribute('data-item-id') === id, ids[0]);
    await page.keyboard.press('c');
    await page.getByTestId('review-mine').filter({ hasText: 'Confirm' }).waitFor();
    const status = await reviewStatus(t.ctx.db, ids);
    assert.deepEqual([status.get(ids[0]!), status.get(ids[1]!)], ['confirmed', 'confirmed']);
    await page.screenshot({ path: join(SHOTS, 'review-queue.png'), fullPage: true }).catch(() => undefined);

    await page.getByTestId('review-shop').click();
    await page.getByRole('heading', { level: 1, name: /Shop/ }).waitFor();
    assert.equal(await page.getByTestId('shop-name').textContent(), '@e2e_review_bot');
    assert.equal(await page.getByTestId('shop-count').textContent(), '2');
    const rows = page.getByTestId('shop-items').locator('tbody tr');
    assert.equal(await rows.count(), 2);
    assert.deepEqual((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item-id')))).sort(), [...ids].sort());
    assert.equal(await page.getByTestId('shop-items').getByText('Confirm').count(), 2);
    assert.equal(await page.locator('main img, main script, main svg').count(), 0);
    await page.screenshot({ path: join(SHOTS, 'review-shop.png'), fullPage: true }).catch(() => undefined);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.deepEqual(problems, []);
  });
});
