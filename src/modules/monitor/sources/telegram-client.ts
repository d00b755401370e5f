import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions/index.js';
import type { AppConfig } from '../../../app/config.js';
import type { TelegramInvoker } from './telegram.js';

/**
 * The real MTProto client (gramjs). Not exercised by the tests — they use telegram.fake.ts
 * through the same `invoke` surface; this file only builds and connects the client.
 */
export const sessionFileOf = (config: AppConfig) => config.TELEGRAM_SESSION_FILE ?? join(config.dataDir, 'telegram.session');

/** True when Telegram polling can run: credentials and at least one channel configured. */
export const telegramConfigured = (config: AppConfig) =>
  Boolean(config.TELEGRAM_API_ID && config.TELEGRAM_API_HASH && config.TELEGRAM_CHANNELS.trim());

export function newClient(config: AppConfig, session: string): TelegramClient {
  return new TelegramClient(new StringSession(session), config.TELEGRAM_API_ID!, config.TELEGRAM_API_HASH!, {
    connectionRetries: 5,
    // FloodWaits surface to telegram.ts, which sleeps within TELEGRAM_FLOOD_WAIT_MAX_SECONDS and backs
    // the channel off otherwise; gramjs' own silent sleeping would hide them from the run stats.
    floodSleepThreshold: 0,
  });
}

/** Connect with the stored session; refuses to start an interactive login inside a worker. */
export async function openTelegram(config: AppConfig): Promise<TelegramInvoker & { disconnect(): Promise<void> }> {
  const file = sessionFileOf(config);
  if (!existsSync(file)) throw new Error(`Telegram session file ${file} is missing; create it with: npx tsx src/modules/monitor/sources/telegram-login.ts`);
  const client = newClient(config, readFileSync(file, 'utf8').trim());
  client.setLogLevel('error' as never);
  await client.connect();
  if (!(await client.checkAuthorization())) {
    await client.disconnect();
    throw new Error(`Telegram session in ${file} is not authorised (revoked or expired); log in again`);
  }
  return client;
}

/** Write a session string readable by the owner only: it is a full login to the account. */
export function saveSession(file: string, session: string): void {
  writeFileSync(file, session + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
}
