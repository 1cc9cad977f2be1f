import { describe, expect, it } from 'vitest';
import { feedEtag, isNotModified, lastModified } from '../../functions/core/feeds/index.ts';
import { change } from './feed-fixtures.ts';

const options = { baseUrl: 'https://news.example.org', selfPath: '/feed.rss' };
const listed = [change({ eventId: 'jobs.1.0' }), change({ eventId: 'jobs.1.1' })];
const etag = feedEtag('rss', listed, options);

describe('feedEtag', () => {
  it('is a weak, quoted tag of what the feed is rendered from, known before rendering', () => {
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(feedEtag('rss', [...listed], { ...options })).toBe(etag);
  });

  it('changes with the changes listed, the format, the links and the filter', () => {
    const others = [
      feedEtag('rss', [...listed, change({ eventId: 'jobs.2.0' })], options),
      feedEtag('rss', listed.slice(1), options),
      feedEtag('atom', listed, options),
      feedEtag('rss', listed, { ...options, baseUrl: 'https://d111111abcdef8.cloudfront.net' }),
      feedEtag('rss', listed, { ...options, selfPath: '/feed.rss?region=大连' }),
    ];
    expect(new Set([etag, ...others]).size).toBe(others.length + 1);
  });
});

describe('lastModified', () => {
  it('is the HTTP-date of the newest change', () => {
    const changes = [
      change({ recordedAt: '2024-02-01T08:30:00.900Z' }),
      change({ recordedAt: '2024-01-01T00:00:00Z' }),
    ];
    expect(lastModified(changes)).toBe('Thu, 01 Feb 2024 08:30:00 GMT');
  });

  it('is absent for an empty feed', () => {
    expect(lastModified([])).toBeUndefined();
  });
});

describe('isNotModified', () => {
  const modified = 'Thu, 01 Feb 2024 08:30:00 GMT';

  it('answers 304 for the current tag, alone, in a list, or weak', () => {
    expect(isNotModified({ ifNoneMatch: etag }, etag)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"old", ${etag}` }, etag)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${etag}` }, etag)).toBe(true);
    expect(isNotModified({ ifNoneMatch: ' * ' }, etag)).toBe(true);
  });

  it('answers 200 for another tag', () => {
    expect(isNotModified({ ifNoneMatch: '"old", W/"older"' }, etag)).toBe(false);
    expect(isNotModified({ ifNoneMatch: etag.slice(1, -1) }, etag)).toBe(false);
  });

  it('lets If-None-Match decide alone when both are sent', () => {
    expect(isNotModified({ ifNoneMatch: '"old"', ifModifiedSince: modified }, etag, modified)).toBe(false);
    expect(
      isNotModified({ ifNoneMatch: etag, ifModifiedSince: 'Mon, 01 Jan 2024 00:00:00 GMT' }, etag, modified),
    ).toBe(true);
  });

  it('compares If-Modified-Since to the second', () => {
    expect(isNotModified({ ifModifiedSince: modified }, etag, modified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Fri, 02 Feb 2024 00:00:00 GMT' }, etag, modified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Thu, 01 Feb 2024 08:29:59 GMT' }, etag, modified)).toBe(false);
  });

  it('answers 200 to an unreadable date, a missing Last-Modified, or no condition', () => {
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: modified }, etag)).toBe(false);
    expect(isNotModified({}, etag, modified)).toBe(false);
  });
});
