import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evalCommand, scanCommand } from './cli.js';
import { computeMetrics } from './metrics.js';
import { memoryIO as io } from './testing.js';

const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

describe('qalqan scan', () => {
  it('handles plain lines, JSONL, bad JSON, invalid UTF-8, empty and huge lines without stopping', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61); // a 10 MB line
    const t = io([
      'Меф, соль, шишки — Алматы, клады 24/7. Бот @alm_klad_777_bot\n',
      '{"id":"post-7","text":"Соль поваренная, 25 кг, опт"}\n',
      '{this is not json\n',
      Buffer.from([0x43, 0x6f, 0x6b, 0x73, 0x20, 0xff, 0xfe, 0x20, 0xd0, 0xbc, 0xd0, 0xb5, 0xd1, 0x84, 0x0a]), // "Koks \xff\xfe меф"
      '\n',
      big,
      Buffer.from('\nКурьер-закладчик, 5000 за клад, залог 30к. @shym_job\r\n'),
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0x03, 0x04, 0x0a]), // binary garbage
      '{"id":9,"noText":true}\n',
      'last line without newline @tail_shop',
    ]);
    assert.equal(await scanCommand(['-'], t), 0);
    const r = lines(t.out());
    assert.equal(r.length, 10);
    assert.equal(r[0].id, 1);
    assert.equal(r[0].label, 'drug_sale');
    assert.deepEqual(Object.keys(r[0]), ['id', 'label', 'scores', 'indicators', 'explain']);
    const line0 = 'Меф, соль, шишки — Алматы, клады 24/7. Бот @alm_klad_777_bot';
    assert.deepEqual(r[0].indicators[0], { type: 'telegram', value: 'alm_klad_777_bot', start: line0.indexOf('@'), end: line0.length });
    assert.equal(r[1].id, 'post-7');
    assert.equal(r[1].label, 'benign');
    assert.equal(r[2].error.code, 'invalid_json');
    assert.equal(r[3].id, 4);
    assert.ok(r[3].label, 'invalid UTF-8 is decoded with replacement and scanned');
    assert.equal(r[3].warning, 'invalid_utf8_replaced');
    assert.equal(r[4].error.code, 'empty_line');
    assert.equal(r[5].error.code, 'line_too_long');
    assert.equal(r[5].id, 6);
    assert.equal(r[6].id, 7);
    assert.equal(r[6].label, 'courier_recruitment');
    assert.equal(r[7].error.code, 'binary_input');
    assert.equal(r[8].error.code, 'missing_text');
    assert.equal(r[9].id, 10);
    assert.equal(r[9].indicators[0].value, 'tail_shop');
  });

  it('scans a JSON text made of short lines (line breaks are text, not binary)', async () => {
    const t = io(['{"id":"list","text":"1\\n2\\n3\\nмеф"}\n', '{"id":"bin","text":"\\u0001\\u0002x\\u0003"}\n']);
    assert.equal(await scanCommand(['-', '--no-explain'], t), 0);
    const [list, bin] = lines(t.out());
    assert.equal(list.id, 'list');
    assert.ok(list.label, JSON.stringify(list));
    assert.equal(bin.error.code, 'binary_input');
  });

  it('reads a file argument and can skip explanations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const f = join(dir, 'in.txt');
    writeFileSync(f, 'Продам фен для волос\n');
    const t = io();
    assert.equal(await scanCommand([f, '--no-explain'], t), 0);
    const [r] = lines(t.out());
    assert.equal(r.label, 'benign');
    assert.deepEqual(r.explain, []);
    const bad = io();
    assert.equal(await scanCommand([join(dir, 'missing.txt')], bad), 2);
    assert.match(bad.err(), /no such file/);
  });
});

describe('qalqan eval', () => {
  const rows = [
    { text: 'Меф, альфа, шишки — Алматы, клады по всем районам. Оператор @alm_op_bot', label: 'drug_sale', indicators: [{ type: 'telegram', value: 'alm_op_bot' }] },
    { text: 'Кокс ❄️ и меф в наличии, Астана, закладки 24/7, бот @ast_snow_bot', label: 'drug_sale', indicators: [{ type: 'telegram', value: 'ast_snow_bot' }, { type: 'phone', value: '+77001112233' }] },
    { text: 'Соль поваренная йодированная, 25 кг, опт. Караганда.', label: 'benign', indicators: [] },
    { text: 'Продам фен для волос, почти новый.', label: 'drug_sale', indicators: [] },
    { text: 'Требуются курьеры-закладчики, 5 000 ₸ за клад, залог 30 000, оплата USDT. @shym_kl_job', label: 'courier_recruitment', indicators: [{ type: 'telegram', value: 'shym_kl_job' }] },
    { text: 'Погода в Алматы: солнечно, +25.', label: 'benign', indicators: [] },
    { text: 'Гашиш, бошки, меф — Шымкент, клад за 10 минут. Звони +7 705 123 45 67', label: 'benign', indicators: [] },
    { text: 'Шишки безвредны, зависимости нет, курите на здоровье 🌿', label: 'drug_propaganda', indicators: [] },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'eval-'));
  const file = join(dir, 'tiny.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n\n');

  it('prints the metrics JSON with hand-computed values', async () => {
    const t = io();
    assert.equal(await evalCommand([file, '--json'], t), 0);
    const out = t.out().trim().split('\n');
    assert.equal(out.length, 1, 'exactly one JSON object');
    const m = JSON.parse(out[0]);
    assert.deepEqual(Object.keys(m), ['n', 'macro_f1', 'per_label', 'benign_fpr', 'indicators']);
    // preds: S S B B R B S P  vs gold: S S B S R B B P
    assert.equal(m.n, 8);
    assert.deepEqual(m.per_label.drug_sale, { precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    assert.deepEqual(m.per_label.courier_recruitment, { precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(m.per_label.drug_propaganda, { precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(m.per_label.benign, { precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    assert.equal(m.macro_f1, 0.8333);
    assert.equal(m.benign_fpr, 0.3333);
    // indicators: tp 3 (three handles), fn 1 (phone not in text), fp 1 (phone in row 7 not in gold)
    assert.deepEqual(m.indicators, { precision: 0.75, recall: 0.75, f1: 0.75 });
  });

  it('prints a table without --json', async () => {
    const t = io();
    assert.equal(await evalCommand([file], t), 0);
    assert.match(t.out(), /macro-F1=0\.8333/);
  });

  it('rejects bad rows with line numbers and exit code 2', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, [JSON.stringify(rows[0]), '{oops', JSON.stringify({ text: 'x', label: 'spam' }), JSON.stringify({ label: 'benign' })].join('\n'));
    const t = io();
    assert.equal(await evalCommand([bad, '--json'], t), 2);
    assert.equal(t.out(), '');
    assert.match(t.err(), /bad\.jsonl:2: invalid JSON/);
    assert.match(t.err(), /bad\.jsonl:3: field "label"/);
    assert.match(t.err(), /bad\.jsonl:4: missing string field "text"/);
    assert.equal(await evalCommand([], io()), 2);
  });

  it('computeMetrics handles absent labels', () => {
    const m = computeMetrics([{ gold: 'benign', pred: 'benign' }, { gold: 'drug_sale', pred: 'drug_sale' }]);
    assert.equal(m.macro_f1, 1);
    assert.deepEqual(m.per_label.drug_propaganda, { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(m.indicators, { precision: 1, recall: 1, f1: 1 });
  });
});
