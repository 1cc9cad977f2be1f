// Renders the sandbox's email deliveries as RFC 5322 messages (.eml), UTF-8 throughout.

/** RFC 2047 encoded-words stay within 75 characters: 45 bytes of UTF-8 become 60 of base64. */
const maxEncodedWordBytes = 45;
/** RFC 5322 caps a line at 998 octets; longer bodies travel as base64. */
const maxLineOctets = 998;

function isPrintableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** A header value as is when it is printable ASCII, else as UTF-8 encoded-words, never splitting a character. */
export function encodeHeaderValue(text: string): string {
  if (isPrintableAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character, 'utf8') > maxEncodedWordBytes) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

export interface MailMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  body: string;
  messageId: string;
  date: Date;
  /** Extra headers, such as the SNS message and topic identifiers. */
  headers: Record<string, string>;
}

function wrapBase64(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function renderMail(mail: MailMessage): string {
  const body = mail.body.replace(/\r?\n/g, '\r\n');
  const bodyBytes = Buffer.from(body, 'utf8');
  const longestLine = Math.max(0, ...body.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8')));
  const useBase64 = longestLine > maxLineOctets;
  const headers: [string, string][] = [
    ['From', `${encodeHeaderValue(mail.from.name)} <${mail.from.address}>`],
    ['To', `<${mail.to}>`],
    ['Subject', encodeHeaderValue(mail.subject)],
    ['Date', mail.date.toUTCString()],
    ['Message-ID', `<${mail.messageId}>`],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=UTF-8'],
    ['Content-Transfer-Encoding', useBase64 ? 'base64' : '8bit'],
    ...Object.entries(mail.headers),
  ];
  const head = headers.map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return `${head}\r\n\r\n${useBase64 ? wrapBase64(bodyBytes) : body}\r\n`;
}
