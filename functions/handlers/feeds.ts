// GET /feed.rss, /feed.atom, /feed.json: a query of stored changes, rendered, with ETag and 304.
import { feedEtag, isNotModified, lastModified, renderFeed } from '../core/feeds/index.ts';
import type { ChangeLog } from '../core/ports.ts';
import { feedDependencies } from '../wiring/feeds.ts';
import { changeFilterOf } from './change-filter.ts';
import { baseUrlOf, header, httpHandler, queryInt } from './http.ts';

export interface FeedDeps {
  changes: ChangeLog;
  publicBaseUrl: string | undefined;
}

const formats = { 'GET /feed.rss': 'rss', 'GET /feed.atom': 'atom', 'GET /feed.json': 'json' } as const;

export function makeFeedHandler(deps: FeedDeps) {
  return httpHandler(async (event) => {
    const format = formats[event.routeKey as keyof typeof formats] ?? 'rss';
    const filter = changeFilterOf(event);
    const limit = queryInt(event, 'limit', 50, 200);
    const changes = await deps.changes.latestChanges({ limit, ...filter });
    const search = event.rawQueryString ? `?${event.rawQueryString}` : '';
    const options = {
      baseUrl: baseUrlOf(event, deps.publicBaseUrl),
      selfPath: `${event.rawPath}${search}`,
      filter,
    };
    const etag = feedEtag(format, changes, options);
    const modified = lastModified(changes);
    const headers: Record<string, string> = {
      etag,
      'cache-control': 'public, max-age=30',
      ...(modified === undefined ? {} : { 'last-modified': modified }),
    };
    const conditions = {
      ...(header(event, 'if-none-match') === undefined
        ? {}
        : { ifNoneMatch: header(event, 'if-none-match') as string }),
      ...(header(event, 'if-modified-since') === undefined
        ? {}
        : { ifModifiedSince: header(event, 'if-modified-since') as string }),
    };
    // Answered from the query's result alone: a poll that ends in 304 renders nothing.
    if (isNotModified(conditions, etag, modified)) return { statusCode: 304, headers };
    const { body, contentType } = renderFeed(format, changes, options);
    return { statusCode: 200, headers: { ...headers, 'content-type': contentType }, body };
  });
}

export const handler = makeFeedHandler(feedDependencies());
