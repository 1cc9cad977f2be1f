// The two stream consumers through their make*Handler seams, on an event in the shape Lambda delivers
// (tests/events/dynamodb), with in-memory ports: what each reports as failed, and what it leaves recorded.
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutRevision } from '../../functions/adapters/dynamodb/brief-store.ts';
import { observationItem } from '../../functions/adapters/dynamodb/metric-items.ts';
import { PublishError } from '../../functions/adapters/sns/publisher.ts';
import { classifyChange } from '../../functions/core/diff.ts';
import type { RevisionDigest } from '../../functions/core/digest.ts';
import { uploadBrief } from '../../functions/core/ingest.ts';
import type { Change } from '../../functions/core/model.ts';
import type { ChangePublisher, DigestPublisher } from '../../functions/core/ports.ts';
import { makePipelineHandler } from '../../functions/handlers/pipeline.ts';
import { makePublisherHandler } from '../../functions/handlers/publisher.ts';
import revisionInsert from '../events/dynamodb/brief-revision-insert.json' with { type: 'json' };
import { observation } from '../support/fixtures.ts';
import { MemoryBriefStore } from '../support/memory-brief-store.ts';
import { MemoryFailureStore } from '../support/memory-failure-store.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';

vi.hoisted(() => {
  // The handler modules wire their production dependencies when imported; these make that wiring possible.
  process.env.TABLE_NAME = 'stream-handler-tests';
  process.env.TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:stream-handler-tests';
});

const documented = revisionInsert.Records[0] as DynamoDBRecord;
const now = () => new Date('2020-07-15T00:00:01.000Z');

function record(sequenceNumber: string, newImage: Record<string, unknown>): DynamoDBRecord {
  return {
    ...documented,
    eventID: `event-${sequenceNumber}`,
    dynamodb: { ...documented.dynamodb, SequenceNumber: sequenceNumber, NewImage: newImage as never },
  };
}

function revisionRecord(sequenceNumber: string, briefId: string): DynamoDBRecord {
  return record(sequenceNumber, { ...documented.dynamodb?.NewImage, briefId: { S: briefId } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Keeps the digests the pipeline publishes; `failWith` makes the next publications fail. */
function digestInbox() {
  const digests: RevisionDigest[] = [];
  const failures: unknown[] = [];
  const publisher: DigestPublisher = {
    publishDigest: async (digest) => {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      digests.push(digest);
    },
  };
  return { digests, publisher, failWith: (error: unknown) => failures.push(error) };
}

describe('the pipeline consumer', () => {
  async function uploaded(briefs: MemoryBriefStore, metrics: MemoryMetricStore, id: string, region: string) {
    const brief = {
      id,
      headline: `${region}城镇登记失业率为2.91%`,
      body: `截至7月10日，${region}城镇登记失业率为2.91%，城镇新增就业1200人。`,
      publishedAt: '2020-07-15T08:00:00+08:00',
      region,
    };
    const { answer } = await uploadBrief(brief, {
      briefs,
      metrics,
      now,
      aliases: async () => ({}),
      timeZone: 'Asia/Shanghai',
    });
    return answer.figures;
  }

  const pipelineOver = (briefs: MemoryBriefStore, metrics: MemoryMetricStore) =>
    makePipelineHandler({
      briefs,
      metrics,
      digests: digestInbox().publisher,
      failures: new MemoryFailureStore(),
      now,
    });

  it('records every figure of a new revision as the first value of its metric', async () => {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    const figures = await uploaded(briefs, metrics, 'jobs-2020-07', '大连');
    const handler = pipelineOver(briefs, metrics);

    const response = await handler({ Records: [documented] } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([]);
    const distinctMetrics = new Set(figures.map((figure) => figure.metric));
    expect(distinctMetrics.size).toBe(2);
    for (const metric of distinctMetrics) {
      const [stored] = metrics.observations.get(metric)?.values() ?? [];
      expect(stored?.change?.type, metric).toBe('figure.added');
    }
  });

  it('reports only the record whose revision cannot be read, logs why, and records the others', async () => {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    const figures = await uploaded(briefs, metrics, 'jobs-2020-07', '大连');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failures = new MemoryFailureStore();
    const handler = makePipelineHandler({ briefs, metrics, digests: digestInbox().publisher, failures, now });

    const response = await handler({
      Records: [revisionRecord('100', 'never-stored'), revisionRecord('200', 'jobs-2020-07')],
    } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '100' }]);
    expect(figures.every(({ metric }) => metrics.heads.has(metric))).toBe(true);
    expect(logged).toHaveBeenCalledOnce();
    const [line] = logged.mock.calls[0] as [string];
    expect(JSON.parse(line)).toMatchObject({
      level: 'ERROR',
      message: 'brief revision not processed',
      eventID: 'event-100',
      error: { name: 'MalformedRecordError', message: 'revision 1 of never-stored is not readable' },
    });
  });

  it('keeps the record it fails for replay, with its keys, its brief revision and why', async () => {
    const briefs = new MemoryBriefStore();
    const failures = new MemoryFailureStore();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = makePipelineHandler({
      briefs,
      metrics: new MemoryMetricStore(),
      digests: digestInbox().publisher,
      failures,
      now,
    });

    await handler({ Records: [revisionRecord('100', 'never-stored')] } as DynamoDBStreamEvent);
    await handler({ Records: [revisionRecord('100', 'never-stored')] } as DynamoDBStreamEvent);

    expect(await failures.list('pipeline')).toEqual([
      {
        consumer: 'pipeline',
        keys: { pk: 'BRIEF#jobs-2020-07', sk: 'REV#000001' },
        brief: { id: 'never-stored', revision: 1 },
        error: 'MalformedRecordError: revision 1 of never-stored is not readable',
        attempts: 2,
        firstFailedAt: expect.any(String),
        lastFailedAt: expect.any(String),
      },
    ]);
  });

  it('takes a compact revision from its stream image, base64 as Lambda sends it, without reading the table', async () => {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    const figures = await uploaded(briefs, metrics, 'jobs-2020-07', '大连');
    const stored = await briefs.getRevision('jobs-2020-07', 1);
    if (stored === undefined) throw new Error('the upload stored no revision');
    const { revisionItem, partItems } = layoutRevision(stored);
    expect(partItems).toEqual([]);
    const content = revisionItem.content?.B;
    if (content === undefined) throw new Error('a compact revision item carries its content');
    const image = { ...revisionItem, content: { B: Buffer.from(content).toString('base64') } };
    const reads = vi.spyOn(briefs, 'getRevision');
    const handler = pipelineOver(briefs, metrics);

    const response = await handler({ Records: [record('100', image)] } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
    expect(figures.every(({ metric }) => metrics.observations.get(metric)?.size === 1)).toBe(true);
  });

  it('keeps nothing when every record succeeds', async () => {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    await uploaded(briefs, metrics, 'jobs-2020-07', '大连');
    const failures = new MemoryFailureStore();
    await makePipelineHandler({ briefs, metrics, digests: digestInbox().publisher, failures, now })({
      Records: [documented],
    } as DynamoDBStreamEvent);
    expect(failures.kept.size).toBe(0);
  });
});

describe("the pipeline consumer's digests", () => {
  async function twoRevisions() {
    const briefs = new MemoryBriefStore();
    const metrics = new MemoryMetricStore();
    const brief = (rate: string, jobs: number) => ({
      id: 'jobs-2020-07',
      headline: `大连城镇登记失业率为${rate}%`,
      body: `截至7月10日，大连城镇登记失业率为${rate}%，城镇新增就业${jobs}人。`,
      publishedAt: '2020-07-15T08:00:00+08:00',
      region: '大连',
    });
    const dependencies = { briefs, metrics, now, aliases: async () => ({}), timeZone: 'Asia/Shanghai' };
    await uploadBrief(brief('2.91', 1200), dependencies);
    await uploadBrief(brief('2.95', 1300), dependencies);
    const revision = (number: number) =>
      record(String(number * 100), { ...documented.dynamodb?.NewImage, revision: { N: String(number) } });
    const inbox = digestInbox();
    const handler = makePipelineHandler({
      briefs,
      metrics,
      digests: inbox.publisher,
      failures: new MemoryFailureStore(),
      now,
    });
    return { briefs, metrics, revision, inbox, handler };
  }

  it('publishes one digest per revision, listing its changes in figure order, once they are all recorded', async () => {
    const { revision, inbox, handler } = await twoRevisions();

    const response = await handler({ Records: [revision(1), revision(2)] } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([]);
    expect(inbox.digests.map((digest) => digest.id)).toEqual([
      'jobs-2020-07.1.digest',
      'jobs-2020-07.2.digest',
    ]);
    const [first, second] = inbox.digests;
    expect(first?.changes.map((change) => change.type)).toEqual(['figure.added', 'figure.added']);
    expect(second?.changes.map((change) => [change.type, change.current.value])).toEqual([
      ['figure.revised', 2.95],
      ['figure.revised', 1300],
    ]);
    expect(second).toMatchObject({ headline: '大连城镇登记失业率为2.95%', language: 'zh', region: '大连' });
  });

  it('retries the revision when its digest could not be published, and then publishes the same digest', async () => {
    const { metrics, revision, inbox, handler } = await twoRevisions();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    inbox.failWith(new Error('SNS hung up'));

    const failed = await handler({ Records: [revision(1)] } as DynamoDBStreamEvent);
    const writes: string[] = [];
    metrics.beforeWrite = (operation) => void writes.push(operation);
    const retried = await handler({ Records: [revision(1)] } as DynamoDBStreamEvent);

    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: '100' }]);
    expect(JSON.parse(String(logged.mock.calls[0]?.[0]))).toMatchObject({ message: 'digest not published' });
    expect(retried.batchItemFailures).toEqual([]);
    expect(writes).toEqual([]);
    expect(inbox.digests.map((digest) => [digest.id, digest.changes.length])).toEqual([
      ['jobs-2020-07.1.digest', 2],
    ]);
  });

  it('does not hold up the stream for a digest SNS refuses for good', async () => {
    const { revision, inbox, handler } = await twoRevisions();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    inbox.failWith(
      new PublishError([
        {
          eventId: 'jobs-2020-07.1.digest',
          code: 'InvalidParameter',
          message: 'too long',
          senderFault: true,
        },
      ]),
    );

    const response = await handler({ Records: [revision(1)] } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([]);
    expect(logged).toHaveBeenCalledOnce();
  });

  it('publishes no digest for a revision that changed nothing', async () => {
    const { briefs, revision, inbox, handler } = await twoRevisions();
    await handler({ Records: [revision(1)] } as DynamoDBStreamEvent);
    const unchanged = { ...(await briefs.getRevision('jobs-2020-07', 1)), revision: 3 } as never;
    await briefs.putRevision(unchanged);

    await handler({ Records: [revision(3)] } as DynamoDBStreamEvent);

    expect(inbox.digests.map((digest) => digest.id)).toEqual(['jobs-2020-07.1.digest']);
  });
});

describe('the publisher consumer', () => {
  function changeRecord(sequenceNumber: string, value: number): { record: DynamoDBRecord; change: Change } {
    const previous = observation({ value: 2.79 });
    const current = observation({ value, asOf: '2020-06-30', briefId: `brief-${sequenceNumber}` });
    const recordedAt = '2020-07-15T00:00:01.000Z';
    const change = classifyChange({ current, previous, hasLater: false, recordedAt }) as Change;
    return {
      record: record(
        sequenceNumber,
        observationItem({ observation: current, change, recordedAt }, new Date(recordedAt)),
      ),
      change,
    };
  }

  it('publishes the change each new observation item carries, decoded from the stream image', async () => {
    const published: Change[] = [];
    const publisher: ChangePublisher = { publish: async (changes) => void published.push(...changes) };
    const first = changeRecord('300', 2.85);
    const second = changeRecord('400', 2.91);

    const response = await makePublisherHandler({ publisher, failures: new MemoryFailureStore() })({
      Records: [first.record, second.record],
    } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([]);
    expect(published.map((change) => change.eventId).sort()).toEqual(
      [first.change.eventId, second.change.eventId].sort(),
    );
    expect(published.find((change) => change.eventId === first.change.eventId)).toEqual(first.change);
  });

  it('reports the record whose change the topic refused, and only it, for the event-source mapping to retry', async () => {
    const refused = changeRecord('500', 2.85);
    const accepted = changeRecord('600', 2.91);
    const publisher: ChangePublisher = {
      publish: async ([change]) => {
        if (change?.eventId === refused.change.eventId) throw new Error('SNS answered InternalError');
      },
    };

    const failures = new MemoryFailureStore();
    const response = await makePublisherHandler({ publisher, failures })({
      Records: [refused.record, accepted.record],
    } as DynamoDBStreamEvent);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '500' }]);
    expect((await failures.list('publisher')).map(({ eventId, error }) => ({ eventId, error }))).toEqual([
      { eventId: refused.change.eventId, error: 'Error: SNS answered InternalError' },
    ]);
  });
});
