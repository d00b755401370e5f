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

  // Rechecks of requested URLs and mirror detection (docs/monitor-rechecks.md). Fetches use the crawler's
  // SSRF allowlist, user agent, size/time and redirect limits above.
  /** How often the recheck batch runs (cron, Asia/Almaty). */
  RECHECK_CRON: z.string().default('*/10 * * * *'),
  /** Time between two checks of one URL. */
  RECHECK_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(30 * 24 * 60).default(360),
  /** URLs taken per batch run. */
  RECHECK_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(300),
  /** Least time between two recheck requests to one host. */
  RECHECK_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /** Hosts fetched in parallel by one batch. */
  RECHECK_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Hosts of the blocking authority's stub page (comma-separated; subdomains match): a redirect there means blocked. */
  QALQAN_BLOCKPAGE_HOSTS: z.string().default(''),
  /** Phrases of the stub page's visible text, separated by `|`, case-insensitive: a page containing one is blocked. */
  QALQAN_BLOCKPAGE_MARKERS: z.string().default(''),
  /** Largest SimHash Hamming distance (of 64 bits) that counts as a near-duplicate; up to 3 the band index misses no candidate. */
  MIRROR_MAX_DISTANCE: z.coerce.number().int().min(0).max(12).default(4),
  /** Run the mirror check (near-duplicates of known shops, reappeared alerts) in this process's workers. */
  MIRROR_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),

  // Finance chain adapters (docs/finance.md). A chain whose URL is unset cannot be fetched (traces use stored data only).
  /** Esplora REST base URL for Bitcoin, e.g. https://blockstream.info/api or a private esplora. */
  QALQAN_ESPLORA_URL: z.string().url().optional(),
  QALQAN_ESPLORA_RPS: z.coerce.number().positive().max(1000).default(4),
  /** TronGrid base URL, e.g. https://api.trongrid.io; the key goes in the TRON-PRO-API-KEY header. */
  QALQAN_TRONGRID_URL: z.string().url().optional(),
  QALQAN_TRONGRID_KEY: z.string().optional(),
  QALQAN_TRONGRID_RPS: z.coerce.number().positive().max(1000).default(5),
  /** Etherscan-v2-style endpoint, e.g. https://api.etherscan.io/v2/api (chainid=1 is added). */
  QALQAN_ETHERSCAN_URL: z.string().url().optional(),
  QALQAN_ETHERSCAN_KEY: z.string().optional(),
  QALQAN_ETHERSCAN_RPS: z.coerce.number().positive().max(1000).default(4),
  /** Rows per Etherscan page (`offset`); the API allows up to 10 000 per query window. */
  QALQAN_ETHERSCAN_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** Per-request timeout, retries after the first attempt, first backoff delay, and pages per address history. */
  QALQAN_CHAIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  QALQAN_CHAIN_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  QALQAN_CHAIN_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  QALQAN_CHAIN_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).default(200),
  // Ads → dropper registry (docs/finance-attribution.md): cards, IBANs and phones from flagged monitored posts.
  /** Region desk (ISO 3166-2:KZ) that receives instruments from posts naming no single region; unset = such sightings are counted, not registered. */
  QALQAN_FINANCE_ADS_REGION: z.string().regex(/^KZ-[0-9A-Z]{2,3}$/, 'must be an ISO 3166-2:KZ code, e.g. KZ-71').optional(),
  /** How often the registration job runs (cron, Asia/Almaty). */
  QALQAN_FINANCE_ADS_CRON: z.string().default('*/5 * * * *'),
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
