import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seedRatingDemo } from '../../src/modules/rating/demo.js';
import { navTo, SHOTS, signIn, skipReason, startE2E, type E2E } from './harness.js';

/** Browser checks of the akimat rating against the real server (PGlite) with the demo ratings. */
describe('akimat rating in Chromium', { skip: skipReason }, () => {
  let e: E2E;

  before(async () => {
    e = await startE2E();
    await seedRatingDemo(e.t.ctx);
  });
  after(async () => { await e?.close(); });

  test('a regional user opens the published rating, sees why a region is 14th and downloads the PDF', async () => {
    const u = await e.t.user({ username: 'e2e.rating.hq', roles: ['regional_hq'], regions: ['KZ-35'] });
    const page = await signIn(e, u.username, u.password);
    await navTo(page, 'Akimat rating');
    await page.getByRole('heading', { level: 1, name: 'Akimat rating' }).waitFor();
    await page.getByRole('link', { name: 'Rating 2025' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rating 2025' }).waitFor();

    const rows = page.getByRole('region', { name: 'Ranking' }).locator('tbody tr');
    assert.equal(await rows.count(), 20);
    const fourteenth = rows.nth(13);
    assert.equal((await fourteenth.locator('td').first().textContent())?.trim(), '14');
    const region = (await fourteenth.getByRole('button').textContent())!.trim();
    await fourteenth.getByRole('button').click();

    const why = page.getByTestId('why-panel');
    await why.getByRole('heading', { name: `Why is ${region} ranked 14?` }).waitFor();
    await why.getByText('Rank 14 of 20').waitFor();
    await why.locator('.rt-chart svg').waitFor(); // the echarts contribution bars
    assert.equal(await why.locator('tbody tr').count(), 7, 'one line per indicator of the methodology');
    assert.match(page.url(), /\?region=KZ-\d\d$/);

    await page.getByRole('button', { name: 'Verify: recompute from stored inputs' }).click();
    await page.getByTestId('verify-result').getByText('Reproduced').waitFor();
    await page.screenshot({ path: join(SHOTS, 'rating-why.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF · Русский' }).click()]);
    assert.equal(download.suggestedFilename(), 'rating-2025-ru.pdf');
    const file = join(SHOTS, 'rating-2025-ru.pdf');
    await download.saveAs(file);
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(statSync(file).size > 20_000);
    // Drafts are for national staff only: a regional user has no workflow buttons.
    assert.equal(await page.getByRole('button', { name: 'Approve' }).count(), 0);
    assert.deepEqual(e.problems, [], 'no page errors or CSP violations');
  });

  test('an analyst derives a new methodology version in the editor; the old one stays in force', async () => {
    const u = await e.t.user({ username: 'e2e.rating.analyst', roles: ['analyst'] });
    const page = await signIn(e, u.username, u.password);
    await navTo(page, 'Akimat rating');
    await page.getByRole('link', { name: 'Methodologies' }).click();
    await page.getByRole('link', { name: /Anti-drug work of akimats/ }).first().click();
    await page.getByRole('link', { name: 'New version from this one' }).click();
    await page.getByRole('heading', { level: 1, name: 'New methodology version' }).waitFor();
    assert.equal(await page.getByLabel(/^Version/).inputValue(), '2024.2');
    const first = page.getByRole('group', { name: /Indicator 1/ });
    await first.getByLabel('Weight').fill('');
    await page.getByText('Fix before saving:').waitFor(); // the engine's schema runs in the browser too
    await first.getByLabel('Weight').fill('3');
    await page.getByText('The methodology is valid.').waitFor();
    await page.getByRole('button', { name: 'Create version' }).click();
    await page.getByRole('heading', { level: 1, name: /2024\.2/ }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByRole('link', { name: '← All methodologies' }).click();
    await page.getByRole('cell', { name: 'In force' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'rating-methodologies.png'), fullPage: true });
    assert.deepEqual(e.problems, [], 'no page errors or CSP violations');
  });
});
