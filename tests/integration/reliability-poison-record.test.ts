// docs/reliability.md, guarantee 3: one stream record whose processing always throws, among 99 good ones → the
// 99 produce their events, the bad one lands in the on-failure file with its keys, and later records keep flowing.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/index.ts';
import { toItem } from '../../functions/adapters/dynamodb/items.ts';
import { briefPartitionKey, revisionSortKey } from '../../functions/adapters/dynamodb/keys.ts';
import { functions } from '../../infra/topology.ts';
import { briefWithOneFigure, type Harness, startHarness } from '../support/sandbox-harness.ts';

const goodBriefs = 99;
const poisonAfter = 50;
const poisonId = 'poison-half-written';

let harness: Harness;
let settleMs: number;

/**
 * A revision item that claims its figures live in two part items that were never written: reading it back
 * fails every time, as a half-written or hand-edited revision would.
 */
async function writePoisonRevision(): Promise<void> {
  const dynamodb = createDynamoDbClient({
    region: 'us-east-1',
    endpoint: process.env.DYNAMODB_ENDPOINT ?? '',
  });
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: process.env.TABLE_NAME,
        Item: toItem({
          pk: briefPartitionKey(poisonId),
          sk: revisionSortKey(1),
          briefId: poisonId,
          revision: 1,
          contentHash: 'f'.repeat(64),
          storedAt: new Date().toISOString(),
          brief: briefWithOneFigure(poisonId),
          partCount: 2,
        }),
      }),
    );
  } finally {
    dynamodb.destroy();
  }
}

beforeAll(async () => {
  harness = await startHarness('poison');
  const started = performance.now();
  const good = Array.from({ length: goodBriefs }, (_, index) => briefWithOneFigure(`good-${index}`));
  // The poison record sits between two groups of good ones on the stream.
  const answers = await harness.uploadAll(good.slice(0, poisonAfter), 10);
  await writePoisonRevision();
  answers.push(...(await harness.uploadAll(good.slice(poisonAfter), 10)));
  expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 200)).toEqual([]);
  await harness.settled(40_000);
  settleMs = performance.now() - started;
}, 90_000);

afterAll(async () => {
  await harness?.stop();
});

describe('a poison record among good ones', () => {
  it('lets every good brief produce its event on the topic and in the change log', async () => {
    const regions = Array.from({ length: goodBriefs }, (_, index) => `区-good-${index}`);
    const publishedMetrics = harness.published().map((event) => event.data.metric);
    const changedMetrics = (await harness.changes()).map((event) => event.subject);
    for (const region of regions) {
      expect(
        publishedMetrics.filter((metric) => metric.startsWith(`${region}:`)),
        region,
      ).toHaveLength(1);
      expect(
        changedMetrics.filter((metric) => metric.startsWith(`${region}:`)),
        region,
      ).toHaveLength(1);
    }
  });

  it('sends the poison record, and only it, to the on-failure file with the keys to find it again', () => {
    const failures = harness.failures('pipeline');
    expect(failures).toHaveLength(1);
    const [failure] = failures;
    expect(failure?.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(failure?.requestContext.approximateInvokeCount).toBeGreaterThan(
      functions.pipeline.stream.retryAttempts,
    );
    expect(failure?.DDBStreamBatchInfo.batchSize).toBe(1);
    expect(failure?.records.map((record) => record.keys)).toEqual([
      { pk: { S: briefPartitionKey(poisonId) }, sk: { S: revisionSortKey(1) } },
    ]);
  });

  it('logs why the poison record failed at every attempt, and logs no other error', () => {
    const lines = harness.logged();
    expect(lines.length).toBeGreaterThan(functions.pipeline.stream.retryAttempts);
    for (const line of lines) {
      expect(line).toMatchObject({
        level: 'ERROR',
        message: 'brief revision not processed',
        error: { name: 'IncompleteRevisionError', message: expect.stringContaining(poisonId) },
      });
    }
  });

  it('gives up on the poison record within its bounded retries, not after a long block', () => {
    // Five retries with the sandbox's backoff (100 ms doubling) add about 3 s to the uploads themselves.
    expect(settleMs).toBeLessThan(40_000);
  });

  it('keeps flowing: a brief uploaded after the poison record produces its event', async () => {
    const before = harness.published().length;
    const answer = await harness.post('/briefs', briefWithOneFigure('after-the-poison'));
    expect(answer.status).toBe(201);
    await harness.settled();
    const fresh = harness.published().slice(before);
    expect(fresh.map((event) => event.data.metric.split(':')[0])).toEqual(['区-after-the-poison']);
    expect(harness.failures('pipeline')).toHaveLength(1);
  });
});
