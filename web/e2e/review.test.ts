import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { reviewStatus } from '../../src/modules/monitor/review/review.service.js';
import { shopOfItem } from '../../src/modules/monitor/shops/shops.service.js';
import { waitDetected } from '../../src/modules/monitor/testing.js';
import type { TestApp } from '../../src/platform/testing/app.js';
import { openLogin, SHOTS, skipReason, submitLogin, startE2E, type E2E } from './harness.js';


const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * Posts sharing a bot are ingested through the API → the review queue shows them → a reviewer
 * confirms both with the keyboard → the shop page lists both posts. XSS payloads in the text,
 * channel and URL stay text.
 */
describe('review queue and shops in Chromium', { skip: skipReason }, () => {
  let t: TestApp;
  let page: Page;
  let e2e: E2E;
  const problems: string[] = [];

  before(async () => {
    e2e = await startE2E({ jobs: true, timeoutMs: 20_000, problems });
    ({ t, page } = e2e);
  });
  after(async () => {
    await e2e?.close();
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
    await openLogin(e2e);
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
