import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './crawler.js';

/** A local HTTP server for crawler tests; routes map a path to a handler. */
export async function startSite(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<{ server: Server; port: number; base: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const handler = routes[(req.url ?? '/').split('?')[0]!];
    if (!handler) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    server, port, base: `http://127.0.0.1:${port}`, hits,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export const html = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><head><title>t</title></head><body>${body}</body></html>`);
};
export const text = (body: string, type = 'text/plain') => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': type }).end(body);
};

/** Virtual time: sleep advances it instantly and records what was asked for. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): Clock & { sleeps: number[]; t: number } {
  const c = {
    t: start, sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => { c.sleeps.push(ms); c.t += ms; },
  };
  return c;
}
