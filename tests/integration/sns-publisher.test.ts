// The production SNS adapter against the sandbox's SNS and against a bare HTTP server that records the wire.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSnsClient } from '../../functions/adapters/sns/client.ts';
import { PublishError, SnsChangePublisher } from '../../functions/adapters/sns/publisher.ts';
import { toDigestEvent } from '../../functions/core/events.ts';
import type { Change } from '../../functions/core/model.ts';
import { type LocalSns, startLocalSns } from '../../infra/sandbox/local-sns/index.ts';
import { change, digest as digestOf } from '../unit/feed-fixtures.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'us-east-1';

function changes(count: number, overrides: Partial<Change> = {}): Change[] {
  return Array.from({ length: count }, (_, index) =>
    change({ eventId: `event${String(index).padStart(4, '0')}`, ...overrides }),
  );
}

function publishedLines(dataDir: string): { bodies: { default: string }; subject?: string }[] {
  try {
    return readFileSync(join(dataDir, 'published.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

/** The ids of the events the topic accepted, in order. */
function publishedEventIds(dataDir: string): string[] {
  return publishedLines(dataDir).map((line) => (JSON.parse(line.bodies.default) as { id: string }).id);
}

describe('SnsChangePublisher against the local SNS', () => {
  let dataDir: string;
  let sns: LocalSns;
  let client: SNSClient;
  let publisher: SnsChangePublisher;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sns-publisher-'));
    sns = await startLocalSns({ dataDir });
    client = createSnsClient({ region, endpoint: sns.endpoint, credentials });
    publisher = new SnsChangePublisher(client, sns.createTopic('publisher-changes'));
  });

  afterAll(async () => {
    client.destroy();
    await sns.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    sns.injectFaults({ failNext: 0, failNextEntries: 0, hangNext: 0 });
  });

  const batchCallsSince = (before: number) =>
    sns
      .requests()
      .slice(before)
      .filter((request) => request.action === 'PublishBatch');

  it('sends each change as a json-structured entry with its CloudEvent and filterable attributes', async () => {
    const before = sns.requests().length;
    const figureChanged = change();
    await publisher.publish([figureChanged]);

    const [call] = batchCallsSince(before);
    const params = call?.params ?? {};
    expect(params.TopicArn).toBe(sns.topicArn('publisher-changes'));
    const entry = 'PublishBatchRequestEntries.member.1.';
    expect(params[`${entry}MessageStructure`]).toBe('json');
    expect(params[`${entry}Id`]).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    const bodies = JSON.parse(params[`${entry}Message`] ?? '{}') as Record<string, string>;
    expect(Object.keys(bodies).sort()).toEqual(['default', 'email']);
    const event = JSON.parse(bodies.default ?? '{}') as { id: string; type: string; subject: string };
    expect(event).toMatchObject({
      id: figureChanged.eventId,
      type: 'figure.changed',
      subject: figureChanged.metric,
    });
    expect(bodies.email).toContain('城镇登记失业率');

    const attributes = new Map<string, { type: string | undefined; value: string | undefined }>();
    for (let index = 1; params[`${entry}MessageAttributes.entry.${index}.Name`] !== undefined; index++) {
      const prefix = `${entry}MessageAttributes.entry.${index}.`;
      attributes.set(params[`${prefix}Name`] ?? '', {
        type: params[`${prefix}Value.DataType`],
        value: params[`${prefix}Value.StringValue`],
      });
    }
    expect(attributes.get('type')).toEqual({ type: 'String', value: 'figure.changed' });
    expect(attributes.get('metric')).toEqual({ type: 'String', value: figureChanged.metric });
    expect(attributes.get('region')).toEqual({ type: 'String', value: 'cn' });
    expect(attributes.get('direction')).toEqual({ type: 'String', value: 'up' });
    expect(attributes.get('absChangePercent')?.type).toBe('Number');
    expect(Number(attributes.get('absChangePercent')?.value)).toBeCloseTo(5.7348, 4);
  });

  it('sends the headline as the subject, UTF-8 on the wire, and the topic takes it', async () => {
    const before = sns.requests().length;
    const acceptedBefore = publishedEventIds(dataDir).length;
    await publisher.publish([change({ eventId: 'subject-check' })]);
    const subject = batchCallsSince(before)[0]?.params['PublishBatchRequestEntries.member.1.Subject'] ?? '';
    expect(subject).toBe('城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['subject-check']);
  });

  it('sends a digest as a json-structured entry with its CloudEvent, its subject and its String.Array attributes', async () => {
    const before = sns.requests().length;
    const digest = digestOf([change(), change({ eventId: 'brief-may.1.1', metric: 'cn:jobs:people' })]);
    await publisher.publishDigest(digest);

    const params = batchCallsSince(before)[0]?.params ?? {};
    const entry = 'PublishBatchRequestEntries.member.1.';
    expect(params[`${entry}Subject`]).toBe('城镇登记失业率升至2.95%（2项变化）');
    expect(params[`${entry}MessageStructure`]).toBe('json');
    const bodies = JSON.parse(params[`${entry}Message`] ?? '{}') as Record<string, string>;
    expect(JSON.parse(bodies.default ?? '{}')).toEqual(toDigestEvent(digest));
    const attributes = Object.fromEntries(
      [1, 2, 3, 4, 5].map((index) => {
        const prefix = `${entry}MessageAttributes.entry.${index}.`;
        return [
          params[`${prefix}Name`],
          [params[`${prefix}Value.DataType`], params[`${prefix}Value.StringValue`]],
        ];
      }),
    );
    expect(attributes).toEqual({
      type: ['String', 'brief.digest'],
      metric: ['String.Array', JSON.stringify(['cn:城镇登记失业率:%', 'cn:jobs:people'])],
      region: ['String.Array', '["cn"]'],
      changeType: ['String.Array', '["figure.changed"]'],
      absChangePercent: ['Number', '5.7348'],
    });
    expect(publishedEventIds(dataDir).at(-1)).toBe('brief-may.1.digest');
  });

  it('sends 25 changes in three PublishBatch calls of at most ten entries', async () => {
    const before = sns.requests().length;
    const acceptedBefore = publishedEventIds(dataDir).length;
    const batch = changes(25);
    await publisher.publish(batch);

    const calls = batchCallsSince(before);
    const entryCounts = calls.map(
      (call) =>
        Object.keys(call.params).filter((key) => /^PublishBatchRequestEntries\.member\.\d+\.Id$/.test(key))
          .length,
    );
    expect(entryCounts).toEqual([10, 10, 5]);
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(batch.map((item) => item.eventId));
  });

  it('closes a batch before its messages pass 256 KiB in total', async () => {
    const before = sns.requests().length;
    // Each message carries the label several times (event data, email text): about 90 KB apiece.
    const large = changes(5, { current: { ...change().current, label: '城'.repeat(9_000) } }).map(
      (item, index) => ({
        ...item,
        eventId: `large${index}`,
      }),
    );
    await publisher.publish(large);

    const calls = batchCallsSince(before);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      const bytes = Object.entries(call.params)
        .filter(([key]) => /\.(Message|Name|DataType|StringValue)$/.test(key))
        .reduce((sum, [, value]) => sum + Buffer.byteLength(value, 'utf8'), 0);
      expect(bytes).toBeLessThanOrEqual(262_144);
    }
  });

  it('publishes an event id given twice in one call once', async () => {
    const acceptedBefore = publishedEventIds(dataDir).length;
    const twice = change({ eventId: 'twice-in-one-batch' });
    await publisher.publish([twice, twice]);
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['twice-in-one-batch']);
  });

  it('throws PublishError naming exactly the entries SNS failed, after sending the rest', async () => {
    const acceptedBefore = publishedEventIds(dataDir).length;
    sns.injectFaults({ failNextEntries: 2 });
    const batch = changes(5).map((item, index) => ({ ...item, eventId: `partial${index}` }));

    const error = await publisher.publish(batch).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    const publishError = error as PublishError;
    expect(publishError.failedEventIds).toEqual(['partial0', 'partial1']);
    expect(publishError.failures.map((failure) => [failure.code, failure.senderFault])).toEqual([
      ['InternalError', false],
      ['InternalError', false],
    ]);
    expect(publishError.message).toContain('partial0 (InternalError');
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['partial2', 'partial3', 'partial4']);
  });

  it('reports a change that cannot become a valid event as failed, and still sends the others', async () => {
    const acceptedBefore = publishedEventIds(dataDir).length;
    const offContract = change({ eventId: 'off-contract', recordedAt: 'yesterday' });
    const error = (await publisher
      .publish([change({ eventId: 'valid-before' }), offContract, change({ eventId: 'valid-after' })])
      .catch((caught: unknown) => caught)) as PublishError;

    expect(error).toBeInstanceOf(PublishError);
    expect(error.failures).toMatchObject([
      { eventId: 'off-contract', code: 'InvalidEventError', senderFault: true },
    ]);
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['valid-before', 'valid-after']);
  });

  it('rides out two 500 InternalErrors within its three attempts', async () => {
    const before = sns.requests().length;
    const acceptedBefore = publishedEventIds(dataDir).length;
    sns.injectFaults({ failNext: 2 });
    await publisher.publish([change({ eventId: 'after-two-errors' })]);
    expect(batchCallsSince(before)).toHaveLength(3);
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['after-two-errors']);
  });

  it('gives up with PublishError after three 500s, naming every unsent change', async () => {
    sns.injectFaults({ failNext: 3 });
    const error = (await publisher.publish(changes(12)).catch((caught: unknown) => caught)) as PublishError;
    expect(error).toBeInstanceOf(PublishError);
    expect(error.failedEventIds).toHaveLength(12);
    expect(error.failures[0]?.code).toBe('InternalErrorException');
    expect((error.cause as Error).name).toBe('InternalErrorException');
  });

  it('retries a call that hangs past the request timeout, and the retry goes through once', async () => {
    const acceptedBefore = publishedEventIds(dataDir).length;
    sns.injectFaults({ hangMs: 10_000, hangNext: 1 });
    const started = Date.now();
    await publisher.publish([change({ eventId: 'after-one-hang' })]);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(6_000);
    expect(publishedEventIds(dataDir).slice(acceptedBefore)).toEqual(['after-one-hang']);
  });

  it('fails within bounded time, not hanging, when every attempt hangs', async () => {
    const before = sns.requests().length;
    sns.injectFaults({ hangMs: 60_000, hangNext: 3 });
    const started = Date.now();
    const error = (await publisher.publish(changes(3)).catch((caught: unknown) => caught)) as PublishError;
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(PublishError);
    expect((error.cause as Error).name).toBe('TimeoutError');
    expect(error.failedEventIds).toHaveLength(3);
    expect(batchCallsSince(before)).toHaveLength(3);
    expect(elapsed).toBeLessThan(12_000);
  });
});

describe('the wire format the SDK sends', () => {
  interface Captured {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    params: URLSearchParams;
  }
  const captured: Captured[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    captured.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, params });
    const ids = [...params.entries()].filter(([key]) => key.endsWith('.Id')).map(([, id]) => id);
    const [failedId, ...succeededIds] = ids.reverse();
    // The response shape SNS documents for PublishBatch, written out by hand.
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(
      `<PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult><Successful>${succeededIds
        .map((id, index) => `<member><Id>${id}</Id><MessageId>message-${index}</MessageId></member>`)
        .join(
          '',
        )}</Successful><Failed><member><Id>${failedId}</Id><Code>InternalError</Code><Message>try again</Message><SenderFault>false</SenderFault></member></Failed></PublishBatchResult><ResponseMetadata><RequestId>request-1</RequestId></ResponseMetadata></PublishBatchResponse>`,
    );
  });
  let client: SNSClient;
  const topicArn = 'arn:aws:sns:us-east-1:123456789012:wire';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = createSnsClient({ region, endpoint: `http://127.0.0.1:${port}`, credentials });
  });

  afterAll(async () => {
    client.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('is a signed AWS Query PublishBatch, and a Failed member in the answer becomes PublishError', async () => {
    const batch = changes(3);
    const error = (await new SnsChangePublisher(client, topicArn)
      .publish(batch)
      .catch((caught: unknown) => caught)) as PublishError;

    const [request] = captured;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/sns\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/,
    );
    const params = request?.params ?? new URLSearchParams();
    expect(params.get('Action')).toBe('PublishBatch');
    expect(params.get('Version')).toBe('2010-03-31');
    expect(params.get('TopicArn')).toBe(topicArn);
    for (let member = 1; member <= 3; member++) {
      const prefix = `PublishBatchRequestEntries.member.${member}.`;
      expect(params.get(`${prefix}Id`)).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
      expect(params.get(`${prefix}MessageStructure`)).toBe('json');
      expect(params.get(`${prefix}MessageAttributes.entry.1.Name`)).toBe('type');
      expect(params.get(`${prefix}MessageAttributes.entry.1.Value.DataType`)).toBe('String');
      expect(params.get(`${prefix}MessageAttributes.entry.1.Value.StringValue`)).toBe('figure.changed');
    }
    expect(params.has('PublishBatchRequestEntries.member.4.Id')).toBe(false);

    expect(error).toBeInstanceOf(PublishError);
    expect(error.failures).toEqual([
      { eventId: batch[2]?.eventId, code: 'InternalError', message: 'try again', senderFault: false },
    ]);
  });
});
