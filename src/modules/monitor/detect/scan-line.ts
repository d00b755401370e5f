/**
 * One line of `qalqan scan`: the input line's detection record, or an error record when the line
 * cannot be scanned, written to a JsonLineWriter. Shared by the CLI's own thread and its worker
 * threads (scan-pool.ts), so `--jobs` changes where lines are scanned, never what is written.
 */
import type { DetectResult, Detector } from './detector.js';
import { type JsonLineWriter, writeDetection } from './json-line.js';
import type { RawLine } from './lines.js';

function errorRecord(id: string | number, code: string, message: string): string {
  return JSON.stringify({ id, error: { code, message } });
}

/**
 * Control chars (but tab and line breaks, which a JSON text carries in a list or a multi-line post)
 * and replacement chars. Counted by a native search: most texts have none, so nothing is allocated.
 */
const GARBAGE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]/g;

/** Share of GARBAGE chars: high values mean binary data, not text. */
function garbageRatio(s: string): number {
  const found = s.match(GARBAGE);
  return found === null ? 0 : found.length / s.length;
}

/** Write the output line for one input line: a detection or an error record (never throws). */
export function scanLine(det: Detector, ln: RawLine, explain: boolean, maxLine: number, w: JsonLineWriter): void {
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

