// Character tests shared by the extractor's modules.

/**
 * A set of UTF-16 code units as bits, for allocation-free membership tests: one array read, cheaper than a Set's
 * lookup in the loops that test every character of a window. The bits span only the codes from the set's lowest to
 * its highest, so a set of a few ideographs (a region's names) takes a few bytes.
 */
export class CodeSet {
  /** The lowest code of the set, bit 0 of `bits`. */
  private readonly low: number;
  private readonly bits: Uint8Array;
  /** Whether the set holds NaN, the code of a position outside the text (the first character of an empty word). */
  private readonly holdsOutside: boolean;

  constructor(codes: Iterable<number>) {
    const all = [...codes];
    const list = all.filter((code) => !Number.isNaN(code));
    this.holdsOutside = list.length < all.length;
    this.low = list.length === 0 ? 0 : Math.min(...list);
    const high = list.length === 0 ? -1 : Math.max(...list);
    this.bits = new Uint8Array(((high - this.low) >> 3) + 1);
    for (const code of list) {
      const offset = code - this.low;
      this.bits[offset >> 3] = (this.bits[offset >> 3] ?? 0) | (1 << (offset & 7));
    }
  }

  has(code: number): boolean {
    const offset = code - this.low;
    if (offset >= 0) return ((this.bits[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;
    // Below the set's codes, or NaN (a position outside the text).
    return this.holdsOutside && Number.isNaN(code);
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

/** Where a sentence ends, in Chinese and in English. */
export const SENTENCE_ENDS = codeSet('。！？!?\n');

/** Where the sentence of `start` opens, looking back at most `reach` characters. */
export function sentenceOpening(text: string, start: number, reach: number): number {
  const floor = Math.max(0, start - reach);
  let from = start;
  while (from > floor && !SENTENCE_ENDS.has(text.charCodeAt(from - 1))) from--;
  return from;
}

/** A CJK unified ideograph (汉字), the characters of Chinese words. */
export function isIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const isCapital = (code: number) => code >= 0x41 && code <= 0x5a;

/** The dot at `index` closes an initial of an abbreviation (U.S., U.K.): a lone capital before it, no sentence end. */
export function isInitialDot(text: string, index: number): boolean {
  return isCapital(text.charCodeAt(index - 1)) && !isLatinLetter(text.charCodeAt(index - 2));
}
