import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

// Each command loads what it needs when it runs: the server, the database layer and every
// module's routes take seconds to load, which `qalqan scan` or `qalqan eval` never use.
const runtime = () => import('./runtime.js');

/** Where the CLI writes; injectable so tests can run commands in-process. */
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

const USAGE = `qalqan — Qalqan platform command line

  qalqan serve                         start the HTTP server (and workers)
  qalqan db migrate                    apply pending database migrations
  qalqan db dump FILE                  write a portable backup (PGlite or PostgreSQL)
  qalqan db restore FILE [--force]     restore a backup into the configured database
  qalqan user create --username NAME --role ROLE[,ROLE] --region national|KZ-xx[,KZ-yy]
                     [--display-name TEXT] [--password-stdin] [--locale kk|ru|en]
  qalqan audit verify                  check the audit hash chain; exit 1 if broken
  qalqan scan [FILE|-]                 classify messages (plain lines or JSONL), JSON lines out
                     [--no-explain] [--max-line-bytes N] [--jobs N]
  qalqan import FILE --source NAME [--format telegram|csv|jsonl] [--no-wait]
                                       ingest a Telegram export, CSV or JSONL file (progress on stderr)
  qalqan eval FILE [--json]            evaluate the detector on labelled JSONL
  qalqan monitor feedback-export FILE|- [--from DATE] [--to DATE]
                                       reviewed items as corpus JSONL (npm run train -- --feedback FILE)
  qalqan rating compute --methodology M.json --values V.csv --period PERIOD [--json]
                                       compute the akimat rating (see docs/rating-engine.md)

Configuration comes from the environment: DATABASE_URL (PostgreSQL; unset = embedded PGlite
in QALQAN_DATA_DIR, default ./var), HOST, PORT, LOG_LEVEL, QALQAN_DEMO, ... (see README).`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const print = (s: NodeJS.WritableStream, line: string) => s.write(line + '\n');

async function withConfig(io: CliIO, fn: (config: AppConfig) => Promise<number>): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) return print(io.stderr, e.message), 1;
    throw e;
  }
  return fn(config);
}

const serve: Command = (_args, io) => withConfig(io, async (config) => {
  const [{ closeContext, openContext, startJobs }, { buildServer }, { seedDemo }] = await Promise.all([runtime(), import('./server.js'), import('./demo.js')]);
  const log = (m: string, x?: unknown) => print(io.stderr, `${m} ${x ? JSON.stringify(x) : ''}`);
  const ctx = await openContext(config, { jobs: false });
  const app = await buildServer(ctx);
  // Listen first: /healthz answers while queues start and demo data is seeded (/readyz tells when jobs run).
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  print(io.stdout, `Qalqan is serving on ${address.replace('0.0.0.0', '127.0.0.1')} (database: ${ctx.database.kind}${ctx.database.kind === 'pglite' ? ' in ' + config.dataDir : ''})`);
  // Signals are handled from here on, so a stop during start-up (queues, demo seeding) still
  // closes the server and the database cleanly instead of killing the process mid-write.
  let stopping = false;
  let exitCode = 0;
  let stop = () => undefined as void;
  const stopped = new Promise<void>((resolve) => {
    stop = () => { stopping = true; resolve(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const startup = (async () => {
    if (config.QALQAN_WORKERS && !stopping) await startJobs(ctx, log);
    if (config.QALQAN_DEMO && !stopping) await seedDemo(ctx, (l) => print(io.stdout, l));
  })().catch((e: unknown) => {
    if (stopping) return;
    // A server without its workers or demo would look alive but not work: stop, non-zero.
    log('start-up failed', { error: e instanceof Error ? e.message : String(e) });
    exitCode = 1;
    stop();
  });
  await stopped;
  await app.close();
  // Let a running start-up step reach its end (bounded), then close the database under it.
  await Promise.race([startup, new Promise((r) => setTimeout(r, 10_000).unref())]);
  await closeContext(ctx);
  return exitCode;
});

const db: Command = async (args, io) => {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  const [sub, file] = positionals;
  return withConfig(io, async (config) => {
    const [{ openConfiguredDatabase }, { migrate }, { DumpError, dumpDatabase, restoreDatabase }] = await Promise.all([
      runtime(), import('../platform/db/migrate.js'), import('../platform/db/dump.js'),
    ]);
    const database = await openConfiguredDatabase(config);
    try {
      if (sub === 'migrate') {
        await migrate(database);
        print(io.stdout, `migrations applied (${database.kind})`);
      } else if (sub === 'dump' && file) {
        await migrate(database);
        const counts = await dumpDatabase(database, file);
        print(io.stdout, `dumped ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${Object.keys(counts).length} tables to ${file}`);
      } else if (sub === 'restore' && file) {
        const counts = await restoreDatabase(database, file, { force: values.force });
        print(io.stdout, `restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${database.kind}`);
      } else {
        print(io.stderr, USAGE);
        return 2;
      }
      return 0;
    } catch (e) {
      if (e instanceof DumpError) return print(io.stderr, `error: ${e.message}`), 1;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return print(io.stderr, `error: no such file: ${file}`), 1;
      throw e;
    } finally {
      await database.close();
    }
  });
};

async function readStdinLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let data = '';
  for await (const chunk of stdin) data += chunk.toString();
  return data.split(/\r?\n/)[0] ?? '';
}

const user: Command = async (args, io) => {
  const { positionals, values } = parseArgs({
    args, allowPositionals: true,
    options: { username: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, 'display-name': { type: 'string' }, 'password-stdin': { type: 'boolean' }, locale: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.role || !values.region) return print(io.stderr, USAGE), 2;
  const roles = values.role.split(',').map((s) => s.trim());
  const regionList = values.region.split(',').map((s) => s.trim());
  const national = regionList.length === 1 && regionList[0] === 'national';
  const username = values.username ?? (roles.includes('admin') ? 'admin' : '');
  if (!username) return print(io.stderr, 'error: --username is required'), 2;
  const generated = !values['password-stdin'];
  const [{ closeContext, openContext }, { randomPassword }, { systemActor }, { createUser }, { ERRORS, isAppError }, { t }] = await Promise.all([
    runtime(), import('./demo.js'), import('../platform/auth/actor.js'), import('../platform/auth/users.service.js'),
    import('../platform/errors/catalogue.js'), import('../platform/i18n/index.js'),
  ]);
  const password = generated ? randomPassword() : await readStdinLine(io.stdin);
  return withConfig(io, async (config) => {
    const ctx = await openContext(config, { jobs: false });
    try {
      const u = await createUser(ctx.db, systemActor('cli'), {
        username, displayName: values['display-name'] ?? username, password, roles, national, regions: national ? [] : regionList,
        locale: (['kk', 'ru', 'en'] as const).find((l) => l === values.locale),
      });
      print(io.stdout, `created user ${u.username} (${u.roles.join(', ')}; ${u.national ? 'national' : u.regions.join(', ')})`);
      if (generated) print(io.stdout, `password (shown once): ${password}`);
      return 0;
    } catch (e) {
      if (isAppError(e)) return print(io.stderr, `error: ${t('en', ERRORS[e.code].key, e.params)}${e.details ? ' ' + JSON.stringify(e.details) : ''}`), 1;
      throw e;
    } finally {
      await closeContext(ctx);
    }
  });
};

const audit: Command = async (args, io) => {
  if (args[0] !== 'verify') return print(io.stderr, USAGE), 2;
  return withConfig(io, async (config) => {
    const [{ openConfiguredDatabase }, { migrate }, { verifyAudit }] = await Promise.all([
      runtime(), import('../platform/db/migrate.js'), import('../platform/audit/audit.service.js'),
    ]);
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      const r = await verifyAudit(database.db);
      if (r.ok) print(io.stdout, `audit chain OK: ${r.rows} rows verified`);
      else print(io.stderr, `AUDIT CHAIN BROKEN at row seq=${r.broken!.seq} (${r.broken!.reason}); ${r.rows} rows read`);
      return r.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  });
};

// The detector is loaded only for the commands that need it: it is not part of server start-up.
const scan: Command = async (args, io) => (await import('../modules/monitor/detect/cli.js')).scanCommand(args, io);
const evaluate: Command = async (args, io) => (await import('../modules/monitor/detect/cli.js')).evalCommand(args, io);

const rating: Command = async (args, io) => (await import('../modules/rating/engine/cli.js')).ratingCommand(args, io);

// File import through the monitor ingest pipeline; this process runs the detection workers too.
const importCmd: Command = (args, io) => withConfig(io, async (config) => {
  const { closeContext, openContext } = await runtime();
  return (await import('../modules/monitor/import/cli.js')).importCommand(args, io, () => openContext(config, { jobs: true }), closeContext);
});

// Monitor desk commands (feedback export for `npm run train -- --feedback FILE`).
const monitorCmd: Command = (args, io) => withConfig(io, async (config) => {
  const { closeContext, openContext } = await runtime();
  return (await import('../modules/monitor/review/cli.js')).monitorCommand(args, io, () => openContext(config, { jobs: false }), closeContext);
});

const COMMANDS: Record<string, Command> = { serve, db, user, audit, scan, eval: evaluate, rating, import: importCmd, monitor: monitorCmd };

/** Run one CLI invocation; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return print(io.stdout, USAGE), name ? 0 : 2;
  const cmd = COMMANDS[name];
  if (!cmd) return print(io.stderr, `unknown command: ${name}\n\n${USAGE}`), 2;
  try {
    return await cmd(rest, io);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return print(io.stderr, `error: ${(e as Error).message}\n\n${USAGE}`), 2;
    }
    print(io.stderr, `error: ${(e as Error).message}`);
    return 1;
  }
}
