/** Small layout helpers over pdfkit for the finance PDFs: headings, key–value lines, tables that break across pages. */

type Doc = PDFKit.PDFDocument;

const LEFT = 50;
const width = (doc: Doc) => doc.page.width - 100;

/** Start a new page when less than `need` points remain. */
export function ensure(doc: Doc, need: number): void {
  if (doc.y + need > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 13): void {
  ensure(doc, size * 3);
  doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#000').text(text, LEFT, doc.y, { width: width(doc) }).moveDown(0.3).font('regular').fontSize(9);
}

/** "Label: value" lines, the label in bold. */
export function keyValues(doc: Doc, rows: [string, string][]): void {
  doc.fontSize(9);
  for (const [k, v] of rows) {
    ensure(doc, 14);
    doc.font('bold').text(`${k}: `, LEFT, doc.y, { continued: true, width: width(doc) }).font('regular').text(v || '—');
  }
}

export function paragraph(doc: Doc, text: string, size = 9): void {
  ensure(doc, 30);
  doc.font('regular').fontSize(size).fillColor('#000').text(text, LEFT, doc.y, { width: width(doc), align: 'left' }).moveDown(0.3);
}

/**
 * A table with a bold header, relative column widths and wrapped cells; the header is repeated
 * on every new page. Long values (addresses, hashes) wrap inside their cell.
 */
export function table(doc: Doc, header: string[], rows: string[][], weights: number[], size = 7.5): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width(doc));
  const pad = 2;
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || '—', { width: widths[i]! - pad * 2 }))) + pad * 2;
  };
  const draw = (cells: string[], bold: boolean) => {
    const h = rowHeight(cells, bold);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom - 20) { doc.addPage(); if (!bold) draw(header, true); }
    const y = doc.y;
    let x = LEFT;
    if (bold) doc.rect(LEFT, y, width(doc), h).fill('#e8eef5').fillColor('#000');
    cells.forEach((c, i) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(size).fillColor('#000').text(c || '—', x + pad, y + pad, { width: widths[i]! - pad * 2 });
      x += widths[i]!;
    });
    doc.moveTo(LEFT, y + h).lineTo(LEFT + width(doc), y + h).lineWidth(0.3).strokeColor('#bbb').stroke();
    doc.x = LEFT;
    doc.y = y + h;
  };
  ensure(doc, 40);
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.5);
}

/** A number in the report's style: up to 8 decimals, no trailing zeros, thin-space thousands. */
export function amount(n: number): string {
  const [i, f] = n.toFixed(8).replace(/\.?0+$/, '').split('.');
  return i!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') + (f ? '.' + f : '');
}
