// The editors' HTTP handlers through their make*Handler seams, on a request in API Gateway's HTTP API shape
// (tests/events/apigateway), with in-memory ports: the statuses and bodies the contract promises.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { Subscriber, SubscriptionRequest } from '../../functions/core/ports.ts';
import { makeIngestHandler } from '../../functions/handlers/ingest.ts';
import { makeSubscriptionHandler } from '../../functions/handlers/subscriptions.ts';
import postBriefs from '../events/apigateway/post-briefs.json' with { type: 'json' };
import { MemoryBriefStore } from '../support/memory-brief-store.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';

vi.hoisted(() => {
  // The handler modules wire their production dependencies when imported; these make that wiring possible.
  process.env.TABLE_NAME = 'editor-handler-tests';
  process.env.TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:editor-handler-tests';
});

function request(routeKey: string, body: unknown): APIGatewayProxyEventV2 {
  const path = routeKey.split(' ')[1] ?? '/';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ...postBriefs,
    routeKey,
    rawPath: path,
    body: text,
    requestContext: {
      ...postBriefs.requestContext,
      routeKey,
      http: { ...postBriefs.requestContext.http, path },
    },
  } as APIGatewayProxyEventV2;
}

const brief = {
  id: 'jobs-2020-07',
  headline: '大连城镇登记失业率为2.91%',
  body: '截至7月10日，全市城镇登记失业率为2.91%。',
  publishedAt: '2020-07-15T08:00:00+08:00',
  region: '大连',
};

describe('POST /briefs and /briefs/preview', () => {
  function ingest() {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    const handler = makeIngestHandler({
      briefs,
      metrics,
      now: () => new Date('2020-07-15T00:00:01Z'),
      aliases: async () => ({}),
      timeZone: 'Asia/Shanghai',
    });
    return { briefs, handler };
  }

  it('answers 201 with the stored revision and its location, then 200 with the same body for the same brief', async () => {
    const { handler } = ingest();
    const created = await handler(request('POST /briefs', brief));
    const again = await handler(request('POST /briefs', brief));

    expect(created.statusCode).toBe(201);
    expect(created.headers?.location).toBe('/briefs/jobs-2020-07');
    expect(JSON.parse(created.body ?? '')).toMatchObject({ brief: { id: 'jobs-2020-07', revision: 1 } });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(created.body);
  });

  it('previews the changes an upload would cause and stores nothing', async () => {
    const { briefs, handler } = ingest();
    const preview = await handler(request('POST /briefs/preview', brief));

    expect(preview.statusCode).toBe(200);
    expect(JSON.parse(preview.body ?? '').changes.map((change: { type: string }) => change.type)).toEqual([
      'figure.added',
    ]);
    expect(briefs.revisions.size).toBe(0);
  });

  it('answers 400 naming the field for a brief without a headline, and stores nothing', async () => {
    const { briefs, handler } = ingest();
    const { headline: _headline, ...headless } = brief;
    const answer = await handler(request('POST /briefs', headless));

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body ?? '').error.issues.map((issue: { path: string }) => issue.path)).toContain(
      'headline',
    );
    expect(briefs.revisions.size).toBe(0);
  });
});

describe('POST /subscriptions', () => {
  function subscriptions(subscriptionArn = 'pending confirmation') {
    const received: SubscriptionRequest[] = [];
    const subscriber: Subscriber = {
      subscribe: async (subscription) => {
        received.push(subscription);
        return { subscriptionArn };
      },
    };
    return { received, handler: makeSubscriptionHandler({ subscriber }) };
  }

  it('subscribes the endpoint with its filter and says the subscription awaits confirmation', async () => {
    const { received, handler } = subscriptions();
    const body = { protocol: 'email', endpoint: 'desk@example.com', filter: { regions: ['大连'] } };
    const answer = await handler(request('POST /subscriptions', body));

    expect(answer.statusCode).toBe(201);
    expect(JSON.parse(answer.body ?? '')).toEqual({
      subscriptionArn: 'pending confirmation',
      status: 'pending_confirmation',
      protocol: 'email',
      endpoint: 'desk@example.com',
    });
    expect(received).toEqual([body]);
  });

  it('refuses an http endpoint for the https protocol with 400, before asking SNS', async () => {
    const { received, handler } = subscriptions();
    const answer = await handler(
      request('POST /subscriptions', { protocol: 'https', endpoint: 'http://example.com/hook' }),
    );

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body ?? '').error.message).toContain('endpoint');
    expect(received).toEqual([]);
  });
});
