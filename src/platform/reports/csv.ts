/**
 * One CSV cell (RFC 4180 quoting). Cells starting with = + - @ are prefixed with ' because
 * spreadsheet programs would execute them as formulas (CSV injection).
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Formula-injection guard (OWASP): a cell starting with = + - @ TAB CR is made inert, but a
  // plain number such as -12.5 stays a number.
  if (/^[=+\-@\t\r]/.test(s) && !(typeof v === 'number' || /^[+-]?\d+([.,]\d+)?$/.test(s))) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** A CSV line with CRLF, as Excel expects. */
export const csvLine = (cells: unknown[]): string => cells.map(csvCell).join(',') + '\r\n';

/** UTF-8 byte-order mark: without it Excel opens Cyrillic and Kazakh CSV as mojibake. */
export const CSV_BOM = '\uFEFF';
