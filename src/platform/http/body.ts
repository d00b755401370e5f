import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/catalogue.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict JSON body parsing: broken UTF-8 is refused (not silently replaced) and syntax errors
 * map to the catalogue, so bad input gets a clear 4xx and nothing is written.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      return done(new AppError('request.bad_encoding'), undefined);
    }
    if (text.trim() === '') return done(new AppError('request.malformed_json', { reason: 'empty body' }), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(new AppError('request.malformed_json', { reason: (e as Error).message.slice(0, 200) }), undefined);
    }
  });
}
