import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';

const HEADER = ['indicator', 'region', 'period', 'value', 'unit', 'source'];
const csv = (rows: (string | number)[][], sep = ',') => [HEADER, ...rows].map((r) => r.join(sep)).join('\r\n') + '\r\n';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('notes').addRow(['ignored sheet']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One file with one problem per row (row 2 is good), as regional user of Almaty city (KZ-75). */
const BAD_ROWS: (string | number)[][] = [
  ['crimes_297', 'KZ-75', '2025-03', 12, 'cases', 'ERDR'],
  ['no_such_indicator', 'KZ-75', '2025-03', 1, 'cases', ''],
  ['seized_heroin_kg', 'KZ-75', '2025-03', 1.5, 'g', ''],
  ['crimes_296', 'KZ-71', '2025-03', 3, 'cases', ''],
  ['crimes_296', 'KZ-ALA', '2025-03', 3, 'cases', ''],
  ['crimes_296', 'KZ-75', 'March 2025', 3, 'cases', ''],
  ['euda_gps', 'KZ-75', '2025-03', 1.2, 'percent', ''],
  ['crimes_297', 'KZ-75', '2025-03', 13, 'cases', ''],
  ['crimes_298', 'KZ-75', '2025-03', 'abc', 'cases', ''],
  ['crimes_299', 'KZ-75', '2025-03', -1, 'cases', ''],
  ['crimes_300', 'KZ-75', '2025-03', 2.5, 'cases', ''],
  ['crimes_301', 'KZ-75', '2099-01', 1, 'cases', ''],
];
const EXPECTED = [
  { row: 3, code: 'indicator_unknown' }, { row: 4, code: 'unit_mismatch' }, { row: 5, code: 'region_out_of_scope' }, { row: 6, code: 'region_invalid' },
  { row: 7, code: 'period_invalid' }, { row: 8, code: 'period_granularity' }, { row: 9, code: 'duplicate_in_file' }, { row: 10, code: 'value_not_number' },
  { row: 11, code: 'value_negative' }, { row: 12, code: 'value_not_integer' }, { row: 13, code: 'period_future' },
];

for (const backend of testBackends()) {
  describe(`situation import [${backend}]`, () => {
    let t: TestApp;
    let regional: Agent;
    let reviewer: Agent;
    const count = async () => (await reviewer.get('/api/situation/values?region=KZ-75&limit=1')).json().total as number;

    before(async () => {
      t = await startTestApp(backend);
      const hq = await t.user({ username: uniqueName('hq75'), roles: ['regional_hq'], regions: ['KZ-75'] });
      regional = await t.login(hq.username, hq.password);
      const an = await t.user({ username: uniqueName('rev'), roles: ['analyst'] });
      reviewer = await t.login(an.username, an.password);
    });
    after(async () => { await t?.close(); });

    test('CSV with bad rows: refused whole, every problem with its row number, nothing written', async () => {
      const res = await regional.send('POST', '/api/situation/import', { filename: 'bad.csv', content: b64(csv(BAD_ROWS)) });
      assert.equal(res.statusCode, 422);
      const body = res.json().error;
      assert.equal(body.code, 'situation.import_rejected');
      assert.match(body.message, /11/);
      assert.deepEqual(body.details.errors.map((e: { row: number; code: string }) => ({ row: e.row, code: e.code })), EXPECTED);
      const dup = body.details.errors.find((e: { code: string }) => e.code === 'duplicate_in_file');
      assert.equal(dup.firstRow, 2);
      assert.equal(body.details.errors.find((e: { code: string }) => e.code === 'region_invalid').expected, 'KZ-75', 'a legacy code suggests the current one');
      assert.equal(body.details.errors.find((e: { code: string }) => e.code === 'unit_mismatch').expected, 'kg');
      assert.equal(await count(), 0);
    });

    test('XLSX built with exceljs: same checks, same row numbers, nothing written', async () => {
      const file = await xlsx(BAD_ROWS);
      const res = await regional.send('POST', '/api/situation/import', { filename: 'bad.xlsx', content: b64(file) });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().error.details.errors.map((e: { row: number; code: string }) => ({ row: e.row, code: e.code })), EXPECTED);
      assert.equal(await count(), 0);
    });

    test('a good file is written as submitted, one audit row per region; dry run writes nothing', async () => {
      const rows = [['crimes_297', 'KZ-75', '2025-03', 12, 'cases', 'ERDR'], ['seized_heroin_kg', 'KZ-75', '2025-Q1', '1,25', 'kg', ''], ['crimes_296', 'KZ-75', '2025', 40, 'cases', '']];
      const dry = await regional.send('POST', '/api/situation/import', { filename: 'ok.csv', content: b64(csv(rows, ';')), dryRun: true });
      assert.equal(dry.statusCode, 200);
      assert.equal(dry.json().rows, 3);
      assert.equal(await count(), 0);
      const res = await regional.send('POST', '/api/situation/import', { filename: 'ok.csv', content: b64(csv(rows, ';')) });
      assert.equal(res.statusCode, 200);
      assert.deepEqual({ rows: res.json().rows, inserted: res.json().inserted, replaced: res.json().replaced }, { rows: 3, inserted: 3, replaced: 0 });
      const stored = (await regional.get('/api/situation/values?region=KZ-75')).json().items as { indicatorCode: string; value: number; status: string; importFile: string }[];
      assert.equal(stored.find((v) => v.indicatorCode === 'seized_heroin_kg')!.value, 1.25);
      assert.ok(stored.every((v) => v.status === 'submitted' && v.importFile === 'ok.csv'));
      const admin = await t.user({ username: uniqueName('aud'), roles: ['auditor'], regions: ['KZ-75'] });
      const aud = await t.login(admin.username, admin.password);
      const trail = (await aud.get('/api/audit?action=situation.import')).json().rows as { region: string; summary: { details: { rows: number; file: string } } }[];
      assert.equal(trail.length, 1);
      assert.equal(trail[0]!.region, 'KZ-75');
      assert.equal(trail[0]!.summary.details.rows, 3);
    });

    test('re-submitting a submitted value replaces it; a duplicate of an accepted value is an error', async () => {
      const first = (await regional.get('/api/situation/values?indicator=crimes_297&period=2025-03')).json().items[0];
      const again = await regional.send('POST', '/api/situation/import', { filename: 'fix.csv', content: b64(csv([['crimes_297', 'KZ-75', '2025-03', 14, 'cases', '']])) });
      assert.equal(again.json().replaced, 1);
      const now = (await regional.get('/api/situation/values?indicator=crimes_297&period=2025-03')).json().items[0];
      assert.equal(now.value, 14);
      assert.equal(now.id, first.id, 'same row, replaced in place');
      // The replaced figure survives in the audit log, for the import and for the entry form alike.
      const auditor = await t.user({ username: uniqueName('aud'), roles: ['auditor'] });
      const aud = await t.login(auditor.username, auditor.password);
      const rows = (await aud.get('/api/audit?action=situation.import')).json().rows as { summary: { details: { file: string; values: { indicator: string; period: string; value: number; before?: number }[] } } }[];
      const fix = rows.find((r) => r.summary.details.file === 'fix.csv')!;
      assert.deepEqual(fix.summary.details.values, [{ indicator: 'crimes_297', period: '2025-03', value: 14, before: Number(first.value), beforeStatus: 'submitted' }]);
      const form = await regional.send('POST', '/api/situation/values', { indicator: 'crimes_297', region: 'KZ-75', period: '2025-03', value: 16 });
      assert.equal(form.statusCode, 201, form.body);
      const submit = (await aud.get(`/api/audit?action=situation.submit&entityId=${now.id}`)).json().rows[0];
      assert.equal(Number(submit.summary.before.value), 14);
      assert.equal(Number(submit.summary.after.value), 16);
      await regional.send('POST', '/api/situation/values', { indicator: 'crimes_297', region: 'KZ-75', period: '2025-03', value: 14 });
      assert.equal((await reviewer.send('POST', '/api/situation/review', { ids: [now.id], decision: 'accept' })).statusCode, 200);
      const before = await count();
      const refused = await regional.send('POST', '/api/situation/import', {
        filename: 'dup.csv', content: b64(csv([['crimes_297', 'KZ-75', '2025-03', 15, 'cases', ''], ['crimes_298', 'KZ-75', '2025-03', 1, 'cases', '']])),
      });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(refused.json().error.details.errors.map((e: { row: number; code: string }) => [e.row, e.code]), [[2, 'already_accepted']]);
      assert.equal(await count(), before, 'the good second row was not written either');
      assert.equal((await regional.get('/api/situation/values?indicator=crimes_297&period=2025-03')).json().items[0].value, 14);
    });

    test('unreadable files and limits give clear errors', async () => {
      const noUnit = await regional.send('POST', '/api/situation/import', { filename: 'x.csv', content: b64('indicator,region,period,value\ncrimes_297,KZ-75,2025-04,1\n') });
      assert.equal(noUnit.statusCode, 400);
      assert.deepEqual(noUnit.json().error.details, { reason: 'missing_columns', columns: ['unit'] });
      const latin1 = await regional.send('POST', '/api/situation/import', { filename: 'x.csv', content: b64(Buffer.from([0x69, 0x6e, 0xff, 0x0a])) });
      assert.equal(latin1.json().error.details.reason, 'encoding');
      const many = Array.from({ length: 5001 }, (_, i) => ['crimes_297', 'KZ-75', `20${10 + (i % 15)}`, i, 'cases', '']);
      const tooMany = await regional.send('POST', '/api/situation/import', { filename: 'big.csv', content: b64(csv(many)) });
      assert.equal(tooMany.statusCode, 413);
      assert.equal(tooMany.json().error.code, 'situation.import_too_large');
      assert.match(tooMany.json().error.message, /5000/);
      const huge = await regional.send('POST', '/api/situation/import', { filename: 'huge.csv', content: b64(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41)) });
      assert.equal(huge.statusCode, 413);
    });

    test('template: XLSX with explanation sheets in the user\'s language, and CSV; regional rows pre-filled', async () => {
      const res = await regional.get('/api/situation/template?format=xlsx&lang=kk');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="qalqan-situation-template-.*\.xlsx"/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['data', 'Көрсеткіштер', 'Өңірлер', 'Нұсқаулық']);
      const data = wb.worksheets[0]!;
      assert.deepEqual((data.getRow(1).values as unknown[]).slice(1), ['indicator', 'name', 'region', 'period', 'value', 'unit', 'source', 'note']);
      const heroin = data.getRows(2, data.rowCount - 1)!.find((r) => r.getCell(1).value === 'seized_heroin_kg')!;
      assert.deepEqual([heroin.getCell(2).value, heroin.getCell(3).value, heroin.getCell(6).value], ['Тәркіленді: героин', 'KZ-75', 'kg']);
      const csvRes = await regional.get('/api/situation/template?format=csv&lang=ru');
      assert.match(String(csvRes.headers['content-type']), /text\/csv/);
      assert.ok(csvRes.body.startsWith('\uFEFFindicator,name,region,period,value,unit,source,note\r\n'));
      assert.match(csvRes.body, /\r\ncrimes_297,"Ст\. 297 УК: /);
      // The unfilled template itself imports cleanly: rows without a value are skipped.
      const back = await regional.send('POST', '/api/situation/import', { filename: 't.xlsx', content: b64(res.rawPayload), dryRun: true });
      assert.equal(back.statusCode, 200);
      assert.equal(back.json().rows, 0);
      assert.equal(back.json().skipped, (await regional.get("/api/situation/indicators")).json().items.length);
      assert.equal((await reviewer.get('/api/situation/template')).statusCode, 200, 'analysts submit too');
      const aud = await t.user({ username: uniqueName('a'), roles: ['auditor'] });
      assert.equal((await (await t.login(aud.username, aud.password)).get('/api/situation/template')).statusCode, 403);
    });
  });
}
