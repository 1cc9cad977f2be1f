// Character tests shared by the extractor's modules.

/**
 * A set of UTF-16 code units as bits, for allocation-free membership tests: one array read, cheaper than a Set's
 * lookup in the loops that test every character of a window.
 */
export class CodeSet implements Iterable<number> {
  private readonly bits = new Uint8Array(0x10000 >> 3);

  constructor(codes: Iterable<number> = []) {
    for (const code of codes) this.add(code);
  }

  add(code: number) {
    this.bits[code >> 3] = (this.bits[code >> 3] ?? 0) | (1 << (code & 7));
  }

  /** Whether `code` is in the set; false for NaN (a position outside the text). */
  has(code: number): boolean {
    return ((this.bits[code >> 3] ?? 0) & (1 << (code & 7))) !== 0;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let code = 0; code < 0x10000; code++) if (this.has(code)) yield code;
  }
}

/** The code units of `chars` as a set. */
export function codeSet(chars: string): CodeSet {
  return new CodeSet([...chars].map((char) => char.charCodeAt(0)));
}

/**
 * The first of `words` written at `index`. A loop rather than `words.find((word) => text.startsWith(word, index))`:
 * a closure over the index would make every call, and every character of a scan that calls it, allocate a context.
 */
export function wordAt(text: string, index: number, words: readonly string[]): string | undefined {
  for (const word of words) if (text.startsWith(word, index)) return word;
  return undefined;
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
