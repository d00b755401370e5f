// Generate a migration for one module's schema, safely when several people work at once.
//   npx tsx scripts/db-generate.ts <name> <module>      e.g.  npx tsx scripts/db-generate.ts situation situation
//   (<module> may be one nested folder, e.g. monitor/sources, for a sub-module's own schema.ts)
// 1. takes a lock (drizzle/.lock) so two generations never interleave;
// 2. registers src/modules/<module>/schema.ts in src/platform/db/schema.ts if it is not yet;
// 3. if the newest migration is this name's and not committed yet, removes it first, so
//    iterating on a new schema still lands as one migration per change;
// 4. runs drizzle-kit generate --name <name>.
// Committed migrations are never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';

const [name, mod] = process.argv.slice(2);
if (!name || !mod || !/^[a-z0-9_]+$/.test(name) || !/^[a-z0-9_-]+(\/[a-z0-9_-]+)?$/.test(mod)) {
  console.error('usage: tsx scripts/db-generate.ts <migration-name> <module-folder>');
  process.exit(2);
}
const LOCK = 'drizzle/.lock';
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
for (let waited = 0; ; waited += 500) {
  try { mkdirSync(LOCK); break; } catch {
    if (waited > 300_000) { console.error(`could not take ${LOCK} (remove it if no generation is running)`); process.exit(1); }
    sleep(500);
  }
}
try {
  const schemaIndex = 'src/platform/db/schema.ts';
  const line = `export * from '../../modules/${mod}/schema.js';`;
  if (!existsSync(`src/modules/${mod}/schema.ts`)) throw new Error(`src/modules/${mod}/schema.ts does not exist`);
  const idx = readFileSync(schemaIndex, 'utf8');
  if (!idx.includes(line)) writeFileSync(schemaIndex, idx.trimEnd() + '\n' + line + '\n');

  const journalPath = 'drizzle/meta/_journal.json';
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.at(-1);
  if (last && last.tag.endsWith(`_${name}`)) {
    const file = `drizzle/${last.tag}.sql`;
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', file], { stdio: 'ignore' }).status === 0;
    if (!tracked) {
      rmSync(file, { force: true });
      rmSync(`drizzle/meta/${String(last.idx).padStart(4, '0')}_snapshot.json`, { force: true });
      journal.entries.pop();
      writeFileSync(journalPath, JSON.stringify(journal, null, 2) + '\n');
      console.log(`replacing uncommitted migration ${last.tag}`);
    }
  }
  execFileSync('npx', ['drizzle-kit', 'generate', '--name', name], { stdio: 'inherit' });
} finally {
  rmdirSync(LOCK);
}
