/**
 * Demo data for attribution and the dropper registry — SYNTHETIC, clearly marked: a regional
 * manual tag, the TagPack fixture imported as a marked pack, a bank's CSV report, three marked
 * drug ads run through monitoring and registered by the ads job, and a draft freeze request from
 * the demo trace. Card numbers, IBANs and phones are generated with valid checksums and belong to
 * nobody on purpose (test BIN ranges, a demo account range). Idempotent: every part checks first.
 */
import { readFileSync } from 'node:fs';
import { SYNTHETIC } from '../../app/demo.js';
import { systemActor, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/catalogue.js';
import type { AppContext } from '../../platform/http/context.js';
import { detectItems } from '../monitor/ingest.detect.js';
import { ingestBatch } from '../monitor/ingest.service.js';
import { listRequests } from '../monitor/requests/requests.service.js';
import { syncAdsDroppers } from './droppers/ads.service.js';
import { importBankCsv, listDroppers } from './droppers/droppers.service.js';
import { ADS_SYNC_ACTOR } from './jobs.js';
import { createFreezeRequest, freezeCandidatesOf } from './reports/reports.service.js';
import { syntheticTron } from './store/synthetic.js';
import { listPacks } from './tags/tagpack.service.js';
import { addTag, importTagPack } from './tags/tags.service.js';
import type { TraceRun } from './trace/trace.service.js';

/** A Luhn-valid 16-digit number from a 15-digit body. */
function luhnCard(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < 16; i++) { let x = Number(s[15 - i]); if (i % 2) { x *= 2; if (x > 9) x -= 9; } sum += x; }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

/** A KZ IBAN with valid mod-97 check digits for a bank code and 13-character account. */
function kzIban(bank: string, account: string): string {
  const bban = bank + account;
  const digits = (bban + 'KZ00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return `KZ${String(98 - r).padStart(2, '0')}${bban}`;
}

// Deterministic synthetic instruments (Visa test BIN 400000…, accounts 0000DEMO…).
export const DEMO_INSTRUMENTS = {
  adCard: luhnCard('400000000000101'), adPhone: '+77000000101',
  bankCard: luhnCard('400000000000202'), bankIban: kzIban('722', 'S000000DEMO02'), bankPhone: '+77000000202',
};

const CASE = 'DEMO-FIN-2026-0001';

async function ignoreConflict(p: Promise<unknown>): Promise<void> {
  try { await p; } catch (e) { if (!(e instanceof AppError && e.code === 'record.conflict')) throw e; }
}

export async function seedFinanceAttributionDemo(ctx: AppContext, run: TraceRun | null): Promise<void> {
  const actor = systemActor('demo-seed');
  const db = ctx.db;

  // A regional manual tag: a local shop's collection wallet, known to the Almaty desk only.
  await ignoreConflict(addTag(db, actor, {
    chain: 'tron', address: syntheticTron('demo-local-shop'), label: `${SYNTHETIC} Local shop wallet (Almaty)`, category: 'drug_shop',
    source: `${SYNTHETIC} case ${CASE}, courier's phone`, confidence: 'forensic', region: 'KZ-75',
  }));

  // The TagPack fixture, imported as a marked pack (once).
  const title = `${SYNTHETIC} Kazakhstan exchange deposit addresses`;
  if (!(await listPacks(db, actor)).some((p) => p.title === title)) {
    const yaml = readFileSync(new URL('./tags/fixtures/tagpack.yaml', import.meta.url), 'utf8')
      .replace(/^title: .*$/m, `title: "${title}"`)
      .replace(/^(\s*-?\s*label: )(.+)$/gm, (_, k: string, v: string) => `${k}"${SYNTHETIC} ${v.replace(/^"|"$/g, '')}"`);
    await importTagPack(db, actor, yaml, { acceptValid: true });
  }

  await seedDroppers(ctx, actor);

  // A draft freeze request to the biggest exchange the demo trace reached (once).
  if (run) {
    const c = freezeCandidatesOf(run).find((x) => x.category === 'exchange');
    const open = await listRequests(db, actor, { origin: 'finance', target: 'exchange', region: run.region, limit: 500 });
    if (c && !open.requests.some((r) => r.title.includes(CASE))) {
      // The service is named after its tag, which carries the synthetic marker already.
      const marked = c.service.startsWith(SYNTHETIC) ? c.service : `${SYNTHETIC} ${c.service}`;
      await createFreezeRequest(db, actor, run.id, { service: c.service, title: `${marked} · ${CASE}` });
    }
  }
}

async function seedDroppers(ctx: AppContext, actor: Actor): Promise<void> {
  const db = ctx.db;
  const I = DEMO_INSTRUMENTS;
  // "Reported by bank": one CSV report into the Almaty registry (once).
  if (!(await listDroppers(db, actor, { q: I.bankIban, region: 'KZ-75', limit: 1 })).droppers.length) {
    const csv = ['type,value,bank,report_ref,reported_at,holder_name,shop,wallet,amount_kzt,note',
      `card,${I.bankCard},${SYNTHETIC} Demo Bank,DEMO-12/345,2026-01-12,${SYNTHETIC} Holder A,${SYNTHETIC} Alma Shop,,150000,synthetic demo row`,
      `iban,${I.bankIban},${SYNTHETIC} Demo Bank,DEMO-12/345,2026-01-12,${SYNTHETIC} Holder B,${SYNTHETIC} Alma Shop,${syntheticTron('demo-shop')},480000,synthetic demo row`,
      `phone,${I.bankPhone},${SYNTHETIC} Demo Bank,DEMO-12/346,2026-01-14,,${SYNTHETIC} Alma Shop,,,synthetic demo row`].join('\n');
    await importBankCsv(db, actor, csv, { region: 'KZ-75', bank: `${SYNTHETIC} Demo Bank` });
  }
  // "Seen in ads": drug ads through the real monitoring pipeline, then the ads job. The marker is
  // on the source and channel, not in the text: the detector reads "SYNTHETIC" as a generic drug
  // word (synthetic drugs), which tips a short ad toward a news item.
  const posts = [
    `Меф, шишки — Алматы, клады 24/7. Оплата на карту ${I.adCard.replace(/(\d{4})/g, '$1 ').trim()}`,
    `Alma Shop: мефедрон, Алматы. Kaspi ${I.adPhone}, оплата на карту ${I.adCard}`,
  ];
  const r = await ingestBatch(ctx, actor, {
    source: { kind: 'api', name: `${SYNTHETIC} finance ads` },
    items: posts.map((text, i) => ({ text, externalId: `demo-fin-ad-${i}`, channel: `${SYNTHETIC} alma_shop`, postedAt: new Date(Date.UTC(2026, 0, 11 + i)).toISOString() })),
  });
  if (r.ids.length) await detectItems(db, actor, r.ids);
  await syncAdsDroppers(db, systemActor(ADS_SYNC_ACTOR), { defaultRegion: ctx.config.QALQAN_FINANCE_ADS_REGION ?? null });
}
