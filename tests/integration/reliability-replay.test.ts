// docs/replay.md: a pipeline record that fails every time (poison) is kept in the failure store with its brief id
// and revision; once its cause is fixed, `updates-feed replay` processes it again and clears it, and its change
// reaches the topic and /changes exactly once, however often replay runs.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCommand } from '../../bin/commands/replay.ts';
import { layoutRevision } from '../../functions/adapters/dynamodb/brief-store.ts';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/client.ts';
import { DynamoFailureStore } from '../../functions/adapters/dynamodb/failure-store.ts';
import { toItem } from '../../functions/adapters/dynamodb/items.ts';
import { briefPartitionKey, revisionSortKey } from '../../functions/adapters/dynamodb/keys.ts';
import type { BriefRevision, StoredFailure } from '../../functions/core/ports.ts';
import { tableName } from '../../infra/sandbox/sandbox.ts';
import type { HttpSubscriber } from '../support/http-subscriber.ts';
import { eventsReceived, type Harness, startHarness } from '../support/sandbox-harness.ts';

const briefId = 'replay-poison';
const metric = '区-replay:城镇新增就业:人';

const revision: BriefRevision = {
  briefId,
  revision: 1,
  contentHash: 'a'.repeat(64),
  brief: {
    headline: '某区城镇新增就业1200人',
    body: '截至6月30日，某区城镇新增就业1200人。',
    publishedAt: '2020-07-01T08:00:00+08:00',
    region: '区-replay',
  },
  figures: [
    {
      offset: 13,
      length: 5,
      surface: '1200人',
      value: 1200,
      unit: '人',
      qualifier: 'exact',
      label: '城镇新增就业',
      kind: 'count',
      metric,
      asOf: '2020-06-30',
    },
  ],
  storedAt: '2020-07-01T00:00:00.000Z',
  timeZone: 'Asia/Shanghai',
};

let harness: Harness;
let subscriber: HttpSubscriber;
let store: DynamoFailureStore;
let kept: StoredFailure[];
const dynamodb = () =>
  createDynamoDbClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT ?? '' });

async function put(item: Record<string, unknown>): Promise<void> {
  const client = dynamodb();
  try {
    await client.send(new PutItemCommand({ TableName: tableName, Item: item as never }));
  } finally {
    client.destroy();
  }
}

async function replay(): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await replayCommand([], {
    stdout: (line) => out.push(line),
    stderr: (line) => out.push(line),
  });
  return { code, out };
}

const eventsOfTheBrief = () => harness.published().filter((event) => event.data.current.briefId === briefId);

beforeAll(async () => {
  harness = await startHarness('replay');
  subscriber = await harness.subscribeHttp();
  store = new DynamoFailureStore(dynamodb(), tableName);
  // A revision item whose content cannot be decompressed: every attempt fails, as a corrupted write would.
  await put(
    toItem({
      pk: briefPartitionKey(briefId),
      sk: revisionSortKey(1),
      briefId,
      revision: 1,
      contentHash: revision.contentHash,
      storedAt: revision.storedAt,
      content: new Uint8Array([1, 2, 3, 4]),
    }),
  );
  await harness.settled(40_000);
  kept = await store.list('pipeline');
}, 90_000);

afterAll(async () => {
  await harness?.stop();
});

describe('a poison record, kept and replayed', () => {
  it('is kept in the failure store with its brief id and revision once the consumer gives up on it', () => {
    expect(harness.failures('pipeline')).toHaveLength(1);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      consumer: 'pipeline',
      keys: { pk: briefPartitionKey(briefId), sk: revisionSortKey(1) },
      brief: { id: briefId, revision: 1 },
    });
    expect(kept[0]?.attempts).toBeGreaterThan(1);
    expect(eventsOfTheBrief()).toEqual([]);
  });

  it('is processed once its cause is fixed and replay runs, and cleared from the store', async () => {
    // The fix rewrites the item in place: a MODIFY, which the pipeline's filter does not pass on.
    await put(layoutRevision(revision).revisionItem);
    await harness.settled();
    expect(eventsOfTheBrief()).toEqual([]);

    const { code, out } = await replay();
    expect(code, out.join('\n')).toBe(0);
    expect(out.join('\n')).toContain(`brief ${briefId} revision 1`);
    await harness.settled();
    expect(await store.list('pipeline')).toEqual([]);
  });

  it('puts exactly one event on the topic, at the subscriber and in /changes, even when replay runs again', async () => {
    expect((await replay()).code).toBe(0);
    await harness.settled();
    expect(eventsOfTheBrief().map((event) => event.data.metric)).toEqual([metric]);
    expect(eventsReceived(subscriber).filter((event) => event.data.current.briefId === briefId)).toHaveLength(
      1,
    );
    const inLog = (await harness.changes()).filter((event) => event.subject === metric);
    expect(inLog.map((event) => event.type)).toEqual(['figure.added']);
  });
});
