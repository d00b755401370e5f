import { z } from 'zod';
import { resolve } from 'node:path';

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
});

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
