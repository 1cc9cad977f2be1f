// Character tests shared by the extractor's modules.

/** A set of UTF-16 code units, for allocation-free membership tests. */
export function codeSet(chars: string): Set<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
