import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { mulberry32 } from '../../../platform/random.js';
import { type DetectResult, Detector } from './detector.js';
import type { Evidence } from './explain.js';
import { JsonLineWriter, writeDetection } from './json-line.js';
import { generateCorpus } from './train/corpus/index.js';

const DEV = new URL('../../../../../shared/corpus/dev.jsonl', import.meta.url);

/** What cli.ts wrote before json-line.ts: the reference the writer must match byte for byte. */
function reference(id: string | number, r: DetectResult, warning?: string): string {
  const rec: Record<string, unknown> = { id, label: r.label, scores: r.scores, indicators: r.indicators, explain: r.explain };
  if (warning !== undefined) rec.warning = warning;
  return JSON.stringify(rec) + '\n';
}

function written(id: string | number, r: DetectResult, warning?: string, w = new JsonLineWriter(64)): string {
  const before = w.size;
  writeDetection(w, id, r, warning);
  return w.buf.subarray(before, w.size).toString('utf8');
}

describe('scan output writer', () => {
  it('writes the bytes JSON.stringify writes, for real detections', () => {
    const det = Detector.load();
    const texts = generateCorpus({ seed: 31337, size: 3000, split: 'all' }).map((r) => r.text);
    if (existsSync(DEV)) for (const l of readFileSync(DEV, 'utf8').split('\n')) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
    texts.push('', '"quoted" \\ back\tslash\r\n\u0001\u001f\u007f', '\uD800 lone \uDC00 and pair 🇰🇿 ❄️', 'Меф 💎 @shop_kz_bot +7 701 234 56 78');
    const w = new JsonLineWriter(256); // small: the writer must grow mid-stream
    let n = 0;
    for (const [i, t] of texts.entries()) {
      for (const explain of [true, false]) {
        const r = det.detect(t, explain);
        const id = i % 3 === 0 ? i : `post-${i}-"${t.slice(0, 5)}"`;
        assert.equal(written(id, r, i % 7 === 0 ? 'invalid_utf8_replaced' : undefined, w), reference(id, r, i % 7 === 0 ? 'invalid_utf8_replaced' : undefined), `text ${i}: ${t.slice(0, 80)}`);
        n++;
      }
    }
    assert.ok(n > 6000);
  });

  it('writes every string and number as JSON.stringify does', () => {
    const rnd = mulberry32(7);
    const chars = ['a', 'я', 'ә', '"', '\\', '\n', '\b', '\f', '\u0000', '\u001b', '\u2028', '\uD83D', '\uDE00', '😀', '€', '\u007f', '/'];
    const strOf = (k: number) => Array.from({ length: k }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const numbers = [0, -0, 1, 9, 10, 99, 100, 2147483646, 2147483647, 2 ** 31, 1e21, 1.5e-7, -3, -0.5, 0.0001, 0.00005, 99999.9999, 123456.5, NaN, Infinity, -Infinity, 0.1 + 0.2];
    for (let i = 0; i < 20000; i++) {
      const k = Math.floor(rnd() * 5);
      const v = Math.round((rnd() - 0.5) * 10 ** (1 + Math.floor(rnd() * 9))) / 10 ** (Math.floor(rnd() * 6));
      numbers.push(v, Math.round(rnd() * 10 ** k * 1000) / 1000, Math.round(rnd() * 10000) / 10000);
    }
    for (let i = 0; i < numbers.length; i += 4) {
      const r: DetectResult = {
        label: 'benign',
        scores: { drug_sale: numbers[i], courier_recruitment: numbers[i + 1] ?? 0, drug_propaganda: numbers[i + 2] ?? 0, benign: numbers[i + 3] ?? 0 },
        indicators: [{ type: 'telegram', value: strOf(i % 9), start: i, end: i + 1 }],
        explain: [
          { kind: 'term', text: strOf(i % 13), category: strOf(2), substance: i % 2 ? strOf(3) : undefined, weight: numbers[i + 1], start: 0, end: i },
          { kind: 'indicator', text: strOf(1), category: 'phone', substance: undefined, weight: undefined, start: i, end: i + 2 },
          // a kind the writer has no prepared bytes for
          { kind: (i % 3 ? 'feature' : strOf(4)) as Evidence['kind'], text: strOf(2), category: 'word', weight: 0.5, start: 1, end: 2 },
        ],
      };
      const id = i % 2 ? strOf(i % 11) : numbers[i];
      assert.equal(written(id, r), reference(id, r), `numbers ${numbers.slice(i, i + 4).join(', ')}`);
    }
  });

  it('take() hands over the written lines and starts a new buffer', () => {
    const w = new JsonLineWriter(16);
    w.line('{"id":1,"error":{"code":"empty_line","message":"line 1 is empty"}}');
    const first = w.take();
    assert.equal(first.toString('utf8'), '{"id":1,"error":{"code":"empty_line","message":"line 1 is empty"}}\n');
    w.line('{"id":2}');
    assert.equal(first.toString('utf8').endsWith('empty"}}\n'), true, 'the taken bytes are not overwritten');
    assert.equal(w.take().toString('utf8'), '{"id":2}\n');
  });
});
