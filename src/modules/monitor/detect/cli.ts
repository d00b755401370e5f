/**
 * `qalqan scan` and `qalqan eval` (wired into the qalqan binary by src/app/cli.ts).
 *
 * scan [FILE|-] [--no-explain] [--max-line-bytes N]
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
import type { DetectResult, Detector } from './detector.js';
import { JsonLineWriter, writeDetection } from './json-line.js';
import { readLineBatches, readLines, type RawLine } from './lines.js';
import { formatReport } from './metrics.js';

/** Streams of one CLI invocation. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const DEFAULT_MAX_LINE = 1 << 20;
const FLUSH_BYTES = 1 << 16;

/**
 * Output lines go into one byte buffer (json-line.ts encodes detections straight to UTF-8)
 * that is handed to the stream every FLUSH_BYTES, honouring backpressure (awaits 'drain').
 */
class Out {
  readonly w = new JsonLineWriter(2 * FLUSH_BYTES);
  constructor(private readonly s: NodeJS.WritableStream) {}
  /** The buffer should be flushed now. */
  get full(): boolean {
    return this.w.size >= FLUSH_BYTES;
  }
  async flush(): Promise<void> {
    if (this.w.size === 0) return;
    // the stream may keep the bytes until it is consumed: take() moves the writer to a new buffer
    if (!this.s.write(this.w.take())) await new Promise<void>((res) => this.s.once('drain', res));
  }
}

function errorRecord(id: string | number, code: string, message: string): string {
  return JSON.stringify({ id, error: { code, message } });
}

/** Share of control / replacement chars: high values mean binary data, not text. */
function garbageRatio(s: string): number {
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return s.length ? bad / s.length : 0;
}

function openInput(file: string | undefined, io: CliIO): AsyncIterable<Buffer | string> {
  if (!file || file === '-') return io.stdin as AsyncIterable<Buffer | string>;
  return createReadStream(file, { highWaterMark: 1 << 16 });
}

/** `qalqan scan`: returns the exit code (0 ok, 2 usage / unreadable input). */
export async function scanCommand(args: string[], io: CliIO): Promise<number> {
  let file: string | undefined;
  let explain = true;
  let maxLine = DEFAULT_MAX_LINE;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-explain') explain = false;
    else if (a === '--max-line-bytes') maxLine = Number(args[++i]);
    else if (a === '-h' || a === '--help') {
      io.stdout.write('usage: qalqan scan [FILE|-] [--no-explain] [--max-line-bytes N]\n');
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
  if (file && file !== '-' && !existsSync(file)) {
    io.stderr.write(`scan: cannot read ${file}: no such file\n`);
    return 2;
  }
  const det = getDetector();
  const out = new Out(io.stdout);
  try {
    for await (const batch of readLineBatches(openInput(file, io), maxLine)) {
      for (const ln of batch) {
        scanLine(det, ln, explain, maxLine, out.w);
        if (out.full) await out.flush();
      }
    }
  } catch (e) {
    await out.flush();
    io.stderr.write(`scan: input error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  await out.flush();
  return 0;
}

/** Write the output line for one input line: a detection or an error record (never throws). */
function scanLine(det: Detector, ln: RawLine, explain: boolean, maxLine: number, w: JsonLineWriter): void {
  const error = detectLine(det, ln, explain, maxLine, w);
  if (error !== null) w.line(error);
}

/** Detect one line and write its record; an error record (JSON) instead when the line cannot be scanned. */
function detectLine(det: Detector, ln: RawLine, explain: boolean, maxLine: number, w: JsonLineWriter): string | null {
  let id: string | number = ln.no;
  if (ln.tooLong) return errorRecord(id, 'line_too_long', `line ${ln.no} has ${ln.bytes} bytes (limit ${maxLine}); skipped`);
  let text = ln.text;
  if (text.trim() === '') return errorRecord(id, 'empty_line', `line ${ln.no} is empty`);
  if (text.charCodeAt(0) === 0x7b /* { */) {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      return errorRecord(id, 'invalid_json', `line ${ln.no} starts with '{' but is not valid JSON (prefix a space to scan it as plain text)`);
    }
    const o = obj as { id?: unknown; text?: unknown } | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o) || typeof o.text !== 'string') {
      return errorRecord(id, 'missing_text', `line ${ln.no}: JSON object has no string field "text"`);
    }
    if (typeof o.id === 'string' || typeof o.id === 'number') id = o.id;
    text = o.text;
  }
  if (garbageRatio(text) > 0.3) return errorRecord(id, 'binary_input', `line ${ln.no} looks like binary data, not text`);
  let r: DetectResult;
  try {
    r = det.detect(text, explain);
  } catch (e) {
    return errorRecord(id, 'internal_error', e instanceof Error ? e.message : String(e));
  }
  writeDetection(w, id, r, ln.invalidUtf8 ? 'invalid_utf8_replaced' : undefined);
  return null;
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
