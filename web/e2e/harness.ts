import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../src/platform/testing/app.js';
import { startJobs } from '../../src/app/runtime.js';

/**
 * One server (PGlite costs seconds) and one browser for a whole e2e file, plus the few
 * helpers every scenario needs. Scenarios share the browser profile, so each signs in afresh.
 */

export const CHROMIUM = '/usr/bin/chromium';
/** `false` to run, or the reason the suite is skipped. */
export const skipReason: string | false = existsSync(CHROMIUM) ? false : `Chromium not installed at ${CHROMIUM}: apt-get install chromium`;
export const SHOTS = '/tmp/qalqan-shots';

const WEB = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/**
 * The server serves web/dist; build it when the runner has not, or when a source file is newer
 * than the build (a stale bundle would test yesterday's UI).
 */
export async function ensureBuilt(): Promise<void> {
  const index = join(WEB, 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs)) return;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}

export interface E2E {
  t: TestApp;
  base: string;
  ctx: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (CSP violations land here). */
  problems: string[];
  close(): Promise<void>;
}

/** How a browser test wants its server and browser. */
export interface E2EOptions {
  /** Extra environment for the server's config (e.g. an SSRF allowlist for a local site). */
  env?: Record<string, string>;
  /** Run the background job workers in the test process (ingest, detection, rechecks…). */
  jobs?: boolean;
  /** Software WebGL (SwiftShader) for pages that draw with WebGL, e.g. the sigma.js graph. */
  webgl?: boolean;
  /** Default timeout of page actions (ms). */
  timeoutMs?: number;
  /** Collect page errors into this array instead of a new one. */
  problems?: string[];
}

export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  await ensureBuilt();
  const t = await startTestApp('pglite', opts.env);
  if (opts.jobs) await startJobs(t.ctx);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'qalqan-e2e-'));
  const gpu = opts.webgl ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu'];
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-GB',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    args: ['--no-sandbox', ...gpu, '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  ctx.setDefaultTimeout(opts.timeoutMs ?? 15_000);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const problems: string[] = opts.problems ?? [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 4xx answers are expected in these scenarios (wrong password, 404 probe); anything else is not.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    t, base, ctx, page, problems,
    async close() {
      await ctx.close().catch(() => undefined);
      await t.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the login page signed out, in English, so selectors can use the English labels. */
export async function openLogin(e: E2E): Promise<Page> {
  const { page } = e;
  await e.ctx.clearCookies();
  await page.goto(`${e.base}/login`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  return page;
}

export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign in with password only and wait for the overview. */
export async function signIn(e: E2E, username: string, password: string): Promise<Page> {
  const page = await openLogin(e);
  await submitLogin(page, username, password);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  return page;
}

/** The text of the login/page alert once it has some. */
export async function alertText(page: Page): Promise<string> {
  const alert = page.locator('[role="alert"]').filter({ hasText: /\S/ }).first();
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

/** Follow a main-navigation entry (English labels). */
export async function navTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}
