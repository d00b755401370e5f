/**
 * Shared pieces of the file importers: the row type every parser yields and the byte reader
 * that decodes a file as a stream (never the whole file in memory) and reports progress.
 */
import { createReadStream } from 'node:fs';
import type { IngestItem } from '../ingest.validate.js';

export const IMPORT_FORMATS = ['telegram', 'csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One parsed row: an item, a row-level error (reported, the rest goes on) or a row that holds
 * no post (Telegram service messages, photos without caption), which is counted, not an error.
 */
export type ParsedRow =
  | { row: number; item: IngestItem }
  | { row: number; error: string }
  | { row: number; skip: string };

/** A whole-file failure (not the format it claims to be); row errors never throw. */
export class UnreadableFile extends Error {
  constructor(readonly format: ImportFormat, reason: string) { super(reason); }
}

/** Decoded text chunks of a file; `onBytes` sees the running byte count for progress. */
export async function* readText(path: string, onBytes: (n: number) => void = () => undefined): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // invalid UTF-8 becomes U+FFFD; the row is still imported
  let bytes = 0;
  let first = true;
  for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 })) {
    bytes += (buf as Buffer).length;
    let s = decoder.decode(buf as Buffer, { stream: true });
    if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1); // BOM from Excel / Windows tools
    first = false;
    if (s) yield s;
    onBytes(bytes);
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Split text chunks into lines (LF or CRLF); a line over `maxChars` is reported as null instead. */
export async function* lines(chunks: AsyncIterable<string>, maxChars = 1_000_000): AsyncGenerator<string | null> {
  let carry = '';
  let tooLong = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const line = tooLong ? null : carry + chunk.slice(start, nl);
      yield line === null || line.length > maxChars ? null : line.endsWith('\r') ? line.slice(0, -1) : line;
      carry = '';
      tooLong = false;
      start = nl + 1;
    }
    if (!tooLong) {
      carry += chunk.slice(start);
      // Drop an overlong line's bytes as they stream by instead of holding them.
      if (carry.length > maxChars) { tooLong = true; carry = ''; }
    }
  }
  if (tooLong) yield null;
  else if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}

/** Pick the format from the file name, else from the first bytes. */
export function guessFormat(fileName: string, head: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'telegram';
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{')) return 'csv';
  const firstLine = t.split('\n', 1)[0]!;
  try { JSON.parse(firstLine); return 'jsonl'; } catch { return 'telegram'; }
}
