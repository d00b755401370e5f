/**
 * RFC 4180 CSV, streamed: quoted fields with "" escapes and line breaks inside quotes, CRLF or
 * LF, a header row naming the columns (text is required; url, channel, author, posted_at,
 * external_id are optional; other columns are kept in `raw`). Also accepts `;` as the
 * delimiter when the header uses it (spreadsheets in ru/kk locales save it that way).
 */
import { fromApiItem } from '../ingest.validate.js';
import { UnreadableFile, type ParsedRow } from './rows.js';

const KNOWN = new Set(['text', 'url', 'channel', 'author', 'posted_at', 'external_id']);
const MAX_FIELD = 200_000;

/** Records (arrays of fields) with the physical line each starts on; `bad` when a field was cut. */
async function* records(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; fields: string[]; bad?: string }> {
  let delim = -1; // decided on the header line
  let field = '';
  let fields: string[] = [];
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just saw a quote inside a quoted field: "" or the closing quote
  let line = 1;
  let startLine = 1;
  let bad: string | undefined;
  let any = false;
  const push = () => {
    if (field.length > MAX_FIELD) { bad = 'field_too_long'; field = ''; }
    fields.push(field);
    field = '';
  };
  let pending = '';
  const decide = (head: string) => {
    const firstLine = head.split('\n', 1)[0]!;
    delim = (firstLine.split(';').length > firstLine.split(',').length) ? 0x3b : 0x2c;
  };
  function* feed(chunk: string): Generator<{ line: number; fields: string[]; bad?: string }> {
    let segStart = 0; // plain characters are appended in slices, not one by one
    const flush = (end: number) => { if (end > segStart && field.length <= MAX_FIELD) field += chunk.slice(segStart, end); };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (c === 0x22) { segStart = i; continue; } // "" → one quote: keep it, starting the next slice here
          quoted = false; // closing quote; fall through to handle c as unquoted
        } else {
          if (c === 0x22) { flush(i); afterQuote = true; segStart = i + 1; }
          else if (c === 0x0a) line++;
          continue;
        }
      }
      if (c === delim) { flush(i); push(); segStart = i + 1; any = true; }
      else if (c === 0x0a) {
        flush(i);
        if (field.endsWith('\r')) field = field.slice(0, -1);
        push();
        if (!(fields.length === 1 && fields[0] === '' && !any)) yield { line: startLine, fields, ...(bad ? { bad } : {}) };
        fields = []; bad = undefined; any = false;
        line++; startLine = line; segStart = i + 1;
      } else if (c === 0x22 && field === '' && segStart === i) { quoted = true; segStart = i + 1; any = true; }
      else if (c !== 0x0d) any = true;
    }
    flush(chunk.length); // a quote at the very end is decided by the next chunk's first char
  }
  for await (let chunk of chunks) {
    if (delim === -1) {
      // The delimiter is decided on the whole header line, which may span chunks.
      pending += chunk;
      if (!pending.includes('\n')) continue;
      decide(pending);
      chunk = pending;
    }
    yield* feed(chunk);
  }
  if (delim === -1 && pending) { decide(pending); yield* feed(pending); }
  if (quoted && !afterQuote) { yield { line: startLine, fields: [], bad: 'unterminated_quote' }; return; }
  if (any || field !== '' || fields.length > 0) { push(); yield { line: startLine, fields, ...(bad ? { bad } : {}) }; }
}

/** Parse CSV rows into items; row numbers are the physical line numbers of the file. */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  let header: string[] | null = null;
  for await (const rec of records(chunks)) {
    if (!header) {
      header = rec.fields.map((h) => h.trim().toLowerCase().replace(/^\uFEFF/, ''));
      if (!header.includes('text')) throw new UnreadableFile('csv', 'header without a text column');
      continue;
    }
    if (rec.bad) { yield { row: rec.line, error: rec.bad }; continue; }
    if (rec.fields.length !== header.length) { yield { row: rec.line, error: `field_count:${rec.fields.length}/${header.length}` }; continue; }
    const o: Record<string, string> = {};
    let extra: Record<string, string> | undefined;
    header.forEach((h, i) => {
      if (KNOWN.has(h)) o[h] = rec.fields[i]!;
      else if (h) (extra ??= {})[h] = rec.fields[i]!;
    });
    const item = fromApiItem(extra ? { ...o, raw: extra } : o);
    yield 'reason' in item ? { row: rec.line, error: item.reason } : { row: rec.line, item };
  }
  if (!header) throw new UnreadableFile('csv', 'empty file');
}
