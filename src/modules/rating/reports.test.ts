import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../platform/testing/app.js';
import { testBackends } from '../../platform/testing/db.js';
import { computeRating, parseValuesCsv } from './engine/index.js';
import { seedRatingDemo } from './demo.js';

/** poppler-utils binaries, when installed (they are in the dev image; skip with a reason otherwise). */
const tool = (name: string): string | null => ['/usr/bin', '/usr/local/bin'].map((d) => join(d, name)).find((p) => existsSync(p)) ?? null;
const PDFTOPPM = tool('pdftoppm');
const PDFTOTEXT = tool('pdftotext');

for (const backend of testBackends()) {
  describe(`rating reports and demo data [${backend}]`, () => {
    let t: TestApp;
    let admin: Agent;
    let regional: Agent;
    let r2025: { id: string; inputHash: string; rated: number };
    const dir = mkdtempSync(join(tmpdir(), 'qalqan-rating-'));

    before(async () => {
      t = await startTestApp(backend);
      await seedRatingDemo(t.ctx);
      await seedRatingDemo(t.ctx); // idempotent
      const a = await t.user({ username: uniqueName('rpa'), roles: ['admin'] });
      admin = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('rpr'), roles: ['regional_hq'], regions: ['KZ-11'] });
      regional = await t.login(r.username, r.password);
      const list = (await admin.get('/api/rating/ratings')).json().items;
      r2025 = list.find((x: { period: string }) => x.period === '2025');
    });
    after(async () => { await t?.close(); rmSync(dir, { recursive: true, force: true }); });

    test('demo: published 2024 and 2025 ratings, 2025 compared with 2024, marked synthetic', async () => {
      const list = (await admin.get('/api/rating/ratings')).json().items as { period: string; status: string; previousPeriod: string | null; methodologyName: string }[];
      assert.deepEqual(list.map((r) => [r.period, r.status, r.previousPeriod]), [['2025', 'published', '2024'], ['2024', 'published', null]]);
      assert.ok(list.every((r) => r.methodologyName.startsWith('[SYNTHETIC DEMO]')));
      const { rating } = (await regional.get(`/api/rating/ratings/${r2025.id}`)).json();
      assert.equal(rating.result.rows.length, 20);
      assert.ok(rating.result.rows.some((r: { change: number | null }) => r.change !== 0 && r.change !== null));
      assert.deepEqual(rating.result.rows.find((r: { region: string }) => r.region === 'KZ-62').missing, ['prevention_reach']);
      assert.match(rating.inputNote, /SYNTHETIC/);
      assert.equal((await admin.get(`/api/rating/ratings/${r2025.id}/verify`)).json().ok, true);
    });

    for (const lang of ['kk', 'ru'] as const) {
      test(`PDF in ${lang} opens and its first page renders`, async (ctx) => {
        const res = await regional.get(`/api/rating/ratings/${r2025.id}/report.pdf?lang=${lang}`);
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /application\/pdf/);
        assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="rating-2025-${lang}\\.pdf"`));
        const pdf = res.rawPayload;
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const file = join(dir, `r-${lang}.pdf`);
        writeFileSync(file, pdf);
        if (PDFTOTEXT) {
          const raw = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
          const text = raw.replace(/\s+/g, ' ');
          assert.match(text, lang === 'kk' ? /Әкімдіктердің есірткіге қарсы жұмысының рейтингі/ : /Рейтинг антинаркотической работы акиматов/);
          assert.match(text, lang === 'kk' ? /Қарағанды облысы|Ұлытау облысы|Астана/ : /Карагандинская область|город Астана/);
          assert.ok(text.includes(r2025.inputHash), 'footer carries the input hash');
          // Every page has content: no blank pages added by a footer written below the margin.
          for (const page of raw.split('\f').filter((p) => p.trim())) assert.ok(page.trim().split('\n').length > 3);
        }
        if (!PDFTOPPM) return ctx.skip('pdftoppm not installed (apt-get install poppler-utils): page rendering not checked');
        execFileSync(PDFTOPPM, ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, `page-${lang}`)]);
        const png = readdirSync(dir).find((f) => f.startsWith(`page-${lang}`) && f.endsWith('.png'));
        assert.ok(png, 'pdftoppm wrote a PNG');
        assert.ok(statSync(join(dir, png)).size > 10_000, 'the first page is not blank');
      });
    }

    test('XLSX has the ranking, contributions, sensitivity, inputs and methodology sheets', async () => {
      const res = await admin.get(`/api/rating/ratings/${r2025.id}/report.xlsx?lang=ru`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Рейтинг', 'Вклады', 'Чувствительность', 'Входные данные', 'Методика']);
      const ranking = wb.getWorksheet('Рейтинг')!;
      assert.deepEqual((ranking.getRow(2).values as unknown[]).slice(1, 3), [1, (await admin.get(`/api/rating/ratings/${r2025.id}`)).json().rating.result.rows[0].region]);
      const contrib = wb.getWorksheet('Вклады')!;
      assert.equal(contrib.getRow(1).getCell(5).value, 'Registered users in treatment, %');
      // The inputs sheet is the engine's value table: recomputing from it reproduces the scores.
      const inputs = wb.getWorksheet('Входные данные')!;
      const lines: string[] = [];
      inputs.eachRow((row) => lines.push((row.values as unknown[]).slice(1, 5).join(',')));
      assert.equal(lines[0], 'region,indicator,period,value');
      const { rating, methodology } = (await admin.get(`/api/rating/ratings/${r2025.id}`)).json();
      const values = parseValuesCsv(lines.join('\n'));
      const pop = Object.fromEntries(values.filter((v) => v.indicator === 'population' && v.period === '2025').map((v) => [v.region, v.value]));
      const again = computeRating(methodology.config, values, '2025', { denominators: { population: pop } });
      assert.deepEqual(again.map((r) => [r.region, r.score]), rating.result.rows.map((r: { region: string; score: number }) => [r.region, r.score]));
    });

    test('reports default to the caller\'s language; an unknown language is refused', async () => {
      const res = await admin.get(`/api/rating/ratings/${r2025.id}/report.pdf`, { 'accept-language': 'en' });
      assert.match(String(res.headers['content-disposition']), /rating-2025-(en|ru)\.pdf/);
      assert.equal((await admin.get(`/api/rating/ratings/${r2025.id}/report.pdf?lang=de`)).statusCode, 400);
    });
  });
}
