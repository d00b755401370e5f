/** The detection thread gives exactly what inline detection gives, and falls back inline when stopped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDetectionDoc, computeDetections } from './detect-worker-compute.js';
import { runDetectionDoc, runDetections, startDetectWorker, stopDetectWorker } from './detect-worker-pool.js';

const items = [
  'Меф, шишки, клады 24/7 в Алматы, пиши @kladmen_bot',
  'Сегодня в Караганде прошёл турнир по футболу',
  'Работа курьером, 300 000 тг в неделю, Астана, t.me/+abc',
];

test('worker-thread detection equals inline detection, in order, and stops cleanly', async () => {
  startDetectWorker();
  const [viaThread, again] = await Promise.all([runDetections(items), runDetections(items.slice(1))]);
  const inline = computeDetections(items);
  assert.deepEqual(viaThread, inline);
  assert.deepEqual(again.items, inline.items.slice(1));
  const doc = JSON.parse(viaThread.doc) as { label: string; regions: string[]; indicators: { value: string }[] }[];
  assert.deepEqual(doc.map((x) => x.label), inline.items.map((x) => x.label)); // element i is text i
  assert.deepEqual(doc.map((x) => x.regions), [['KZ-75'], ['KZ-35'], ['KZ-71']]);
  assert.equal(doc[0]!.indicators[0]!.value, 'kladmen_bot');
  // The document alone (what ingest asks for) is the same document.
  assert.equal(await runDetectionDoc(items), inline.doc);
  assert.equal(computeDetectionDoc(items), inline.doc);
  assert.deepEqual(JSON.parse(again.doc), JSON.parse(inline.doc).slice(1));
  assert.notEqual(viaThread.items[0]!.label, 'benign');
  assert.deepEqual(viaThread.items[0]!.regions, ['KZ-75']);
  await stopDetectWorker();
  assert.deepEqual(await runDetections(items), inline); // inline after stop
  assert.equal(await runDetectionDoc(items), inline.doc);
});
