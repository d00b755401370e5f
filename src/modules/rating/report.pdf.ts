/**
 * The rating as a PDF: title and status, methodology with weights, ranking, per-region
 * contributions as stacked bars, Monte Carlo rank intervals, and the hashes that make it checkable.
 */
import { createPdf, finishPdf } from '../../platform/reports/pdf.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { MethodologyRow } from './methodology.service.js';
import type { Rating } from './rating.service.js';
import {
  colourOf, fmtChange, fmtDate, fmtInterval, fmtNumber, fmtRank, indicatorLabel, normalisationList, regionLabel, scoreDigits, weightShares,
} from './report.format.js';
import { REPORT_TEXT } from './report-text.js';

type Doc = PDFKit.PDFDocument;
const LEFT = 50;
const WIDTH = 495;
const BOTTOM = 842 - 60;

/** Start a new page when `h` points do not fit above the footer. */
function room(doc: Doc, h: number): boolean {
  if (doc.y + h <= BOTTOM) return false;
  doc.addPage();
  doc.y = 50;
  return true;
}

/**
 * One table line: cells at fixed widths, numbers right-aligned. `height` confines each cell to
 * its `lines` (cut with an ellipsis): without it pdfkit wraps freely and may even start a page.
 */
function row(doc: Doc, cells: string[], widths: number[], opts: { bold?: boolean; right?: number[]; size?: number; lines?: number } = {}): void {
  const size = opts.size ?? 8.5;
  const h = (opts.lines ?? 1) * (size + 2.5);
  room(doc, h + 4);
  const y = doc.y;
  let x = LEFT;
  doc.font(opts.bold ? 'bold' : 'regular').fontSize(size).fillColor('#111');
  cells.forEach((c, k) => {
    doc.text(c, x + 2, y, { width: widths[k]! - 4, height: h, ellipsis: true, align: opts.right?.includes(k) ? 'right' : 'left' });
    x += widths[k]!;
  });
  doc.moveTo(LEFT, y + h + 1).lineTo(LEFT + WIDTH, y + h + 1).lineWidth(0.3).strokeColor('#c8ced6').stroke();
  doc.x = LEFT;
  doc.y = y + h + 4;
}

/**
 * Footer with page numbers on every page. Not the platform's `stampPages`: it writes below the
 * bottom margin, which makes pdfkit add a blank page per page (reported; see docs/rating.md).
 */
function footer(doc: Doc, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin must not trigger pdfkit's automatic new page
    doc.font('regular').fontSize(7).fillColor('#555')
      .text(`${text}   ${i + 1} / ${range.count}`, LEFT, doc.page.height - 35, { width: WIDTH, height: 10, ellipsis: true, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

function heading(doc: Doc, text: string): void {
  room(doc, 60);
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#0b2f52').text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function note(doc: Doc, text: string): void {
  room(doc, 30);
  doc.font('regular').fontSize(8).fillColor('#444').text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.4);
}

/** Render the rating report in `lang`. Drafts carry a visible "not published" mark. */
export async function ratingPdf(rating: Rating, m: MethodologyRow, lang: Lang): Promise<Buffer> {
  const t = REPORT_TEXT[lang];
  const cfg = m.config;
  const digits = scoreDigits(cfg);
  const rows = rating.result.rows;
  const doc = createPdf({ title: `${t.title} \u2014 ${rating.period}` });

  doc.font('bold').fontSize(16).fillColor('#0b2f52').text(`${t.title} \u2014 ${rating.period}`, LEFT, 50, { width: WIDTH });
  doc.font('regular').fontSize(10).fillColor('#111').text(`${t.methodology}: ${m.name}, ${t.version.toLowerCase()} ${m.version}`, { width: WIDTH });
  if (rating.status !== 'published') doc.moveDown(0.3).font('bold').fontSize(11).fillColor('#b42318').text(`${t.draftMark} (${t.status[rating.status] ?? rating.status})`, { width: WIDTH });
  doc.moveDown(0.4).font('regular').fontSize(8.5).fillColor('#333');
  const meta = [
    rating.previousPeriod ? `${t.previousPeriod}: ${rating.previousPeriod}` : null,
    `${t.computed}: ${rating.computedBy}, ${fmtDate(rating.computedAt)}`,
    rating.approvedBy ? `${t.approved}: ${rating.approvedBy}, ${fmtDate(rating.approvedAt)}` : null,
    rating.publishedBy ? `${t.published}: ${rating.publishedBy}, ${fmtDate(rating.publishedAt)}` : null,
  ].filter(Boolean) as string[];
  for (const line of meta) doc.text(line, { width: WIDTH });

  heading(doc, t.methodology);
  const mw = [150, 40, 38, 85, 95, 42, 45];
  row(doc, [t.indicator, t.weight, t.share, t.direction, t.normalisation, t.target, t.perCapita], mw, { bold: true, size: 8, lines: 2 });
  const shares = weightShares(cfg);
  cfg.indicators.forEach((i, k) => row(doc, [
    indicatorLabel(cfg, i.code), String(i.weight), `${fmtNumber(lang, shares[k]!, 1)}%`, t.directions[i.direction] ?? i.direction,
    t.normalisations[i.normalisation] ?? i.normalisation, i.target === undefined ? '' : String(i.target),
    i.perCapita ? `/${i.perCapita.per >= 1000 ? `${i.perCapita.per / 1000}k` : i.perCapita.per}` : '',
  ], mw, { right: [1, 2, 5] }));
  note(doc, `${t.aggregation}: ${t.aggregations[cfg.aggregation]}. ${t.missing}: ${t.missingRules[cfg.missing]}.`);

  heading(doc, `${t.ranking} \u2014 ${rating.period}`);
  const sens = new Map(rating.sensitivity.map((s) => [s.region, s]));
  const rw = [35, 160, 45, 55, 55, 80, 65];
  const head = [t.rank, t.region, t.score, t.change, t.prevRank, t.interval, t.median];
  row(doc, head, rw, { bold: true, size: 8, lines: 2 });
  for (const r of rows) {
    const s = sens.get(r.region);
    if (room(doc, 16)) row(doc, head, rw, { bold: true, size: 8, lines: 2 });
    row(doc, [
      String(r.rank), regionLabel(r.region, lang) + (r.missing.length ? ' *' : ''), fmtNumber(lang, r.score, digits),
      rating.previousPeriod ? fmtChange(lang, r.change) : '', r.previousRank === null ? '' : String(r.previousRank),
      s ? fmtInterval(lang, s.p05, s.p95) : '', s ? fmtRank(lang, s.medianRank) : '',
    ], rw, { right: [0, 2, 3, 4, 5, 6] });
  }
  if (rows.some((r) => r.missing.length)) note(doc, t.missingMark);
  if (rating.result.unrated.length) note(doc, `${t.notRated}: ${rating.result.unrated.map((c) => regionLabel(c, lang)).join(', ')}`);

  contributions(doc, rating, m, lang);
  intervals(doc, rating, lang);

  heading(doc, 'SHA-256');
  note(doc, `${t.hash}: ${rating.inputHash}\n${t.resultHash}: ${rating.resultHash}`);
  footer(doc, `${rating.period} \u00b7 ${t.status[rating.status] ?? rating.status} \u00b7 SHA-256 ${rating.inputHash}`);
  return finishPdf(doc);
}

/** Stacked bars: each region's score split into indicator contributions (negative ones go left of 0). */
function contributions(doc: Doc, rating: Rating, m: MethodologyRow, lang: Lang): void {
  const t = REPORT_TEXT[lang];
  const cfg = m.config;
  heading(doc, t.contributions);
  note(doc, t.contributionsNote);
  // Legend: one swatch per indicator, wrapped over as many lines as needed.
  let x = LEFT;
  room(doc, 14);
  let ly = doc.y;
  cfg.indicators.forEach((i, k) => {
    const label = indicatorLabel(cfg, i.code);
    const w = Math.min(WIDTH, 12 + doc.font('regular').fontSize(8).widthOfString(label) + 12);
    if (x + w > LEFT + WIDTH) { x = LEFT; ly += 12; doc.y = ly; if (room(doc, 14)) ly = doc.y; }
    doc.rect(x, ly + 1, 9, 7).fill(colourOf(k));
    // text() moves doc.y; every swatch of a legend line is placed at the line's own y.
    doc.fillColor('#111').text(label, x + 12, ly, { width: w - 12, height: 10, ellipsis: true });
    x += w;
  });
  doc.y = ly + 16;
  const rows = rating.result.rows;
  const neg = Math.min(0, ...rows.map((r) => Object.values(r.contributions).reduce((s, c) => s + Math.min(0, c), 0)));
  const pos = Math.max(1e-9, ...rows.map((r) => Object.values(r.contributions).reduce((s, c) => s + Math.max(0, c), 0)));
  const barX = LEFT + 150;
  const barW = 285;
  const scale = barW / (pos - neg);
  const zero = barX + -neg * scale;
  for (const r of rows) {
    room(doc, 13);
    const y = doc.y;
    doc.font('regular').fontSize(8).fillColor('#111').text(`${r.rank}. ${regionLabel(r.region, lang)}`, LEFT, y, { width: 146, height: 10, ellipsis: true });
    let right = zero;
    let left = zero;
    cfg.indicators.forEach((i, k) => {
      const c = r.contributions[i.code] ?? 0;
      if (c === 0) return;
      const w = Math.abs(c) * scale;
      const at = c > 0 ? right : left - w;
      doc.rect(at, y, w, 9).fill(colourOf(k));
      if (c > 0) right += w; else left -= w;
    });
    // With z-scores contributions can be negative: mark zero on every line (lines may span pages).
    if (neg < 0) doc.moveTo(zero, y - 1.5).lineTo(zero, y + 10.5).lineWidth(0.5).strokeColor('#333').stroke();
    doc.fillColor('#111').text(fmtNumber(lang, r.score, scoreDigits(cfg)), barX + barW + 4, y, { width: 56, align: 'right', height: 10 });
    doc.y = y + 12;
  }
}

/** Rank intervals: axis 1…N, a line from the 5th to the 95th percentile, dot at the published rank. */
function intervals(doc: Doc, rating: Rating, lang: Lang): void {
  const t = REPORT_TEXT[lang];
  const o = rating.sensitivityOptions;
  heading(doc, t.sensitivity);
  note(doc, t.sensitivityNote(o.runs, o.seed, Math.round(o.weightJitter * 100), normalisationList(lang, o.normalisations)));
  const n = Math.max(2, rating.result.rows.length);
  const axisX = LEFT + 150;
  const axisW = 285;
  const xOf = (rank: number) => axisX + ((rank - 1) / (n - 1)) * axisW;
  const names = new Map(rating.result.rows.map((r) => [r.region, regionLabel(r.region, lang)]));
  for (const s of rating.sensitivity) {
    room(doc, 13);
    const y = doc.y;
    doc.font('regular').fontSize(8).fillColor('#111').text(`${s.rank}. ${names.get(s.region)}`, LEFT, y, { width: 146, height: 10, ellipsis: true });
    doc.moveTo(axisX, y + 4.5).lineTo(axisX + axisW, y + 4.5).lineWidth(0.3).strokeColor('#d0d5dc').stroke();
    doc.moveTo(xOf(s.p05), y + 4.5).lineTo(xOf(s.p95) + 0.01, y + 4.5).lineWidth(3).strokeColor('#4e79a7').stroke();
    doc.moveTo(xOf(s.medianRank), y).lineTo(xOf(s.medianRank), y + 9).lineWidth(1).strokeColor('#0b2f52').stroke();
    doc.circle(xOf(s.rank), y + 4.5, 2.6).fill('#e15759');
    doc.fillColor('#111').text(fmtInterval(lang, s.p05, s.p95), axisX + axisW + 4, y, { width: 56, align: 'right', height: 10 });
    doc.y = y + 12;
  }
  doc.lineWidth(1);
}
