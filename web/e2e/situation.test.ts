import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { systemActor } from '../../src/platform/auth/actor.js';
import { importValues } from '../../src/modules/situation/import.service.js';
import { listValues, reviewValues } from '../../src/modules/situation/values.service.js';
import { navTo, SHOTS, signIn, skipReason, startE2E, type E2E } from './harness.js';

const csv = (rows: string[]) => Buffer.from(['indicator,region,period,value,unit,source', ...rows].join('\r\n') + '\r\n');

/** Drug-situation module in Chromium: dashboard map, and a regional import refused then accepted. */
describe('drug situation in Chromium', { skip: skipReason }, () => {
  let e: E2E;
  let admin: { username: string; password: string };
  let regional: { username: string; password: string };

  before(async () => {
    e = await startE2E();
    admin = await e.t.user({ username: 'e2e.sit.admin', roles: ['admin'] });
    regional = await e.t.user({ username: 'e2e.sit.almaty', roles: ['regional_hq'], regions: ['KZ-75'] });
    // A few accepted figures so the map and comparison have colour.
    const sys = systemActor('e2e-seed');
    const rows = ['KZ-75', 'KZ-71', 'KZ-79', 'KZ-35', 'KZ-62'].map((r, i) => `crimes_total,${r},2025-Q4,${40 + i * 17},cases,ERDR`);
    await importValues(e.t.ctx.db, sys, { filename: 'seed.csv', content: csv(rows) });
    const ids = (await listValues(e.t.ctx.db, sys, { status: 'submitted' })).items.map((v) => v.id);
    await reviewValues(e.t.ctx.db, sys, { ids, decision: 'accept' });
  });
  after(async () => { await e?.close(); });

  test('the dashboard map shows all 20 regions', async () => {
    const page = await signIn(e, admin.username, admin.password);
    await navTo(page, 'Drug situation');
    await page.getByRole('heading', { level: 1, name: 'Drug situation monitoring' }).waitFor();
    await page.getByRole('heading', { name: 'Regions compared' }).waitFor();
    await page.locator('[data-region="KZ-75"]').waitFor();
    assert.equal(await page.locator('[data-region]').count(), 20);
    const almaty = await page.locator('[data-region="KZ-75"]').getAttribute('aria-label');
    assert.match(almaty!, /Almaty: 40/);
    await page.locator('[data-testid="compare-chart"] svg').waitFor();
    await page.locator('[data-region="KZ-62"]').click();
    await page.getByText('Selected region: Ulytau Region').waitFor();
    await page.screenshot({ path: join(SHOTS, 'situation-dashboard.png'), fullPage: true });
  });

  test('a regional user imports a file with an error, sees the row, then imports a good file and sees the values', async () => {
    const page = await signIn(e, regional.username, regional.password);
    await navTo(page, 'Drug situation');
    await page.getByRole('navigation', { name: 'Drug situation sections' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Template (XLSX, with explanations)' }).getAttribute('href'), '/api/situation/template?format=xlsx&lang=en');

    const file = page.getByLabel('File (XLSX or CSV, UTF-8)');
    await file.setInputFiles({ name: 'almaty-june.csv', mimeType: 'text/csv', buffer: csv(['crimes_297,KZ-75,2025-06,42,cases,ERDR', 'crimes_297,KZ-71,2025-06,9,cases,ERDR']) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const errors = page.getByTestId('row-errors');
    await errors.waitFor();
    const row = errors.locator('tr[data-row="3"]');
    assert.match((await row.textContent())!, /Region outside your access/);
    assert.match((await page.locator('[role="alert"]').first().textContent())!, /Nothing was imported/);
    await page.screenshot({ path: join(SHOTS, 'situation-import-errors.png'), fullPage: true });

    await file.setInputFiles({ name: 'almaty-june.csv', mimeType: 'text/csv', buffer: csv(['crimes_297,KZ-75,2025-06,42,cases,ERDR', 'seized_heroin_kg,KZ-75,2025-Q2,"1,75",kg,']) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/Imported 2 figures/).waitFor();
    assert.equal(await page.getByTestId('row-errors').count(), 0);
    const imported = page.getByTestId('imported-values');
    assert.match((await imported.textContent())!, /42/);
    assert.match((await imported.textContent())!, /1\.75/);

    await page.getByRole('navigation', { name: 'Drug situation sections' }).getByRole('link', { name: 'Enter data' }).click();
    const mine = page.getByTestId('my-values');
    await mine.waitFor();
    assert.match((await mine.textContent())!, /2025-06.*42.*Awaiting review/s);
    assert.deepEqual(e.problems, []);
  });
});
