import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { TestApp } from '../../src/platform/testing/app.js';
import { openLogin, SHOTS, skipReason, submitLogin, startE2E, type E2E } from './harness.js';


const FIXTURE = fileURLToPath(new URL('../../src/modules/monitor/import/fixtures/telegram-single.json', import.meta.url));

/**
 * Import a Telegram export through the UI → items flagged → open one: evidence spans highlighted,
 * and an `<img onerror>` inside the post stays text. Workers run in
 * process (startE2E with jobs).
 */
describe('cyber-supervision in Chromium', { skip: skipReason }, () => {
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

  test('an analyst imports a Telegram export, sees flagged items and the evidence of one', async () => {
    const u = await t.user({ username: 'e2e.monitor', roles: ['analyst'] });
    await openLogin(e2e);
    await submitLogin(page, u.username, u.password);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cyber-supervision', exact: true }).click();
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles(FIXTURE);
    await page.getByRole('textbox', { name: /^Source/ }).fill('e2e-telegram');
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    assert.match(await page.getByTestId('import-counts').textContent() ?? '', /Accepted 3, duplicates 0, rejected 0, without text 2/);
    await page.getByRole('link', { name: 'Show flagged items from this source' }).click();
    // Detection runs in the background: reload until both flagged posts are listed.
    const rows = page.locator('tbody tr[data-label="drug_sale"]');
    for (let i = 0; i < 40 && (await rows.count()) < 2; i++) { await page.waitForTimeout(500); await page.reload(); }
    assert.equal(await rows.count(), 2);
    // Filters go through the URL: a label none of the fixture's posts has empties the list (the
    // source filter from the link stays), Reset clears every filter and shows them again.
    await page.getByLabel('Label', { exact: true }).selectOption('courier_recruitment');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/label=courier_recruitment/);
    assert.match(page.url(), /source=e2e-telegram/);
    await rows.first().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/monitor' && u.search === '');
    await rows.nth(1).waitFor();
    assert.equal(await page.getByLabel('Label', { exact: true }).inputValue(), '');
    await page.locator('tbody tr').filter({ hasText: 'onerror' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Monitored item/ }).waitFor();
    const text = page.getByTestId('item-text');
    await text.waitFor();
    // The payload is shown as characters, and no <img> exists inside the post.
    assert.match(await text.textContent() ?? '', /<img src=x onerror="window.__xss=1">/);
    assert.equal(await text.locator('img').count(), 0);
    assert.ok(await text.locator('mark').count() >= 2, 'evidence spans highlighted');
    assert.equal(await text.locator('mark[data-kind="term"]').first().textContent(), 'Меф');
    assert.ok((await page.getByTestId('indicators').textContent())?.includes('tg_fixture_hidden_bot'));
    await page.screenshot({ path: join(SHOTS, 'monitor-item.png'), fullPage: true }).catch(() => undefined);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
    assert.deepEqual(problems, []);
  });
});
