import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { Jobs } from '../../../platform/jobs/index.js';
import { startTestApp, uniqueName, type Agent, type TestApp } from '../../../platform/testing/app.js';
import { testBackends } from '../../../platform/testing/db.js';
import { pollChannel, runCrawlJob } from './jobs.js';
import { html, startSite, text } from './sources.fixtures.js';
import { FakeTelegram } from './telegram.fake.js';
import type { TelegramPoller } from './telegram.js';

// The sources over the real ingest pipeline and database; the network is a local site and a fake Telegram.
for (const backend of testBackends()) {
  describe(`monitor sources: API, jobs, real ingest [${backend}]`, () => {
    let t: TestApp;
    let analyst: Agent;
    let reviewer: Agent;
    let site: Awaited<ReturnType<typeof startSite>>;
    const sent: { name: string; data: unknown }[] = [];

    before(async () => {
      site = await startSite({
        '/robots.txt': text('User-agent: *\nDisallow: /private\n'),
        '/': html('<h1>Форум</h1><p>Продаю соль, закладки</p><a href="/topic">тема</a><a href="/private">x</a>'),
        '/topic': html('<p>Тема: доставка по Астане</p>'),
      });
      t = await startTestApp(backend, { CRAWLER_ALLOW_PRIVATE_HOSTS: `127.0.0.1:${site.port}`, CRAWLER_MIN_HOST_INTERVAL_MS: '0' });
      // No pg-boss in tests: a stand-in queue records what the API enqueues.
      t.ctx.jobs = { send: async (name: string, data: unknown) => { sent.push({ name, data }); return 'job-1'; }, sendBatch: async () => undefined, stop: async () => undefined } as unknown as Jobs;
      const a = await t.user({ username: uniqueName('an'), roles: ['analyst'] });
      analyst = await t.login(a.username, a.password);
      const r = await t.user({ username: uniqueName('rv'), roles: ['reviewer'] });
      reviewer = await t.login(r.username, r.password);
    });
    after(async () => { await t?.close(); await site?.close(); });

    test('starting a crawl needs monitor.ingest, refuses unsafe seeds, caps limits, audits and enqueues', async () => {
      assert.equal((await reviewer.send('POST', '/api/monitor/sources/crawl', { seeds: [`${site.base}/`] })).statusCode, 403);
      for (const seed of ['file:///etc/passwd', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://0.0.0.0/', 'http://10.0.0.1/']) {
        const res = await analyst.send('POST', '/api/monitor/sources/crawl', { seeds: [seed] });
        assert.equal(res.statusCode, 400, seed);
        assert.equal(res.json().error.code, 'request.invalid');
      }
      const res = await analyst.send('POST', '/api/monitor/sources/crawl', { seeds: [`${site.base}/#top`], maxDepth: 9, maxPages: 10 });
      assert.equal(res.statusCode, 202);
      const run = res.json().run;
      assert.deepEqual([run.kind, run.status, run.params.maxDepth, run.params.seeds], ['crawl', 'queued', 2, [`${site.base}/`]]);
      assert.equal(sent.at(-1)!.name, 'monitor.crawl');
      const audit = (await t.ctx.db.execute(sql`select action from audit_log where entity_id = ${run.id}`)) as unknown as { rows: { action: string }[] };
      assert.deepEqual(audit.rows.map((r) => r.action), ['monitor.crawl_start']);
    });

    test('the crawl job feeds the real ingest pipeline; an unchanged re-crawl is all duplicates', async () => {
      const run = (await analyst.send('POST', '/api/monitor/sources/crawl', { seeds: [`${site.base}/`] })).json().run;
      const data = sent.at(-1)!.data as Parameters<typeof runCrawlJob>[1];
      const stats = await runCrawlJob(t.ctx, data);
      assert.deepEqual([stats.accepted, stats.skipped.robots], [2, 1]);
      const items = (await t.ctx.db.execute(sql`select i.url, i.channel, s.kind, s.name from monitor_items i join monitor_sources s on s.id = i.source_id where s.kind = 'web' order by i.url`)) as unknown as { rows: { url: string; channel: string; kind: string; name: string }[] };
      assert.deepEqual(items.rows.map((r) => [r.url.replace(site.base, ''), r.channel, r.name]), [['/', '127.0.0.1', '127.0.0.1'], ['/topic', '127.0.0.1', '127.0.0.1']]);
      const again = await runCrawlJob(t.ctx, data);
      assert.deepEqual([again.accepted, again.duplicates], [0, 2]);
      const runs = (await analyst.get('/api/monitor/sources/runs?kind=crawl')).json().runs as { id: string; status: string; stats: { duplicates: number } }[];
      const mine = runs.find((r) => r.id === run.id)!;
      assert.deepEqual([mine.status, mine.stats.duplicates], ['done', 2]);
      assert.equal((await reviewer.get('/api/monitor/sources/runs')).statusCode, 403);
    });

    test('Telegram polls keep their cursor in the database across process restarts', async () => {
      const tg = new FakeTelegram();
      tg.addChannel('kz_news', 42, 'KZ News');
      for (let id = 1; id <= 5; id++) tg.post('kz_news', id, `пост ${id}`);
      const first = await pollChannel(t.ctx, tg, new Map<string, TelegramPoller>(), 'kz_news');
      assert.deepEqual([first.accepted, first.cursorAfter], [5, 5]);
      tg.post('kz_news', 6, 'новый пост');
      // A fresh poller map = a restarted worker: the cursor must come from the run log.
      const second = await pollChannel(t.ctx, tg, new Map(), 'kz_news');
      assert.deepEqual([second.cursorBefore, second.accepted, second.cursorAfter], [5, 1, 6]);
      const idle = await pollChannel(t.ctx, tg, new Map(), 'kz_news');
      assert.equal(idle.messages, 0);
      const runs = (await analyst.get('/api/monitor/sources/runs?kind=telegram&name=kz_news')).json().runs as { status: string; cursor: number }[];
      assert.deepEqual(runs.map((r) => [r.status, r.cursor]), [['done', 6], ['done', 5]]); // the idle poll left no row
      const stored = (await t.ctx.db.execute(sql`select count(*)::int as n from monitor_items i join monitor_sources s on s.id = i.source_id where s.kind = 'telegram' and s.name = 'kz_news'`)) as unknown as { rows: { n: number }[] };
      assert.equal(stored.rows[0]!.n, 6);
    });
  });
}
