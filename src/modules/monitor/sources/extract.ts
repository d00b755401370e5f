import { Parser } from 'htmlparser2';

/**
 * Visible text, title and links of an HTML page. Everything a browser would not show as text
 * (script, style, noscript, template, svg, …) is skipped; markup inside the page's
 * text (an XSS payload written as `&lt;script&gt;`) stays plain text — nothing here is ever
 * rendered as HTML, and entities are decoded exactly once by the parser.
 */
export interface Extracted {
  title: string;
  text: string;
  links: { url: string; text: string }[];
  /** Lower-cased `<meta name="robots">` directives (we honour nofollow). */
  metaRobots: string[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'form', 'dd', 'dt', 'figcaption', 'title']);

/** Absolute http(s) URL without fragment, or null for anything else (javascript:, mailto:, data:, junk). */
export function resolveLink(href: string, base: URL): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch { return null; }
}

export function extractHtml(html: string, pageUrl: string, maxLinks = 2000): Extracted {
  let base = new URL(pageUrl);
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  const parts: string[] = [];
  const links: { url: string; text: string }[] = [];
  const open: { url: string | null; text: string }[] = [];
  const metaRobots: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'title' && skipDepth === 0 && !title) inTitle = true; // the first document title, not an <svg><title>
      if (name === 'base' && attrs.href) {
        const b = resolveLink(attrs.href, base);
        if (b) base = new URL(b);
      }
      if (name === 'meta' && attrs.name?.toLowerCase() === 'robots' && attrs.content) {
        metaRobots.push(...attrs.content.toLowerCase().split(',').map((s) => s.trim()).filter(Boolean));
      }
      if (SKIP.has(name)) { skipDepth++; return; }
      if (BLOCK.has(name)) parts.push('\n');
      if (name === 'a' && skipDepth === 0) open.push({ url: attrs.href ? resolveLink(attrs.href, base) : null, text: '' });
      if (name === 'img' && attrs.alt && skipDepth === 0) parts.push(` ${attrs.alt} `);
    },
    ontext(data) {
      if (inTitle) { title += data; return; }
      if (skipDepth > 0) return;
      parts.push(data);
      for (const a of open) a.text += data;
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      if (SKIP.has(name)) { skipDepth = Math.max(0, skipDepth - 1); return; }
      if (BLOCK.has(name)) parts.push('\n');
      if (name === 'a' && skipDepth === 0) {
        const a = open.pop();
        if (a?.url && links.length < maxLinks) links.push({ url: a.url, text: collapse(a.text) });
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  const text = parts.join('').split('\n').map(collapse).filter(Boolean).join('\n');
  return { title: collapse(title), text, links, metaRobots };
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Decode a body with the charset from Content-Type or a <meta> in the first 2 KB; UTF-8 otherwise. */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue;
    try { return new TextDecoder(label).decode(body); } catch { /* unknown label: try the next */ }
  }
  return body.toString('utf8');
}
