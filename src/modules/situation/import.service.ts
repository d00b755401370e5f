import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { requirePermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/catalogue.js';
import { loadIndicators } from './catalogue.service.js';
import { MAX_FILE_BYTES, readUpload, tooLarge, type FileFormat } from './import.parse.js';
import { checkRows, valueKey, type RowError } from './validate.js';
import { currentValues, existingStatuses, writeValues } from './values.service.js';

/** At most this many row problems are listed; the count says how many there were. */
export const MAX_REPORTED_ERRORS = 500;

/** An upload: the raw bytes and the name the user's file had. */
export interface ImportInput {
  filename: string;
  content: Buffer;
  /** Check only; write nothing. */
  dryRun?: boolean;
}

/** The outcome of a good file. */
export interface ImportResult {
  format: FileFormat;
  dryRun: boolean;
  /** Rows with a value (written, or that would be). */
  rows: number;
  inserted: number;
  /** Submitted or returned values replaced by the file. */
  replaced: number;
  /** Template rows left without a value, ignored. */
  skipped: number;
  /** The written values (first 500), so the page can show what landed. */
  values: { id: string | null; indicator: string; region: string; period: string; value: number; status: string }[];
}

/**
 * Import a CSV or XLSX: every row is checked first; a file with any problem is refused whole
 * (`situation.import_rejected`, details listing row, column and reason) and nothing is written.
 * A good file is written in one transaction, with one audit row per region it touches.
 */
export async function importValues(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  requirePermission(actor, 'situation.submit');
  if (input.content.length > MAX_FILE_BYTES) throw tooLarge();
  const parsed = await readUpload(input.content);
  const indicators = new Map((await loadIndicators(db)).map((i) => [i.code, i]));
  const filename = input.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'upload';

  return db.transaction(async (tx) => {
    const existing = await existingStatuses(tx, parsed.rows);
    const { clean, errors } = checkRows(parsed.rows, { indicators, scope: actor.scope, now: new Date(), existing });
    if (errors.length) {
      const listed: RowError[] = errors.slice(0, MAX_REPORTED_ERRORS);
      throw new AppError('situation.import_rejected', { errors: listed, errorCount: errors.length, rows: parsed.rows.length }, { count: errors.length });
    }
    const replaced = clean.filter((r) => existing.has(valueKey(r.indicatorCode, r.region, r.period))).length;
    const base = { format: parsed.format, rows: clean.length, inserted: clean.length - replaced, replaced, skipped: parsed.skipped };
    if (input.dryRun) {
      return { ...base, dryRun: true, values: clean.slice(0, 500).map((r) => ({ id: null, indicator: r.indicatorCode, region: r.region, period: r.period, value: r.value, status: 'submitted' })) };
    }
    const old = await currentValues(tx, clean);
    const written = await writeValues(tx, actor, clean, { importFile: filename });
    // One audit row per region, so a regional auditor sees the imports into their region.
    const importId = randomUUID();
    const byRegion = new Map<string, typeof clean>();
    for (const r of clean) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r]);
    for (const [region, rows] of byRegion) {
      await recordAudit(tx, actor, {
        action: 'situation.import', entityType: 'situation_import', entityId: importId, region,
        details: {
          file: filename, format: parsed.format, rows: rows.length,
          replaced: rows.filter((r) => existing.has(valueKey(r.indicatorCode, r.region, r.period))).length,
          indicators: [...new Set(rows.map((r) => r.indicatorCode))], periods: [...new Set(rows.map((r) => r.period))].sort(),
          // Every figure written, with the one it replaced: the audit log is where an earlier value survives.
          values: rows.map((r) => {
            const o = old.get(valueKey(r.indicatorCode, r.region, r.period));
            return { indicator: r.indicatorCode, period: r.period, value: r.value, ...(o ? { before: o.value, beforeStatus: o.status } : {}) };
          }),
        },
      });
    }
    return {
      ...base, dryRun: false,
      values: written.slice(0, 500).map((v) => ({ id: v.id, indicator: v.indicatorCode, region: v.region, period: v.period, value: v.value, status: v.status })),
    };
  });
}
