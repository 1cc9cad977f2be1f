import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  createStreamsClient,
  latestStreamArn,
  type StreamFailureRecord,
  type StreamHandler,
  type StreamInvocation,
  StreamNotEnabledError,
  type StreamRunner,
  type StreamRunnerOptions,
  startStreamRunner,
} from '../../infra/sandbox/stream-runner/index.ts';
import type { StreamConsumer } from '../../infra/topology.ts';
import documentedEvent from '../events/dynamodb/brief-revision-insert.json' with { type: 'json' };

const endpoint = inject('dynamodbEndpoint');
const region = 'us-east-1';
const dynamodb = new DynamoDBClient({
  endpoint,
  region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 3,
  requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 3000 }),
});
const streamsClient = createStreamsClient({ endpoint, region });

const baseConsumer: StreamConsumer = {
  batchSize: 10,
  maxBatchingWindowSeconds: 0,
  retryAttempts: 2,
  maxRecordAgeSeconds: 3600,
  bisectBatchOnError: false,
  parallelizationFactor: 1,
  filters: [],
};

/** The members and value types of a stream record as Lambda delivers it; item images count as one type. */
function shapeOf(value: unknown, key = ''): unknown {
  if (['Keys', 'NewImage', 'OldImage'].includes(key)) return 'image';
  if (value === null || typeof value !== 'object') return typeof value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, shapeOf(member, name)]));
}

const running: StreamRunner[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((runner) => runner.stop()));
});

async function createStreamTable(
  streamEnabled = true,
): Promise<{ tableName: string; streamArn: string; dataDir: string }> {
  const tableName = `stream-runner-${randomUUID()}`;
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: streamEnabled
        ? { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' }
        : { StreamEnabled: false },
    }),
  );
  const streamArn = streamEnabled ? await latestStreamArn(dynamodb, tableName) : '';
  return { tableName, streamArn, dataDir: mkdtempSync(join(tmpdir(), 'stream-runner-')) };
}

/** Writes items `pk=item-<i>, sk=REV#0` in order, 25 per request. */
async function putItems(tableName: string, indices: readonly number[], extra: Record<string, string> = {}) {
  for (let start = 0; start < indices.length; start += 25) {
    const chunk = indices.slice(start, start + 25);
    await dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [tableName]: chunk.map((index) => ({
            PutRequest: {
              Item: {
                pk: { S: itemKey(index) },
                sk: { S: 'REV#0' },
                index: { N: String(index) },
                ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, { S: value }])),
              },
            },
          })),
        },
      }),
    );
  }
}

function itemKey(index: number): string {
  return `item-${String(index).padStart(3, '0')}`;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => from + offset);

function indexOf(record: DynamoDBRecord): number {
  return Number(record.dynamodb?.NewImage?.index?.N ?? record.dynamodb?.OldImage?.index?.N);
}

/** A handler that records what it saw; `decide` may fail records or throw. */
function recordingHandler(
  decide: (records: DynamoDBRecord[], call: number) => DynamoDBBatchResponse | undefined = () => undefined,
) {
  const batches: DynamoDBRecord[][] = [];
  const contexts: Context[] = [];
  const handler: StreamHandler = async (event, context) => {
    batches.push(event.Records);
    contexts.push(context);
    return decide(event.Records, batches.length);
  };
  return { handler, batches, contexts, handled: () => batches.flat().map(indexOf) };
}

function start(
  options: Pick<StreamRunnerOptions, 'streamArn' | 'dataDir' | 'handler'> & Partial<StreamRunnerOptions>,
  consumer: Partial<StreamConsumer> = {},
): StreamRunner {
  const runner = startStreamRunner({
    consumerName: 'probe',
    consumer: { ...baseConsumer, ...consumer },
    streamsClient,
    pollIntervalMs: 25,
    retryBackoffMs: 10,
    maxRetryBackoffMs: 40,
    ...options,
  });
  running.push(runner);
  return runner;
}

function failureLines(dataDir: string, consumer = 'probe'): StreamFailureRecord[] {
  const path = join(dataDir, 'failures', `${consumer}.jsonl`);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StreamFailureRecord);
}

function checkpointOf(dataDir: string): Record<string, { sequenceNumber?: string; finished?: boolean }> {
  const file = JSON.parse(readFileSync(join(dataDir, 'checkpoints', 'probe.json'), 'utf8')) as {
    shards: Record<string, { sequenceNumber?: string }>;
  };
  return file.shards;
}

async function streamSequenceNumbers(streamArn: string): Promise<string[]> {
  const { StreamDescription } = await streamsClient.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const sequenceNumbers: string[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await streamsClient.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator !== undefined) {
      const page = await streamsClient.send(new GetRecordsCommand({ ShardIterator: iterator }));
      if ((page.Records ?? []).length === 0) break;
      sequenceNumbers.push(...(page.Records ?? []).map((record) => record.dynamodb?.SequenceNumber ?? ''));
      iterator = page.NextShardIterator;
    }
  }
  return sequenceNumbers;
}

/**
 * Runs a stream runner in a separate Node process: SIGKILL must hit a real process, and only a process of its own
 * shows whether stop() leaves anything behind. Its handler blocks forever on item 15 after touching `blockedMarker`.
 */
function spawnRunner(
  env: { streamArn: string; dataDir: string; blockedMarker: string },
  afterStart: string,
  consumer: Partial<StreamConsumer>,
): ChildProcess {
  const runnerModule = new URL('../../infra/sandbox/stream-runner/index.ts', import.meta.url).pathname;
  const script = `
    import { writeFileSync } from 'node:fs';
    import { createStreamsClient, startStreamRunner } from ${JSON.stringify(runnerModule)};
    const env = JSON.parse(process.env.RUNNER_ENV);
    const streamsClient = createStreamsClient({ endpoint: env.endpoint, region: 'us-east-1' });
    const runner = startStreamRunner({
      consumerName: 'probe',
      consumer: ${JSON.stringify({ ...baseConsumer, ...consumer })},
      streamArn: env.streamArn,
      dataDir: env.dataDir,
      streamsClient,
      pollIntervalMs: 25,
      handler: async (event) => {
        if (event.Records.some((record) => record.dynamodb.NewImage.index.N === '15')) {
          writeFileSync(env.blockedMarker, 'blocked');
          await new Promise(() => {});
        }
      },
    });
    ${afterStart}
  `;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, RUNNER_ENV: JSON.stringify({ ...env, endpoint }) },
    stdio: 'ignore',
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('stream runner', () => {
  it('delivers Lambda-shaped events, in order per item, within the batch size', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    const invocations: StreamInvocation[] = [];
    const probe = recordingHandler();
    const runner = start(
      {
        streamArn,
        dataDir,
        handler: probe.handler,
        timeoutSeconds: 7,
        onInvoke: (info) => invocations.push(info),
      },
      { batchSize: 4 },
    );
    for (let version = 1; version <= 3; version++) {
      for (const index of range(0, 5)) {
        await dynamodb.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { pk: { S: itemKey(index) }, sk: { S: 'REV#0' } },
            UpdateExpression: 'SET version = :version, #index = :index, payload = :payload',
            ExpressionAttributeNames: { '#index': 'index' },
            ExpressionAttributeValues: {
              ':version': { N: String(version) },
              ':index': { N: String(index) },
              ':payload': { B: new Uint8Array([version, 255]) },
            },
          }),
        );
      }
    }
    await runner.idle();

    const records = probe.batches.flat();
    expect(records).toHaveLength(15);
    expect(probe.batches.every((batch) => batch.length <= 4)).toBe(true);
    for (const index of range(0, 5)) {
      const versions = records
        .filter((record) => indexOf(record) === index)
        .map((r) => r.dynamodb?.NewImage?.version?.N);
      expect(versions).toEqual(['1', '2', '3']);
    }
    const sequenceNumbers = records.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? ''));
    expect([...sequenceNumbers].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequenceNumbers);

    const [first, second] = records;
    expect(shapeOf(first)).toEqual(shapeOf(documentedEvent.Records[0]));
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      eventSourceARN: streamArn,
      dynamodb: {
        Keys: { pk: { S: itemKey(0) }, sk: { S: 'REV#0' } },
        NewImage: { payload: { B: Buffer.from([1, 255]).toString('base64') } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(Math.abs((first?.dynamodb?.ApproximateCreationDateTime ?? 0) - Date.now() / 1000)).toBeLessThan(
      120,
    );
    const modify = records.find((record) => record.eventName === 'MODIFY');
    expect(modify?.dynamodb?.OldImage?.version).toEqual({ N: '1' });
    expect(second?.eventID).not.toBe(first?.eventID);

    const context = probe.contexts[0];
    expect(context?.functionName).toBe('probe');
    expect(context?.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context?.getRemainingTimeInMillis()).toBeGreaterThan(5000);
    expect(context?.getRemainingTimeInMillis()).toBeLessThanOrEqual(7000);
    expect(invocations.map((info) => info.outcome)).toEqual(probe.batches.map(() => 'success'));
    expect(invocations.reduce((sum, info) => sum + info.batchSize, 0)).toBe(15);
  });

  it('skips records the filters reject and checkpoints past them', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    const probe = recordingHandler();
    await putItems(tableName, range(0, 3));
    await dynamodb.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: 'other' }, sk: { S: 'OBS#1' }, index: { N: '100' } },
      }),
    );
    await putItems(tableName, range(0, 3)); // overwrites: MODIFY, not INSERT
    await putItems(tableName, [3]);
    await dynamodb.send(
      new PutItemCommand({ TableName: tableName, Item: { pk: { S: 'last' }, sk: { S: 'OBS#2' } } }),
    );
    const runner = start(
      { streamArn, dataDir, handler: probe.handler },
      { filters: [{ eventName: 'INSERT', newImagePrefix: { attribute: 'sk', prefix: 'REV#' } }] },
    );
    await runner.idle();

    expect(probe.handled()).toEqual([0, 1, 2, 3]);
    const sequenceNumbers = await streamSequenceNumbers(streamArn);
    expect(Object.values(checkpointOf(dataDir)).map((shard) => shard.sequenceNumber)).toEqual([
      sequenceNumbers.at(-1),
    ]);
  });

  it('retries a partially failed batch from its lowest failed record, not the ones before', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 10));
    const probe = recordingHandler((records, call) => {
      if (call > 1) return undefined;
      const failed = records.filter((record) => [7, 4].includes(indexOf(record)));
      return {
        batchItemFailures: failed.map((record) => ({
          itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
        })),
      };
    });
    const runner = start({ streamArn, dataDir, handler: probe.handler });
    await runner.idle();

    expect(probe.batches.map((batch) => batch.map(indexOf))).toEqual([range(0, 10), range(4, 10)]);
    expect(failureLines(dataDir)).toEqual([]);
  });

  it('treats an unknown item identifier as a failure of the whole batch', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 3));
    const probe = recordingHandler((_records, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-a-sequence-number' }] } : undefined,
    );
    const runner = start({ streamArn, dataDir, handler: probe.handler });
    await runner.idle();

    expect(probe.batches.map((batch) => batch.map(indexOf))).toEqual([range(0, 3), range(0, 3)]);
  });

  it('isolates a poison record among 99 good ones: the good ones are handled, it goes to the failure file, later records flow', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    const poison = 42;
    await putItems(tableName, range(0, 100));
    // Like a Powertools batch processor: every record is tried, the failed ones are reported.
    const probe = recordingHandler((records) => {
      const failed = records.filter((record) => indexOf(record) === poison);
      return {
        batchItemFailures: failed.map((record) => ({
          itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
        })),
      };
    });
    const runner = start(
      { streamArn, dataDir, handler: probe.handler },
      { batchSize: 10, bisectBatchOnError: true, retryAttempts: 2 },
    );
    await runner.idle();

    const good = range(0, 100).filter((index) => index !== poison);
    const handledGood = new Set(probe.handled().filter((index) => index !== poison));
    expect([...handledGood].sort((a, b) => a - b)).toEqual(good);
    const failures = failureLines(dataDir);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        functionArn: expect.stringContaining(':function:probe'),
      },
      responseContext: { statusCode: 200 },
      version: '1.0',
      DDBStreamBatchInfo: { batchSize: 1, streamArn },
      records: [{ keys: { pk: { S: itemKey(poison) }, sk: { S: 'REV#0' } } }],
    });
    const info = failures[0]?.DDBStreamBatchInfo;
    expect(info?.startSequenceNumber).toBe(info?.endSequenceNumber);
    expect(failures[0]?.requestContext.approximateInvokeCount).toBeGreaterThanOrEqual(3);

    await putItems(tableName, range(100, 110));
    await runner.idle();
    expect(probe.handled()).toEqual(expect.arrayContaining(range(100, 110)));
    expect(failureLines(dataDir)).toHaveLength(1);
  });

  it('splits a batch whose invocation throws until the bad record stands alone', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 8));
    const probe = recordingHandler((records) => {
      if (records.some((record) => indexOf(record) === 5)) throw new Error('cannot handle item 5');
      return undefined;
    });
    const runner = start(
      { streamArn, dataDir, handler: probe.handler },
      { batchSize: 8, bisectBatchOnError: true, retryAttempts: 0 },
    );
    await runner.idle();

    expect(probe.batches.map((batch) => batch.map(indexOf))).toEqual([
      range(0, 8),
      range(0, 4),
      range(4, 8),
      [4, 5],
      [4],
      [5],
      [6, 7],
    ]);
    const failures = failureLines(dataDir);
    expect(failures.map((failure) => failure.records.map((record) => record.keys))).toEqual([
      [{ pk: { S: itemKey(5) }, sk: { S: 'REV#0' } }],
    ]);
    expect(failures[0]?.responseContext.functionError).toBe('Unhandled');
    expect(failures[0]?.requestContext.approximateInvokeCount).toBe(4);
  });

  it('without bisection, retries a failing batch retryAttempts times and then discards it whole', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 3));
    const probe = recordingHandler(() => {
      throw new Error('always failing');
    });
    const runner = start({ streamArn, dataDir, handler: probe.handler }, { retryAttempts: 2 });
    await runner.idle();

    expect(probe.batches).toHaveLength(3);
    expect(failureLines(dataDir).map((failure) => failure.DDBStreamBatchInfo.batchSize)).toEqual([3]);
  });

  it('fails a batch whose handler outlives the function timeout', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, [0]);
    const outcomes: string[] = [];
    const slowInvocations: Promise<void>[] = [];
    const runner = start(
      {
        streamArn,
        dataDir,
        timeoutSeconds: 0.2,
        handler: () => {
          const slow = new Promise<void>((resolve) => setTimeout(resolve, 400));
          slowInvocations.push(slow);
          return slow;
        },
        onInvoke: (info) => outcomes.push(info.outcome),
      },
      { retryAttempts: 0 },
    );
    await runner.idle();

    expect(outcomes).toEqual(['timeout']);
    expect(failureLines(dataDir)[0]?.responseContext.functionError).toBe('Unhandled');
    // Lambda would freeze the late handler; here it runs on, so let it end before the next test counts timers.
    await Promise.all(slowInvocations);
  });

  it('discards records older than maxRecordAgeSeconds with RecordAgeExceeded', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 3));
    const probe = recordingHandler(() => {
      throw new Error('downstream unavailable');
    });
    const discarded: StreamFailureRecord[] = [];
    const runner = start(
      {
        streamArn,
        dataDir,
        handler: probe.handler,
        retryBackoffMs: 100,
        onDiscard: (r) => discarded.push(r),
      },
      { maxRecordAgeSeconds: 1, retryAttempts: -1 },
    );
    await runner.idle();

    expect(discarded).toHaveLength(1);
    expect(failureLines(dataDir)).toEqual(discarded);
    expect(discarded[0]).toMatchObject({
      requestContext: { condition: 'RecordAgeExceeded' },
      DDBStreamBatchInfo: { batchSize: 3 },
    });
    expect(discarded[0]?.records.map((record) => record.keys)).toEqual(
      range(0, 3).map((index) => ({ pk: { S: itemKey(index) }, sk: { S: 'REV#0' } })),
    );
    expect(probe.batches.length).toBeGreaterThan(1);
  });

  it('resumes after its checkpoint when restarted, handling nothing twice after a clean stop', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    const probe = recordingHandler();
    await putItems(tableName, range(0, 20));
    const first = start({ streamArn, dataDir, handler: probe.handler }, { batchSize: 7 });
    await first.idle();
    await first.stop();

    await putItems(tableName, range(20, 30));
    const second = start({ streamArn, dataDir, handler: probe.handler }, { batchSize: 7 });
    await second.idle();

    expect(probe.handled()).toEqual(range(0, 30));
  });

  it('leaves nothing running after stop(): its process exits by itself', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 3));
    const child = spawnRunner(
      { streamArn, dataDir, blockedMarker: join(dataDir, 'unused') },
      'await runner.idle(); await runner.stop(); streamsClient.destroy();',
      {},
    );
    const exited = await Promise.race([
      exitOf(child),
      new Promise((resolve) => setTimeout(resolve, 10_000, 'hung')),
    ]);
    child.kill('SIGKILL');
    expect(exited).toBe(0);
    expect(Object.values(checkpointOf(dataDir))).toHaveLength(1);
  });

  it('redelivers the batch in flight when the process is killed before its checkpoint', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 20));
    const blockedMarker = join(dataDir, 'blocked');
    const child = spawnRunner({ streamArn, dataDir, blockedMarker }, 'await runner.idle();', {
      batchSize: 5,
    });
    const deadline = Date.now() + 15_000;
    while (!existsSync(blockedMarker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await exitOf(child);
    expect(existsSync(blockedMarker)).toBe(true);

    const probe = recordingHandler();
    const restarted = start({ streamArn, dataDir, handler: probe.handler }, { batchSize: 5 });
    await restarted.idle();
    expect(probe.handled()).toEqual(range(15, 20));
  });

  it('delivers every batch twice under duplicateDelivery', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 6));
    const probe = recordingHandler();
    const runner = start(
      { streamArn, dataDir, handler: probe.handler, duplicateDelivery: true },
      { batchSize: 3 },
    );
    await runner.idle();

    expect(probe.batches.map((batch) => batch.map(indexOf))).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [3, 4, 5],
      [3, 4, 5],
    ]);
    expect(probe.batches[1]?.map((record) => record.eventID)).toEqual(
      probe.batches[0]?.map((r) => r.eventID),
    );
    expect(probe.contexts[1]?.awsRequestId).not.toBe(probe.contexts[0]?.awsRequestId);
  });

  it('stays idle-waiting while a batch awaits its retry', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, [0]);
    const probe = recordingHandler((_records, call) => {
      if (call < 3) throw new Error('transient');
      return undefined;
    });
    const runner = start(
      { streamArn, dataDir, handler: probe.handler, retryBackoffMs: 150 },
      { retryAttempts: 5 },
    );
    await runner.idle();
    expect(probe.batches).toHaveLength(3);
    expect(failureLines(dataDir)).toEqual([]);
  });

  it('marks a shard finished once it is closed and read to its end', async () => {
    const { tableName, streamArn, dataDir } = await createStreamTable();
    await putItems(tableName, range(0, 3));
    // Disabling the stream is how DynamoDB Local closes a shard: it never rotates them by itself.
    await dynamodb.send(
      new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }),
    );
    const probe = recordingHandler();
    const runner = start({ streamArn, dataDir, handler: probe.handler });
    await runner.idle();

    expect(probe.handled()).toEqual(range(0, 3));
    expect(Object.values(checkpointOf(dataDir))).toEqual([
      { sequenceNumber: (await streamSequenceNumbers(streamArn)).at(-1), finished: true },
    ]);
  });

  it('reads an idle shard four times a second by default, as Lambda does, and describes the stream only at start', async () => {
    const { streamArn, dataDir } = await createStreamTable();
    const calls = { GetRecordsCommand: 0, DescribeStreamCommand: 0 };
    const countingClient = createStreamsClient({ endpoint, region });
    const send = countingClient.send.bind(countingClient);
    countingClient.send = ((command: { constructor: { name: string } }, options?: unknown) => {
      const name = command.constructor.name;
      if (name === 'GetRecordsCommand' || name === 'DescribeStreamCommand') calls[name] += 1;
      return (send as (command: unknown, options?: unknown) => Promise<unknown>)(command, options);
    }) as typeof countingClient.send;
    const runner = startStreamRunner({
      consumerName: 'probe',
      consumer: baseConsumer,
      streamsClient: countingClient,
      streamArn,
      dataDir,
      handler: recordingHandler().handler,
    });
    running.push(runner);
    const windowMs = 3000;
    await new Promise((resolve) => setTimeout(resolve, windowMs));

    // Lambda's base rate is 4 reads a second per shard: more burns CPU for nothing, far fewer adds latency.
    expect(calls.GetRecordsCommand).toBeLessThanOrEqual(windowMs / 250 + 1);
    expect(calls.GetRecordsCommand).toBeGreaterThanOrEqual(windowMs / 250 / 2);
    expect(calls.DescribeStreamCommand).toBe(1);
  });

  it('refuses a table without a stream', async () => {
    const { tableName } = await createStreamTable(false);
    await expect(latestStreamArn(dynamodb, tableName)).rejects.toThrow(StreamNotEnabledError);
  });
});
