/**
 * Worker-thread entry for detection (started by detect-worker-pool.ts): runs the detector so
 * the main thread's event loop keeps feeding PostgreSQL meanwhile. Messages: { seq, items } in,
 * { seq, out } or { seq, error } back; 'ready' once the model is loaded.
 */
import { parentPort } from 'node:worker_threads';
import { computeDetections, warmUp, type DetectInput } from './detect-worker-compute.js';

const port = parentPort!;
warmUp();
port.postMessage('ready');
port.on('message', (m: { seq: number; items: DetectInput[] }) => {
  try {
    port.postMessage({ seq: m.seq, out: computeDetections(m.items) });
  } catch (e) {
    port.postMessage({ seq: m.seq, error: e instanceof Error ? e.message : String(e) });
  }
});
