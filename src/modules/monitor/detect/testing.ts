/** Test helpers for the detector's CLI tests. */
import { Readable, Writable } from 'node:stream';
import type { CliIO } from './cli.js';

/** CLI streams in memory: `input` chunks on stdin; what the command wrote, read back with out() and err(). */
export function memoryIO(input: (Buffer | string)[] = []): CliIO & { out: () => string; err: () => string } {
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  const sink = (a: Buffer[]) => new Writable({ write(c, _enc, cb) { a.push(Buffer.from(c)); cb(); } });
  return {
    stdin: Readable.from(input.map((x) => (typeof x === 'string' ? Buffer.from(x) : x))),
    stdout: sink(o),
    stderr: sink(e),
    out: () => Buffer.concat(o).toString('utf8'),
    err: () => Buffer.concat(e).toString('utf8'),
  };
}
