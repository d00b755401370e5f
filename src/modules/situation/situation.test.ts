import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const importCsv = (a: Agent, lines: string[]) =>
  a.send('POST', '/api/situation/import', { filename: 'x.csv', content: b64(['indicator,region,period,value,unit', ...lines].join('\n')) });

// Ulytau (KZ-62), 220,000 people in 2024 and 2025 (data/population.json). Eight quarters of baseline:
// median 11.5, MAD 0.5 → 1.4826 × 0.5 = 0.7413, below the Poisson floor for counts √11.5 = 3.3912;
// then 22 in 2025-Q1: z = 10.5 / 3.3912 = 3.096 (> 3, flagged), rate 22 / 220,000 × 100,000 = 10.
const BASELINE: [string, number][] = [['2023-Q1', 10], ['2023-Q2', 12], ['2023-Q3', 11], ['2023-Q4', 13], ['2024-Q1', 12], ['2024-Q2', 11], ['2024-Q3', 10], ['2024-Q4', 12]];

for (const backend of testBackends()) {
  describe(`situation monitoring: scope, review, dashboards [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent;
    let analyst: Agent;
    let almaty: Agent;
    let astanaAnalyst: Agent;
    let auditor: Agent;

    before(async () => {
      t = await startTestApp(backend);
      const login = async (roles: string[], regions?: string[]) => {
        const u = await t.user({ username: uniqueName(roles[0]!), roles, regions });
        return t.login(u.username, u.password);
      };
      admin = await login(['admin']);
      analyst = await login(['analyst']);
      almaty = await login(['regional_hq'], ['KZ-75']);
      astanaAnalyst = await login(['analyst'], ['KZ-71']);
      auditor = await login(['auditor']);
      const lines = [...BASELINE.map(([p, v]) => `crimes_296,KZ-62,${p},${v},cases`), 'crimes_296,KZ-62,2025-Q1,22,cases', 'crimes_296,KZ-71,2025-Q1,30,cases'];
      assert.equal((await importCsv(admin, lines)).statusCode, 200);
      const ids = (await analyst.get('/api/situation/values?indicator=crimes_296&status=submitted')).json().items.map((v: { id: string }) => v.id);
      assert.equal((await analyst.send('POST', '/api/situation/review', { ids, decision: 'accept' })).statusCode, 200);
    });
    after(async () => { await t?.close(); });

    test('a regional user neither reads nor writes other regions', async () => {
      const form = { indicator: 'crimes_297', region: 'KZ-75', period: '2025-06', value: 7 };
      assert.equal((await almaty.send('POST', '/api/situation/values', form)).statusCode, 201);
      const other = await almaty.send('POST', '/api/situation/values', { ...form, region: 'KZ-71' });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'auth.region_forbidden');
      const mine = (await almaty.get('/api/situation/values')).json();
      assert.ok(mine.items.length >= 1 && mine.items.every((v: { region: string }) => v.region === 'KZ-75'));
      assert.deepEqual((await almaty.get('/api/situation/values?region=KZ-62')).json().items, []);
      const view = (await almaty.get('/api/situation/view?indicator=crimes_296&period=2025-Q1')).json();
      assert.deepEqual(view.rows.map((r: { region: string }) => r.region), ['KZ-75']);
      const trend = (await almaty.get('/api/situation/trend?indicator=crimes_296&from=2023-Q1&to=2025-Q1&regions=KZ-62')).json();
      assert.deepEqual(trend.series, []);
      const anomalies = (await almaty.get('/api/situation/anomalies?period=2025-Q1')).json();
      assert.deepEqual(anomalies.rows, []);
      const csv = await almaty.get('/api/situation/export?view=map&indicator=crimes_296&period=2025-Q1&lang=en');
      assert.ok(!csv.body.includes('KZ-62') && !csv.body.includes('KZ-71'));
      assert.equal((await auditor.send('POST', '/api/situation/values', form)).statusCode, 403, 'auditors only read');
    });

    test('review: national scope only, never one\'s own submission, every decision audited', async () => {
      const sub = (await almaty.send('POST', '/api/situation/values', { indicator: 'sales_facts', region: 'KZ-75', period: '2025-05', value: 4, note: 'operation' })).json().item;
      assert.equal(sub.status, 'submitted');
      const regionalTry = await astanaAnalyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'accept' });
      assert.equal(regionalTry.json().error.code, 'situation.national_review');
      assert.equal((await almaty.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'accept' })).statusCode, 403, 'regional HQ has no accept permission');
      const own = (await analyst.send('POST', '/api/situation/values', { indicator: 'sales_facts', region: 'KZ-71', period: '2025-05', value: 2 })).json().item;
      const ownTry = await analyst.send('POST', '/api/situation/review', { ids: [own.id], decision: 'accept' });
      assert.equal(ownTry.json().error.code, 'situation.own_submission');
      assert.equal((await analyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'return' })).statusCode, 400, 'returning needs a comment');

      const ok = await analyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'accept' });
      assert.equal(ok.json().items[0].status, 'accepted');
      assert.equal((await analyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'accept' })).json().error.code, 'record.invalid_state');
      const edit = await almaty.send('POST', '/api/situation/values', { indicator: 'sales_facts', region: 'KZ-75', period: '2025-05', value: 5 });
      assert.equal(edit.json().error.code, 'situation.already_accepted');

      const back = await analyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'return', comment: 'Check against ERDR: 5 facts?' });
      assert.equal(back.json().items[0].status, 'returned');
      assert.equal(back.json().items[0].reviewComment, 'Check against ERDR: 5 facts?');
      const again = (await almaty.send('POST', '/api/situation/values', { indicator: 'sales_facts', region: 'KZ-75', period: '2025-05', value: 5 })).json().item;
      assert.deepEqual([again.id, again.status, again.value, again.reviewComment], [sub.id, 'submitted', 5, '']);
      // The reviewer's page showed the first submission: accepting it now, after the re-submission, is refused.
      const stale = await analyst.send('POST', '/api/situation/review', { ids: [sub.id], decision: 'accept', seen: { [sub.id]: sub.submittedAt } });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal((await almaty.get('/api/situation/values?indicator=sales_facts&period=2025-05')).json().items[0].status, 'submitted');

      const trail = (await auditor.get(`/api/audit?entityId=${sub.id}`)).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['situation.submit', 'situation.return', 'situation.accept', 'situation.submit']);
      const reg = await t.user({ username: uniqueName('raud'), roles: ['auditor'], regions: ['KZ-71'] });
      const regionalAuditor = await t.login(reg.username, reg.password);
      assert.deepEqual((await regionalAuditor.get(`/api/audit?entityId=${sub.id}`)).json().rows, [], 'Almaty\'s trail is not visible to Astana');
    });

    test('per 100,000 and anomaly against the region\'s own history (hand-computed)', async () => {
      const view = (await analyst.get('/api/situation/view?indicator=crimes_296&period=2025-Q1')).json();
      assert.equal(view.rows.length, 20);
      const u = view.rows.find((r: { region: string }) => r.region === 'KZ-62');
      assert.deepEqual([u.value, u.population, u.populationYear, u.rate], [22, 220_000, 2025, 10]);
      assert.deepEqual(u.anomaly.baseline, BASELINE.map(([, v]) => v));
      assert.equal(u.anomaly.median, 11.5);
      assert.equal(u.anomaly.mad, 0.5);
      assert.ok(Math.abs(u.anomaly.scale - 3.3912) < 1e-3, String(u.anomaly.scale));
      assert.ok(Math.abs(u.anomaly.z - 3.0963) < 1e-3, String(u.anomaly.z));
      assert.deepEqual([u.anomaly.flagged, u.anomaly.direction], [true, 'up']);
      const astana = view.rows.find((r: { region: string }) => r.region === 'KZ-71');
      assert.deepEqual([astana.value, astana.rate, astana.anomaly], [30, 2, null], 'Astana: 30 / 1,500,000; no history, no score');
      assert.equal(view.total.value, null, 'other regions have no value: no national sum');

      // A year is the sum of its quarters: 12 + 11 + 10 + 12 = 45 → 45 / 220,000 × 100,000 = 20.4545…
      const year = (await analyst.get('/api/situation/view?indicator=crimes_296&period=2024')).json().rows.find((r: { region: string }) => r.region === 'KZ-62');
      assert.equal(year.value, 45);
      assert.ok(Math.abs(year.rate - 20.4545) < 1e-3);

      const list = (await analyst.get('/api/situation/anomalies?period=2025-Q1')).json().rows;
      assert.deepEqual(list.map((r: { indicator: string; region: string }) => `${r.indicator}@${r.region}`), ['crimes_296@KZ-62']);
      const trend = (await analyst.get('/api/situation/trend?indicator=crimes_296&from=2024-Q3&to=2025-Q1&regions=KZ-62')).json();
      assert.deepEqual(trend.periods, ['2024-Q3', '2024-Q4', '2025-Q1']);
      assert.deepEqual(trend.series[0].values, [10, 12, 22]);
      assert.deepEqual(trend.series[0].rates.map((x: number) => Math.round(x * 1000) / 1000), [4.545, 5.455, 10]);
    });

    test('submitted figures stay out of the dashboards unless asked for', async () => {
      assert.equal((await importCsv(almaty, ['crimes_296,KZ-75,2025-Q2,9,cases'])).statusCode, 200);
      const row = async (q: string) => (await analyst.get(`/api/situation/view?indicator=crimes_296&period=2025-Q2${q}`)).json().rows.find((r: { region: string }) => r.region === 'KZ-75');
      assert.equal((await row('')).value, null);
      assert.equal((await row('&includeSubmitted=true')).value, 9);
    });

    test('export of the current view: CSV and XLSX with headings in the user\'s language', async () => {
      const csv = await analyst.get('/api/situation/export?view=map&indicator=crimes_296&period=2025-Q1&format=csv&lang=en');
      assert.match(String(csv.headers['content-disposition']), /filename="qalqan-situation-crimes_296-2025-Q1\.csv"/);
      const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(lines[0], 'Region code,Region,Indicator,Period,Value,Unit,Population,Population year,"Per 100,000",Baseline median,Baseline MAD,Robust z,Anomaly');
      assert.equal(lines.find((l) => l.startsWith('KZ-62,')), 'KZ-62,Ulytau Region,crimes_296,2025-Q1,22,cases,220000,2025,10,11.5,0.5,3.096,yes');
      const x = await analyst.get('/api/situation/export?view=trend&indicator=crimes_296&from=2024-Q3&to=2025-Q1&regions=KZ-62&perCapita=true&format=xlsx&lang=ru');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Период', 'KZ-62 область Ұлытау', 'Итого (регионы в доступе)']);
      assert.deepEqual((ws.getRow(4).values as unknown[]).slice(1, 3), ['2025-Q1', 10]);
      assert.equal((await analyst.get('/api/situation/export?view=map&indicator=crimes_296')).statusCode, 400);
    });

    test('catalogue: admins add and edit (audited); others cannot; meaning-changing edits refused once values exist', async () => {
      const def = {
        code: 'naloxone_kits', category: 'health', names: { kk: 'Таратылған налоксон жиынтықтары', ru: 'Выдано наборов налоксона', en: 'Naloxone kits distributed' },
        unit: 'count', polarity: 'higher_better', perCapita: true, aggregation: 'sum', periods: ['quarter', 'year'], source: { kk: 'ДСМ', ru: 'МЗ', en: 'MoH' },
      };
      assert.equal((await analyst.send('POST', '/api/situation/indicators', def)).statusCode, 403);
      const created = await admin.send('POST', '/api/situation/indicators', def);
      assert.equal(created.statusCode, 201);
      assert.equal((await admin.send('POST', '/api/situation/indicators', def)).json().error.code, 'record.conflict');
      const renamed = await admin.send('PATCH', '/api/situation/indicators/naloxone_kits', { names: { ...def.names, en: 'Take-home naloxone kits' } });
      assert.equal(renamed.json().item.names.en, 'Take-home naloxone kits');
      assert.equal((await importCsv(almaty, ['naloxone_kits,KZ-75,2025-Q1,120,count'])).statusCode, 200);
      assert.equal((await importCsv(almaty, ['naloxone_kits,KZ-75,2025-03,10,count'])).json().error.details.errors[0].code, 'period_granularity');
      const unit = await admin.send('PATCH', '/api/situation/indicators/naloxone_kits', { unit: 'persons' });
      assert.equal(unit.json().error.code, 'record.invalid_state');
      assert.equal((await admin.send('PATCH', '/api/situation/indicators/naloxone_kits', { active: false })).statusCode, 200);
      assert.equal((await importCsv(almaty, ['naloxone_kits,KZ-75,2025-Q2,1,count'])).json().error.details.errors[0].code, 'indicator_inactive');
      const trail = (await auditor.get('/api/audit?entityId=naloxone_kits')).json().rows.map((r: { action: string }) => r.action);
      assert.deepEqual(trail, ['situation.indicator_update', 'situation.indicator_update', 'situation.indicator_create']);
      const cat = (await auditor.get('/api/situation/indicators')).json();
      assert.ok(!cat.items.some((i: { code: string }) => i.code === 'naloxone_kits'), 'inactive hidden by default');
      assert.equal(cat.units.kg.kk, 'кг');
    });

    test('the home dashboard has a situation card', async () => {
      const card = (await almaty.get('/api/dashboard')).json().cards.situation;
      assert.ok(card.indicators >= 40);
      assert.ok(card.values.submitted >= 1);
    });
  });
}
