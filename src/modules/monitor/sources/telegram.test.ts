import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import { memorySink } from './sink.js';
import { fakeClock } from './sources.fixtures.js';
import { FakeTelegram } from './telegram.fake.js';
import { normalizeChannel, TelegramPoller, type CursorStore, type TelegramPollOptions } from './telegram.js';

const memoryCursors = (): CursorStore & { map: Map<string, number> } => {
  const map = new Map<string, number>();
  return { map, get: async (c) => map.get(c) ?? null, set: async (c, id) => { map.set(c, id); } };
};

function setup(over: Partial<TelegramPollOptions> = {}) {
  const tg = new FakeTelegram();
  tg.addChannel('kz_shop', 1001, 'KZ Shop');
  for (let id = 1; id <= 250; id++) tg.post('kz_shop', id, `post ${id}`);
  const sink = memorySink();
  const cursors = memoryCursors();
  const clock = fakeClock();
  const poller = new TelegramPoller({ client: tg, sink, cursors, clock, floodWaitMaxSeconds: 60, backfill: 50, maxMessagesPerPoll: 500, pageSize: 20, ...over });
  return { tg, sink, cursors, clock, poller };
}

const requested = (tg: FakeTelegram) => tg.calls.filter((c): c is Api.channels.GetMessages => c instanceof Api.channels.GetMessages)
  .map((c) => (c.id as Api.InputMessageID[]).map((m) => m.id));

describe('Telegram public channels (fake client, real Api objects)', () => {
  test('first poll backfills, later polls page forward from the cursor', async () => {
    const { tg, sink, cursors, poller } = setup();
    const first = await poller.poll('@kz_shop');
    assert.equal(first.status, 'ok');
    assert.deepEqual([first.cursorBefore, first.cursorAfter, first.accepted], [null, 250, 50]);
    assert.deepEqual(requested(tg).map((ids) => [ids[0], ids.at(-1)]), [[201, 220], [221, 240], [241, 250]]);
    assert.equal(cursors.map.get('kz_shop'), 250);
    // Resolved once, then cached.
    tg.calls.length = 0;
    tg.post('kz_shop', 251, 'new one');
    tg.post('kz_shop', 253, 'after a deleted message');
    const next = await poller.poll('https://t.me/kz_shop');
    assert.deepEqual(requested(tg), [[251, 252, 253]]);
    assert.ok(!tg.calls.some((c) => c instanceof Api.contacts.ResolveUsername));
    assert.deepEqual([next.accepted, next.cursorAfter], [2, 253]);
    assert.deepEqual(sink.items.slice(-2).map((i) => i.externalId), ['kz_shop:251', 'kz_shop:253']);
    const idle = await poller.poll('kz_shop');
    assert.deepEqual([idle.messages, idle.cursorAfter], [0, 253]);
  });

  test('a per-poll cap leaves the rest for the next poll, nothing skipped', async () => {
    const { sink, poller } = setup({ maxMessagesPerPoll: 30, backfill: 1000 });
    const a = await poller.poll('kz_shop');
    assert.deepEqual([a.accepted, a.cursorAfter], [30, 30]);
    await poller.poll('kz_shop');
    assert.deepEqual(sink.items.map((i) => i.externalId).slice(28, 32), ['kz_shop:29', 'kz_shop:30', 'kz_shop:31', 'kz_shop:32']);
  });

  test('FloodWait within the cap: the injected sleep gets the server-given 3 s, then the call is retried', async () => {
    const { tg, clock, poller } = setup();
    tg.floods.set('messages.GetHistory', 3);
    const r = await poller.poll('kz_shop');
    assert.deepEqual(clock.sleeps, [3000]);
    assert.deepEqual([r.status, r.floodWaits, r.floodWaitSeconds, r.accepted], ['ok', 1, 3, 50]);
  });

  test('FloodWait above the cap backs the channel off until it passes', async () => {
    const { tg, clock, poller } = setup({ floodWaitMaxSeconds: 60 });
    tg.floods.set('contacts.ResolveUsername', 600);
    const r = await poller.poll('kz_shop');
    assert.equal(r.status, 'backoff');
    assert.deepEqual(clock.sleeps, []);
    tg.calls.length = 0;
    assert.equal((await poller.poll('kz_shop')).status, 'backoff');
    assert.equal(tg.calls.length, 0); // no request while backing off
    clock.t += 601_000;
    assert.equal((await poller.poll('kz_shop')).status, 'ok');
  });

  test('mapping: captions, web previews, author, date, url; bare media and service messages skipped', async () => {
    const { tg, sink, cursors, poller } = setup();
    cursors.map.set('kz_shop', 250);
    const photo = new Api.MessageMediaPhoto({ photo: new Api.PhotoEmpty({ id: returnBigInt(5) }) });
    tg.post('kz_shop', 251, 'Кристаллы, закладки в Алматы', { media: photo, postAuthor: 'admin1' });
    tg.post('kz_shop', 252, '', { media: photo });
    tg.service('kz_shop', 253);
    tg.post('kz_shop', 254, 'see', { media: new Api.MessageMediaWebPage({ webpage: new Api.WebPage({ id: returnBigInt(1), url: 'https://x.kz', displayUrl: 'x.kz', hash: 0, title: 'Shop', description: 'Fast delivery', attributes: [] }) }) });
    const r = await poller.poll('kz_shop');
    assert.deepEqual([r.accepted, r.skipped], [2, 2]);
    const [caption, web] = sink.items;
    assert.deepEqual({ ...caption!, raw: undefined }, {
      text: 'Кристаллы, закладки в Алматы', url: 'https://t.me/kz_shop/251', channel: 'kz_shop', author: 'admin1',
      postedAt: new Date((1_767_225_600 + 251 * 60) * 1000).toISOString(), externalId: 'kz_shop:251', raw: undefined,
    });
    assert.equal((caption!.raw as { media: string }).media, 'MessageMediaPhoto');
    assert.equal(web!.text, 'see\n\nShop — Fast delivery');
    assert.equal(web!.author, 'KZ Shop');
  });

  test('unknown usernames are reported, channel names normalised', async () => {
    const { poller } = setup();
    assert.equal((await poller.poll('@nobody_here')).status, 'not_found');
    assert.equal(normalizeChannel(' https://t.me/KZ_Shop/12 '), 'kz_shop');
  });
});
