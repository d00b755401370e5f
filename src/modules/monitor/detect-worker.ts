/**
 * Worker-thread entry for detection (started by detect-worker-pool.ts): runs the detector so
 * the main thread's event loop keeps feeding PostgreSQL meanwhile. Messages: { seq, texts, docOnly }
 * in, { seq, out } or { seq, error } back; 'ready' once the model is loaded.
 */
import { parentPort } from 'node:worker_threads';
import { computeDetectionDoc, computeDetections, warmUp } from './detect-worker-compute.js';

const port = parentPort!;
warmUp();
port.postMessage('ready');
port.on('message', (m: { seq: number; texts: string[]; docOnly: boolean }) => {
  try {
    port.postMessage({ seq: m.seq, out: m.docOnly ? computeDetectionDoc(m.texts) : computeDetections(m.texts) });
  } catch (e) {
    port.postMessage({ seq: m.seq, error: e instanceof Error ? e.message : String(e) });
  }
});
