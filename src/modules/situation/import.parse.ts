/**
 * Reading an uploaded CSV or XLSX into rows keyed by the template's column names. Only reading:
 * the checks live in validate.ts. Unreadable files fail as a whole with a reason code.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/catalogue.js';
import type { RawRow } from './validate.js';

/** Limits per file: big enough for a year of monthly figures for every indicator of a region. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 5000;
// A 2 MiB XLSX can inflate to gigabytes (zip bomb); real templates unpack to a few MiB.
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

export const REQUIRED_COLUMNS = ['indicator', 'region', 'period', 'value', 'unit'] as const;
export const OPTIONAL_COLUMNS = ['source', 'note'] as const;

export type FileFormat = 'csv' | 'xlsx';

const unreadable = (reason: string, extra: Record<string, unknown> = {}) => new AppError('situation.import_unreadable', { reason, ...extra });
export const tooLarge = () => new AppError('situation.import_too_large', { maxRows: MAX_ROWS, maxBytes: MAX_FILE_BYTES }, { maxRows: MAX_ROWS, maxMb: MAX_FILE_BYTES / 1024 / 1024 });

/** XLSX is a zip: it starts with `PK\x03\x04`. Anything else is treated as CSV text. */
export const detectFormat = (buf: Buffer): FileFormat => (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv');

/** Parsed file: rows with non-empty values, and how many rows were left out for having no value. */
export interface ParsedFile {
  format: FileFormat;
  rows: RawRow[];
  skipped: number;
}

type Cell = string | number;

function toRows(header: string[], records: { line: number; cells: Cell[] }[]): { rows: RawRow[]; skipped: number } {
  const names = header.map((h) => String(h).trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw unreadable('missing_columns', { columns: missing });
  const col = (name: string) => names.indexOf(name);
  const get = (cells: Cell[], name: string): Cell => {
    const i = col(name);
    const v = i < 0 ? '' : cells[i];
    return v === undefined || v === null ? '' : v;
  };
  const rows: RawRow[] = [];
  let skipped = 0;
  for (const { line, cells } of records) {
    if (cells.every((c) => String(c).trim() === '')) continue; // blank line: not a row at all
    const value = get(cells, 'value');
    // Template rows left without a value are not submissions: the template may be filled in part.
    if (String(value).trim() === '') { skipped++; continue; }
    rows.push({
      row: line, indicator: String(get(cells, 'indicator')), region: String(get(cells, 'region')), period: String(get(cells, 'period')),
      value, unit: String(get(cells, 'unit')), source: String(get(cells, 'source')), note: String(get(cells, 'note')),
    });
  }
  return { rows, skipped };
}

// ---- CSV ----

/** RFC 4180 records with their starting line; `,`, `;` or tab separated (Excel writes `;` in ru/kk locales). */
export function parseCsvText(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const sep = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell); records.push({ line: start, cells }); cells = []; cell = '';
      line++; start = line;
    } else cell += ch;
  }
  if (quoted) throw unreadable('csv_unclosed_quote', { line: start });
  if (cell !== '' || cells.length) { cells.push(cell); records.push({ line: start, cells }); }
  return records;
}

function readCsv(buf: Buffer): ParsedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw unreadable('encoding');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = parseCsvText(text);
  if (!records.length) throw unreadable('empty');
  if (records.length - 1 > MAX_ROWS) throw tooLarge();
  return { format: 'csv', ...toRows(records[0]!.cells, records.slice(1)) };
}

// ---- XLSX ----

/** Sum of the declared uncompressed sizes in the zip's central directory, before any inflating. */
function unzippedSize(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65_557); // EOCD record (22 bytes) plus the longest comment
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const entries = buf.readUInt16LE(i + 10);
    let p = buf.readUInt32LE(i + 16);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw unreadable('xlsx_corrupt');
      total += buf.readUInt32LE(p + 24);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return total;
  }
  throw unreadable('xlsx_corrupt');
}

/** The text a cell shows: formula results, rich text and hyperlinks reduced to plain values. */
function cellValue(v: ExcelJS.CellValue, column: string): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    // Excel turns a typed "2026-03" into 1 March 2026; read it back as the month it was.
    const iso = v.toISOString();
    return column === 'period' && iso.slice(8, 10) === '01' ? iso.slice(0, 7) : iso.slice(0, 10);
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, column);
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

async function readXlsx(buf: Buffer): Promise<ParsedFile> {
  if (unzippedSize(buf) > MAX_UNZIPPED_BYTES) throw tooLarge();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unreadable('xlsx_corrupt');
  }
  // The data sheet is the first one (the template's other sheets only explain).
  const ws = wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) throw unreadable('empty');
  if (ws.actualRowCount - 1 > MAX_ROWS) throw tooLarge();
  const headerRow = ws.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) header.push(String(cellValue(headerRow.getCell(c).value, '')));
  const names = header.map((h) => h.trim().toLowerCase());
  const records: { line: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    records.push({ line: n, cells: names.map((name, i) => cellValue(row.getCell(i + 1).value, name)) });
  });
  return { format: 'xlsx', ...toRows(header, records) };
}

/** Read an uploaded file; throws `situation.import_unreadable` / `import_too_large`. */
export async function readUpload(buf: Buffer): Promise<ParsedFile> {
  if (buf.length > MAX_FILE_BYTES) throw tooLarge();
  if (buf.length === 0) throw unreadable('empty');
  const parsed = detectFormat(buf) === 'xlsx' ? await readXlsx(buf) : readCsv(buf);
  if (parsed.rows.length > MAX_ROWS) throw tooLarge();
  return parsed;
}
