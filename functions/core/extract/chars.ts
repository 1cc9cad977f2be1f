// Character tests shared by the extractor's modules.

/** A set of UTF-16 code units, for allocation-free membership tests. */
export function codeSet(chars: string): Set<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
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
