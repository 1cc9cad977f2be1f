// A consumer that follows GET /changes with `next` while several pipeline invocations commit changes at once,
// some of them slowly, sees every change exactly once: none skipped, none repeated.
//
// Slow commits are the danger: a change takes its position in the log when its put is attempted, so one that
// commits late lands behind changes a consumer may already have read past. The settle window holds back every
// position a late commit could still take. Here a middleware on the pipeline's DynamoDB client delays each put
// of a change between the moment its position is stamped and its commit, by up to 1.5 s (within the put's
// deadline), while the same records also reach two invocations at once, so heads are contended and rolled
// forward. The changes index spreads its writes over several partitions, which the reads merge: the consumer must
// still see one order, the order of the changes' positions.
import { type PutItemCommandInput, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoFailureStore } from '../../functions/adapters/dynamodb/failure-store.ts';
import {
  DynamoBriefStore,
  DynamoChangeLog,
  DynamoMetricStore,
  minimumSettleMs,
} from '../../functions/adapters/dynamodb/index.ts';
import type { ChangeEvent } from '../../functions/core/events.ts';
import type { Figure } from '../../functions/core/model.ts';
import type { BriefRevision } from '../../functions/core/ports.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { freshTable, localClient } from './dynamodb-fixtures.ts';

/** The window under test; the assertion below fails with 0 (the window off). */
const settleMs = minimumSettleMs;
const maxCommitDelayMs = 1500;
const briefCount = 24;
const metricCount = 6;
const invocations = 8;

const metricOf = (index: number) => `并发游标:指标${index}:percent`;

function revisionOf(index: number): BriefRevision {
  const figures: Figure[] = [0, 1].map((offset) => {
    const metricIndex = (index + offset * 2) % metricCount;
    return {
      offset: offset * 10,
      length: 5,
      surface: `${index}.${offset}%`,
      value: index + offset / 10,
      unit: '%',
      qualifier: 'exact',
      label: `指标${metricIndex}`,
      kind: 'percent',
      metric: metricOf(metricIndex),
      asOf: `2020-05-${String(1 + (index % 28)).padStart(2, '0')}`,
    };
  });
  return {
    briefId: `cursor-${index}`,
    revision: 1,
    contentHash: `hash-${index}`,
    brief: { headline: 'h', body: 'b', publishedAt: '2020-06-01T08:00:00+08:00', region: '并发游标' },
    figures,
    storedAt: '2020-06-01T00:00:00.000Z',
    timeZone: 'Asia/Shanghai',
  };
}

function streamEvent(briefIds: string[], invocation: number): DynamoDBStreamEvent {
  return {
    Records: briefIds.map((briefId, index) => ({
      eventID: `${invocation}-${index}`,
      eventName: 'INSERT',
      dynamodb: {
        NewImage: { briefId: { S: briefId }, revision: { N: '1' } },
        SequenceNumber: `${invocation}${String(index).padStart(20, '0')}`,
      },
    })),
  };
}

function changesRequest(after: string | undefined): APIGatewayProxyEventV2 {
  const query = { limit: '5', ...(after === undefined ? {} : { after }) };
  return {
    routeKey: 'GET /changes',
    rawPath: '/changes',
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {},
    queryStringParameters: query,
    requestContext: { domainName: 'localhost', stage: '$default' },
  } as unknown as APIGatewayProxyEventV2;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

let context: Awaited<ReturnType<typeof freshTable>>;
let seen: string[];
let recorded: string[];
let delayedCommits = 0;
/** Each stored change's partition of the changes index and its position there, by event id. */
let placed: Map<string, { partition: string; position: string }>;
const slowClient = localClient();

beforeAll(async () => {
  context = await freshTable('changes-cursor');
  const briefs = new DynamoBriefStore(context.client, context.tableName);
  for (let index = 0; index < briefCount; index++) await briefs.putRevision(revisionOf(index));
  const random = seededRandom(20_200_601);
  slowClient.middlewareStack.add(
    (next, handlerContext) => async (args) => {
      const input = args.input as PutItemCommandInput;
      if (handlerContext.commandName === 'PutItemCommand' && input.Item?.gsi1pk !== undefined) {
        delayedCommits += 1;
        await sleep(random.int(0, maxCommitDelayMs));
      }
      return next(args);
    },
    { step: 'initialize', name: 'delayCommitsOfChanges' },
  );
  // The handler modules build their own dependencies when they load; these tests use the seams.
  Object.assign(process.env, {
    TABLE_NAME: context.tableName,
    TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:changes-cursor',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const [{ makePipelineHandler }, { makeReadHandler }] = await Promise.all([
    import('../../functions/handlers/pipeline.ts'),
    import('../../functions/handlers/read-api.ts'),
  ]);
  const metrics = new DynamoMetricStore(slowClient, context.tableName);
  // Digests are not what this test judges: published nowhere.
  const digests = { publishDigest: async () => {} };
  const pipeline = makePipelineHandler({
    briefs,
    metrics,
    digests,
    failures: new DynamoFailureStore(context.client, context.tableName),
    now: () => new Date(),
  });
  const readApi = makeReadHandler({
    briefs,
    metrics: new DynamoMetricStore(context.client, context.tableName),
    changes: new DynamoChangeLog(context.client, context.tableName, { settleMs }),
  });

  // Every brief reaches two of the invocations, which all run at once; failed records are delivered again.
  const ids = Array.from({ length: briefCount }, (_, index) => `cursor-${index}`);
  const batches = Array.from({ length: invocations }, (_, invocation) =>
    ids.filter((_, index) => index % (invocations / 2) === invocation % (invocations / 2)),
  );
  let writing = true;
  const writers = (async () => {
    let pending = batches;
    try {
      for (let round = 0; round < 5 && pending.length > 0; round++) {
        const responses = await Promise.all(
          pending.map((batch, index) => pipeline(streamEvent(batch, index))),
        );
        pending = pending
          .map((batch, index) => {
            const failed = new Set(
              responses[index]?.batchItemFailures.map((failure) => failure.itemIdentifier),
            );
            return batch.filter((_, position) => failed.has(`${index}${String(position).padStart(20, '0')}`));
          })
          .filter((batch) => batch.length > 0);
      }
      expect(pending).toEqual([]);
    } finally {
      writing = false;
    }
  })();

  seen = [];
  let after: string | undefined;
  let quietSince: number | undefined;
  const deadline = Date.now() + 90_000;
  // Polls all the while, and for a settle window and more after the last write.
  while (quietSince === undefined || Date.now() - quietSince < settleMs + 1500) {
    if (Date.now() > deadline) throw new Error('the consumer did not finish polling within 90 s');
    const answer = await readApi(changesRequest(after));
    expect(answer.statusCode).toBe(200);
    const page = JSON.parse(answer.body ?? '') as { changes: ChangeEvent[]; next?: string };
    seen.push(...page.changes.map((event) => event.id));
    if (page.next !== undefined) after = page.next;
    if (!writing && quietSince === undefined) quietSince = Date.now();
    if (page.next === undefined) await sleep(25);
  }
  await writers;

  recorded = [];
  for (let index = 0; index < metricCount; index++) {
    const history = await metrics.history(metricOf(index), { limit: 1000 });
    recorded.push(
      ...history.items.flatMap((stored) => (stored.change === null ? [] : [stored.change.eventId])),
    );
  }
  const { Items: items = [] } = await context.client.send(
    new ScanCommand({ TableName: context.tableName, FilterExpression: 'attribute_exists(gsi1pk)' }),
  );
  placed = new Map(
    items.map((item) => [
      (item.gsi1sk?.S ?? '').split('#').slice(1).join('#'),
      { partition: item.gsi1pk?.S ?? '', position: item.gsi1sk?.S ?? '' },
    ]),
  );
}, 120_000);

afterAll(() => {
  slowClient.destroy();
});

describe('a consumer polling GET /changes while concurrent pipelines commit slowly', () => {
  it('had slow commits to contend with, and changes of every brief to find', () => {
    expect(delayedCommits).toBeGreaterThanOrEqual(briefCount * 2);
    expect(recorded).toHaveLength(briefCount * 2);
  });

  it('sees every change exactly once: none skipped, none repeated', () => {
    const repeated = seen.filter((id, index) => seen.indexOf(id) !== index);
    const skipped = recorded.filter((id) => !seen.includes(id));
    expect({ repeated, skipped }).toEqual({ repeated: [], skipped: [] });
    expect(seen.length).toBe(recorded.length);
  });

  it('had its changes written to several partitions of the changes index', () => {
    const partitions = new Set([...placed.values()].map((place) => place.partition));
    expect(partitions.size).toBeGreaterThanOrEqual(4);
  });

  it('sees them in the order of their positions, merged across the partitions', () => {
    const positions = seen.map((id) => placed.get(id)?.position ?? '');
    expect(positions).toEqual([...positions].sort());
  });
});
