/** HTTP helpers shared by the finance attribution routes: file downloads and raw text uploads. */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../../platform/errors/catalogue.js';

/** Send a file as an attachment (ASCII fallback name plus the UTF-8 name), never cached. */
export function sendFile(reply: FastifyReply, type: string, filename: string, body: Buffer | string) {
  const ascii = filename.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return reply.type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The raw body of an upload route as UTF-8 text (broken encodings are refused, not replaced). */
export function uploadText(body: unknown): string {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('request.invalid', { body: 'file required' });
  try { return decoder.decode(body); } catch { throw new AppError('request.bad_encoding'); }
}
