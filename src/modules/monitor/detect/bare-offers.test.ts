/**
 * Regression guard for the bare offer: a sale word and a drug name, with no contact, dead drop or
 * price ("Продаю мефедрон"). Until the 2026-12-06 evening model seven of these eight read as benign
 * (risk 0.08–0.9, under the 0.92 cut) and "Got weed, hit me up" as propaganda, because every shop
 * ad the model had seen carried a contact or a drop. The
 * training families ru/kk/en.sale.bare were added for them, with benign twins of the same shape
 * (reports of sellers, ordinary bare classifieds). These lines were written to find the miss, so
 * they guard the fix; they are not an evaluation (docs/monitor-detect.md has the held-out figures).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDetector } from './index.js';

const SALE = ['Продаю мефедрон', 'Продам гашиш', 'Мефедрон в наличии', 'Кокаин недорого', 'Меф сатамын', 'Гашиш сатылады, жазыңыз', 'Got weed, hit me up'];
/**
 * Flagged by the model of the bare-offer fix (risk 0.95), at the 0.92 cut since the lexicon matches
 * Cyrillic terms typed in Latin (0.917–0.921 in every variant of that change measured); 0.945 with
 * 2^18 buckets, over the 0.94 cut of 2026-12-07.
 * Kept in view: it must not slide back towards the 0.1–0.5 of the miss that the fix was made for.
 */
const NEAR = ['Selling coke, DM me'];
const BENIGN = ['Продаю велосипед, почти новый', 'Продаю соль для ванн', 'Кто продаёт гашиш у школы — звоните 102', 'Задержан мужчина, который продавал мефедрон через закладки',
  'Меф сатамын деген хабарламаларға сенбеңіз, полицияға хабарласыңыз', 'Ешкі сатылады, Талғар', 'Selling my old bike', 'Продаю грибы белые, сушёные'];

describe('detect: bare offers and their benign twins', () => {
  const det = getDetector();
  it('flags a sale word with a drug name as drug_sale', () => {
    for (const t of SALE) assert.equal(det.detect(t).label, 'drug_sale', t);
  });
  it('keeps the known near miss close to the cut', () => {
    for (const t of NEAR) assert.ok(1 - det.detect(t).scores.benign >= 0.9, t);
  });
  it('keeps ordinary classifieds and reports of sellers benign', () => {
    for (const t of BENIGN) assert.equal(det.detect(t).label, 'benign', t);
  });
});
