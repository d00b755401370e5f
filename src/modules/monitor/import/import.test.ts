import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { startJobs } from '../../../app/runtime.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { findEntity } from '../../traces/traces.service.js';
import { monitorImports, monitorItems, monitorSources } from '../schema.js';
import { parseCsv } from './csv.js';
import { importFile } from './import.service.js';
import { parseJsonl } from './jsonl.js';
import type { ParsedRow } from './rows.js';
import { parseTelegram } from './telegram.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const size = (name: string) => readFileSync(fixture(name)).length;

/** The same text cut into chunks of `n` characters: parsers must not care where chunks end. */
async function* chunked(s: string, n: number): AsyncGenerator<string> { for (let i = 0; i < s.length; i += n) yield s.slice(i, i + n); }
async function collect(gen: AsyncGenerator<ParsedRow>): Promise<ParsedRow[]> { const out: ParsedRow[] = []; for await (const r of gen) out.push(r); return out; }

describe('file parsers (no database)', () => {
  test('Telegram single chat: text arrays with entities, hidden links, service and media-only messages', async () => {
    const text = readFileSync(fixture('telegram-single.json'), 'utf8');
    const whole = await collect(parseTelegram(chunked(text, 1 << 20)));
    for (const n of [1, 3, 7, 64]) assert.deepEqual(await collect(parseTelegram(chunked(text, n))), whole, `chunk size ${n}`);
    const items = whole.flatMap((r) => ('item' in r ? [r.item] : []));
    assert.equal(items.length, 3);
    assert.equal(whole.filter((r) => 'skip' in r).length, 2);
    assert.equal(items[0]!.channel, 'Алматы клад ✦ "test"');
    assert.equal(items[0]!.externalId, '1700000001/2');
    assert.equal(items[0]!.postedAt, '2026-10-01T10:00:00.000Z');
    assert.equal(items[1]!.text, 'Меф, шишки — Алматы, клады 24/7. Наш бот <img src=x onerror="window.__xss=1"> \\ Ок\nhttps://t.me/tg_fixture_hidden_bot');
  });

  test('Telegram full export: every chat in chats.list, ids unique per chat', async () => {
    const rows = await collect(parseTelegram(chunked(readFileSync(fixture('telegram-full.json'), 'utf8'), 5)));
    const items = rows.flatMap((r) => ('item' in r ? [r.item] : []));
    assert.deepEqual(items.map((i) => i.externalId), ['1700000002/10', '1700000002/11', '1700000003/10']);
    assert.equal(items[0]!.text, 'Курьер-закладчик, 200 000 тг в неделю, без опыта, Шымкент. Пиши @tg_fixture_shym_bot');
    assert.equal(items[2]!.channel, undefined);
    await assert.rejects(collect(parseTelegram(chunked('{"a": 1}', 3))), /no messages/);
    await assert.rejects(collect(parseTelegram(chunked('text,url', 3))), /not a JSON object/);
  });

  test('CSV (RFC 4180): quotes, "" escapes, line breaks in quotes, bad rows reported by line', async () => {
    const text = readFileSync(fixture('items.csv'), 'utf8');
    const whole = await collect(parseCsv(chunked(text, 1 << 20)));
    for (const n of [1, 2, 5]) assert.deepEqual(await collect(parseCsv(chunked(text, n))), whole, `chunk size ${n}`);
    const items = whole.flatMap((r) => ('item' in r ? [r.item] : []));
    assert.equal(items[1]!.text, 'multi\r\nline "quoted" text, Астана');
    assert.deepEqual(whole.filter((r) => 'error' in r), [{ row: 5, error: 'field_count:3/7' }, { row: 9, error: 'unterminated_quote' }]);
    assert.deepEqual(items[0]!.raw, { extra: 'x' });
    const semi = await collect(parseCsv(chunked('text;channel\n"a;b";c\n', 4)));
    assert.deepEqual(semi, [{ row: 2, item: { text: 'a;b', channel: 'c', url: undefined, author: undefined, postedAt: undefined, externalId: undefined, raw: undefined } }]);
  });

  test('JSONL: bad lines reported, the rest parsed', async () => {
    const rows = await collect(parseJsonl(chunked(readFileSync(fixture('items.jsonl'), 'utf8'), 3)));
    assert.deepEqual(rows.filter((r) => 'error' in r), [{ row: 3, error: 'invalid_json' }, { row: 6, error: 'not_an_object' }]);
    assert.equal(rows.filter((r) => 'item' in r).length, 4);
  });
});

for (const backend of testBackends()) {
  describe(`monitor file imports [${backend}]`, () => {
    let t: TestApp;
    let analyst: Agent;
    const src = uniqueName('imp');

    before(async () => {
      t = await startTestApp(backend);
      await startJobs(t.ctx);
      const a = await t.user({ username: uniqueName('iman'), roles: ['analyst'] });
      analyst = await t.login(a.username, a.password);
    });
    after(async () => { await t?.close(); });

    const run = (name: string, format: 'telegram' | 'csv' | 'jsonl', sourceName: string) =>
      importFile(t.ctx, systemActor('test-import'), { path: fixture(name), bytesTotal: size(name), format, sourceName });

    test('Telegram exports (single chat and full) import; a second run only finds duplicates', async () => {
      const single = await run('telegram-single.json', 'telegram', `${src}-tg`);
      assert.deepEqual({ a: single.accepted, d: single.duplicates, r: single.rejected, s: single.skipped }, { a: 3, d: 0, r: 0, s: 2 });
      const full = await run('telegram-full.json', 'telegram', `${src}-tg`);
      assert.equal(full.accepted, 3);
      const again = await run('telegram-single.json', 'telegram', `${src}-tg`);
      assert.deepEqual({ a: again.accepted, d: again.duplicates }, { a: 0, d: 3 });
    });

    test('CSV and JSONL with bad rows: row-level errors, the rest imported', async () => {
      const csv = await run('items.csv', 'csv', `${src}-csv`);
      assert.equal(csv.accepted, 3);
      assert.deepEqual(csv.errors.sort((a, b) => a.row - b.row), [{ row: 5, reason: 'field_count:3/7' }, { row: 6, reason: 'empty_text' }, { row: 7, reason: 'invalid_url' }, { row: 9, reason: 'unterminated_quote' }]);
      const jsonl = await run('items.jsonl', 'jsonl', `${src}-jsonl`);
      assert.equal(jsonl.accepted, 3);
      assert.deepEqual(jsonl.errors.sort((a, b) => a.row - b.row), [{ row: 3, reason: 'invalid_json' }, { row: 4, reason: 'missing_text' }, { row: 6, reason: 'not_an_object' }]);
      const [row] = await t.ctx.db.select({ raw: monitorItems.raw }).from(monitorItems).innerJoin(monitorSources, eq(monitorSources.id, monitorItems.sourceId))
        .where(and(eq(monitorSources.name, `${src}-jsonl`), eq(monitorItems.externalId, '2')));
      assert.deepEqual(row!.raw, { k: [1, 2] });
    });

    test('upload through the API runs as a background job with pollable progress; items get flagged', async () => {
      const body = readFileSync(fixture('telegram-full.json'), 'utf8');
      const up = await analyst.send('POST', `/api/monitor/imports?source=${src}-up&filename=result.json`, body, { 'content-type': 'application/octet-stream' });
      assert.equal(up.statusCode, 202, up.body);
      const id = up.json().import.id as string;
      let imp: { status: string; accepted: number; bytesDone: number; bytesTotal: number } | undefined;
      for (let i = 0; i < 200; i++) {
        imp = (await analyst.get(`/api/monitor/imports/${id}`)).json().import;
        if (imp!.status === 'done' || imp!.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(imp!.status, 'done');
      assert.equal(imp!.accepted, 3);
      assert.equal(imp!.bytesDone, Buffer.byteLength(body));
      for (let i = 0; i < 100; i++) {
        const flagged = (await analyst.get(`/api/monitor/items?source=${src}-up&label=flagged`)).json().items;
        if (flagged.length === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal((await analyst.get(`/api/monitor/items?source=${src}-up&label=flagged`)).json().items.length, 2);
      assert.ok(await findEntity(t.ctx.db, systemActor(), 'telegram', 'tg_fixture_shym_bot'));
      const bad = await analyst.send('POST', `/api/monitor/imports?source=${src}-bad&format=telegram`, 'text,url\nx,y\n', { 'content-type': 'text/csv' });
      const badId = bad.json().import.id;
      let st = '';
      for (let i = 0; i < 100 && st !== 'failed'; i++) { st = (await analyst.get(`/api/monitor/imports/${badId}`)).json().import.status; await new Promise((r) => setTimeout(r, 100)); }
      assert.equal(st, 'failed');
      const n = (await t.ctx.db.execute(sql`select count(*)::int as n from monitor_imports where id = ${badId} and failure is not null`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      assert.equal(n, 1);
    });

    test('an import whose job failed its last retry is marked failed and its upload removed', async () => {
      const path = join(t.ctx.config.dataDir, `${uniqueName('stuck')}.upload`);
      writeFileSync(path, '{}');
      const [imp] = await t.ctx.db.insert(monitorImports).values({ sourceName: `${src}-stuck`, format: 'jsonl', fileName: 'x.jsonl', path, status: 'running', createdBy: 'test' }).returning();
      // What pg-boss does after the last retry: the job goes to the queue's dead letter.
      await t.ctx.jobs!.send('monitor.import.dead', { importId: imp!.id });
      let st = '';
      for (let i = 0; i < 150 && st !== 'failed'; i++) { st = (await analyst.get(`/api/monitor/imports/${imp!.id}`)).json().import.status; await new Promise((r) => setTimeout(r, 100)); }
      assert.equal(st, 'failed');
      assert.equal((await analyst.get(`/api/monitor/imports/${imp!.id}`)).json().import.failure, 'internal_error');
      assert.ok(!existsSync(path), 'the upload is removed');
    });
  });
}
