// Conditional GET for feeds: an ETag computed before rendering, Last-Modified of the newest change, and the 304
// decision.
import { createHash } from 'node:crypto';
import type { Change } from '../model.ts';
import type { FeedFormat, FeedOptions } from './render.ts';

/**
 * A tag of everything a feed is rendered from: its format, its links and the changes it lists (a change never
 * alters once stored, so its event id stands for its content). Known from the query's result, it lets a
 * conditional request be answered without rendering. Weak, because it vouches for the content rather than the
 * bytes: a new release of the renderer may lay out the same feed differently.
 */
export function feedEtag(format: FeedFormat, changes: readonly Change[], options: FeedOptions): string {
  const source = JSON.stringify([
    format,
    options.baseUrl,
    options.selfPath,
    options.title ?? null,
    changes.map((change) => change.eventId),
  ]);
  return `W/"${createHash('sha256').update(source, 'utf8').digest('base64url')}"`;
}

/** The HTTP-date (IMF-fixdate) of the newest change, or undefined for an empty feed. */
export function lastModified(changes: readonly Change[]): string | undefined {
  const newest = Math.max(...changes.map((change) => Date.parse(change.recordedAt)).filter(Number.isFinite));
  return Number.isFinite(newest) ? new Date(newest).toUTCString() : undefined;
}

/** The opaque tags of an If-None-Match list, `W/` dropped: If-None-Match compares weakly (RFC 9110 § 13.1.2). */
function entityTags(list: string): string[] {
  return [...list.matchAll(/(?:W\/)?("[^"]*")/g)].map((match) => match[1] ?? '');
}

export interface ConditionalHeaders {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/**
 * True when the client's copy is current. If-None-Match, when present, decides alone; If-Modified-Since counts
 * only without it, and to the second, the resolution of an HTTP-date.
 */
export function isNotModified(headers: ConditionalHeaders, etag: string, lastModifiedDate?: string): boolean {
  if (headers.ifNoneMatch !== undefined) {
    if (headers.ifNoneMatch.trim() === '*') return true;
    const current = entityTags(etag)[0];
    return current !== undefined && entityTags(headers.ifNoneMatch).includes(current);
  }
  if (headers.ifModifiedSince === undefined || lastModifiedDate === undefined) return false;
  const since = Date.parse(headers.ifModifiedSince);
  const modified = Date.parse(lastModifiedDate);
  if (Number.isNaN(since) || Number.isNaN(modified)) return false;
  return Math.floor(modified / 1000) <= Math.floor(since / 1000);
}
