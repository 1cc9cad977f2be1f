// The read API and the feeds through their handlers' seams, on DynamoDB Local: what GET /changes and
// GET /changes/{id} serve, and the query both take.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { CloudEvent } from 'cloudevents';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DynamoBriefStore,
  DynamoChangeLog,
  DynamoMetricStore,
} from '../../functions/adapters/dynamodb/index.ts';
import { toCloudEvent } from '../../functions/core/events.ts';
import type { Change, Figure } from '../../functions/core/model.ts';
import { observationsOf } from '../../functions/core/observations.ts';
import type { BriefRevision } from '../../functions/core/ports.ts';
import { recordObservation } from '../../functions/core/record-observation.ts';
import type { HttpResult } from '../../functions/handlers/http.ts';
import { freshTable } from './dynamodb-fixtures.ts';

function figure(metric: string, value: number, surface: string): Figure {
  return {
    offset: 0,
    length: surface.length,
    surface,
    value,
    unit: '%',
    qualifier: 'exact',
    label: '城镇登记失业率',
    kind: 'percent',
    metric,
  };
}

function revision(briefId: string, publishedAt: string, figures: Figure[]): BriefRevision {
  return {
    briefId,
    revision: 1,
    contentHash: `hash-${briefId}`,
    brief: { headline: '失业率', body: '失业率', publishedAt, region: '大连' },
    figures,
    storedAt: '2020-06-01T00:00:00.000Z',
    timeZone: 'Asia/Shanghai',
  };
}

const metric = '大连:城镇登记失业率:percent';
const revisions = [
  revision('jobs-2020-05', '2020-05-14', [figure(metric, 2.79, '2.79%')]),
  revision('jobs.2020.06', '2020-06-15T08:00:00+08:00', [
    figure('大连:复工率:percent', 98.4, '98.4%'),
    figure(metric, 2.85, '2.85%'),
  ]),
];

function request(
  routeKey: string,
  options: { query?: Record<string, string>; id?: string; revision?: string } = {},
) {
  const path = routeKey
    .replace(/^GET /, '')
    .replace('{id}', options.id ?? '')
    .replace('{revision}', options.revision ?? '');
  const pathParameters = {
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.revision === undefined ? {} : { revision: options.revision }),
  };
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query).toString(),
    headers: { host: 'api.example.com' },
    ...(options.query === undefined ? {} : { queryStringParameters: options.query }),
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters }),
    requestContext: { domainName: 'api.example.com', stage: '$default' },
  } as unknown as APIGatewayProxyEventV2;
}

const body = (result: HttpResult) => JSON.parse(result.body ?? '') as Record<string, unknown>;

let readApi: (event: APIGatewayProxyEventV2) => Promise<HttpResult>;
let feeds: (event: APIGatewayProxyEventV2) => Promise<HttpResult>;
const recorded: Change[] = [];

beforeAll(async () => {
  const context = await freshTable('read-api');
  const briefs = new DynamoBriefStore(context.client, context.tableName);
  const metrics = new DynamoMetricStore(context.client, context.tableName);
  for (const stored of revisions) {
    await briefs.putRevision(stored);
    for (const observation of observationsOf(stored)) {
      const { change } = await recordObservation(metrics, observation, () => new Date());
      if (change !== null) recorded.push(change);
    }
  }
  // The handler modules also build their own dependencies when they load; these tests use the seams.
  process.env.TABLE_NAME = context.tableName;
  const [{ makeReadHandler }, { makeFeedHandler }] = await Promise.all([
    import('../../functions/handlers/read-api.ts'),
    import('../../functions/handlers/feeds.ts'),
  ]);
  const changes = new DynamoChangeLog(context.client, context.tableName, { settleMs: 0 });
  readApi = makeReadHandler({ briefs, metrics, changes });
  feeds = makeFeedHandler({ changes, publicBaseUrl: 'https://feeds.example.com' });
});

describe('GET /changes', () => {
  it('serves the published CloudEvent of every change, which the CloudEvents SDK accepts strictly', async () => {
    const answer = await readApi(request('GET /changes'));
    expect(answer.statusCode).toBe(200);
    const { changes } = body(answer) as { changes: Record<string, unknown>[] };
    expect(changes).toEqual(recorded.map((change) => JSON.parse(JSON.stringify(toCloudEvent(change)))));
    expect(changes.map((event) => event.id)).toEqual([
      'jobs-2020-05.1.0',
      'jobs.2020.06.1.0',
      'jobs.2020.06.1.1',
    ]);
    for (const event of changes) expect(() => new CloudEvent(event, true)).not.toThrow();
  });

  it('carries a publication given as a day as that day', async () => {
    const { changes } = body(await readApi(request('GET /changes'))) as {
      changes: { data: { current: { publishedAt: string } } }[];
    };
    expect(changes[0]?.data.current.publishedAt).toBe('2020-05-14');
  });

  it('filters like the feeds do, and refuses an unknown type naming the parameter', async () => {
    const filtered = body(await readApi(request('GET /changes', { query: { type: 'figure.changed' } })));
    expect((filtered.changes as { id: string }[]).map((event) => event.id)).toEqual(['jobs.2020.06.1.1']);
    for (const answer of [
      await readApi(request('GET /changes', { query: { type: 'figure.moved' } })),
      await feeds(request('GET /feed.json', { query: { type: 'figure.moved' } })),
    ]) {
      expect(answer.statusCode).toBe(400);
      expect(body(answer)).toMatchObject({ error: { code: 'invalid_request', issues: [{ path: 'type' }] } });
      expect(JSON.stringify(body(answer))).toContain('figure.moved');
    }
  });
});

describe('GET /changes/{id}', () => {
  it('answers one event, the same as in GET /changes', async () => {
    for (const change of recorded) {
      const answer = await readApi(request('GET /changes/{id}', { id: change.eventId }));
      expect(answer.statusCode).toBe(200);
      expect(body(answer)).toEqual(JSON.parse(JSON.stringify(toCloudEvent(change))));
    }
  });

  it.each([
    ['an id of no brief', 'no-such-brief.1.0'],
    ['a figure that made no change', 'jobs.2020.06.1.2'],
    ['a revision that does not exist', 'jobs-2020-05.2.0'],
    ['something that is no event id', 'not an id'],
  ])('answers 404 with the standard error body for %s', async (_, id) => {
    // API Gateway hands the function the path parameter decoded.
    const answer = await readApi(request('GET /changes/{id}', { id }));
    expect(answer.statusCode).toBe(404);
    expect(body(answer)).toEqual({
      error: { code: 'not_found', message: `no change event with id ${JSON.stringify(id)}`, issues: [] },
    });
  });
});

describe('GET /briefs/{id}/revisions and /briefs/{id}/revisions/{revision}', () => {
  const briefId = 'jobs.2020.06';

  it('lists a brief’s revisions newest first, and answers one revision whole', async () => {
    const listed = await readApi(request('GET /briefs/{id}/revisions', { id: briefId }));
    expect(listed.statusCode).toBe(200);
    expect(body(listed)).toEqual({
      revisions: [
        {
          briefId,
          revision: 1,
          contentHash: `hash-${briefId}`,
          storedAt: '2020-06-01T00:00:00.000Z',
          headline: '失业率',
          publishedAt: '2020-06-15T08:00:00+08:00',
        },
      ],
    });
    const one = await readApi(
      request('GET /briefs/{id}/revisions/{revision}', { id: briefId, revision: '1' }),
    );
    expect(one.statusCode).toBe(200);
    expect(body(one)).toEqual(JSON.parse(JSON.stringify(revisions[1])));
  });

  it.each([
    ['a brief that does not exist', 'GET /briefs/{id}/revisions', 'no-such-brief', undefined],
    ['a revision that does not exist', 'GET /briefs/{id}/revisions/{revision}', briefId, '2'],
    ['a revision that is no number', 'GET /briefs/{id}/revisions/{revision}', briefId, '01'],
  ])('answers 404 for %s', async (_, routeKey, id, revision) => {
    const answer = await readApi(request(routeKey, { id, ...(revision === undefined ? {} : { revision }) }));
    expect(answer.statusCode).toBe(404);
    expect(body(answer)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a page size it does not serve, naming the parameter', async () => {
    const answer = await readApi(
      request('GET /briefs/{id}/revisions', { id: briefId, query: { limit: '500' } }),
    );
    expect(answer.statusCode).toBe(400);
    expect(body(answer)).toMatchObject({ error: { issues: [{ path: 'limit' }] } });
  });
});

describe('the feeds', () => {
  it('show a brief published on a day with that day, not as the evening before in UTC', async () => {
    const answer = await feeds(request('GET /feed.json'));
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('2020-05-14发布');
    expect(answer.body).not.toContain('2020-05-13T16:00');
    expect(answer.body).toContain('urn:updates-feed:event:jobs-2020-05.1.0');
  });
});
