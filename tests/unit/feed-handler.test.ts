// The feeds handler through its seam: links from the public host, the caching headers the edge follows, and a
// conditional request answered from the query's result without rendering.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { Change } from '../../functions/core/model.ts';
import type { ChangeLog } from '../../functions/core/ports.ts';
import { makeFeedHandler } from '../../functions/handlers/feeds.ts';
import { forwardedHostHeader } from '../../infra/constructs/edge.ts';
import { change } from './feed-fixtures.ts';

vi.hoisted(() => {
  // The handler module wires its production dependencies when imported; this makes that wiring possible.
  process.env.TABLE_NAME = 'feed-handler-tests';
});

function changeLogOf(changes: Change[]): ChangeLog {
  return {
    latestChanges: async ({ limit }) => changes.slice(0, limit),
    changesAfter: async () => ({ items: [] }),
  };
}

function request(routeKey: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const path = routeKey.split(' ')[1] ?? '/';
  return {
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com', ...headers },
    requestContext: { domainName: 'abc123.execute-api.us-east-1.amazonaws.com', stage: '$default' },
  } as unknown as APIGatewayProxyEventV2;
}

const viaTheEdge = { [forwardedHostHeader]: 'news.example.org' };

describe('the feeds', () => {
  it('link to the public host the edge forwarded, and let the edge keep them 30 seconds', async () => {
    const feeds = makeFeedHandler({ changes: changeLogOf([change()]), publicBaseUrl: undefined });
    const answer = await feeds(request('GET /feed.json', viaTheEdge));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['cache-control']).toBe('public, max-age=30');
    const feed = JSON.parse(answer.body ?? '{}') as { feed_url: string; home_page_url: string };
    expect(feed.feed_url).toBe('https://news.example.org/feed.json');
    expect(answer.body).not.toContain('execute-api');
  });

  it('answer a request with the current ETag with 304 and the same validators, without rendering', async () => {
    const changes = [change()];
    const feeds = makeFeedHandler({ changes: changeLogOf(changes), publicBaseUrl: undefined });
    const first = await feeds(request('GET /feed.rss', viaTheEdge));
    const etag = first.headers?.etag as string;
    // From here on rendering this change would throw (an instant that is no date), so only a 304 can succeed.
    changes[0] = { ...change(), recordedAt: 'not a date' };
    const second = await feeds(request('GET /feed.rss', { ...viaTheEdge, 'if-none-match': etag }));
    expect(second.statusCode).toBe(304);
    expect(second.body).toBeUndefined();
    expect(second.headers?.etag).toBe(etag);
    expect(second.headers?.['cache-control']).toBe('public, max-age=30');
  });

  it('answer 200 with a new ETag once the changes listed differ', async () => {
    const changes = [change()];
    const feeds = makeFeedHandler({ changes: changeLogOf(changes), publicBaseUrl: undefined });
    const etag = (await feeds(request('GET /feed.atom', viaTheEdge))).headers?.etag as string;
    changes.unshift(change({ eventId: 'jobs-2020-07.1.0' }));
    const answer = await feeds(request('GET /feed.atom', { ...viaTheEdge, 'if-none-match': etag }));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.etag).not.toBe(etag);
  });

  it('give each public host its own ETag, since the links differ', async () => {
    const feeds = makeFeedHandler({ changes: changeLogOf([change()]), publicBaseUrl: undefined });
    const edge = await feeds(request('GET /feed.rss', viaTheEdge));
    const direct = await feeds(request('GET /feed.rss'));
    expect(direct.body).toContain('https://abc123.execute-api.us-east-1.amazonaws.com/');
    expect(edge.headers?.etag).not.toBe(direct.headers?.etag);
  });
});
