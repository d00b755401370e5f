import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startTestApp, uniqueName, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { IMPORT_COLUMNS } from './import-template.js';
import { agent, expectGet, expectSend, HEADER, xlsxBase64 } from './testing.js';
import { planClock } from './time.js';

type A = Awaited<ReturnType<typeof agent>>;
const realNow = planClock.now;

for (const backend of testBackends()) {
  describe(`plan structure, import, statuses and region scope [${backend}]`, () => {
    let t: TestApp;
    let sec: A, alm: A, alm2: A, ast: A, inv: A, aud: A;
    let national: string, almatyPlan: string, astanaPlan: string;

    before(async () => {
      // A fixed "now" (1 June 2026, 11:00 Almaty) makes every status in this file deterministic.
      planClock.now = () => new Date('2026-06-01T06:00:00Z');
      t = await startTestApp(backend);
      sec = await agent(t, 'sec', ['regional_hq']);
      alm = await agent(t, 'alm', ['regional_hq'], ['KZ-75']);
      alm2 = await agent(t, 'almb', ['regional_hq'], ['KZ-75']);
      ast = await agent(t, 'ast', ['regional_hq'], ['KZ-71']);
      inv = await agent(t, 'inv', ['investigator']);
      aud = await agent(t, 'aud', ['auditor']);
    });
    after(async () => { planClock.now = realNow; await t?.close(); });

    test('the national secretariat creates the Plan; regional HQs create only their own region\'s plan, with the five CADCA steps', async () => {
      const body = { kind: 'national', code: `KP-${backend}`, title: 'Комплексный план 2026–2028', periodStart: '2026-01-01', periodEnd: '2028-12-31' };
      assert.equal((await alm.send('POST', '/api/plan/plans', body)).json().error.code, 'auth.region_forbidden');
      national = (await expectSend(sec, 'POST', '/api/plan/plans', body, 201)).plan.id;
      await expectSend(sec, 'POST', '/api/plan/plans', body, 409);
      const regional = (region: string) => ({ kind: 'regional', region, code: `HQ-${region}-${backend}`, title: `HQ ${region}`, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
      assert.equal((await alm.send('POST', '/api/plan/plans', regional('KZ-71'))).statusCode, 403);
      almatyPlan = (await expectSend(alm, 'POST', '/api/plan/plans', regional('KZ-75'), 201)).plan.id;
      astanaPlan = (await expectSend(ast, 'POST', '/api/plan/plans', regional('KZ-71'), 201)).plan.id;
      const detail = await expectGet(alm, `/api/plan/plans/${almatyPlan}`);
      assert.deepEqual(detail.sections.map((s: { phase: string }) => s.phase), ['assessment', 'capacity', 'planning', 'implementation', 'evaluation']);
      assert.equal(detail.plan.currentPhase, 'assessment');
    });

    test('an import with bad rows is rejected whole: row numbers and reasons, nothing written', async () => {
      const file = await xlsxBase64([
        HEADER,
        ['section', '1', 'Профилактика'],
        ['item', '1', 'Good row', 'МП', '', '2026-06-30'],
        ['item', '2', 'Bad date', 'МП', '', '31.13.2026'],
        ['subitem', '2.1', 'No responsible', '', '', '2026-06-30'],
        ['item', '3', 'Bad KPI', 'МВД', '', '2026-06-30', 'Охват', '%', 'много'],
        ['item', '1', 'Duplicate', 'МВД', '', '2026-06-30'],
        ['chapter', '9', 'Unknown level'],
        ['item', '4', 'Bad strategy', 'МВД', '', '2026-06-30', '', '', '', 'weekly', 'be_nice'],
      ]);
      const res = await sec.send('POST', `/api/plan/plans/${national}/import`, { filename: 'bad.xlsx', contentBase64: file });
      assert.equal(res.statusCode, 422);
      const { code, details } = res.json().error;
      assert.equal(code, 'plan.import_invalid');
      const got = (details as { row: number; column: string; reason: string }[]).map((d) => `${d.row}:${d.column}:${d.reason}`);
      assert.deepEqual(got, ['4:deadlines:invalid_date', '5:responsible:required', '6:kpi_target:invalid_number', '7:number:duplicate_number', '8:level:unknown_level',
        '9:periodicity:unknown_code', '9:strategies:unknown_code']);
      const plan = await expectGet(sec, `/api/plan/plans/${national}`);
      assert.equal(plan.sections.length + plan.items.length, 0, 'not even the good rows were written');
      const trail = (await expectGet(aud, `/api/audit?action=plan.import&entityId=${national}`)).rows;
      assert.equal(trail.length, 0);
      const junk = await sec.send('POST', `/api/plan/plans/${national}/import`, { contentBase64: Buffer.from('not a workbook').toString('base64') });
      assert.deepEqual(junk.json().error.details, [{ row: 0, reason: 'not_xlsx' }]);
    });

    test('a good import builds sections, items and sub-items; re-importing updates by number', async () => {
      const rows = [
        HEADER,
        ['section', '1', 'Профилактика'],
        ['item', '1', 'Кампания в школах', 'Минпросвещения (ОМ)', 'МВД; акиматы', '2026-06-30', 'Охват', '%', '90,5', 'annual', 'provide_information'],
        ['subitem', '1.1', 'Тренинги психологов', 'Минпросвещения (ОМ)', '', new Date(Date.UTC(2026, 5, 15))],
        ['item', '2', 'Тестирование', 'Минздрав (ДСМ)', '', '20.12.2026; 2026-06-30'],
        [],
        ['раздел', '2', 'Наркопреступность'],
        ['пункт', '3', 'Ликвидация нарколабораторий', 'МВД (ІІМ)', 'КНБ', '2026-05-31'],
      ];
      const res = await expectSend(sec, 'POST', `/api/plan/plans/${national}/import`, { filename: 'plan.xlsx', contentBase64: await xlsxBase64(rows) }, 200);
      assert.deepEqual(res, { rows: 6, sections: { created: 2, updated: 0 }, items: { created: 4, updated: 0 } });
      const plan = await expectGet(alm, `/api/plan/plans/${national}`);
      const by = Object.fromEntries(plan.items.map((i: { number: string }) => [i.number, i]));
      assert.equal(by['1.1'].parentId, by['1'].id);
      assert.deepEqual(by['1'].coExecutors, ['МВД', 'акиматы']);
      assert.equal(by['1'].kpiTarget, 90.5);
      assert.deepEqual(by['2'].deadlines, ['2026-06-30', '2026-12-20']);
      assert.equal(by['1.1'].deadlines[0], '2026-06-15', 'a date cell is read as the day typed');
      assert.equal(by['3'].status, 'overdue', 'deadline 31 May has passed on 1 June');
      rows[4] = ['item', '2', 'Тестирование (уточнено)', 'Минздрав (ДСМ)', '', '2026-12-20'];
      const again = await expectSend(sec, 'POST', `/api/plan/plans/${national}/import`, { contentBase64: await xlsxBase64([...rows, ['item', '4', 'Новый пункт', 'МВД (ІІМ)', '', '2026-09-30']]) }, 200);
      assert.deepEqual(again.items, { created: 1, updated: 4 });
      const trail = (await expectGet(aud, `/api/audit?action=plan.import&entityId=${national}`)).rows;
      assert.equal(trail.length, 2);
      // The re-import's audit row says what it changed: item 2's title and deadlines, nothing else.
      const changes = trail[0].summary.details.changes as { number: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
      assert.deepEqual(changes.map((c) => c.number), ['2']);
      assert.deepEqual(changes[0]!.before, { title: 'Тестирование', deadlines: ['2026-06-30', '2026-12-20'] });
      assert.deepEqual(changes[0]!.after, { title: 'Тестирование (уточнено)', deadlines: ['2026-12-20'] });
    });

    test('the template downloads with the import columns and a help sheet', async () => {
      const res = await sec.get('/api/plan/template.xlsx');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="plan-import-template\.xlsx"/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual((wb.getWorksheet('plan')!.getRow(1).values as unknown[]).slice(1), [...IMPORT_COLUMNS]);
      assert.ok(wb.getWorksheet('help'));
    });

    test('overdue is decided in Asia/Almaty days, around midnight, whatever zone the clock is read in', async () => {
      const item = (await expectSend(sec, 'POST', `/api/plan/plans/${national}/items`, {
        sectionId: (await expectGet(sec, `/api/plan/plans/${national}`)).sections[0].id, number: 'T1', title: 'Deadline test', responsible: 'МВД (ІІМ)', deadlines: ['2026-06-30'],
      }, 201)).item;
      const statusAt = async (iso: string) => { planClock.now = () => new Date(iso); return (await expectGet(alm, `/api/plan/items/${item.id}`)).item.status; };
      try {
        assert.equal(await statusAt('2026-06-30T18:59:59.999Z'), 'not_started', '23:59:59 in Almaty: still on time');
        assert.equal(await statusAt('2026-06-30T19:00:00.000Z'), 'overdue', '00:00 on 1 July in Almaty although UTC says 30 June');
        assert.equal(await statusAt('2026-06-30T23:59:00-00:00'), 'overdue');
        assert.equal(await statusAt('2026-06-30T23:59:59+05:00'), 'not_started', 'the same instant written with the Almaty offset');
      } finally {
        planClock.now = () => new Date('2026-06-01T06:00:00Z');
      }
    });

    test('a regional HQ reports with a file; the submitter cannot accept it, another secretary of the region does; the item is done', async () => {
      const plan = await expectGet(alm, `/api/plan/plans/${almatyPlan}`);
      const impl = plan.sections.find((s: { phase: string }) => s.phase === 'implementation').id;
      const item = (await expectSend(alm, 'POST', `/api/plan/plans/${almatyPlan}/items`, { sectionId: impl, number: '4.1', title: 'Наркограффити', responsible: 'ДП г. Алматы', deadlines: ['2026-06-30'], kpiName: 'Закрашено', kpiUnit: 'ед.', kpiTarget: 100, strategies: ['physical_design'] }, 201)).item;
      const bytes = Buffer.from('акт обследования, 42 надписи');
      const r = (await expectSend(alm, 'POST', `/api/plan/items/${item.id}/reports`, { text: 'Закрашено 42 надписи', kpiValue: 42, final: true, attachments: [{ filename: 'акт.txt', mime: 'text/plain', contentBase64: bytes.toString('base64') }] }, 201)).report;
      assert.equal(r.region, 'KZ-75');
      assert.equal(r.attachments[0].sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal((await alm.send('POST', `/api/plan/items/${item.id}/reports`, { text: 'again' })).json().error.code, 'plan.report_pending');
      assert.equal((await alm.send('POST', `/api/plan/reports/${r.id}/accept`, {})).json().error.code, 'plan.self_review');
      assert.equal((await expectGet(alm, `/api/plan/items/${item.id}`)).item.status, 'in_progress');
      const queue = (await expectGet(alm2, '/api/plan/reports')).reports;
      assert.ok(queue.some((q: { id: string }) => q.id === r.id));
      await expectSend(alm2, 'POST', `/api/plan/reports/${r.id}/accept`, { comment: 'Принято' }, 200);
      await expectSend(alm2, 'POST', `/api/plan/reports/${r.id}/accept`, {}, 409);
      const detail = await expectGet(alm, `/api/plan/items/${item.id}`);
      assert.deepEqual([detail.item.status, detail.item.kpiActual], ['done', 42]);
      const file = await alm.get(`/api/plan/attachments/${r.attachments[0].id}`);
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, bytes);
      assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''%D0%B0%D0%BA%D1%82\.txt/);
      assert.equal((await ast.get(`/api/plan/attachments/${r.attachments[0].id}`)).statusCode, 404);
      const notes = await expectGet(alm, '/api/plan/notifications');
      assert.ok(notes.items.some((n: { kind: string; itemId: string }) => n.kind === 'report_accepted' && n.itemId === item.id));

      // A report sent with an API token (a region's reporting system) can be decided too: the
      // token has no inbox, so nobody is notified, and the report does not get stuck.
      const admin = await agent(t, 'padm', ['admin']);
      const tok = await admin.send('POST', '/api/tokens', { name: uniqueName('hq-feed'), roles: ['regional_hq'], national: false, regions: ['KZ-75'] });
      assert.equal(tok.statusCode, 201, tok.body);
      const item2 = (await expectSend(alm, 'POST', `/api/plan/plans/${almatyPlan}/items`, { sectionId: impl, number: '4.2', title: 'Рейды', responsible: 'ДП г. Алматы', deadlines: ['2026-06-30'] }, 201)).item;
      const viaToken = await t.app.inject({ method: 'POST', url: `/api/plan/items/${item2.id}/reports`, headers: { authorization: `Bearer ${tok.json().token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'Проведено 3 рейда' }) });
      assert.equal(viaToken.statusCode, 201, viaToken.body);
      await expectSend(alm2, 'POST', `/api/plan/reports/${viaToken.json().report.id}/return`, { comment: 'Приложите акты' }, 200);
    });

    test('region scope: another region\'s plans, items and reports do not exist for a regional user; writes are refused', async () => {
      const plans = (await expectGet(ast, '/api/plan/plans')).plans as { id: string; region: string | null }[];
      assert.deepEqual(plans.map((p) => p.region).sort(), ['KZ-71', null].sort());
      assert.equal((await ast.get(`/api/plan/plans/${almatyPlan}`)).statusCode, 404);
      const almItem = (await expectGet(alm, `/api/plan/plans/${almatyPlan}`)).items[0];
      assert.equal((await ast.get(`/api/plan/items/${almItem.id}`)).statusCode, 404);
      assert.equal((await ast.send('POST', `/api/plan/items/${almItem.id}/reports`, { text: 'x' })).statusCode, 404);
      assert.equal((await ast.send('POST', `/api/plan/plans/${almatyPlan}/sections`, { number: '9', title: 'x' })).statusCode, 404);
      assert.equal((await ast.send('POST', `/api/plan/plans/${national}/sections`, { number: '9', title: 'x' })).json().error.code, 'auth.region_forbidden');
      assert.ok((await expectGet(ast, '/api/plan/reports?status=accepted')).reports.every((r: { region: string }) => r.region === 'KZ-71'));
      const dash = await expectGet(ast, '/api/plan/dashboard?by=region');
      assert.deepEqual(dash.rows.map((r: { key: string }) => r.key).sort(), ['KZ-71', 'national'].filter((k) => k !== 'KZ-71'));
      assert.equal((await ast.get(`/api/plan/export.csv?planId=${almatyPlan}`)).statusCode, 404);
      // Not assigned, national item: a regional HQ reads it but may not report on it.
      const natItem = (await expectGet(ast, `/api/plan/plans/${national}`)).items.find((i: { number: string }) => i.number === '3');
      assert.equal((await ast.send('POST', `/api/plan/items/${natItem.id}/reports`, { text: 'x' })).json().error.code, 'plan.not_executor');
      assert.equal((await sec.send('PUT', `/api/plan/items/${almItem.id}/executors`, { usernames: [ast.username] })).json().error.code, 'plan.executor_invalid');
      // Assigned to a national item, Astana reports for its region; Almaty does not see that report.
      await expectSend(sec, 'PUT', `/api/plan/items/${natItem.id}/executors`, { usernames: [ast.username, inv.username] }, 200);
      const rep = (await expectSend(ast, 'POST', `/api/plan/items/${natItem.id}/reports`, { text: 'Астана: 2 лаборатории', kpiValue: 2 }, 201)).report;
      assert.equal(rep.region, 'KZ-71');
      assert.equal((await alm.get(`/api/plan/items/${natItem.id}`)).json().reports.length, 0);
      assert.equal((await alm.send('POST', `/api/plan/reports/${rep.id}/accept`, {})).statusCode, 404);
      assert.equal((await expectGet(sec, `/api/plan/items/${natItem.id}`)).reports.length, 1);
    });

    test('returning needs a comment and tells the executor; the audit trail holds every step in its region', async () => {
      const natItem = (await expectGet(inv, `/api/plan/plans/${national}`)).items.find((i: { number: string }) => i.number === '3');
      const rep = (await expectSend(inv, 'POST', `/api/plan/items/${natItem.id}/reports`, { text: 'Сделано частично' }, 201)).report;
      assert.equal(rep.region, null);
      assert.equal((await alm.send('POST', `/api/plan/reports/${rep.id}/return`, { comment: 'нет' })).json().error.code, 'auth.region_forbidden');
      await expectSend(sec, 'POST', `/api/plan/reports/${rep.id}/return`, { comment: '' }, 400);
      await expectSend(sec, 'POST', `/api/plan/reports/${rep.id}/return`, { comment: 'Приложите акт' }, 200);
      assert.ok((await expectGet(inv, '/api/plan/notifications')).items.some((n: { kind: string; params: { comment: string } }) => n.kind === 'report_returned' && n.params.comment === 'Приложите акт'));
      const actions = (await expectGet(aud, '/api/audit?action=plan.&limit=500')).rows.map((r: { action: string; region: string | null }) => `${r.action}@${r.region}`);
      for (const a of ['plan.create@null', 'plan.create@KZ-75', 'plan.import@null', 'plan.item_create@KZ-75', 'plan.report_submit@KZ-75', 'plan.report_accept@KZ-75', 'plan.report_submit@KZ-71', 'plan.report_return@null', 'plan.executors_set@null']) {
        assert.ok(actions.includes(a), `audit has ${a}`);
      }
      const regional = await agent(t, 'raud', ['auditor'], ['KZ-71']);
      assert.ok((await expectGet(regional, '/api/audit?action=plan.')).rows.every((r: { region: string }) => r.region === 'KZ-71'));
    });

    test('dashboard by section, agency and region with the overdue list; CSV and XLSX exports', async () => {
      const bySection = await expectGet(sec, `/api/plan/dashboard?planId=${national}&by=section`);
      assert.equal(bySection.rows.length, 2);
      // Item 3 (due 31 May): Astana's report waits for review, so nationally it is in progress; Almaty
      // cannot see that report and sees only the returned national one, so for Almaty it is overdue.
      assert.ok(!bySection.overdue.some((o: { number: string }) => o.number === '3'));
      const almatyView = await expectGet(alm, `/api/plan/dashboard?planId=${national}`);
      assert.ok(almatyView.overdue.some((o: { number: string; overdueSince: string; daysOverdue: number }) => o.number === '3' && o.overdueSince === '2026-05-31' && o.daysOverdue === 1));
      const byAgency = await expectGet(sec, `/api/plan/dashboard?planId=${national}&by=agency`);
      assert.ok(byAgency.rows.some((r: { key: string; total: number }) => r.key === 'МВД (ІІМ)' && r.total >= 2));
      const byRegion = await expectGet(sec, '/api/plan/dashboard?by=region');
      assert.deepEqual(byRegion.rows.map((r: { key: string }) => r.key).sort(), ['KZ-75', 'national']);
      const csv = await sec.get(`/api/plan/export.csv?planId=${national}`, { 'x-qalqan-lang': 'en' });
      assert.equal(csv.statusCode, 200);
      assert.ok(csv.body.startsWith('\uFEFFPlan,Section,Number,Activity,'));
      assert.match(csv.body, /\r\n\S+,1,1\.1,Тренинги психологов,.*,Not started,/);
      const x = await sec.get(`/api/plan/export.xlsx?planId=${national}`, { 'x-qalqan-lang': 'ru' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      assert.equal(wb.getWorksheet('plan')!.getRow(1).getCell(1).value, 'План');
    });
  });
}
