// JSON from outside (an API body, an import file) read strictly, so that hostile input is
// refused with one line naming the problem and where it is, instead of reaching code that
// walks the value (a schema, JSON.stringify) and overflows the stack, or silently meaning
// something else:
// - nesting deeper than 64 levels (the deepest document we take nests 5);
// - a key given twice in one object (JSON.parse keeps the last; the sender may mean the first);
// - the key "__proto__" (an object's prototype to anything that copies keys naively);
// - a number no double holds (1e400 becomes Infinity) or a whole number beyond 2^53 (its
//   last digits change).
// Pure. Used by the write API (src/api/body.ts) and meant for the import's command line.

export const MAX_JSON_DEPTH = 64;

/** syntax: not JSON at all; refused: JSON we do not take. */
export type StrictJson = { ok: true; value: unknown } | { ok: false; kind: 'syntax' | 'refused'; message: string; path: string };

interface Frame {
  array: boolean;
  /** The array's index or the object's current key. */
  at: string;
  keys: Set<string>;
  expectKey: boolean;
}

const pathOf = (stack: Frame[]) => stack.map((frame) => frame.at).join('.');

/** The value of a JSON text, or the first problem with its path ("incidents.3.title"; "" is the whole). */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): StrictJson {
  // Nesting first, before JSON.parse builds a value as deep as the text.
  const gauge = new NestingGauge(maxDepth);
  if (!gauge.feed(Buffer.from(text, 'utf8'))) return { ok: false, kind: 'refused', message: `nests deeper than ${maxDepth} levels`, path: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, kind: 'syntax', message: `is not valid JSON (${(error as Error).message})`, path: '' };
  }
  const problem = scan(text);
  return problem ? { ok: false, kind: 'refused', ...problem } : { ok: true, value };
}

/** On valid JSON: the first key twice, "__proto__" or number out of range, with its path. */
function scan(text: string): { message: string; path: string } | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top && !top.array && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.at = key;
        top.expectKey = false;
        if (key === '__proto__') return { message: 'uses the key "__proto__", which is refused', path: pathOf(stack) };
        if (top.keys.has(key)) return { message: `gives the key "${key}" twice`, path: pathOf(stack) };
        top.keys.add(key);
      }
      i = end;
    } else if (c === '{' || c === '[') stack.push({ array: c === '[', at: '0', keys: new Set(), expectKey: c === '{' });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top) {
      if (top.array) top.at = String(Number(top.at) + 1);
      else top.expectKey = true;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const literal = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 1100))![0];
      const number = Number(literal);
      if (!Number.isFinite(number)) return { message: `has the number ${literal.slice(0, 20)}…, too large for a double`, path: pathOf(stack) };
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(number)) return { message: `has the whole number ${literal}, beyond ±9007199254740991 (it would lose digits)`, path: pathOf(stack) };
      i += literal.length - 1;
    }
  }
  return null;
}

/**
 * Follows the nesting of JSON text as its bytes arrive, in any chunks (brackets and quotes
 * are ASCII, which no byte of a longer UTF-8 character can be), so that a body nested too
 * deep is refused before it is all read.
 */
export class NestingGauge {
  depth = 0;
  private inString = false;
  private escaped = false;
  private readonly max: number;

  constructor(max = MAX_JSON_DEPTH) {
    this.max = max;
  }

  /** false once the nesting has gone deeper than the limit. */
  feed(bytes: Uint8Array): boolean {
    for (const byte of bytes) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === 0x5c) this.escaped = true;
        else if (byte === 0x22) this.inString = false;
      } else if (byte === 0x22) this.inString = true;
      else if (byte === 0x5b || byte === 0x7b) {
        if (++this.depth > this.max) return false;
      } else if (byte === 0x5d || byte === 0x7d) this.depth--;
    }
    return true;
  }
}
