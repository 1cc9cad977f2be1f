// The editors' HTTP handlers through their make*Handler seams, on a request in API Gateway's HTTP API shape
// (tests/events/apigateway), with in-memory ports: the statuses and bodies the contract promises.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { ConflictError } from '../../functions/core/errors.ts';
import type {
  Subscriber,
  SubscriptionDirectory,
  SubscriptionRequest,
  SubscriptionSummary,
} from '../../functions/core/ports.ts';
import { makeEmailSubscriptionHandler } from '../../functions/handlers/email-subscriptions.ts';
import { makeIngestHandler } from '../../functions/handlers/ingest.ts';
import { makeSubscriptionHandler, maskedEmail } from '../../functions/handlers/subscriptions.ts';
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
    expect(briefs.stored.size).toBe(0);
  });

  it('answers 400 naming the field for a brief without a headline, and stores nothing', async () => {
    const { briefs, handler } = ingest();
    const { headline: _headline, ...headless } = brief;
    const answer = await handler(request('POST /briefs', headless));

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body ?? '').error.issues.map((issue: { path: string }) => issue.path)).toContain(
      'headline',
    );
    expect(briefs.stored.size).toBe(0);
  });
});

/** The topic's subscriptions in memory, as the SNS adapter presents them. */
function subscriptionsPort(subscriptionArn = 'pending confirmation') {
  const received: SubscriptionRequest[] = [];
  const deleted: string[] = [];
  const listed: SubscriptionSummary[] = [
    {
      id: '4b0f5e52-52d6-4a5c-9d8e-4a2f3c1d0e9b',
      protocol: 'email',
      endpoint: 'desk.editor@example.com',
      confirmed: true,
      delivery: 'digest',
      filter: { regions: ['大连'] },
    },
    { protocol: 'email', endpoint: 'x@example.com', confirmed: false },
    {
      id: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
      protocol: 'https',
      endpoint: 'https://hooks.example.com/changes',
      confirmed: true,
      delivery: 'each',
      filter: {},
    },
  ];
  const subscriber: Subscriber & SubscriptionDirectory = {
    subscribe: async (subscription) => {
      received.push(subscription);
      return { subscriptionArn };
    },
    list: async ({ after }) =>
      after === undefined ? { items: listed.slice(0, 2), cursor: 'page-2' } : { items: listed.slice(2) },
    unsubscribe: async (id) => {
      if (!listed.some((each) => each.id === id)) return 'not_found';
      deleted.push(id);
      return 'deleted';
    },
  };
  return { received, deleted, subscriber };
}

function withPath(event: APIGatewayProxyEventV2, id: string, query?: Record<string, string>) {
  return {
    ...event,
    pathParameters: { id },
    ...(query === undefined ? {} : { queryStringParameters: query }),
  } as APIGatewayProxyEventV2;
}

describe('POST /subscriptions', () => {
  function subscriptions(subscriptionArn?: string) {
    const port = subscriptionsPort(subscriptionArn);
    return { ...port, handler: makeSubscriptionHandler({ subscriber: port.subscriber }) };
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
      delivery: 'digest',
    });
    expect(received).toEqual([{ ...body, delivery: 'digest' }]);
  });

  it('delivers a digest to email and each change to machines unless told otherwise', async () => {
    const { received, handler } = subscriptions();
    await handler(
      request('POST /subscriptions', { protocol: 'https', endpoint: 'https://example.com/hook' }),
    );
    await handler(
      request('POST /subscriptions', { protocol: 'email', endpoint: 'a@example.com', delivery: 'each' }),
    );
    await handler(
      request('POST /subscriptions', {
        protocol: 'http',
        endpoint: 'http://example.com/h',
        delivery: 'digest',
      }),
    );
    expect(received.map((each) => [each.protocol, each.delivery])).toEqual([
      ['https', 'each'],
      ['email', 'each'],
      ['http', 'digest'],
    ]);
  });

  it('refuses an http endpoint for the https protocol, and an unknown delivery, with 400 before asking SNS', async () => {
    const { received, handler } = subscriptions();
    const https = await handler(
      request('POST /subscriptions', { protocol: 'https', endpoint: 'http://example.com/hook' }),
    );
    const weekly = await handler(
      request('POST /subscriptions', { protocol: 'email', endpoint: 'a@example.com', delivery: 'weekly' }),
    );

    expect(https.statusCode).toBe(400);
    expect(JSON.parse(https.body ?? '').error.message).toContain('endpoint');
    expect(weekly.statusCode).toBe(400);
    expect(JSON.parse(weekly.body ?? '').error.issues).toContainEqual({
      path: 'delivery',
      message: expect.stringContaining('"weekly"'),
    });
    expect(received).toEqual([]);
  });

  it('answers 409 when the endpoint is already subscribed with other choices', async () => {
    const { subscriber } = subscriptionsPort();
    subscriber.subscribe = async () => {
      throw new ConflictError('a@example.com is already subscribed with another filter or delivery');
    };
    const answer = await makeSubscriptionHandler({ subscriber })(
      request('POST /subscriptions', { protocol: 'email', endpoint: 'a@example.com' }),
    );
    expect(answer.statusCode).toBe(409);
    expect(JSON.parse(answer.body ?? '').error).toMatchObject({ code: 'conflict' });
  });
});

describe('GET /subscriptions', () => {
  it('lists the subscriptions with their status, delivery and filter, email addresses partly hidden', async () => {
    const handler = makeSubscriptionHandler({ subscriber: subscriptionsPort().subscriber });
    const first = await handler(request('GET /subscriptions', ''));
    const second = await handler(withPath(request('GET /subscriptions', ''), '', { after: 'page-2' }));

    expect(first.statusCode).toBe(200);
    expect(first.headers?.['cache-control']).toBe('no-store');
    expect(JSON.parse(first.body ?? '')).toEqual({
      subscriptions: [
        {
          id: '4b0f5e52-52d6-4a5c-9d8e-4a2f3c1d0e9b',
          protocol: 'email',
          endpoint: 'd***@example.com',
          status: 'confirmed',
          delivery: 'digest',
          filter: { regions: ['大连'] },
        },
        {
          id: null,
          protocol: 'email',
          endpoint: 'x***@example.com',
          status: 'pending_confirmation',
          delivery: null,
          filter: null,
        },
      ],
      next: 'page-2',
    });
    expect(JSON.parse(second.body ?? '').subscriptions[0]).toMatchObject({
      endpoint: 'https://hooks.example.com/changes',
      delivery: 'each',
    });
    expect(JSON.parse(second.body ?? '').next).toBeUndefined();
  });
});

describe('maskedEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskedEmail('desk.editor@example.com')).toBe('d***@example.com');
    expect(maskedEmail('a@b.example')).toBe('a***@b.example');
    expect(maskedEmail('@example.com')).toBe('***');
  });
});

describe('DELETE /subscriptions/{id}', () => {
  it('deletes the subscription of that id and answers 204', async () => {
    const { deleted, subscriber } = subscriptionsPort();
    const handler = makeSubscriptionHandler({ subscriber });
    const answer = await handler(
      withPath(request('DELETE /subscriptions/{id}', ''), '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f'),
    );
    expect(answer.statusCode).toBe(204);
    expect(deleted).toEqual(['9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f']);
  });

  it('answers 404 for an id the topic does not have, and 400 naming what was received for no id at all', async () => {
    const { deleted, subscriber } = subscriptionsPort();
    const handler = makeSubscriptionHandler({ subscriber });
    const unknown = await handler(
      withPath(request('DELETE /subscriptions/{id}', ''), '00000000-0000-0000-0000-000000000000'),
    );
    const malformed = await handler(withPath(request('DELETE /subscriptions/{id}', ''), 'arn:aws:sns:x'));

    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body ?? '').error.message).toContain('"arn:aws:sns:x"');
    expect(deleted).toEqual([]);
  });
});

describe('POST /email-subscriptions (readers)', () => {
  function readers() {
    const port = subscriptionsPort();
    return { ...port, handler: makeEmailSubscriptionHandler({ subscriber: port.subscriber }) };
  }

  it('subscribes an email address, as a digest unless told otherwise, and answers alike whatever SNS knew', async () => {
    const { received, handler } = readers();
    const answer = await handler(
      request('POST /email-subscriptions', {
        protocol: 'email',
        endpoint: 'reader@example.com',
        filter: { metrics: ['大连:城镇登记失业率:percent'] },
      }),
    );
    const confirmed = await makeEmailSubscriptionHandler({
      subscriber: subscriptionsPort('arn:aws:sns:us-east-1:000000000000:t:1').subscriber,
    })(request('POST /email-subscriptions', { protocol: 'email', endpoint: 'reader@example.com' }));

    expect(answer.statusCode).toBe(202);
    expect(JSON.parse(answer.body ?? '')).toEqual({ status: 'accepted', delivery: 'digest' });
    expect(confirmed.body).toBe(answer.body);
    expect(received).toEqual([
      {
        protocol: 'email',
        endpoint: 'reader@example.com',
        filter: { metrics: ['大连:城镇登记失业率:percent'] },
        delivery: 'digest',
      },
    ]);
  });

  it('refuses every protocol but email with 400, before asking SNS', async () => {
    const { received, handler } = readers();
    for (const body of [
      { protocol: 'https', endpoint: 'https://example.com/hook' },
      { protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' },
      { protocol: 'email', endpoint: 'not an address' },
    ]) {
      expect((await handler(request('POST /email-subscriptions', body))).statusCode).toBe(400);
    }
    expect(received).toEqual([]);
  });
});
