/**
 * RFC 4180 CSV reading with line numbers. Spreadsheet exports bring a UTF-8 BOM, CRLF line
 * ends and quoted fields (names with commas, even line breaks), so splitting on ',' and '\n'
 * is not enough — and errors must name the physical line the user sees in an editor.
 */

/** One record and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A malformed record (bad quoting); `line` is where the offending field starts. */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Splits `text` into records. Accepts LF, CRLF and lone CR line ends, a leading BOM, and
 * quoted fields with "" for a quote. Blank lines are skipped (a trailing newline is usual).
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;

  const endRecord = () => {
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  // Consumes one line break at i (if any) and reports whether there was one.
  const lineBreak = (): boolean => {
    if (text[i] === '\r') { i += text[i + 1] === '\n' ? 2 : 1; line++; return true; }
    if (text[i] === '\n') { i++; line++; return true; }
    return false;
  };

  if (i >= text.length) return records;
  for (;;) {
    if (fields.length === 0) recordLine = line;
    let field = '';
    if (text[i] === '"') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('unterminated quoted field (a " is never closed)', startLine);
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (!lineBreak()) field += text[i++];
        else field += '\n';
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(`unexpected '${text[i]}' after a closing quote (quote the whole field, doubling inner quotes)`, line);
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new CsvSyntaxError('a " inside an unquoted field (quote the whole field, doubling inner quotes)', line);
        field += text[i++];
      }
    }
    fields.push(field);
    if (i >= text.length) { endRecord(); return records; }
    if (text[i] === ',') { i++; continue; }
    lineBreak();
    endRecord();
    if (i >= text.length) return records;
  }
}
