// Merging and renaming metrics on DynamoDB Local, with the pipeline recording figures the way the stream hands
// them over: histories kept in order, no event raised by a merge, the next figure of an old key compared with the
// merged history, and a merge that races the old key's writer losing nothing and doubling nothing.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DynamoBriefStore,
  DynamoChangeLog,
  DynamoMetricStore,
  minimumSettleMs,
} from '../../functions/adapters/dynamodb/index.ts';
import { classifyChange } from '../../functions/core/diff.ts';
import { ConflictError, ValidationError } from '../../functions/core/errors.ts';
import { mergeMetric, renameMetric } from '../../functions/core/merge-metrics.ts';
import { metricKey } from '../../functions/core/metric-key.ts';
import type { Figure } from '../../functions/core/model.ts';
import { changeByEventId } from '../../functions/core/observations.ts';
import type { MetricStore } from '../../functions/core/ports.ts';
import { makePipelineHandler } from '../../functions/handlers/pipeline.ts';
import revisionInsert from '../events/dynamodb/brief-revision-insert.json' with { type: 'json' };
import { MemoryFailureStore } from '../support/memory-failure-store.ts';
import { briefRevision, freshTable } from './dynamodb-fixtures.ts';

vi.hoisted(() => {
  // The handler modules wire their production dependencies when imported; these make that wiring possible.
  process.env.TABLE_NAME = 'dynamodb-merge-tests';
  process.env.TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:dynamodb-merge-tests';
});

const now = () => new Date('2020-09-01T00:00:00.000Z');
/** The pipeline's digests are not what these tests are about. */
const digests = { publishDigest: async () => {} };
const failures = new MemoryFailureStore();
const documented = revisionInsert.Records[0] as DynamoDBStreamEvent['Records'][number];

let context: Awaited<ReturnType<typeof freshTable>>;
let briefs: DynamoBriefStore;
let metrics: DynamoMetricStore;
let sequence = 0;

beforeEach(async () => {
  context = await freshTable('dynamodb-merge');
  briefs = new DynamoBriefStore(context.client, context.tableName);
  metrics = new DynamoMetricStore(context.client, context.tableName);
});

/** A share of enterprises back at work, as the extractor would report it under `metric`. */
function rate(metric: string, value: number, asOf: string): Figure {
  return {
    offset: 0,
    length: String(value).length + 1,
    surface: `${value}%`,
    value,
    unit: '%',
    qualifier: 'exact',
    label: metric.split(':')[1] ?? metric,
    kind: 'percent',
    metric,
    asOf,
  };
}

const A = '大连:复工率:percent';
const B = '大连:规模以上工业企业复工率:percent';

/** Stores a brief with these figures, published the day after the first one's as-of, and has the pipeline record it. */
async function record(briefId: string, figures: Figure[], store: MetricStore = metrics): Promise<void> {
  const asOf = figures[0]?.asOf ?? '2020-01-01';
  const publishedAt = `${new Date(Date.parse(asOf) + 86_400_000).toISOString().slice(0, 10)}T08:00:00+08:00`;
  const revision = briefRevision({
    briefId,
    contentHash: `hash-${briefId}`,
    brief: { id: briefId, headline: '复工', body: '复工率', publishedAt, region: '大连' },
    figures,
  });
  expect(await briefs.putRevision(revision)).toBe('stored');
  sequence += 1;
  const response = await makePipelineHandler({ briefs, metrics: store, digests, failures, now })({
    Records: [
      {
        ...documented,
        dynamodb: {
          ...documented.dynamodb,
          SequenceNumber: String(sequence),
          NewImage: { briefId: { S: briefId }, revision: { N: '1' } },
        },
      },
    ],
  });
  expect(response.batchItemFailures).toEqual([]);
}

/** Every change stored in the table, read from the changes index the feeds and /changes query. */
async function changes() {
  const log = new DynamoChangeLog(context.client, context.tableName, { settleMs: minimumSettleMs });
  return log.latestChanges({ limit: 1000 });
}

/** Items the publisher's stream filter would pass on: those with a changeType attribute. */
async function itemsWithChangeType(): Promise<number> {
  const { Count: count } = await context.client.send(
    new ScanCommand({
      TableName: context.tableName,
      FilterExpression: 'attribute_exists(changeType)',
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return count ?? 0;
}

async function series(metric: string) {
  const page = await metrics.history(metric, { limit: 1000 });
  return page.items.map(({ observation }) => [observation.asOf, observation.value]).reverse();
}

/** A writes at the end of March and May, B at the end of April and June. */
async function twoInterleavedMetrics(): Promise<void> {
  await record('a-03', [rate(A, 90.1, '2020-03-31')]);
  await record('b-04', [rate(B, 92.0, '2020-04-30')]);
  await record('a-05', [rate(A, 95.2, '2020-05-31')]);
  await record('b-06', [rate(B, 97.5, '2020-06-30')]);
}

describe('merging two metrics', () => {
  it('keeps both histories in order under the target and raises no event', async () => {
    await twoInterleavedMetrics();
    const before = await changes();
    expect(before).toHaveLength(4);

    const outcome = await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);

    expect(outcome).toMatchObject({ from: A, into: B, copied: 2 });
    expect(await series(B)).toEqual([
      ['2020-03-31', 90.1],
      ['2020-04-30', 92.0],
      ['2020-05-31', 95.2],
      ['2020-06-30', 97.5],
    ]);
    expect((await metrics.getHead(B))?.latest.value).toBe(97.5);
    expect((await metrics.getHead(A))?.mergedInto).toBe(B);
    expect(await changes()).toEqual(before);
    expect(await itemsWithChangeType()).toBe(4);
    expect((await metrics.listHeads({ limit: 10 })).items.map((head) => head.metric)).toEqual([B]);
  });

  it('moves the target to the source’s latest when that is newer', async () => {
    await twoInterleavedMetrics();
    await record('a-07', [rate(A, 98.0, '2020-07-31')]);

    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);

    const head = await metrics.getHead(B);
    expect(head?.latest).toMatchObject({ metric: B, value: 98.0, asOf: '2020-07-31', briefId: 'a-07' });
  });

  it.each([
    ['the merged metric', A],
    ['the metric merged into', B],
  ])('compares the next figure of %s with the merged latest: one figure.changed', async (_, key) => {
    await twoInterleavedMetrics();
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    const before = await changes();

    await record('next-07', [rate(key, 98.0, '2020-07-31')]);

    const added = (await changes()).filter((change) => !before.some((old) => old.eventId === change.eventId));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      type: 'figure.changed',
      eventId: 'next-07.1.0',
      metric: B,
      previous: { value: 97.5, asOf: '2020-06-30' },
      current: { value: 98.0, metric: B },
    });
    expect(await metrics.getObservation(A, added[0]?.current.key ?? '')).toBeUndefined();
  });

  it('still finds every change by its event id: those from before the merge and those after it', async () => {
    await twoInterleavedMetrics();
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    await record('next-07', [rate(A, 98.0, '2020-07-31')]);

    const stores = { briefs, metrics };
    expect(await changeByEventId('a-05.1.0', stores)).toMatchObject({ metric: A, type: 'figure.changed' });
    expect(await changeByEventId('next-07.1.0', stores)).toMatchObject({ metric: B, type: 'figure.changed' });
  });

  it('counts one figure per brief where a brief names both metrics, and raises one change for it', async () => {
    await twoInterleavedMetrics();
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    const before = await changes();

    await record('both-07', [rate(A, 98.0, '2020-07-31'), rate(B, 98.0, '2020-07-31')]);

    expect((await changes()).length - before.length).toBe(1);
    expect((await series(B)).at(-1)).toEqual(['2020-07-31', 98.0]);
  });

  it('answers the same when sent again, and copies nothing twice', async () => {
    await twoInterleavedMetrics();
    const first = await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    const again = await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);

    expect(again).toEqual({ ...first, copied: 0 });
    expect(await series(B)).toHaveLength(4);
  });

  it('is completed by running it again after it crashed between copying and redirecting', async () => {
    await twoInterleavedMetrics();
    const crashing: MetricStore = Object.assign(Object.create(metrics) as MetricStore, {
      claimHead: async (head: Parameters<MetricStore['claimHead']>[0], expected: number | undefined) => {
        if (head.mergedInto !== undefined) throw new Error('the function was stopped');
        return metrics.claimHead(head, expected);
      },
    });
    await expect(mergeMetric(crashing, { from: A, into: B, createInto: false }, now)).rejects.toThrow(
      'the function was stopped',
    );
    expect((await metrics.getHead(A))?.mergedInto).toBeUndefined();

    const outcome = await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);

    expect(outcome).toMatchObject({ into: B, copied: 0 });
    expect((await metrics.getHead(A))?.mergedInto).toBe(B);
    expect(await series(B)).toHaveLength(4);
    expect(await changes()).toHaveLength(4);
  });

  it('refuses a target that does not exist, naming the field', async () => {
    await twoInterleavedMetrics();
    const refused = mergeMetric(metrics, { from: A, into: '大连:没有:percent', createInto: false }, now);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      issues: [{ path: 'into', message: expect.stringContaining('"大连:没有:percent"') }],
    });
  });

  it('refuses metrics of different unit families, and a metric merged elsewhere', async () => {
    await twoInterleavedMetrics();
    const people = '大连:复工人数:people';
    await record('people-05', [{ ...rate(people, 1200, '2020-05-31'), unit: '人', kind: 'count' }]);
    await expect(mergeMetric(metrics, { from: A, into: people, createInto: false }, now)).rejects.toThrow(
      /only metrics of one unit family/,
    );
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    const C = '大连:企业复工率:percent';
    await record('c-05', [rate(C, 93.3, '2020-05-31')]);
    await expect(mergeMetric(metrics, { from: A, into: C, createInto: false }, now)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(mergeMetric(metrics, { from: B, into: A, createInto: false }, now)).rejects.toThrow(
      /cannot be merged into itself/,
    );
  });
});

describe('a merge racing the old key’s writer', () => {
  it('takes in an observation the writer commits while the merge copies, then redirects the writers after it', async () => {
    await twoInterleavedMetrics();
    let raced = false;
    const racing: MetricStore = Object.assign(Object.create(metrics) as MetricStore, {
      copyHistory: async (from: string, into: string) => {
        const copied = await metrics.copyHistory(from, into);
        if (!raced) {
          raced = true;
          // The old key's writer commits between the copy and the redirect: the redirect claim must fail.
          await record('a-07', [rate(A, 98.0, '2020-07-31')]);
        }
        return copied;
      },
    });

    const outcome = await mergeMetric(racing, { from: A, into: B, createInto: false }, now);
    await record('a-08', [rate(A, 98.6, '2020-08-31')]);

    expect(outcome.copied).toBe(3);
    expect(await series(B)).toEqual([
      ['2020-03-31', 90.1],
      ['2020-04-30', 92.0],
      ['2020-05-31', 95.2],
      ['2020-06-30', 97.5],
      ['2020-07-31', 98.0],
      ['2020-08-31', 98.6],
    ]);
    const ids = (await changes()).map((change) => change.eventId);
    expect(ids.sort()).toEqual(['a-03.1.0', 'a-05.1.0', 'a-07.1.0', 'a-08.1.0', 'b-04.1.0', 'b-06.1.0']);
    expect((await changes()).find((change) => change.eventId === 'a-08.1.0')).toMatchObject({
      type: 'figure.changed',
      metric: B,
      previous: { value: 98.0 },
    });
  });

  it('loses and doubles nothing while the writer records the old key throughout the merge', async () => {
    await twoInterleavedMetrics();
    const days = Array.from({ length: 12 }, (_, index) => {
      const day = new Date(Date.UTC(2020, 6, 1 + index)).toISOString().slice(0, 10);
      return { briefId: `race-${day}`, figure: rate(A, 98 + index / 10, day) };
    });
    const writer = (async () => {
      for (const { briefId, figure } of days) await record(briefId, [figure]);
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);
    await writer;

    const merged = await series(B);
    expect(merged).toHaveLength(4 + days.length);
    expect(merged.slice(4)).toEqual(days.map(({ figure }) => [figure.asOf, figure.value]));
    const ids = (await changes()).map((change) => change.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(4 + days.length);
    expect((await metrics.getHead(B))?.latest.value).toBe(days.at(-1)?.figure.value);
    expect(await itemsWithChangeType()).toBe(4 + days.length);
  });
});

describe('renaming a metric', () => {
  it('moves it to the key of its new name, history and all, and names it there', async () => {
    await twoInterleavedMetrics();
    const label = '全市工业企业复工比例';
    const into = metricKey({ region: '大连', label, unit: '%' });

    const outcome = await renameMetric(metrics, { metric: A, label, aliases: {} }, now);

    expect(outcome).toMatchObject({ from: A, into, copied: 2 });
    expect(await series(into)).toEqual([
      ['2020-03-31', 90.1],
      ['2020-05-31', 95.2],
    ]);
    expect(await metrics.getHead(into)).toMatchObject({ name: label, label, latest: { value: 95.2 } });
    expect((await metrics.getHead(A))?.mergedInto).toBe(into);
    expect(await changes()).toHaveLength(4);
  });

  it('keeps the name it was given when the next figure, worded the old way, arrives', async () => {
    await twoInterleavedMetrics();
    const { into } = await renameMetric(metrics, { metric: A, label: '企业复工比例', aliases: {} }, now);

    await record('a-07', [rate(A, 98.0, '2020-07-31')]);

    expect(await metrics.getHead(into)).toMatchObject({ label: '企业复工比例', latest: { label: '复工率' } });
  });

  it('merges into the metric that already has the new name’s key', async () => {
    await twoInterleavedMetrics();
    const outcome = await renameMetric(
      metrics,
      { metric: A, label: '规模以上工业企业复工率', aliases: {} },
      now,
    );
    expect(outcome).toMatchObject({ into: B, copied: 2 });
    expect(await series(B)).toHaveLength(4);
  });
});

describe('the copies a merge makes', () => {
  it('give way to the observation the target’s own writer commits under the same key, change and all', async () => {
    await record('a-03', [rate(A, 90.1, '2020-03-31')]);
    await record('b-02', [rate(B, 88.0, '2020-02-29')]);
    const [ofA] = (await metrics.history(A, { limit: 1 })).items;
    if (ofA === undefined) throw new Error('A has no observation');
    expect(await metrics.copyHistory(A, B)).toBe(1);

    // The same brief named B too, and B's writer commits its figure only now.
    const own = { ...ofA.observation, metric: B, value: 90.3, figureIndex: 1 };
    const previous = (await metrics.getHead(B))?.latest;
    const committed = {
      observation: own,
      change: classifyChange({ current: own, previous, hasLater: false, recordedAt: now().toISOString() }),
      recordedAt: now().toISOString(),
    };
    await metrics.putObservation(committed);

    expect(await metrics.getObservation(B, own.key)).toEqual(committed);
    expect((await changes()).map((change) => change.eventId)).toContain('a-03.1.1');
  });

  it('never replace an observation the target holds, nor each other when copied again', async () => {
    await twoInterleavedMetrics();
    const [heldByB] = (await metrics.history(B, { limit: 1 })).items;
    await mergeMetric(metrics, { from: A, into: B, createInto: false }, now);

    expect(await metrics.copyHistory(A, B)).toBe(0);
    expect(await metrics.getObservation(B, heldByB?.observation.key ?? '')).toEqual(heldByB);
  });
});
