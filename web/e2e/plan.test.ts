import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { systemActor } from '../../src/platform/auth/actor.js';
import { createItem } from '../../src/modules/plan/items.service.js';
import { createPlan, getPlan } from '../../src/modules/plan/plans.service.js';
import { almatyDate } from '../../src/modules/plan/time.js';
import { navTo, SHOTS, signIn, skipReason, startE2E, type E2E } from './harness.js';

/** A regional HQ reports on its plan item in the browser; the national secretariat accepts it. */
describe('plan execution in Chromium', { skip: skipReason }, () => {
  let e: E2E;
  let sec: { username: string; password: string };
  let alm: { username: string; password: string };
  let itemId = '';

  before(async () => {
    e = await startE2E();
    sec = await e.t.user({ username: 'e2e.plan.sec', roles: ['regional_hq'] });
    alm = await e.t.user({ username: 'e2e.plan.alm', roles: ['regional_hq'], regions: ['KZ-75'] });
    const sys = systemActor('e2e-seed');
    const db = e.t.ctx.db;
    const plan = await createPlan(db, sys, { kind: 'regional', region: 'KZ-75', code: 'E2E-HQ-75', title: 'Almaty HQ plan (test)', periodStart: '2026-01-01', periodEnd: '2028-12-31' });
    await createPlan(db, sys, { kind: 'regional', region: 'KZ-71', code: 'E2E-HQ-71', title: 'Astana HQ plan (test)', periodStart: '2026-01-01', periodEnd: '2028-12-31' });
    const section = (await getPlan(db, sys, plan.id)).sections.find((s) => s.phase === 'implementation')!;
    const due = almatyDate(new Date(Date.now() + 10 * 86_400_000));
    itemId = (await createItem(db, sys, plan.id, {
      sectionId: section.id, number: '4.1', title: 'Paint over drug graffiti', responsible: 'Almaty police department', deadlines: [due],
      kpiName: 'Inscriptions removed', kpiUnit: 'pcs', kpiTarget: 100, strategies: ['physical_design'], reportingForm: 'Act with photos',
    })).id;
  });
  after(async () => { await e?.close(); });

  test('the regional HQ opens its plan and submits a report with a file', async () => {
    const page = await signIn(e, alm.username, alm.password);
    await navTo(page, 'Plan');
    await page.getByRole('heading', { level: 1, name: 'Plan execution control' }).waitFor();
    await page.getByRole('link', { name: 'Almaty HQ plan (test)' }).waitFor();
    assert.equal(await page.getByText('Astana HQ plan (test)').count(), 0, 'another region\'s plan is not listed');
    await page.getByRole('link', { name: 'Almaty HQ plan (test)' }).click();
    await page.getByRole('heading', { level: 2, name: 'Section 4. Implementation' }).waitFor();
    await page.getByRole('link', { name: 'Paint over drug graffiti' }).click();
    await page.getByRole('heading', { level: 1, name: '4.1. Paint over drug graffiti' }).waitFor();
    assert.equal(await page.getByTestId('item-status').locator('.badge').textContent(), 'Not started');
    await page.getByRole('textbox', { name: 'Report text' }).fill('42 inscriptions painted over in Almaly and Auezov districts.');
    await page.getByLabel('Indicator value: Inscriptions removed, pcs').fill('42');
    await page.getByLabel('Attachments').setInputFiles({ name: 'act.txt', mimeType: 'text/plain', buffer: Buffer.from('act of inspection') });
    await page.getByRole('checkbox', { name: 'The item is fully executed (final report)' }).check();
    await page.getByRole('button', { name: 'Submit report' }).click();
    await page.getByText('The report has been sent to the secretariat.').waitFor();
    await page.locator('[data-status="submitted"]').waitFor();
    await page.getByTestId('item-status').getByText('In progress').waitFor();
    await page.getByRole('link', { name: 'act.txt' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'plan-item-reported.png'), fullPage: true });
  });

  test('the secretariat accepts it from the queue; the item becomes done', async () => {
    const page = await signIn(e, sec.username, sec.password);
    await navTo(page, 'Plan');
    await page.getByRole('navigation', { name: 'Plan views' }).getByRole('link', { name: 'Secretariat queue' }).click();
    const card = page.locator('article').filter({ hasText: 'Paint over drug graffiti' });
    await card.getByText('42 inscriptions painted over').waitFor();
    await page.screenshot({ path: join(SHOTS, 'plan-queue.png'), fullPage: true });
    await card.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('The queue is empty.').waitFor();
    await page.goto(`${e.base}/plan/items/${itemId}`);
    await page.getByTestId('item-status').getByText('Done').waitFor();
    await page.locator('[data-status="accepted"]').getByText('Accepted').waitFor();
  });

  test('the executor is notified and the dashboard shows the plan', async () => {
    const page = await signIn(e, alm.username, alm.password);
    const bell = page.getByTestId('plan-bell');
    await bell.getByText('1').waitFor();
    assert.match((await bell.getAttribute('aria-label'))!, /unread: 1/);
    await bell.click();
    await page.getByRole('link', { name: /Your report on item 4\.1 «Paint over drug graffiti» was accepted\./ }).waitFor();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await bell.locator('.plan-bell-count').waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Plan views' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan execution dashboard' }).waitFor();
    await page.locator('.plan-chart svg').waitFor();
    await page.getByRole('rowheader', { name: '4. Implementation' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'plan-dashboard.png'), fullPage: true });
    assert.deepEqual(e.problems, [], 'no page errors or CSP violations');
  });
});
