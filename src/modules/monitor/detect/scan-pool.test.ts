import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { scanCommand } from './cli.js';
import { getDetector } from './index.js';
import type { RawLine } from './lines.js';
import { ScanPool } from './scan-pool.js';
import { memoryIO as io } from './testing.js';
import { generateCorpus } from './train/corpus/index.js';

// A few thousand lines in many small chunks (many batches), bad lines among them.
const texts = generateCorpus({ seed: 4711, size: 2400, split: 'all' }).map((r) => r.text.replace(/\n/g, ' '));
const chunks: (Buffer | string)[] = [];
for (let i = 0; i < texts.length; i += 40) {
  const part = texts.slice(i, i + 40).map((t, k) => (k === 7 ? JSON.stringify({ id: `post-${i}`, text: t }) : k === 9 ? '{broken json' : k === 11 ? '' : t));
  chunks.push(part.join('\n') + '\n');
}
chunks.push(Buffer.from([0x00, 0x01, 0xff, 0x02, 0x0a]), 'last line without newline @tail_shop');

describe('qalqan scan --jobs', () => {
  it('writes exactly what one thread writes, in input order', async () => {
    const one = io(chunks);
    assert.equal(await scanCommand(['-'], one), 0);
    const three = io(chunks);
    assert.equal(await scanCommand(['-', '--jobs', '3'], three), 0);
    assert.ok(one.out().split('\n').length > 2400);
    assert.equal(three.out(), one.out());
    assert.equal(three.err(), '');
  });

  it('stops quietly when the reader goes away (| head), and reports other output failures', async () => {
    for (const jobs of ['1', '2']) {
      for (const code of ['EPIPE', 'ENOSPC']) {
        let failed = 0;
        const t = io(chunks);
        const sink = new Writable({
          write(_c, _enc, cb) {
            if (failed === 0) return cb();
            cb(Object.assign(new Error(`write ${code}`), { code }));
          },
        });
        // count the scan's writes, before the stream refuses them (a failed stream never calls write() above again)
        const write = sink.write.bind(sink);
        let calls = 0;
        sink.write = ((c: Buffer) => {
          calls++;
          if (calls === 2) failed = calls;
          return write(c);
        }) as typeof sink.write;
        t.stdout = sink;
        const rc = await scanCommand(['-', '--jobs', jobs], t);
        assert.equal(rc, code === 'EPIPE' ? 0 : 2, `${code} with --jobs ${jobs}`);
        assert.equal(t.err(), code === 'EPIPE' ? '' : `scan: cannot write the output: write ${code}\n`);
        // the whole output is about 3.5 MB, 54 writes of 64 KB: the scan stops within a few of the failure
        assert.ok(calls <= 2 + 2 * Number(jobs), `the scan stops after the failure (${calls} writes)`);
      }
    }
  });

  it('refuses a job count that is not a whole number from 1 to 64', async () => {
    for (const bad of ['0', '65', '1.5', 'x']) {
      const t = io([]);
      assert.equal(await scanCommand(['-', '--jobs', bad], t), 2);
      assert.match(t.err(), /--jobs needs a whole number/);
    }
  });

  it('scans in its worker threads (they start and answer)', async () => {
    const pool = new ScanPool(3, { explain: false, maxLine: 1 << 20 }, getDetector);
    const lines: RawLine[] = texts.slice(0, 90).map((text, i) => ({ no: i + 1, text, invalidUtf8: false, tooLong: false, bytes: text.length }));
    const out = await Promise.all([0, 1, 2, 3, 4, 5].map((k) => pool.scan(lines.slice(k * 15, k * 15 + 15))));
    const alive = (pool as unknown as { threads: unknown[] }).threads.length;
    await pool.close();
    assert.equal(alive, 2, 'both workers still there after answering');
    assert.equal(Buffer.concat(out).toString('utf8').split('\n').length, 91);
  });

  it('reports a detector that fails in every thread instead of crashing', async () => {
    const lines: RawLine[] = texts.slice(0, 30).map((text, i) => ({ no: i + 1, text, invalidUtf8: false, tooLong: false, bytes: text.length }));
    const pool = new ScanPool(2, { explain: true, maxLine: 1 << 20 }, () => {
      throw new Error('detector model not found');
    });
    const first = pool.scan(lines.slice(0, 10)); // to the worker
    const second = pool.scan(lines.slice(10, 20)); // here: the detector throws
    await assert.rejects(second, /detector model not found/);
    // the worker dies too (as it would without a model); its batch is retried here and fails the same way
    await (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads[0].worker.terminate();
    await assert.rejects(first, /detector model not found/);
    await pool.close();
  });

  it('scans a failed thread\'s batches in the calling thread, losing and reordering nothing', async () => {
    const lines: RawLine[] = texts.slice(0, 600).map((text, i) => ({ no: i + 1, text, invalidUtf8: false, tooLong: false, bytes: text.length }));
    const batches = [lines.slice(0, 200), lines.slice(200, 400), lines.slice(400)];
    const ref = new ScanPool(0, { explain: true, maxLine: 1 << 20 }, getDetector);
    const want = Buffer.concat(await Promise.all(batches.map((b) => ref.scan(b)))).toString('utf8');
    const pool = new ScanPool(2, { explain: true, maxLine: 1 << 20 }, getDetector);
    const pending = batches.map((b) => pool.scan(b));
    // one thread dies with batches in flight (as on an out-of-memory kill)
    await (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads[0].worker.terminate();
    const got = Buffer.concat(await Promise.all(pending)).toString('utf8');
    await pool.close();
    assert.equal(got, want);
    assert.equal(got.split('\n').length, 601);
  });
});
