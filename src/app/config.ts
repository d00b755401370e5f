import { z } from 'zod';
import { resolve } from 'node:path';
import { parseAllowlist } from '../modules/monitor/sources/ip.js';

/**
 * Runtime configuration. The only source is the environment (12-factor); every value is
 * validated at boot so a typo fails loudly with the variable's name instead of at first use.
 */
export const configSchema = z.object({
  /** postgres://… to use a PostgreSQL server; unset = embedded PGlite under QALQAN_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  /** Directory for embedded database files, secrets and uploads. */
  QALQAN_DATA_DIR: z.string().min(1).default('./var'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Public base URL; when https, session cookies are marked Secure. */
  PUBLIC_URL: z.string().url().optional(),
  /** Trust X-Forwarded-* from a reverse proxy (needed for correct client IPs behind TLS termination). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** 32-byte key (hex or base64) encrypting second-factor secrets; generated into the data dir when unset. */
  QALQAN_SECRET_KEY: z.string().optional(),
  /** Largest accepted request body in bytes (batch ingest needs a few MB). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(16 * 1024 * 1024),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Seed synthetic demo data (clearly marked) on first start. */
  QALQAN_DEMO: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Run background job workers in this process. */
  QALQAN_WORKERS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Serve the built SPA from this directory (default web/dist). */
  QALQAN_WEB_DIR: z.string().optional(),

  // Monitoring sources (docs/monitor-sources.md): the web crawler and the Telegram channel reader.
  /** User-Agent of the crawler; its first token (before `/`) is the name robots.txt groups are matched against. */
  CRAWLER_USER_AGENT: z.string().min(3).max(300).default('QalqanBot/0.1 (+https://github.com/qalqan)'),
  /** Private targets the crawler may reach despite the SSRF guard: comma-separated host:port, [v6]:port, CIDR or IP. */
  CRAWLER_ALLOW_PRIVATE_HOSTS: z.string().default('').refine(validAllowlist, 'entries must be host:port, [v6]:port, an IP or a CIDR'),
  /** Upper bounds for a crawl run; a request may ask for less, never more. */
  CRAWLER_MAX_DEPTH: z.coerce.number().int().min(0).max(10).default(2),
  CRAWLER_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(500),
  CRAWLER_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  CRAWLER_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  CRAWLER_RUN_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  CRAWLER_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Least time between two requests to one host (a site's larger Crawl-delay wins). */
  CRAWLER_MIN_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** my.telegram.org application credentials; Telegram polling is off unless both are set and channels are listed. */
  TELEGRAM_API_ID: z.coerce.number().int().positive().optional(),
  TELEGRAM_API_HASH: z.string().regex(/^[0-9a-f]{32}$/, 'must be the 32-hex api_hash').optional(),
  /** StringSession file (mode 0600); default <QALQAN_DATA_DIR>/telegram.session. */
  TELEGRAM_SESSION_FILE: z.string().optional(),
  /** Public channel usernames to poll, comma-separated (@name or t.me/name accepted). */
  TELEGRAM_CHANNELS: z.string().default(''),
  TELEGRAM_POLL_CRON: z.string().default('*/10 * * * *'),
  /** Longest FloodWait slept through inline; longer waits back the channel off until they pass. */
  TELEGRAM_FLOOD_WAIT_MAX_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** Messages taken from a channel on its first poll. */
  TELEGRAM_BACKFILL: z.coerce.number().int().min(0).max(10_000).default(100),
  TELEGRAM_MAX_MESSAGES_PER_POLL: z.coerce.number().int().min(1).max(100_000).default(1000),

  RECHECK_CRON: z.string().default('*/10 * * * *'),
  RECHECK_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(30 * 24 * 60).default(360),
  RECHECK_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(300),
  RECHECK_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  RECHECK_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
});

/** Validate CRAWLER_ALLOW_PRIVATE_HOSTS at boot (the crawler parses it again with the same code). */
function validAllowlist(text: string): boolean {
  try { parseAllowlist(text); return true; } catch { return false; }
}

export type AppConfig = z.infer<typeof configSchema> & { dataDir: string };

/** Thrown when the environment does not validate; the CLI prints it and exits 1. */
export class ConfigError extends Error {}

/** Parse and validate configuration from an environment object (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings in env files mean "unset", not "the empty value".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.QALQAN_DATA_DIR) };
}
