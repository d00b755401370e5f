/**
 * Telegram Desktop export (`result.json`), streamed: a single chat (`{name, type, id, messages}`)
 * or a full export (`{chats: {list: [{name, type, id, messages}]}, left_chats: …}`). Only the
 * structure around `messages` arrays is tracked; each message object is cut out of the stream and
 * parsed on its own, so a 500 MB export never sits in memory as one JSON value.
 */
import type { IngestItem } from '../ingest.validate.js';
import { UnreadableFile, type ParsedRow } from './rows.js';

interface Frame { arr: boolean; key: string | null; meta?: Record<string, string> }
type Part = string | { type?: string; text?: string; href?: string };
interface TgMessage { id?: number | string; type?: string; date?: string; date_unixtime?: string; from?: string; text?: string | Part[]; text_entities?: Part[] }

const META_KEYS = new Set(['name', 'type', 'id']);
const MAX_MESSAGE_CHARS = 5_000_000;

/** Visible text plus hidden link targets (text_link hrefs), which are indicators too. */
export function messageText(m: TgMessage): string {
  const parts: Part[] = typeof m.text === 'string' ? (m.text ? [m.text] : m.text_entities ?? []) : m.text?.length ? m.text : m.text_entities ?? [];
  let text = '';
  const hidden: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else if (p && typeof p.text === 'string') {
      text += p.text;
      if (typeof p.href === 'string' && p.href && !p.href.startsWith('mailto:')) hidden.push(p.href);
    }
  }
  const extra = hidden.filter((h) => !text.includes(h));
  return extra.length ? `${text}\n${extra.join('\n')}` : text;
}

function toItem(m: TgMessage, chat: Record<string, string>): IngestItem | { skip: string } | { error: string } {
  if (m.type !== undefined && m.type !== 'message') return { skip: 'service_message' };
  if (m.id === undefined || m.id === null) return { error: 'missing_id' };
  const text = messageText(m);
  if (text.trim() === '') return { skip: 'no_text' };
  const unix = Number(m.date_unixtime);
  const postedAt = Number.isFinite(unix) && unix > 0 ? new Date(unix * 1000).toISOString() : m.date ? m.date + (/[zZ]|[+-]\d\d:?\d\d$/.test(m.date) ? '' : 'Z') : undefined;
  const chatKey = chat.id ?? chat.name ?? 'chat';
  // The message id is unique within its chat only; a full export holds many chats.
  return { text, channel: chat.name, author: m.from ?? undefined, postedAt, externalId: `${chatKey}/${m.id}`, raw: { chat: { id: chat.id, name: chat.name, type: chat.type }, id: m.id, from: m.from, date: m.date } };
}

/** Messages of every chat in the export, in file order; row = running message number. */
export async function* parseTelegram(chunks: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  const stack: Frame[] = [];
  let started = false;
  let sawMessages = false;
  let inStr = false; let esc = false; let strBuf: string[] | null = null; let strStart = 0;
  let expectKey = false;
  let literal: string | null = null;
  // capture of one message object
  let cap = 0; let capStr = false; let capEsc = false; let capParts: string[] = []; let capStart = 0; let capLen = 0;
  let row = 0;

  const top = () => stack[stack.length - 1];
  const setValue = (v: string) => { const f = top(); if (f && !f.arr && f.key && META_KEYS.has(f.key)) (f.meta ??= {})[f.key] = v; };

  for await (const chunk of chunks) {
    if (cap > 0) capStart = 0;
    if (strBuf) strStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (cap > 0) {
        if (capStr) { if (capEsc) capEsc = false; else if (c === 0x5c) capEsc = true; else if (c === 0x22) capStr = false; continue; }
        if (c === 0x22) capStr = true;
        else if (c === 0x7b || c === 0x5b) cap++;
        else if (c === 0x7d || c === 0x5d) {
          if (--cap === 0) {
            row++;
            const len = capLen + (i + 1 - capStart);
            if (len > MAX_MESSAGE_CHARS) { yield { row, error: 'message_too_large' }; capParts = []; capLen = 0; continue; }
            capParts.push(chunk.slice(capStart, i + 1));
            let m: TgMessage;
            try { m = JSON.parse(capParts.join('')) as TgMessage; } catch { yield { row, error: 'invalid_json' }; capParts = []; capLen = 0; continue; }
            capParts = []; capLen = 0;
            const r = toItem(m, stack[stack.length - 2]?.meta ?? {});
            yield 'skip' in r ? { row, skip: r.skip } : 'error' in r ? { row, error: r.error } : { row, item: r };
          }
        }
        continue;
      }
      if (inStr) {
        if (esc) esc = false;
        else if (c === 0x5c) esc = true;
        else if (c === 0x22) {
          inStr = false;
          if (strBuf) {
            strBuf.push(chunk.slice(strStart, i));
            let s: string;
            try { s = JSON.parse(`"${strBuf.join('')}"`) as string; } catch { s = ''; }
            strBuf = null;
            if (expectKey) { top()!.key = s; expectKey = false; } else setValue(s);
          } else if (expectKey) { top()!.key = null; expectKey = false; }
        }
        continue;
      }
      if (literal !== null) {
        if (c === 0x2c || c === 0x7d || c === 0x5d || c <= 0x20) { if (literal !== 'null') setValue(literal); literal = null; }
        else { literal += chunk[i]; continue; }
      }
      if (c <= 0x20 || c === 0x3a) continue;
      if (!started) { if (c !== 0x7b) throw new UnreadableFile('telegram', 'not a JSON object'); started = true; }
      const f = top();
      if (c === 0x22) {
        inStr = true;
        const wanted = expectKey || (f && !f.arr && f.key !== null && META_KEYS.has(f.key));
        if (wanted) { strBuf = []; strStart = i + 1; }
      } else if (c === 0x7b) {
        if (f?.arr && f.key === 'messages') { cap = 1; capStart = i; capStr = false; capEsc = false; sawMessages = true; continue; }
        stack.push({ arr: false, key: null }); expectKey = true;
      } else if (c === 0x5b) {
        stack.push({ arr: true, key: f && !f.arr ? f.key : null });
      } else if (c === 0x7d || c === 0x5d) {
        stack.pop(); expectKey = false;
      } else if (c === 0x2c) {
        if (f && !f.arr) { expectKey = true; f.key = null; }
      } else {
        literal = chunk[i]!;
      }
    }
    if (cap > 0) {
      const rest = chunk.length - capStart;
      if (capLen + rest <= MAX_MESSAGE_CHARS) capParts.push(chunk.slice(capStart));
      capLen += rest;
    }
    if (strBuf) strBuf.push(chunk.slice(strStart));
  }
  if (!started) throw new UnreadableFile('telegram', 'empty file');
  if (cap > 0 || stack.length > 0) yield { row: row + 1, error: 'truncated_file' };
  if (!sawMessages) throw new UnreadableFile('telegram', 'no messages array');
}
