import { Api, errors } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import type { Clock } from './crawler.js';
import { emptyTotals, sendBatch, type IngestItem, type IngestSink, type SinkTotals } from './sink.js';

/**
 * Public Telegram channels over MTProto (gramjs). The client is used only through `invoke`
 * with three real request types, so tests can stand in a fake that answers with real
 * `Api.*` objects (telegram.test.ts):
 *   contacts.ResolveUsername  → the channel's id and access hash (cached: it is rate-limited hard);
 *   messages.GetHistory(limit 1) → the newest message id;
 *   channels.GetMessages(ids)  → messages by id, oldest first, from the stored cursor upward.
 * Channel message ids are sequential, so paging by id ranges never skips a message between two
 * polls, and the cursor advances after each page is committed by the ingest sink (a crash
 * re-sends at most one page; ingest dedups by external id).
 */
export interface TelegramInvoker {
  invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']>;
}

/** Last message id ingested per channel. */
export interface CursorStore {
  get(channel: string): Promise<number | null>;
  set(channel: string, messageId: number): Promise<void>;
}

export interface TelegramPollOptions {
  client: TelegramInvoker;
  sink: IngestSink;
  cursors: CursorStore;
  clock: Clock;
  /** Longest FloodWait we sleep through inline; longer ones back the channel off until it passes. */
  floodWaitMaxSeconds: number;
  /** Messages taken on a channel's first poll (no cursor yet). */
  backfill: number;
  /** Most messages per poll; the rest come next time (the cursor remembers). */
  maxMessagesPerPoll: number;
  pageSize?: number;
  maxFloodRetries?: number;
}

export interface TelegramPollStats extends SinkTotals {
  channel: string;
  status: 'ok' | 'backoff' | 'not_found';
  cursorBefore: number | null;
  cursorAfter: number | null;
  messages: number;
  /** Service messages and posts without any text (a bare photo). */
  skipped: number;
  floodWaits: number;
  floodWaitSeconds: number;
  backoffUntil?: string;
}

/** Thrown internally when a FloodWait is longer than we are willing to sleep. */
class Backoff extends Error { constructor(readonly until: number) { super('flood wait backoff'); } }

/** A channel username as configured: `@name`, `t.me/name` and `https://t.me/name` all give `name`. */
export function normalizeChannel(input: string): string {
  return input.trim().replace(/^(https?:\/\/)?(t\.me|telegram\.me)\//i, '').replace(/^@/, '').replace(/\/.*$/, '').toLowerCase();
}

const str = (t: string | Api.TypeTextWithEntities | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.text);

/** Map a channel post to an IngestItem; null when it has no text at all. Captions are `message` on media posts. */
export function toIngestItem(channel: string, m: Api.Message, channelTitle?: string): IngestItem | null {
  const parts = [m.message ?? ''];
  const media = m.media;
  if (media instanceof Api.MessageMediaWebPage && media.webpage instanceof Api.WebPage) {
    parts.push([media.webpage.title, media.webpage.description].filter(Boolean).join(' — '));
  } else if (media instanceof Api.MessageMediaPoll) {
    parts.push([str(media.poll.question), ...media.poll.answers.map((a) => `• ${str(a.text)}`)].join('\n'));
  } else if (media instanceof Api.MessageMediaDocument && media.document instanceof Api.Document) {
    const file = media.document.attributes.find((a): a is Api.DocumentAttributeFilename => a instanceof Api.DocumentAttributeFilename);
    if (file) parts.push(`[${file.fileName}]`);
  }
  const text = parts.map((p) => p.trim()).filter(Boolean).join('\n\n');
  if (!text) return null;
  return {
    text,
    url: `https://t.me/${channel}/${m.id}`,
    channel,
    author: m.postAuthor ?? channelTitle,
    postedAt: new Date(m.date * 1000).toISOString(),
    externalId: `${channel}:${m.id}`,
    raw: {
      kind: 'telegram', channel, messageId: m.id, media: media?.className ?? null, views: m.views ?? null, forwards: m.forwards ?? null,
      editDate: m.editDate ? new Date(m.editDate * 1000).toISOString() : null, groupedId: m.groupedId?.toString() ?? null,
      forwarded: Boolean(m.fwdFrom),
    },
  };
}

/** Polls channels; keep one per process so resolved peers and back-offs persist between polls. */
export class TelegramPoller {
  private peers = new Map<string, { input: Api.InputChannel; peer: Api.InputPeerChannel; title: string }>();
  private backoffUntil = new Map<string, number>();

  constructor(private readonly opts: TelegramPollOptions) {}

  /** Swap the cursor store (the jobs give each poll its own run row). */
  setCursorStore(cursors: CursorStore): void { this.opts.cursors = cursors; }

  /** Fetch the channel's new messages since its cursor and hand them to the sink, page by page. */
  async poll(channelInput: string): Promise<TelegramPollStats> {
    const channel = normalizeChannel(channelInput);
    const { clock, cursors } = this.opts;
    const cursorBefore = await cursors.get(channel);
    const stats: TelegramPollStats = { ...emptyTotals(), channel, status: 'ok', cursorBefore, cursorAfter: cursorBefore, messages: 0, skipped: 0, floodWaits: 0, floodWaitSeconds: 0 };
    const until = this.backoffUntil.get(channel) ?? 0;
    if (clock.now() < until) return { ...stats, status: 'backoff', backoffUntil: new Date(until).toISOString() };
    try {
      const ch = await this.resolve(channel, stats);
      if (!ch) return { ...stats, status: 'not_found' };
      const top = await this.call(channel, stats, new Api.messages.GetHistory({
        peer: ch.peer, offsetId: 0, offsetDate: 0, addOffset: 0, limit: 1, maxId: 0, minId: 0, hash: returnBigInt(0),
      }));
      const newest = 'messages' in top ? Math.max(0, ...top.messages.map((m) => m.id)) : 0;
      const from = cursorBefore ?? Math.max(0, newest - this.opts.backfill);
      const to = Math.min(newest, from + this.opts.maxMessagesPerPoll);
      const pageSize = this.opts.pageSize ?? 100;
      for (let start = from + 1; start <= to; start += pageSize) {
        const end = Math.min(start + pageSize - 1, to);
        const ids = Array.from({ length: end - start + 1 }, (_, i) => new Api.InputMessageID({ id: start + i }));
        const res = await this.call(channel, stats, new Api.channels.GetMessages({ channel: ch.input, id: ids }));
        const got = 'messages' in res ? res.messages : [];
        const items: IngestItem[] = [];
        for (const m of [...got].sort((a, b) => a.id - b.id)) {
          if (!(m instanceof Api.Message)) { if (m instanceof Api.MessageService) stats.skipped++; continue; }
          stats.messages++;
          const item = toIngestItem(channel, m, ch.title);
          if (item) items.push(item); else stats.skipped++;
        }
        await sendBatch(this.opts.sink, items, stats);
        // Only after the sink committed the page: the cursor never runs ahead of stored data.
        await cursors.set(channel, end);
        stats.cursorAfter = end;
      }
      if (cursorBefore === null && to === from) { await cursors.set(channel, from); stats.cursorAfter = from; }
      return stats;
    } catch (e) {
      if (e instanceof Backoff) return { ...stats, status: 'backoff', backoffUntil: new Date(e.until).toISOString() };
      throw e;
    }
  }

  private async resolve(channel: string, stats: TelegramPollStats) {
    const cached = this.peers.get(channel);
    if (cached) return cached;
    let res: Api.contacts.ResolvedPeer;
    try {
      res = await this.call(channel, stats, new Api.contacts.ResolveUsername({ username: channel }));
    } catch (e) {
      if (e instanceof errors.RPCError && /USERNAME_(NOT_OCCUPIED|INVALID)/.test(e.errorMessage)) return null;
      throw e;
    }
    const chat = res.chats.find((c): c is Api.Channel => c instanceof Api.Channel && res.peer instanceof Api.PeerChannel && c.id.equals(res.peer.channelId));
    // A user or a private chat is not a public channel; without an access hash we cannot read it anyway.
    if (!chat || !chat.accessHash) return null;
    const entry = {
      input: new Api.InputChannel({ channelId: chat.id, accessHash: chat.accessHash }),
      peer: new Api.InputPeerChannel({ channelId: chat.id, accessHash: chat.accessHash }),
      title: chat.title,
    };
    this.peers.set(channel, entry);
    return entry;
  }

  /**
   * invoke with FloodWait handling: sleep the server-given seconds and retry while that is within
   * our cap (and a few times at most); otherwise back this channel off until the wait is over.
   * The real client is built with floodSleepThreshold 0 so gramjs never sleeps behind our back.
   */
  private async call<R extends Api.AnyRequest>(channel: string, stats: TelegramPollStats, request: R): Promise<R['__response']> {
    const retries = this.opts.maxFloodRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.opts.client.invoke(request);
      } catch (e) {
        if (!(e instanceof errors.FloodWaitError)) throw e;
        stats.floodWaits++;
        if (e.seconds > this.opts.floodWaitMaxSeconds || attempt >= retries) {
          const until = this.opts.clock.now() + e.seconds * 1000;
          this.backoffUntil.set(channel, until);
          throw new Backoff(until);
        }
        stats.floodWaitSeconds += e.seconds;
        await this.opts.clock.sleep(e.seconds * 1000);
      }
    }
  }
}
