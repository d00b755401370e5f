/**
 * The text a failed crawl or channel poll shows analysts on the sources page. Failures of the
 * outside world (a refused connection, a timeout, a Telegram error such as CHANNEL_PRIVATE) are
 * worth seeing as they are; anything else (a database or programming error) is reported as
 * `internal_error`, since its message can name tables, constraints or file paths. The error is
 * still thrown to the queue, which keeps the full message with the failed job for operators.
 */
import { AppError } from '../../../platform/errors/catalogue.js';
import { networkFailure } from '../../../platform/errors/network.js';

/** Telegram RPC error names: CHANNEL_PRIVATE, FLOOD_WAIT_30, USERNAME_NOT_OCCUPIED… */
const TELEGRAM_NAME = /^[A-Z][A-Z0-9_]{2,63}$/;

export function runErrorText(e: unknown): string {
  if (e instanceof AppError) return e.code;
  const network = networkFailure(e);
  if (network) return network;
  const x = e as { errorMessage?: unknown } | null;
  if (x && typeof x.errorMessage === 'string' && TELEGRAM_NAME.test(x.errorMessage)) return `telegram: ${x.errorMessage}`;
  return 'internal_error';
}
