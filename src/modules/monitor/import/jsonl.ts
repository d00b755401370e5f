/** JSONL: one API-shaped item per line (`text`, `url`, `channel`, `author`, `posted_at`, `external_id`, `raw`). */
import { fromApiItem } from '../ingest.validate.js';
import { lines, type ParsedRow } from './rows.js';

export async function* parseJsonl(chunks: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  let row = 0;
  for await (const line of lines(chunks)) {
    row++;
    if (line === null) { yield { row, error: 'line_too_long' }; continue; }
    if (line.trim() === '') continue;
    let v: unknown;
    try { v = JSON.parse(line); } catch { yield { row, error: 'invalid_json' }; continue; }
    const item = fromApiItem(v);
    yield 'reason' in item ? { row, error: item.reason } : { row, item };
  }
}
