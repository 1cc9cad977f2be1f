// Page layout: printed pages break figures and words across lines; these helpers see through the breaks.

/** Spaces and line breaks a figure may straddle ("2200" / blank line / "万元"). */
function isLayoutSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/** Longest run of layout space crossed inside a figure; longer gaps separate things. */
const MAX_GAP = 8;

/** The index after a short run of layout space starting at `index` (itself when there is none or it is too long). */
export function skipLayoutSpace(text: string, index: number): number {
  let cursor = index;
  while (cursor < text.length && cursor - index <= MAX_GAP && isLayoutSpace(text.charCodeAt(cursor)))
    cursor++;
  return cursor - index > MAX_GAP ? index : cursor;
}

/** A line at least this long that ends without punctuation was cut by the layout, not ended by the author. */
const WRAPPED_LINE_LENGTH = 36;

const LINE_END_PUNCTUATION = new Set([...'。！？!?；;：:，,、）)”"》】….'].map((char) => char.charCodeAt(0)));

/**
 * Whether the line break at `index` (a '\n') only wraps a running sentence: the text before it is a long line
 * ending mid-sentence (精准实 / 施医疗救治), not a heading or a finished paragraph.
 */
export function isWrappedLineBreak(text: string, index: number): boolean {
  let cursor = index - 1;
  // A run of space longer than a figure may cross separates, whatever came before it: and the walk stays short, so
  // a text of blank lines is read in linear time.
  while (cursor >= 0 && index - cursor <= MAX_GAP && isLayoutSpace(text.charCodeAt(cursor))) cursor--;
  const code = text.charCodeAt(cursor);
  if (cursor < 0 || isLayoutSpace(code) || LINE_END_PUNCTUATION.has(code)) return false;
  const lineEnd = cursor;
  while (cursor >= 0 && lineEnd - cursor < WRAPPED_LINE_LENGTH && text.charCodeAt(cursor) !== 0x0a) cursor--;
  return lineEnd - cursor >= WRAPPED_LINE_LENGTH;
}
