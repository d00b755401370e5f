/**
 * A small JSON parser that remembers on which line each value starts, so that a methodology
 * error can say "M.json:7: indicators[1].weight: ..." instead of only a path. JSON.parse gives
 * neither lines for its syntax errors (only sometimes a character offset) nor for values.
 */

/** A JSON syntax error with the line it was found on. */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** The parsed value plus the line of any path in it. */
export interface LocatedJson {
  readonly value: unknown;
  /**
   * Line where the value at `path` starts (for an object property: the line of its key). A
   * path that does not exist — a missing field — falls back to its nearest existing ancestor.
   */
  lineOf(path: readonly PropertyKey[]): number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Same string grammar as RFC 8259: no raw control characters, only the standard escapes.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

const pathKey = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

/** Parses `text` as JSON (a leading BOM is allowed); throws JsonSyntaxError. Duplicate keys are errors, not "last wins". */
export function parseLocatedJson(text: string): LocatedJson {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const lines = new Map<string, number>();

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line);
  };
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const here = () => (i < text.length ? `'${text[i]}'` : 'end of file');
  const expect = (c: string, what: string) => {
    ws();
    if (text[i] !== c) fail(`expected ${what}, found ${here()}`);
    i++;
  };
  const string = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) fail('invalid string: unterminated, or a raw line break/control character or bad escape inside');
    i = STRING.lastIndex;
    return JSON.parse(m![0]) as string;
  };

  const value = (path: PropertyKey[]): unknown => {
    ws();
    const key = pathKey(path);
    if (!lines.has(key)) lines.set(key, line);
    const c = text[i];
    if (c === '{') return object(path);
    if (c === '[') return array(path);
    if (c === '"') return string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) return (i += word.length), v;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) return (i = NUMBER.lastIndex), Number(m[0]);
    return fail(`expected a value, found ${here()}`);
  };

  const object = (path: PropertyKey[]): Record<string, unknown> => {
    i++;
    // defineProperty, not assignment: a "__proto__" key must stay a plain (and then unknown) field.
    const out: Record<string, unknown> = {};
    ws();
    if (text[i] === '}') return i++, out;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`expected a quoted property name, found ${here()}`);
      const keyLine = line;
      const k = string();
      if (Object.prototype.hasOwnProperty.call(out, k)) fail(`duplicate key "${k}"`);
      lines.set(pathKey([...path, k]), keyLine);
      expect(':', "':' after the property name");
      Object.defineProperty(out, k, { value: value([...path, k]), enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') return i++, out;
      fail(`expected ',' or '}', found ${here()}`);
    }
  };

  const array = (path: PropertyKey[]): unknown[] => {
    i++;
    const out: unknown[] = [];
    ws();
    if (text[i] === ']') return i++, out;
    for (;;) {
      out.push(value([...path, out.length]));
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') return i++, out;
      fail(`expected ',' or ']', found ${here()}`);
    }
  };

  ws();
  if (i >= text.length) fail('empty file: expected a JSON object');
  const result = value([]);
  ws();
  if (i < text.length) fail(`unexpected ${here()} after the end of the JSON value`);

  return {
    value: result,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const l = lines.get(pathKey(path.slice(0, n)));
        if (l !== undefined) return l;
      }
      return 1;
    },
  };
}
