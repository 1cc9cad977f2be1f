// Reading the .eml files the sandbox's SNS writes, as a mail client would: subject decoded, body decoded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The mail written to an address, oldest first, as raw RFC 5322 text. */
export function mailFiles(dataDir: string, address: string): string[] {
  const directory = join(dataDir, 'mail', address);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .map((name) => readFileSync(join(directory, name), 'utf8'));
}

/** The body of an .eml (all after the first blank line), decoded from base64 when its headers say so. */
export function mailBody(eml: string | undefined): string {
  const text = eml ?? '';
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return '';
  const body = text.slice(end + 4);
  return text.slice(0, end).includes('Content-Transfer-Encoding: base64')
    ? Buffer.from(body.replaceAll('\r\n', ''), 'base64').toString('utf8')
    : body;
}

/** The Subject header, unfolded, its RFC 2047 encoded-words (UTF-8, base64) decoded. */
export function mailSubject(eml: string | undefined): string {
  const folded = /^Subject: (.*(?:\r\n .*)*)\r\n/m.exec(eml ?? '')?.[1] ?? '';
  return folded
    .split('\r\n ')
    .map((word) => {
      const encoded = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1];
      return encoded === undefined ? word : Buffer.from(encoded, 'base64').toString('utf8');
    })
    .join('');
}
