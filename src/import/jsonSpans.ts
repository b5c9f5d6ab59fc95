/**
 * Where each record of a JSON document sits in its raw text. Quotes must be the exact words of
 * the source, so an imported record is quoted as the characters the file holds (escapes,
 * indentation and key order as written), never as a re-serialization that might differ.
 *
 * A small position-tracking scanner: it steps over strings (with their escapes), numbers,
 * literals and nested objects and arrays, and reports the [start, end) span of every element of
 * every array that is a member of the top-level object. It expects text that JSON.parse has
 * already accepted.
 */

export interface Span {
  start: number;
  end: number;
}

/** The spans of the elements of each top-level array member, by member name. */
export function topLevelArraySpans(text: string): Map<string, Span[]> {
  const scanner = new Scanner(text);
  const spans = new Map<string, Span[]>();
  scanner.skipWhitespace();
  scanner.expect('{');
  scanner.skipWhitespace();
  if (scanner.peek() === '}') return spans;
  for (;;) {
    scanner.skipWhitespace();
    const key = scanner.readString();
    scanner.skipWhitespace();
    scanner.expect(':');
    scanner.skipWhitespace();
    if (scanner.peek() === '[') spans.set(key, scanner.readArrayElementSpans());
    else scanner.skipValue();
    scanner.skipWhitespace();
    if (scanner.peek() === ',') {
      scanner.position += 1;
      continue;
    }
    scanner.expect('}');
    return spans;
  }
}

class Scanner {
  position = 0;

  constructor(private readonly text: string) {}

  peek(): string {
    return this.text.charAt(this.position);
  }

  expect(character: string): void {
    if (this.text.charAt(this.position) !== character) {
      throw new SyntaxError(`expected ${JSON.stringify(character)} at offset ${this.position}, but got: ${JSON.stringify(this.peek())}`);
    }
    this.position += 1;
  }

  skipWhitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.position))) this.position += 1;
  }

  readString(): string {
    const start = this.position;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.position)) as string;
  }

  skipString(): void {
    this.expect('"');
    while (this.position < this.text.length) {
      const character = this.text.charAt(this.position);
      if (character === '\\') this.position += 2;
      else if (character === '"') {
        this.position += 1;
        return;
      } else this.position += 1;
    }
    throw new SyntaxError('unterminated string');
  }

  /** Steps over one value of any kind, nesting included. */
  skipValue(): void {
    const character = this.peek();
    if (character === '"') return this.skipString();
    if (character !== '{' && character !== '[') {
      while (this.position < this.text.length && !',]} \t\n\r'.includes(this.text.charAt(this.position))) this.position += 1;
      return;
    }
    let depth = 0;
    while (this.position < this.text.length) {
      const current = this.text.charAt(this.position);
      if (current === '"') {
        this.skipString();
        continue;
      }
      if (current === '{' || current === '[') depth += 1;
      else if (current === '}' || current === ']') depth -= 1;
      this.position += 1;
      if (depth === 0) return;
    }
    throw new SyntaxError('unterminated object or array');
  }

  readArrayElementSpans(): Span[] {
    const spans: Span[] = [];
    this.expect('[');
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.position += 1;
      return spans;
    }
    for (;;) {
      this.skipWhitespace();
      const start = this.position;
      this.skipValue();
      spans.push({ start, end: this.position });
      this.skipWhitespace();
      if (this.peek() === ',') {
        this.position += 1;
        continue;
      }
      this.expect(']');
      return spans;
    }
  }
}

/** A path into a JSON document: member names and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;

/**
 * The spans of chosen values anywhere in a document, keyed by their path (pathKey). `choose`
 * says, for each value's path, whether to record its span and whether to look inside it; values
 * not looked into are stepped over, so the walk costs one pass over the text.
 */
export function valueSpans(text: string, choose: (path: JsonPath) => { record: boolean; descend: boolean }): Map<string, Span> {
  const scanner = new Scanner(text);
  const spans = new Map<string, Span>();
  const walk = (path: Array<string | number>) => {
    scanner.skipWhitespace();
    const { record, descend } = choose(path);
    const start = scanner.position;
    const opening = scanner.peek();
    if (!descend || (opening !== '{' && opening !== '[')) {
      scanner.skipValue();
    } else if (opening === '{') {
      scanner.position += 1;
      scanner.skipWhitespace();
      if (scanner.peek() === '}') scanner.position += 1;
      else
        for (;;) {
          scanner.skipWhitespace();
          const key = scanner.readString();
          scanner.skipWhitespace();
          scanner.expect(':');
          walk([...path, key]);
          scanner.skipWhitespace();
          if (scanner.peek() === ',') {
            scanner.position += 1;
            continue;
          }
          scanner.expect('}');
          break;
        }
    } else {
      scanner.position += 1;
      scanner.skipWhitespace();
      if (scanner.peek() === ']') scanner.position += 1;
      else
        for (let index = 0; ; index += 1) {
          walk([...path, index]);
          scanner.skipWhitespace();
          if (scanner.peek() === ',') {
            scanner.position += 1;
            continue;
          }
          scanner.expect(']');
          break;
        }
    }
    if (record) spans.set(pathKey(path), { start, end: scanner.position });
  };
  walk([]);
  return spans;
}

/** The key of a path in valueSpans' map: its parts as JSON. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}
