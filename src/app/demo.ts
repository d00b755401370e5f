import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { users } from '../platform/auth/schema.js';
import { systemActor } from '../platform/auth/actor.js';
import { createUser } from '../platform/auth/users.service.js';
import type { AppContext } from '../platform/http/context.js';
import { registerEvidence, recordCustody, listEvidence } from '../modules/evidence/evidence.service.js';
import { seedPlanDemo } from '../modules/plan/demo.js';
import { seedRatingDemo } from '../modules/rating/demo.js';
import { seedMonitorDemo } from '../modules/monitor/demo.js';
import { seedSituationDemo } from '../modules/situation/demo.js';
import { seedFinanceDemo } from '../modules/finance/demo.js';

/** Every demo record carries this marker so nobody mistakes it for real case data. */
export const SYNTHETIC = '[SYNTHETIC DEMO]';

/** A password that satisfies the policy and is easy to type from a terminal. */
export const randomPassword = () => randomBytes(15).toString('base64url');

/**
 * First start of a demo instance: create the first admin with a random password (printed
 * once, never stored in clear) and seed clearly marked synthetic records.
 */
export async function seedDemo(ctx: AppContext, print: (line: string) => void): Promise<void> {
  const [{ n }] = (await ctx.db.select({ n: count() }).from(users)) as [{ n: number }];
  if (Number(n) === 0) {
    const password = randomPassword();
    await createUser(ctx.db, systemActor('demo-setup'), { username: 'admin', displayName: 'Administrator', password, roles: ['admin', 'auditor'], national: true, regions: [], locale: 'ru' });
    print('');
    print('  ┌──────────────────────────────────────────────────────────────┐');
    print('  │ Qalqan demo: first administrator created                     │');
    print(`  │   username: admin                                            │`);
    print(`  │   password: ${password.padEnd(49)}│`);
    print('  │ Shown once. Change it after signing in, or create your own   │');
    print('  │ admin with: qalqan user create --role admin --region national│');
    print('  └──────────────────────────────────────────────────────────────┘');
    print('');
  }
  await seedEvidence(ctx);
  await seedPlanDemo(ctx);
  await seedRatingDemo(ctx);
  await seedSituationDemo(ctx);
  await seedMonitorDemo(ctx);
  await seedFinanceDemo(ctx);
}

const DEMO_ITEMS = [
  { region: 'KZ-75', caseNumber: 'DEMO-237510031000123', title: 'Mephedrone, 12 packets', category: 'substance', quantity: '24.6 g', location: 'Room 1, safe 3', holder: 'Demo custodian A' },
  { region: 'KZ-75', caseNumber: 'DEMO-237510031000123', title: 'Smartphone of a courier (Telegram client)', category: 'device', quantity: '1', location: 'Room 1, shelf 2', holder: 'Demo custodian A' },
  { region: 'KZ-71', caseNumber: 'DEMO-217110031000457', title: 'Hashish, pressed plate', category: 'substance', quantity: '98.0 g', location: 'Room 2, safe 1', holder: 'Demo custodian B' },
  { region: 'KZ-35', caseNumber: 'DEMO-353510031000789', title: 'Bank cards of droppers', category: 'document', quantity: '7 cards', location: 'Room 1, safe 1', holder: 'Demo custodian C' },
  { region: 'KZ-79', caseNumber: 'DEMO-797910031000246', title: 'Precision scales and packing bags', category: 'other', quantity: '1 set', location: 'Room 3', holder: 'Demo custodian D' },
] as const;

async function seedEvidence(ctx: AppContext): Promise<void> {
  const actor = systemActor('demo-seed');
  if ((await listEvidence(ctx.db, actor, { q: 'DEMO-', limit: 1 })).length) return;
  for (const item of DEMO_ITEMS) {
    const created = await registerEvidence(ctx.db, actor, { ...item, title: `${SYNTHETIC} ${item.title}`, description: 'Synthetic record for demonstration only.', sealNumber: 'DEMO-' + item.region.slice(3) + '-001' });
    if (item.category === 'substance') {
      await recordCustody(ctx.db, actor, created.id, { action: 'checked_out', toHolder: 'Demo forensic laboratory', location: 'Forensic lab', note: `${SYNTHETIC} sent for forensic examination` });
    }
  }
}
