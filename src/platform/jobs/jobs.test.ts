import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/db.js';
import { deadLetterOf, Jobs } from './index.js';

declare module './index.js' {
  interface JobTypes {
    'test.batch': { n: number };
    'test.fails': { n: number };
    'test.cron': { n: number };
  }
}

async function until(cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const backend of testBackends()) {
  describe(`jobs on pg-boss [${backend}]`, () => {
    let db: TestDatabase;
    let jobs: Jobs;
    before(async () => {
      db = await openTestDatabase(backend);
      jobs = await Jobs.start(db);
    });
    after(async () => {
      await jobs?.stop();
      await db?.drop();
    });

    test('a batch of jobs is processed exactly once, in handler batches', async () => {
      const seen: number[] = [];
      let calls = 0;
      await jobs.work('test.batch', { batchSize: 25, pollingIntervalSeconds: 0.5 }, async (batch) => {
        calls++;
        for (const j of batch) seen.push(j.data.n);
      });
      await jobs.sendBatch('test.batch', Array.from({ length: 100 }, (_, n) => ({ n })));
      await until(() => seen.length >= 100);
      assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 100 }, (_, n) => n));
      assert.ok(calls < 100, `handled in batches (${calls} calls)`);
    });

    test('a failing job is retried, then lands in the dead-letter queue', async () => {
      let attempts = 0;
      await jobs.work('test.fails', { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false, pollingIntervalSeconds: 0.5 }, async () => {
        attempts++;
        throw new Error('handler failure');
      });
      await jobs.send('test.fails', { n: 7 });
      await until(() => attempts >= 2);
      let dead: { data: { n: number } }[] = [];
      await until(async () => {
        dead = (await jobs.boss.fetch(deadLetterOf('test.fails'))) as { data: { n: number } }[];
        return dead.length > 0;
      });
      assert.equal(dead[0]!.data.n, 7);
      assert.equal(attempts, 2, 'one try plus one retry');
    });

    test('a schedule keeps the options the worker gave its queue', async () => {
      await jobs.work('test.cron', { retryLimit: 9, expireInSeconds: 120, pollingIntervalSeconds: 0.5 }, async () => undefined);
      await jobs.schedule('test.cron', '0 3 * * *', { n: 1 });
      const q = await jobs.boss.getQueue('test.cron');
      assert.equal(q?.retryLimit, 9);
      assert.equal(q?.expireInSeconds, 120);
      const schedules = await jobs.boss.getSchedules('test.cron');
      assert.equal(schedules.length, 1);
      assert.equal(schedules[0]!.cron, '0 3 * * *');
      assert.equal(schedules[0]!.timezone, 'Asia/Almaty');
    });
  });
}
