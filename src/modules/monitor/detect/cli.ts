/**
 * `qalqan scan` and `qalqan eval` (wired into the qalqan binary by src/app/cli.ts).
 *
 * scan [FILE|-] [--no-explain] [--max-line-bytes N] [--jobs N]
 *   Input: plain lines (id = line number) or JSONL objects {"id", "text"} (a line
 *   starting with '{'). Output: one JSON line per input line, either a detection
 *   {"id","label","scores","indicators","explain"} or {"id","error":{"code","message"}}.
 *   Streams with bounded memory; bad lines never stop the stream.
 * eval FILE [--json]
 *   Labelled JSONL (dev.jsonl format) -> per-label P/R/F1, macro-F1, benign FPR,
 *   indicator P/R/F1. Bad rows: message with line number on stderr, exit code 2.
 */
import { createReadStream, existsSync } from 'node:fs';
import { getDetector } from './index.js';
import { checkRow, evaluate, type LabelledRow } from './evaluate.js';
import { JsonLineWriter } from './json-line.js';
import { readLineBatches, readLines, type RawLine } from './lines.js';
import { formatReport } from './metrics.js';
import { ScanPool, type ScanOptions } from './scan-pool.js';
import { scanLine } from './scan-line.js';

/** Streams of one CLI invocation. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const DEFAULT_MAX_LINE = 1 << 20;
const FLUSH_BYTES = 1 << 16;
/** More threads than this only add memory: each holds its own detector (~60 MB). */
const MAX_JOBS = 64;

/**
 * Output lines go into one byte buffer (json-line.ts encodes detections straight to UTF-8)
 * that is handed to the stream every FLUSH_BYTES, honouring backpressure (awaits 'drain').
 * A failed output (a reader that went away: `qalqan scan big.jsonl | head`) is recorded in
 * `error` and stops the scan instead of crashing it.
 */
class Out {
  readonly w = new JsonLineWriter(2 * FLUSH_BYTES);
  /** The output stream's error, once it failed; nothing more is written then. */
  error: (Error & { code?: string }) | null = null;
  private wake: (() => void) | null = null;
  constructor(private readonly s: NodeJS.WritableStream) {
    s.on('error', (e: Error) => {
      this.error ??= e;
      this.wake?.();
    });
    // a stream destroyed without an error emits neither 'drain' nor 'error': do not wait for it forever
    s.on('close', () => {
      if (!this.wake) return;
      this.error ??= Object.assign(new Error('the output was closed'), { code: 'ERR_STREAM_DESTROYED' });
      this.wake();
    });
  }
  /** The buffer should be flushed now. */
  get full(): boolean {
    return this.w.size >= FLUSH_BYTES;
  }
  async flush(): Promise<void> {
    if (this.w.size === 0) return;
    // the stream may keep the bytes until it is consumed: take() moves the writer to a new buffer
    await this.send(this.w.take());
  }
  /** Write bytes scanned elsewhere (a worker thread's batch). */
  async send(bytes: Uint8Array): Promise<void> {
    if (this.error || bytes.length === 0 || this.s.write(bytes)) return;
    if (this.error) return; // write() can emit 'error' at once: no 'drain' will follow
    await new Promise<void>((res) => {
      this.wake = res;
      this.s.once('drain', res);
    });
    this.wake = null;
  }
}

/** The exit code once the output failed: 0 when the reader just stopped reading (EPIPE), else 2 with a message. */
function outputFailed(out: Out, io: CliIO): number {
  const e = out.error!;
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return 0;
  io.stderr.write(`scan: cannot write the output: ${e.message}\n`);
  return 2;
}

function openInput(file: string | undefined, io: CliIO): AsyncIterable<Buffer | string> {
  if (!file || file === '-') return io.stdin as AsyncIterable<Buffer | string>;
  return createReadStream(file, { highWaterMark: 1 << 16 });
}

/**
 * `qalqan scan`: returns the exit code: 0 ok, also when the reader of the output went away; 2 on
 * usage errors, unreadable input, a detector that fails, an output that cannot be written.
 */
export async function scanCommand(args: string[], io: CliIO): Promise<number> {
  let file: string | undefined;
  let explain = true;
  let maxLine = DEFAULT_MAX_LINE;
  let jobs = 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-explain') explain = false;
    else if (a === '--max-line-bytes') maxLine = Number(args[++i]);
    else if (a === '--jobs') jobs = Number(args[++i]);
    else if (a === '-h' || a === '--help') {
      io.stdout.write('usage: qalqan scan [FILE|-] [--no-explain] [--max-line-bytes N] [--jobs N]\n');
      return 0;
    } else if (file === undefined && (a === '-' || !a.startsWith('--'))) file = a;
    else {
      io.stderr.write(`scan: unexpected argument ${a}\n`);
      return 2;
    }
  }
  if (!Number.isFinite(maxLine) || maxLine < 1) {
    io.stderr.write('scan: --max-line-bytes needs a positive number\n');
    return 2;
  }
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    io.stderr.write(`scan: --jobs needs a whole number from 1 to ${MAX_JOBS}\n`);
    return 2;
  }
  if (file && file !== '-' && !existsSync(file)) {
    io.stderr.write(`scan: cannot read ${file}: no such file\n`);
    return 2;
  }
  const out = new Out(io.stdout);
  const input = readLineBatches(openInput(file, io), maxLine);
  try {
    if (jobs > 1) await scanInThreads(input, out, jobs, { explain, maxLine });
    else {
      const det = getDetector();
      for await (const batch of input) {
        for (const ln of batch) {
          scanLine(det, ln, explain, maxLine, out.w);
          if (out.full) await out.flush();
        }
        if (out.error) break;
      }
    }
  } catch (e) {
    await out.flush();
    io.stderr.write(`scan: stopped: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  await out.flush();
  return out.error ? outputFailed(out, io) : 0;
}

/**
 * Batches of lines scanned by `jobs` threads (this one and jobs - 1 workers), written in input
 * order. At most two batches per thread are in flight, so memory stays bounded however long the
 * input is. Lines read before an input (or detector) error are still written.
 */
async function scanInThreads(input: AsyncIterable<RawLine[]>, out: Out, jobs: number, options: ScanOptions): Promise<void> {
  const pool = new ScanPool(jobs, options, getDetector);
  const inflight: Promise<Uint8Array>[] = [];
  try {
    for await (const batch of input) {
      const scanned = pool.scan(batch);
      scanned.catch(() => {}); // awaited below in order; a later batch's failure must not go unhandled meanwhile
      inflight.push(scanned);
      if (inflight.length >= 2 * jobs) await out.send(await inflight.shift()!);
      if (out.error) break;
    }
  } finally {
    try {
      for (const p of inflight) await out.send(await p);
    } finally {
      await pool.close();
    }
  }
}

/** `qalqan eval FILE [--json]`: returns 0, or 2 on usage errors and bad rows. */
export async function evalCommand(args: string[], io: CliIO): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  if (rest.length !== 1 || rest[0].startsWith('--')) {
    io.stderr.write('usage: qalqan eval FILE [--json]\n');
    return 2;
  }
  const file = rest[0];
  if (file !== '-' && !existsSync(file)) {
    io.stderr.write(`eval: cannot read ${file}: no such file\n`);
    return 2;
  }
  const rows: LabelledRow[] = [];
  const problems: string[] = [];
  for await (const ln of readLines(openInput(file, io), 16 << 20)) {
    if (ln.tooLong) {
      problems.push(`${file}:${ln.no}: line longer than 16 MB`);
      continue;
    }
    if (ln.text.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(ln.text);
    } catch (e) {
      problems.push(`${file}:${ln.no}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const err = checkRow(v);
    if (err) problems.push(`${file}:${ln.no}: ${err}`);
    else rows.push(v as LabelledRow);
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > shown.length) shown.push(`... and ${problems.length - shown.length} more bad rows`);
    io.stderr.write(`eval: ${problems.length} bad row(s):\n${shown.join('\n')}\n`);
    return 2;
  }
  if (rows.length === 0) {
    io.stderr.write(`eval: ${file} has no rows\n`);
    return 2;
  }
  const { report } = evaluate(getDetector(), rows);
  io.stdout.write((json ? JSON.stringify(report) : formatReport(report)) + '\n');
  return 0;
}
