// Opaque cursors (base64url of a sort key) and page limits, validated before any query is sent.

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor(
    readonly field: string,
    readonly received: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`${field} is not a valid cursor (${reason}): received "${received.slice(0, 80)}"`, options);
  }
}

const maxCursorLength = 2048;
const base64url = /^[A-Za-z0-9_-]+$/;

export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

/** `shape`, when given, is what the decoded sort key must look like. */
export function decodeCursor(field: string, cursor: string, shape?: RegExp): string {
  if (cursor.length > maxCursorLength) throw new InvalidCursorError(field, cursor, 'too long');
  if (!base64url.test(cursor)) throw new InvalidCursorError(field, cursor, 'not base64url');
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  // Re-encoding catches trailing garbage bits and byte sequences that are not UTF-8.
  if (encodeCursor(sortKey) !== cursor)
    throw new InvalidCursorError(field, cursor, 'not a canonical encoding');
  if (shape !== undefined && !shape.test(sortKey)) {
    throw new InvalidCursorError(field, cursor, 'not issued by this API');
  }
  return sortKey;
}

export const maxPageLimit = 1000;

export function assertPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageLimit) {
    throw new RangeError(`limit must be an integer from 1 to ${maxPageLimit}, received ${limit}`);
  }
}
