import { Api, errors } from 'telegram';
import { returnBigInt } from 'telegram/Helpers.js';
import type { TelegramInvoker } from './telegram.js';

/**
 * A stand-in for gramjs' TelegramClient for tests: it answers the three requests the poller
 * sends with real `Api.*` result objects built from an in-memory channel, and throws real
 * `errors.FloodWaitError`s on demand. The MTProto transport itself is NOT exercised.
 */
export class FakeTelegram implements TelegramInvoker {
  /** Channel username → its posts by id. */
  channels = new Map<string, { id: number; title: string; messages: Map<number, Api.TypeMessage> }>();
  /** Request className → FloodWait seconds to throw on its next call (once). */
  floods = new Map<string, number>();
  calls: Api.AnyRequest[] = [];

  addChannel(username: string, id: number, title: string) {
    this.channels.set(username, { id, title, messages: new Map() });
  }

  post(username: string, id: number, message: string, extra: Partial<ConstructorParameters<typeof Api.Message>[0]> = {}) {
    const ch = this.channels.get(username)!;
    ch.messages.set(id, new Api.Message({ id, peerId: new Api.PeerChannel({ channelId: returnBigInt(ch.id) }), date: 1_767_225_600 + id * 60, message, post: true, ...extra }));
  }

  service(username: string, id: number) {
    const ch = this.channels.get(username)!;
    ch.messages.set(id, new Api.MessageService({ id, peerId: new Api.PeerChannel({ channelId: returnBigInt(ch.id) }), date: 1_767_225_600, action: new Api.MessageActionChatEditTitle({ title: 'new title' }) }));
  }

  private byId(id: bigInt.BigInteger, request: Api.AnyRequest) {
    for (const [username, ch] of this.channels) if (returnBigInt(ch.id).equals(id)) return { username, ...ch };
    throw new errors.RPCError('CHANNEL_INVALID', request, 400);
  }

  private page(messages: Api.TypeMessage[]) {
    return new Api.messages.ChannelMessages({ pts: 1, count: messages.length, messages, chats: [], users: [], topics: [] });
  }

  async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    this.calls.push(request);
    const flood = this.floods.get(request.className);
    if (flood !== undefined) {
      this.floods.delete(request.className);
      throw new errors.FloodWaitError({ request, capture: flood });
    }
    if (request instanceof Api.contacts.ResolveUsername) {
      const ch = this.channels.get(request.username);
      if (!ch) throw new errors.RPCError('USERNAME_NOT_OCCUPIED', request, 400);
      const channelId = returnBigInt(ch.id);
      return new Api.contacts.ResolvedPeer({
        peer: new Api.PeerChannel({ channelId }), users: [],
        chats: [new Api.Channel({ id: channelId, accessHash: returnBigInt(ch.id * 7), title: ch.title, username: request.username, photo: new Api.ChatPhotoEmpty(), date: 1_700_000_000, broadcast: true })],
      }) as R['__response'];
    }
    if (request instanceof Api.messages.GetHistory) {
      const peer = request.peer as Api.InputPeerChannel;
      const ch = this.byId(peer.channelId, request);
      const ids = [...ch.messages.keys()].sort((a, b) => b - a).slice(0, request.limit);
      return this.page(ids.map((id) => ch.messages.get(id)!)) as R['__response'];
    }
    if (request instanceof Api.channels.GetMessages) {
      const ch = this.byId((request.channel as Api.InputChannel).channelId, request);
      const out = (request.id as Api.InputMessageID[]).map((m) => ch.messages.get(m.id) ?? new Api.MessageEmpty({ id: m.id }));
      return this.page(out) as R['__response'];
    }
    throw new Error(`fake telegram: unsupported request ${request.className}`);
  }
}
