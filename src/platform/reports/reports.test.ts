import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, csvLine } from './csv.js';
import { createPdf, finishPdf, stampPages } from './pdf.js';

/** Pages in a finished PDF: count the page objects (pdfkit writes one `/Type /Page` each). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('reports', () => {
  test('stampPages numbers every page and adds none', async () => {
    const doc = createPdf({ title: 'Тест — Қазақстан' });
    doc.text('Бірінші бет: әғқңөұүһі');
    doc.addPage().text('Екінші бет');
    doc.addPage().text('Үшінші бет');
    stampPages(doc, 'Qalqan');
    const pdf = await finishPdf(doc);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pageCount(pdf), 3);
  });

  test('CSV cells: formulas made inert, numbers kept, quoting per RFC 4180', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('-cmd|calc'), "'-cmd|calc");
    assert.equal(csvCell(-12.5), '-12.5');
    assert.equal(csvCell('-3'), '-3');
    assert.equal(csvCell('+77011234567'), '+77011234567');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
    assert.equal(csvLine(['x', 1]), 'x,1\r\n');
  });
});
