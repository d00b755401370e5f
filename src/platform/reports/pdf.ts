import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

// DejaVu Sans ships with npm (dejavu-fonts-ttf) and covers Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і),
// so PDFs look the same on every machine without system fonts.
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONTS = { regular: join(FONT_DIR, 'DejaVuSans.ttf'), bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

/** A4 document with the platform fonts registered as 'regular' and 'bold'. */
export function createPdf(info: { title: string; author?: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: info.title, Author: info.author ?? 'Qalqan', Creator: 'Qalqan' } });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  return doc;
}

/** Page numbers "n / N" and a footer line on every page; call before `finishPdf`. */
export function stampPages(doc: PDFKit.PDFDocument, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin makes pdfkit start a new (blank) page; lift the margin
    // while the footer is written, then put it back.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 35;
    doc.font('regular').fontSize(8).fillColor('#555')
      .text(`${footer}   ${i + 1} / ${range.count}`, 50, y, { width: doc.page.width - 100, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** End the document and collect it into one Buffer. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
