/**
 * Bulk import of bank reports (CSV). Every row is validated first; by default the import is
 * atomic — a file with any bad row writes nothing and the answer lists every bad row (line
 * number, column, reason) so the bank's file can be fixed and sent again whole. With
 * `mode: 'valid_rows'` the valid rows are written and the bad ones reported (for large files
 * where a few bad numbers must not hold up the rest). Either way: one audit row per import.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { requirePermission, requireRegion, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/catalogue.js';
import { isRegionCode } from '../../../platform/geo/regions.js';
import { CSV_BOM, csvLine } from '../../../platform/reports/csv.js';
import { ledgerOfAddress } from '../tags/model.js';
import { writeReports, type DropperInput } from './droppers.service.js';
import { validateInstrument, type ValidInstrument } from './validate.js';

export const MAX_CSV_ROWS = 10_000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Template columns, in order; `type` and `value` are required. */
export const CSV_COLUMNS = ['type', 'value', 'bank', 'report_ref', 'reported_at', 'holder_name', 'shop', 'wallet', 'amount_kzt', 'note'] as const;

/** A refused row: its line in the file (header = line 1), the column and why. */
export interface CsvRowError { row: number; column: string; reason: string }

export interface CsvImportResult { importId: string | null; rows: number; written: number; created: number; errors: CsvRowError[] }

/** The downloadable template: header and two example rows (a card and a KZ IBAN), UTF-8 with BOM for Excel. */
export function bankCsvTemplate(): string {
  return CSV_BOM + csvLine([...CSV_COLUMNS])
    + csvLine(['card', '4400 4301 2345 6789', 'Kaspi Bank', '№ 12-3/456', '2025-03-01', 'Иванов И.', 'Alma Shop', '', '150000', 'пример / мысал / example'])
    + csvLine(['iban', 'KZ18 722S 0000 1234 5678', 'Kaspi Bank', '№ 12-3/457', '01.03.2025', '', '', 'TF6bTQcXFxBm5h9QXLtGjHb34YjNRZ5aiM', '', 'пример / мысал / example']);
}

/** RFC 4180 records with the line each starts on; `,` or `;` separated (Excel in ru/kk locales writes `;`). */
function records(text: string): { line: number; cells: string[] }[] {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const sep = first.split(';').length > first.split(',').length ? ';' : ',';
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [], cell = '', quoted = false, line = 1, start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell); out.push({ line: start, cells }); cells = []; cell = ''; line++; start = line;
    } else cell += ch;
  }
  if (quoted) throw new AppError('finance.import_unreadable', { reason: 'unclosed_quote', row: start }, { format: 'CSV' });
  if (cell !== '' || cells.length) { cells.push(cell); out.push({ line: start, cells }); }
  return out;
}

function parseDate(s: string): Date | null | 'bad' {
  const v = s.trim();
  if (!v) return null;
  // DD.MM.YYYY (how banks in Kazakhstan write dates) or ISO YYYY-MM-DD[Thh:mm…]; 31.02 does not roll over into March.
  const dm = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  let y: number, mo: number, day: number, d: Date;
  if (dm) { day = +dm[1]!; mo = +dm[2]!; y = +dm[3]!; d = new Date(Date.UTC(y, mo - 1, day)); }
  else if (iso) { y = +iso[1]!; mo = +iso[2]!; day = +iso[3]!; d = new Date(v); }
  else return 'bad';
  const check = new Date(Date.UTC(y, mo - 1, day));
  if (Number.isNaN(d.getTime()) || check.getUTCDate() !== day || check.getUTCMonth() !== mo - 1 || d.getTime() > Date.now() + 86_400_000) return 'bad';
  return d;
}

/** Import a bank's CSV report into the registry of one region. */
export async function importBankCsv(db: Db, actor: Actor, csvText: string, opts: { region?: string; bank?: string; mode?: 'atomic' | 'valid_rows' } = {}): Promise<CsvImportResult> {
  requirePermission(actor, 'finance.dropper.write');
  const region = opts.region ?? (!actor.scope.national && actor.scope.regions.length === 1 ? actor.scope.regions[0] : undefined);
  if (!region) throw new AppError('finance.region_required');
  if (!isRegionCode(region)) throw new AppError('region.invalid', { region });
  requireRegion(actor, region);
  if (Buffer.byteLength(csvText) > MAX_CSV_BYTES) throw new AppError('request.too_large', { max: MAX_CSV_BYTES });
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const recs = records(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!recs.length) throw new AppError('finance.import_unreadable', { reason: 'empty' }, { format: 'CSV' });
  if (recs.length - 1 > MAX_CSV_ROWS) throw new AppError('request.too_large', { maxRows: MAX_CSV_ROWS });
  const header = recs[0]!.cells.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const missing = ['type', 'value'].filter((c) => col(c) < 0);
  if (missing.length) throw new AppError('finance.import_unreadable', { reason: 'missing_columns', missing, expected: CSV_COLUMNS }, { format: 'CSV' });

  const errors: CsvRowError[] = [];
  const valid: { v: ValidInstrument; input: DropperInput }[] = [];
  for (const r of recs.slice(1)) {
    const get = (name: string) => (col(name) >= 0 ? (r.cells[col(name)] ?? '').trim() : '');
    const bad = (column: string, reason: string) => errors.push({ row: r.line, column, reason });
    const type = get('type').toLowerCase();
    const v = validateInstrument(type, get('value'));
    if ('reason' in v) { bad(v.reason === 'unknown_kind' ? 'type' : 'value', v.reason); continue; }
    const at = parseDate(get('reported_at'));
    if (at === 'bad') { bad('reported_at', 'invalid_date'); continue; }
    const amount = get('amount_kzt').replace(/[\s\u00A0]/g, '').replace(',', '.');
    if (amount && !/^\d+(\.\d{1,2})?$/.test(amount)) { bad('amount_kzt', 'invalid_number'); continue; }
    const wallet = get('wallet');
    if (wallet && !ledgerOfAddress(wallet)) { bad('wallet', 'invalid_address'); continue; }
    const bank = get('bank') || opts.bank?.trim() || '';
    valid.push({ v, input: {
      kind: type, value: v.value, region, origin: 'bank_csv', reporter: bank || 'bank', reference: get('report_ref'), reportedAt: at ?? undefined,
      holderName: get('holder_name'), bankName: bank || undefined, shop: get('shop') || undefined, wallet: wallet || undefined, note: get('note') || undefined,
      details: { row: r.line, ...(amount ? { amountKzt: amount } : {}) },
    } });
  }
  const rows = recs.length - 1;
  if (errors.length && opts.mode !== 'valid_rows') throw new AppError('finance.import_rejected', { errors: errors.slice(0, 1000), rows }, { count: errors.length });
  if (!valid.length) return { importId: null, rows, written: 0, created: 0, errors };
  const importId = randomUUID();
  return db.transaction(async (tx) => {
    const written = await writeReports(tx, actor, valid, importId);
    const created = written.filter((w) => w.reports === 1).length;
    await recordAudit(tx, actor, {
      action: 'finance.dropper.import', entityType: 'finance_dropper_import', entityId: importId, region,
      details: { rows, written: valid.length, created, refused: errors.length, mode: opts.mode ?? 'atomic', bank: opts.bank ?? null },
    });
    return { importId, rows, written: valid.length, created, errors };
  });
}
