// Text made safe for XML documents and HTML-typed feed fields, whatever a brief contained.

function isXmlCharacter(codePoint: number): boolean {
  // XML 1.0 § 2.2 Char, minus DEL and the C1 controls, which it discourages and readers render as garbage.
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return true;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

/**
 * Drops every code point XML cannot carry (C0 controls but tab, newline and return; DEL and C1; U+FFFE, U+FFFF)
 * and replaces unpaired surrogates with U+FFFD, so the text is well-formed Unicode that any XML document accepts.
 */
export function toXmlSafeText(text: string): string {
  let safe = '';
  for (const character of text.toWellFormed()) {
    // toWellFormed leaves only paired surrogates, which iterate as one code point each.
    if (isXmlCharacter(character.codePointAt(0) ?? 0)) safe += character;
  }
  return safe;
}

/** One line of printable text: line breaks, tabs and separators (U+0085, U+2028, U+2029) become single spaces. */
export function toSingleLine(text: string): string {
  return toXmlSafeText(text)
    .replace(/[\s\u0085\u2028\u2029]+/gu, ' ')
    .trim();
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text as HTML: no markup survives, and with `>` escaped the text cannot contain `]]>`, so it stays inside
 * whatever CDATA section the feed library wraps it in.
 */
export function escapeHtml(text: string): string {
  return toXmlSafeText(text).replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

export class FeedRenderError extends Error {
  override name = 'FeedRenderError';
}

const xmlIllegalCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * The rendered document's own check, independent of how its parts were cleaned: no character XML forbids, and
 * every `]]>` closes a CDATA section (text nodes escape `>`), so no content escaped its section.
 */
export function assertSafeXmlDocument(xml: string): string {
  const illegal = xmlIllegalCharacter.exec(xml);
  if (illegal !== null) {
    const codePoint = illegal[0].codePointAt(0) ?? 0;
    throw new FeedRenderError(
      `rendered feed contains U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at index ${illegal.index}`,
    );
  }
  const opened = xml.split('<![CDATA[').length - 1;
  const closed = xml.split(']]>').length - 1;
  if (opened !== closed) {
    throw new FeedRenderError(`rendered feed has ${closed} CDATA ends for ${opened} CDATA sections`);
  }
  return xml;
}
