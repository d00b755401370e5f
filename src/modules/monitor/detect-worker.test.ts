/** The detection thread gives exactly what inline detection gives, and falls back inline when stopped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDetections } from './detect-worker-compute.js';
import { runDetections, startDetectWorker, stopDetectWorker } from './detect-worker-pool.js';

const items = [
  { id: 'a', text: 'Меф, шишки, клады 24/7 в Алматы, пиши @kladmen_bot' },
  { id: 'b', text: 'Сегодня в Караганде прошёл турнир по футболу' },
  { id: 'c', text: 'Работа курьером, 300 000 тг в неделю, Астана, t.me/+abc' },
];

test('worker-thread detection equals inline detection, in order, and stops cleanly', async () => {
  startDetectWorker();
  const [viaThread, again] = await Promise.all([runDetections(items), runDetections(items.slice(1))]);
  const inline = computeDetections(items);
  assert.deepEqual(viaThread, inline);
  assert.deepEqual(again.items, inline.items.slice(1));
  assert.deepEqual(JSON.parse(viaThread.doc).map((x: { id: string }) => x.id), ['a', 'b', 'c']);
  assert.deepEqual(JSON.parse(again.doc), JSON.parse(inline.doc).slice(1));
  assert.notEqual(viaThread.items[0]!.label, 'benign');
  assert.deepEqual(viaThread.items[0]!.regions, ['KZ-75']);
  await stopDetectWorker();
  assert.deepEqual(await runDetections(items), inline); // inline after stop
});
