// Create the Telegram session file for the channel reader (interactive, run once by an operator):
//   TELEGRAM_API_ID=… TELEGRAM_API_HASH=… QALQAN_DATA_DIR=… npx tsx src/modules/monitor/sources/telegram-login.ts
// Asks for the phone number, the login code Telegram sends, and the 2FA password if the account
// has one; writes a StringSession to TELEGRAM_SESSION_FILE (default <data dir>/telegram.session, mode 0600).
// Use a dedicated account: the session is a full login to it. Revoke it in Telegram → Settings →
// Devices when no longer needed.
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../../../app/config.js';
import { newClient, saveSession, sessionFileOf } from './telegram-client.js';

const config = loadConfig();
if (!config.TELEGRAM_API_ID || !config.TELEGRAM_API_HASH) {
  console.error('Set TELEGRAM_API_ID and TELEGRAM_API_HASH (from https://my.telegram.org → API development tools).');
  process.exit(2);
}
const rl = createInterface({ input: process.stdin, output: process.stdout });
const client = newClient(config, '');
try {
  await client.start({
    phoneNumber: () => rl.question('Phone number (+7…): '),
    phoneCode: () => rl.question('Login code from Telegram: '),
    password: () => rl.question('Two-step verification password (empty if none): '),
    onError: (e) => { console.error(e.message); },
  });
  const file = sessionFileOf(config);
  saveSession(file, String(client.session.save()));
  console.log(`Session saved to ${file}`);
} finally {
  rl.close();
  await client.disconnect();
}
