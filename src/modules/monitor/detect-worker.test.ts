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
  assert.deepEqual(again, inline.slice(1));
  assert.equal(JSON.parse(viaThread[0]!.json).id, 'a');
  assert.notEqual(viaThread[0]!.label, 'benign');
  assert.deepEqual(viaThread[0]!.regions, ['KZ-75']);
  await stopDetectWorker();
  assert.deepEqual(await runDetections(items), inline); // inline after stop
});
