/**
 * What went wrong with a call to an outside service, as a short reason safe to show: `timeout`,
 * or `network: <code>` for a socket error (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT…, on
 * the error or its cause). Null when the error is not a network failure. The runtime's message
 * text is never used: it can name hosts, paths or internals.
 */
const NETWORK_CODE = /^(E[A-Z]{3,}|UND_ERR_[A-Z_]+)$/;

export function networkFailure(e: unknown): string | null {
  const x = e as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  if (!x || typeof x !== 'object') return null;
  if (x.name === 'TimeoutError' || x.name === 'AbortError') return 'timeout';
  for (const code of [x.code, x.cause?.code]) if (typeof code === 'string' && NETWORK_CODE.test(code)) return `network: ${code}`;
  return null;
}
