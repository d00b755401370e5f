/**
 * Worker-thread entry of `qalqan scan --jobs N` (started by scan-pool.ts): scans batches of input
 * lines with its own detector and sends back their output lines as UTF-8 bytes.
 * Messages: { seq, lines } in; { seq, out } back (out: the lines' bytes, its buffer transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getDetector } from './index.js';
import { JsonLineWriter } from './json-line.js';
import type { RawLine } from './lines.js';
import { scanLine } from './scan-line.js';
import type { ScanOptions } from './scan-pool.js';

const port = parentPort!;
const { explain, maxLine } = (workerData as { data: ScanOptions }).data;
const det = getDetector();
// a batch is one input chunk (64 KB, a few hundred lines): its output fits without growing
const w = new JsonLineWriter(1 << 20);
port.on('message', (m: { seq: number; lines: RawLine[] }) => {
  for (const ln of m.lines) scanLine(det, ln, explain, maxLine, w);
  const out = w.take();
  port.postMessage({ seq: m.seq, out }, [out.buffer as ArrayBuffer]);
});
