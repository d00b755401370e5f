import { z } from 'zod';
import type { Reply } from '../../platform/http/context.js';
import { ATTACHMENT_MAX_BYTES, CADCA_STEPS, CADCA_STRATEGIES, IMPORT_MAX_BYTES, PERIODICITIES } from './constants.js';

/** Shared zod pieces of the plan routes. */
export const id = z.string().max(64);
export const idParams = z.strictObject({ id });
export const text = (max: number) => z.string().trim().min(1).max(max);
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const base64 = (maxBytes: number) => z.string().max(Math.ceil(maxBytes / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const itemFields = {
  title: text(2000).optional(),
  responsible: text(300).optional(),
  coExecutors: z.array(z.string().max(300)).max(50).optional(),
  deadlines: z.array(day).max(60).optional(),
  expectedResult: z.string().max(4000).optional(),
  kpiName: z.string().max(500).optional(),
  kpiUnit: z.string().max(50).optional(),
  kpiTarget: z.number().finite().nullable().optional(),
  reportingForm: z.string().max(2000).optional(),
  periodicity: z.enum(PERIODICITIES).optional(),
  strategies: z.array(z.enum(CADCA_STRATEGIES)).max(7).optional(),
};

export const phase = z.enum(CADCA_STEPS);
export const importBody = z.strictObject({ filename: z.string().max(200).optional(), contentBase64: base64(IMPORT_MAX_BYTES).min(4) });
export const attachment = z.strictObject({ filename: text(200), mime: z.string().max(100).optional(), contentBase64: base64(ATTACHMENT_MAX_BYTES).min(4) });

/**
 * Send a file download. The name goes out twice: a plain-ASCII fallback and the RFC 5987 form,
 * so Cyrillic and Kazakh names survive in every browser.
 */
export function sendFile(reply: Reply, type: string, filename: string, body: Buffer | string) {
  const ascii = filename.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return reply.type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}
