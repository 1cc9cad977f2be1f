// The sandbox's SNS as subscribers and the SDK see it: confirmation, filtering, delivery formats, limits, restarts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchEntryIdsNotDistinctException,
  BatchRequestTooLongException,
  EmptyBatchRequestException,
  GetSubscriptionAttributesCommand,
  InvalidBatchEntryIdException,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
  PublishBatchCommand,
  PublishCommand,
  type SNSClient,
  SubscribeCommand,
  TooManyEntriesInBatchRequestException,
} from '@aws-sdk/client-sns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnsClient } from '../../functions/adapters/sns/client.ts';
import { SnsChangePublisher } from '../../functions/adapters/sns/publisher.ts';
import { SnsSubscriber } from '../../functions/adapters/sns/subscriber.ts';
import { ConflictError } from '../../functions/core/errors.ts';
import type { Change } from '../../functions/core/model.ts';
import type { Delivery, SubscriptionRequest } from '../../functions/core/ports.ts';
import { type LocalSns, type LocalSnsOptions, startLocalSns } from '../../infra/sandbox/local-sns/index.ts';
import { mailBody, mailFiles, mailSubject } from '../support/mail.ts';
import { addedChange, change, digest as digestOf } from '../unit/feed-fixtures.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

interface Received {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown> & { Type: string; MessageId: string; Message: string; SubscribeURL?: string };
}

/** An http endpoint that records every POST and answers with the statuses given, then 200. */
async function startEndpoint(statuses: number[] = []) {
  const received: Received[] = [];
  let attempts = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    attempts++;
    const status = statuses.shift() ?? 200;
    if (status === 200)
      received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sns`,
    received,
    attempts: () => attempts,
    ofType: (type: string) => received.filter((item) => item.body.Type === type),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Endpoint = Awaited<ReturnType<typeof startEndpoint>>;

async function confirm(endpoint: Endpoint): Promise<string> {
  const url = endpoint.ofType('SubscriptionConfirmation')[0]?.body.SubscribeURL ?? '';
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  return await answer.text();
}

function jsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('the local SNS', () => {
  const endpoints: Endpoint[] = [];
  let dataDir: string;
  let sns: LocalSns;
  let client: SNSClient;
  let topicArn: string;
  let running = false;

  async function start(options: Partial<LocalSnsOptions> = {}) {
    sns = await startLocalSns({ dataDir, httpRetry: { backoffMs: 10, attempts: 3 }, ...options });
    client = createSnsClient({ region: 'us-east-1', endpoint: sns.endpoint, credentials });
    topicArn = sns.createTopic('changes');
    running = true;
  }

  async function stop() {
    if (!running) return;
    running = false;
    client.destroy();
    await sns.stop();
  }

  async function endpoint(statuses?: number[]) {
    const started = await startEndpoint(statuses);
    endpoints.push(started);
    return started;
  }

  /** An http endpoint subscribed through the project's subscriber, and confirmed. */
  async function confirmedHttp(filter?: SubscriptionRequest['filter'], delivery: Delivery = 'each') {
    const subscriber = await endpoint();
    await new SnsSubscriber(client, topicArn).subscribe({
      protocol: 'http',
      endpoint: subscriber.url,
      delivery,
      ...(filter === undefined ? {} : { filter }),
    });
    await sns.flush();
    await confirm(subscriber);
    return subscriber;
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-sns-'));
    await start();
  });

  afterEach(async () => {
    await stop();
    for (const started of endpoints.splice(0)) await started.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends an http subscriber its SubscriptionConfirmation first and nothing else until it confirms', async () => {
    const subscriber = await endpoint();
    const { subscriptionArn } = await new SnsSubscriber(client, topicArn).subscribe({
      protocol: 'http',
      endpoint: subscriber.url,
      delivery: 'each',
    });
    expect(subscriptionArn).toBe('pending confirmation');
    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'before-confirmation' })]);
    await sns.flush();

    expect(subscriber.received.map((item) => item.body.Type)).toEqual(['SubscriptionConfirmation']);
    const [{ headers, body }] = subscriber.received as [Received];
    expect(headers['x-amz-sns-message-type']).toBe('SubscriptionConfirmation');
    expect(headers['x-amz-sns-message-id']).toBe(body.MessageId);
    expect(headers['x-amz-sns-topic-arn']).toBe(topicArn);
    expect(headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(body).toMatchObject({
      TopicArn: topicArn,
      SignatureVersion: '1',
      Signature: 'LOCAL-SNS-SANDBOX-UNSIGNED',
    });
    expect(body.Token).toMatch(/^[0-9a-f]{128}$/);
    const subscribeUrl = new URL(body.SubscribeURL ?? '');
    expect(`${subscribeUrl.protocol}//${subscribeUrl.host}`).toBe(sns.endpoint);
    expect(subscribeUrl.searchParams.get('Action')).toBe('ConfirmSubscription');
    expect(sns.subscriptions().map((subscription) => subscription.confirmed)).toEqual([false]);

    const answer = await confirm(subscriber);
    const confirmedArn = sns.subscriptions()[0]?.subscriptionArn ?? '';
    expect(answer).toContain(`<ConfirmSubscriptionResult><SubscriptionArn>${confirmedArn}</SubscriptionArn>`);
    expect(confirmedArn.startsWith(`${topicArn}:`)).toBe(true);
    expect(sns.subscriptions()[0]?.confirmed).toBe(true);
  });

  it('delivers to a confirmed http subscriber only the notifications its filter policy matches', async () => {
    const subscriber = await confirmedHttp({
      types: ['figure.changed'],
      regions: ['cn'],
      minAbsChangePercent: 5,
    });
    const matching = change({ eventId: 'matching' });
    await new SnsChangePublisher(client, topicArn).publish([
      matching,
      addedChange({ eventId: 'wrong-type' }),
      change({ eventId: 'too-small', deltaPercent: 1.2 }),
      change({ eventId: 'other-region', current: { ...change().current, region: 'hk' } }),
    ]);
    await sns.flush();

    const notifications = subscriber.ofType('Notification');
    expect(notifications).toHaveLength(1);
    const [{ headers, body }] = notifications as [Received];
    const subscriptionArn = sns.subscriptions()[0]?.subscriptionArn;
    expect(headers['x-amz-sns-message-type']).toBe('Notification');
    expect(headers['x-amz-sns-subscription-arn']).toBe(subscriptionArn);
    expect(headers['x-amz-sns-message-id']).toBe(body.MessageId);
    expect(headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(Object.keys(body)).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Subject',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
      'MessageAttributes',
    ]);
    expect(JSON.parse(body.Message)).toMatchObject({
      specversion: '1.0',
      id: 'matching',
      type: 'figure.changed',
    });
    expect(body.MessageAttributes).toMatchObject({
      type: { Type: 'String', Value: 'figure.changed' },
      region: { Type: 'String', Value: 'cn' },
      absChangePercent: { Type: 'Number' },
    });
  });

  it('takes FilterPolicy "" as no policy, as AWS does: every notification, and no FilterPolicy attribute', async () => {
    const subscriber = await endpoint();
    await client.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'http',
        Endpoint: subscriber.url,
        Attributes: { FilterPolicy: '' },
      }),
    );
    await sns.flush();
    await confirm(subscriber);
    await new SnsChangePublisher(client, topicArn).publish([change(), addedChange({ eventId: 'added' })]);
    await sns.flush();

    expect(subscriber.ofType('Notification')).toHaveLength(2);
    expect(sns.subscriptions()[0]?.attributes).not.toHaveProperty('FilterPolicy');
  });

  it('retries an http subscriber that answers 500, and records what it cannot deliver after three attempts', async () => {
    const flaky = await endpoint([200, 500, 503]);
    const broken = await endpoint([200, 500, 500, 500]);
    for (const subscriber of [flaky, broken]) {
      await new SnsSubscriber(client, topicArn).subscribe({
        protocol: 'http',
        endpoint: subscriber.url,
        delivery: 'each',
      });
    }
    await sns.flush();
    await confirm(flaky);
    await confirm(broken);
    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'retried' })]);
    await sns.flush();

    expect(flaky.attempts()).toBe(4);
    expect(flaky.ofType('Notification')).toHaveLength(1);
    expect(broken.attempts()).toBe(4);
    expect(broken.ofType('Notification')).toHaveLength(0);
    const [undelivered] = jsonLines(join(dataDir, 'deliveries', 'undelivered.jsonl')) as { reason: string }[];
    expect(undelivered?.reason).toContain(broken.url);
    expect(undelivered?.reason).toContain('HTTP 500');
  });

  it('stops delivering once the UnsubscribeURL is visited', async () => {
    const subscriber = await confirmedHttp();
    const publisher = new SnsChangePublisher(client, topicArn);
    await publisher.publish([change({ eventId: 'first' })]);
    await sns.flush();
    const [notification] = subscriber.ofType('Notification');
    expect((await fetch(String(notification?.body.UnsubscribeURL))).status).toBe(200);

    await publisher.publish([change({ eventId: 'second' })]);
    await sns.flush();
    expect(subscriber.ofType('Notification')).toHaveLength(1);
    expect(sns.subscriptions()).toEqual([]);
  });

  it('writes an email subscriber a confirmation .eml, then readable UTF-8 mail once the link is visited', async () => {
    const address = 'editor@example.com';
    const { subscriptionArn } = await new SnsSubscriber(client, topicArn).subscribe({
      protocol: 'email',
      endpoint: address,
      delivery: 'each',
    });
    expect(subscriptionArn).toBe('pending confirmation');
    await sns.flush();
    const [confirmation] = mailFiles(dataDir, address);
    expect(confirmation).toContain('Subject: AWS Notification - Subscription Confirmation\r\n');
    expect(confirmation).toContain(`To: <${address}>\r\n`);
    const link = /http:\/\/\S+Action=ConfirmSubscription\S+/.exec(confirmation ?? '')?.[0] ?? '';
    expect((await fetch(link)).status).toBe(200);

    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'mailed' })]);
    await client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: '城镇登记失业率上升',
        Message: '失业率 2.79% → 2.95%',
        // Subscriptions to each change take only messages typed as one.
        MessageAttributes: { type: { DataType: 'String', StringValue: 'figure.changed' } },
      }),
    );
    await sns.flush();

    const [, notification, chinese] = mailFiles(dataDir, address);
    expect(notification).toContain('Content-Type: text/plain; charset=UTF-8\r\n');
    expect(notification).toContain('Content-Transfer-Encoding: 8bit\r\n');
    expect(mailSubject(notification)).toBe('城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
    expect(notification).toContain('城镇登记失业率 2.79% → 2.95%');
    expect(notification).toContain('Action=Unsubscribe');
    expect(chinese).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(mailSubject(chinese)).toBe('城镇登记失业率上升');
    expect(chinese).toContain('失业率 2.79% → 2.95%');
  });

  it('mails email-json subscribers the SNS JSON envelope', async () => {
    const address = 'robot@example.com';
    await client.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email-json', Endpoint: address }),
    );
    await sns.flush();
    const [confirmation] = mailFiles(dataDir, address);
    const confirmationBody = JSON.parse(mailBody(confirmation)) as { SubscribeURL: string };
    await fetch(confirmationBody.SubscribeURL);
    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'json-mail' })]);
    await sns.flush();

    const [, notification] = mailFiles(dataDir, address);
    expect(notification).toContain('Content-Transfer-Encoding: base64\r\n');
    const envelope = JSON.parse(mailBody(notification)) as { Type: string; Message: string };
    expect(envelope.Type).toBe('Notification');
    expect(JSON.parse(envelope.Message)).toMatchObject({ id: 'json-mail' });
  });

  it('confirms sqs and lambda subscriptions at once and appends their deliveries to JSON-lines files', async () => {
    const queue = 'arn:aws:sqs:us-east-1:000000000000:changes-queue';
    const fn = 'arn:aws:lambda:us-east-1:000000000000:function:on-change';
    const queueSubscription = await new SnsSubscriber(client, topicArn).subscribe({
      protocol: 'sqs',
      endpoint: queue,
      delivery: 'each',
    });
    expect(queueSubscription.subscriptionArn).toMatch(/^arn:aws:sns:us-east-1:000000000000:changes:/);
    await client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'lambda', Endpoint: fn }));
    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'to-machines' })]);
    await sns.flush();

    const [queued] = jsonLines(join(dataDir, 'deliveries', `sqs-${queue.replaceAll(':', '_')}.jsonl`)) as {
      Type: string;
      Message: string;
    }[];
    expect(queued?.Type).toBe('Notification');
    expect(JSON.parse(queued?.Message ?? '{}')).toMatchObject({ id: 'to-machines' });
    const [invocation] = jsonLines(
      join(dataDir, 'deliveries', `lambda-${fn.replaceAll(':', '_')}.jsonl`),
    ) as {
      Records: {
        EventSource: string;
        Sns: { Message: string; MessageAttributes: Record<string, unknown> };
      }[];
    }[];
    expect(invocation?.Records[0]?.EventSource).toBe('aws:sns');
    expect(JSON.parse(invocation?.Records[0]?.Sns.Message ?? '{}')).toMatchObject({ id: 'to-machines' });
    expect(invocation?.Records[0]?.Sns.MessageAttributes.type).toEqual({
      Type: 'String',
      Value: 'figure.changed',
    });
  });

  it('delivers every notification twice, under one MessageId, when duplicate delivery is on', async () => {
    await stop();
    await start({ duplicateDelivery: true });
    const subscriber = await confirmedHttp();
    await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'doubled' })]);
    await sns.flush();

    const notifications = subscriber.ofType('Notification');
    expect(notifications).toHaveLength(2);
    expect(new Set(notifications.map((item) => item.body.MessageId)).size).toBe(1);
    expect(subscriber.ofType('SubscriptionConfirmation')).toHaveLength(1);
  });

  it('keeps topics and confirmed subscriptions across a restart on the same data dir', async () => {
    const subscriber = await confirmedHttp({ types: ['figure.changed'] });
    await stop();
    expect(readFileSync(join(dataDir, 'sns.json'), 'utf8')).toContain(subscriber.url);

    await start();
    const listed = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    expect(listed.Subscriptions).toEqual([
      {
        SubscriptionArn: sns.subscriptions()[0]?.subscriptionArn,
        Owner: '000000000000',
        Protocol: 'http',
        Endpoint: subscriber.url,
        TopicArn: topicArn,
      },
    ]);
    await new SnsChangePublisher(client, topicArn).publish([
      change({ eventId: 'after-restart' }),
      addedChange({ eventId: 'filtered-after-restart' }),
    ]);
    await sns.flush();
    expect(subscriber.ofType('Notification').map((item) => JSON.parse(item.body.Message).id)).toEqual([
      'after-restart',
    ]);
  });

  it('answers a repeated Subscribe with the same subscription, and refuses one with other attributes', async () => {
    const subscriber = await endpoint();
    const request: SubscriptionRequest = {
      protocol: 'http',
      endpoint: subscriber.url,
      filter: { regions: ['cn'] },
      delivery: 'each',
    };
    await new SnsSubscriber(client, topicArn).subscribe(request);
    await new SnsSubscriber(client, topicArn).subscribe(request);
    expect(sns.subscriptions()).toHaveLength(1);
    const policy = JSON.stringify({ region: ['hk'] });
    await expect(
      client.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'http',
          Endpoint: subscriber.url,
          Attributes: { FilterPolicy: policy, FilterPolicyScope: 'MessageAttributes' },
        }),
      ),
    ).rejects.toThrow(InvalidParameterException);
    for (const other of [{ filter: { regions: ['hk'] } }, { delivery: 'digest' as const }]) {
      await expect(new SnsSubscriber(client, topicArn).subscribe({ ...request, ...other })).rejects.toThrow(
        ConflictError,
      );
    }
  });

  describe('subscriptions as editors manage them', () => {
    async function confirmedEmail(address: string, subscription: Partial<SubscriptionRequest> = {}) {
      await new SnsSubscriber(client, topicArn).subscribe({
        protocol: 'email',
        endpoint: address,
        delivery: 'digest',
        ...subscription,
      });
      await sns.flush();
      const link = /http:\/\/\S+Action=ConfirmSubscription\S+/.exec(
        mailFiles(dataDir, address)[0] ?? '',
      )?.[0];
      expect((await fetch(link ?? '')).status).toBe(200);
      return sns.subscriptions().find((each) => each.endpoint === address)?.subscriptionArn ?? '';
    }

    it('answers GetSubscriptionAttributes with the state and the attributes SNS keeps, or NotFound', async () => {
      const arn = await confirmedEmail('reader@example.com', { filter: { regions: ['大连'] } });
      const { Attributes } = await client.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }),
      );
      expect(Attributes).toMatchObject({
        SubscriptionArn: arn,
        TopicArn: topicArn,
        Protocol: 'email',
        Endpoint: 'reader@example.com',
        Owner: '000000000000',
        PendingConfirmation: 'false',
        ConfirmationWasAuthenticated: 'false',
        RawMessageDelivery: 'false',
        FilterPolicyScope: 'MessageAttributes',
      });
      expect(JSON.parse(Attributes?.FilterPolicy ?? '')).toEqual({
        region: ['大连'],
        type: ['brief.digest'],
      });
      await expect(
        client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: `${topicArn}:no-such-one` })),
      ).rejects.toThrow(NotFoundException);
    });

    it('lists confirmed subscriptions with their filter and delivery, pending ones with no id', async () => {
      await confirmedEmail('reader@example.com', {
        filter: { types: ['figure.changed'], minAbsChangePercent: 1 },
      });
      const subscriber = await endpoint();
      await new SnsSubscriber(client, topicArn).subscribe({
        protocol: 'http',
        endpoint: subscriber.url,
        filter: { metrics: ['cn:城镇登记失业率:%'] },
        delivery: 'each',
      });
      await sns.flush();

      const { items, cursor } = await new SnsSubscriber(client, topicArn).list({});
      expect(cursor).toBeUndefined();
      expect(items).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          protocol: 'email',
          endpoint: 'reader@example.com',
          confirmed: true,
          delivery: 'digest',
          filter: { types: ['figure.changed'], minAbsChangePercent: 1 },
        },
        { protocol: 'http', endpoint: subscriber.url, confirmed: false },
      ]);
      await confirm(subscriber);
      const [, http] = (await new SnsSubscriber(client, topicArn).list({})).items;
      expect(http).toMatchObject({
        confirmed: true,
        delivery: 'each',
        filter: { metrics: ['cn:城镇登记失业率:%'] },
      });
    });

    it('pages the listing 100 at a time', async () => {
      for (let index = 0; index < 101; index++) {
        await client.send(
          new SubscribeCommand({ TopicArn: topicArn, Protocol: 'email', Endpoint: `r${index}@example.com` }),
        );
      }
      const directory = new SnsSubscriber(client, topicArn);
      const first = await directory.list({});
      expect(first.items).toHaveLength(100);
      const second = await directory.list({ after: first.cursor ?? '' });
      expect(second.items.map((item) => item.endpoint)).toEqual(['r100@example.com']);
      expect(second.cursor).toBeUndefined();
    });

    it('unsubscribes a subscription of the topic by its id, and knows no other id', async () => {
      const kept = await confirmedEmail('kept@example.com');
      const gone = await confirmedEmail('gone@example.com');
      const directory = new SnsSubscriber(client, topicArn);
      const id = gone.slice(topicArn.length + 1);

      expect(await directory.unsubscribe(id)).toBe('deleted');
      expect(await directory.unsubscribe(id)).toBe('not_found');
      expect(await directory.unsubscribe('00000000-0000-0000-0000-000000000000')).toBe('not_found');
      expect(sns.subscriptions().map((each) => each.subscriptionArn)).toEqual([kept]);
    });

    it("stops the mail of a reader who follows the unsubscribe link at the end of SNS's mail", async () => {
      await confirmedEmail('leaving@example.com', { delivery: 'each' });
      await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'before-leaving' })]);
      await sns.flush();
      const [, notification] = mailFiles(dataDir, 'leaving@example.com');
      const link = /http:\/\/\S+Action=Unsubscribe\S+/.exec(mailBody(notification))?.[0] ?? '';
      expect((await fetch(link)).status).toBe(200);

      await new SnsChangePublisher(client, topicArn).publish([change({ eventId: 'after-leaving' })]);
      await sns.flush();
      expect(mailFiles(dataDir, 'leaving@example.com')).toHaveLength(2);
      expect(sns.subscriptions()).toEqual([]);
    });
  });

  describe('digests', () => {
    const digest = (changes: Change[]) => digestOf(changes);

    const received = (subscriber: Endpoint) =>
      subscriber.ofType('Notification').map((item) => JSON.parse(item.body.Message).id as string);

    it('reach digest subscribers only, and changes each-subscribers only', async () => {
      const each = await confirmedHttp();
      const digesting = await confirmedHttp(undefined, 'digest');
      const publisher = new SnsChangePublisher(client, topicArn);
      await publisher.publish([change()]);
      await publisher.publishDigest(digest([change()]));
      await sns.flush();

      expect(received(each)).toEqual([change().eventId]);
      expect(received(digesting)).toEqual(['brief-may.1.digest']);
    });

    it('pass a digest subscription’s filter when any of its changes matches each key', async () => {
      const fall = change({
        eventId: 'brief-may.1.1',
        metric: 'cn:jobs:people',
        deltaPercent: -12.5,
        direction: 'down',
        current: { ...change().current, region: '大连' },
      });
      const filters: [string, SubscriptionRequest['filter']][] = [
        ['metric', { metrics: ['cn:jobs:people'] }],
        ['region', { regions: ['大连'] }],
        ['type', { types: ['figure.changed'] }],
        ['minimum', { minAbsChangePercent: 10 }],
        ['other metric', { metrics: ['cn:other:%'] }],
        ['other type', { types: ['figure.revised'] }],
        ['larger minimum', { minAbsChangePercent: 20 }],
      ];
      const subscribers = await Promise.all(filters.map(([, filter]) => confirmedHttp(filter, 'digest')));
      await new SnsChangePublisher(client, topicArn).publishDigest(digest([change(), fall]));
      await sns.flush();

      expect(
        Object.fromEntries(filters.map(([name], index) => [name, received(subscribers[index] as Endpoint)])),
      ).toEqual({
        metric: ['brief-may.1.digest'],
        region: ['brief-may.1.digest'],
        type: ['brief-may.1.digest'],
        minimum: ['brief-may.1.digest'],
        'other metric': [],
        'other type': [],
        'larger minimum': [],
      });
    });

    it('mail a digest subscriber one mail whose subject names the brief and its changes', async () => {
      const address = 'digest@example.com';
      await client.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'email',
          Endpoint: address,
          Attributes: { FilterPolicy: '{"type":["brief.digest"]}' },
        }),
      );
      await sns.flush();
      await fetch(
        /http:\/\/\S+Action=ConfirmSubscription\S+/.exec(mailFiles(dataDir, address)[0] ?? '')?.[0] ?? '',
      );
      await new SnsChangePublisher(client, topicArn, { linkBase: 'http://localhost:3000' }).publishDigest(
        digest([change(), addedChange({ eventId: 'brief-may.1.1' })]),
      );
      await sns.flush();

      const [, mail] = mailFiles(dataDir, address);
      expect(mailSubject(mail)).toBe('城镇登记失业率升至2.95%（2项变化）');
      expect(mailBody(mail)).toContain('1. 城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
      expect(mailBody(mail)).toContain('http://localhost:3000/brief/brief-may');
      expect(mailBody(mail)).toContain('Action=Unsubscribe');
    });
  });

  describe('refuses what SNS refuses', () => {
    const entry = (id: string, message = '{"default":"x"}') => ({
      Id: id,
      Message: message,
      MessageStructure: 'json',
    });

    it('refuses more than ten entries, repeated ids, malformed ids and an empty batch', async () => {
      const eleven = Array.from({ length: 11 }, (_, index) => entry(`e${index}`));
      await expect(
        client.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: eleven })),
      ).rejects.toThrow(TooManyEntriesInBatchRequestException);
      await expect(
        client.send(
          new PublishBatchCommand({
            TopicArn: topicArn,
            PublishBatchRequestEntries: [entry('a'), entry('a')],
          }),
        ),
      ).rejects.toThrow(BatchEntryIdsNotDistinctException);
      await expect(
        client.send(
          new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [entry('event#1')] }),
        ),
      ).rejects.toThrow(InvalidBatchEntryIdException);
      await expect(
        client.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: [] })),
      ).rejects.toThrow(EmptyBatchRequestException);
    });

    it('refuses a message over 256 KiB with its attributes, and a batch over 256 KiB in total', async () => {
      const justOver = 'x'.repeat(262_144 - 'note'.length - 'String'.length - 1);
      await expect(
        client.send(
          new PublishCommand({
            TopicArn: topicArn,
            Message: justOver,
            MessageAttributes: { note: { DataType: 'String', StringValue: 'ab' } },
          }),
        ),
      ).rejects.toThrow(InvalidParameterException);
      const sixty = JSON.stringify({ default: 'y'.repeat(60_000) });
      await expect(
        client.send(
          new PublishBatchCommand({
            TopicArn: topicArn,
            PublishBatchRequestEntries: ['a', 'b', 'c', 'd', 'e'].map((id) => entry(id, sixty)),
          }),
        ),
      ).rejects.toThrow(BatchRequestTooLongException);
      expect(existsSync(join(dataDir, 'published.jsonl'))).toBe(false);
    });

    it('reports a malformed entry in Failed and publishes the others', async () => {
      const answer = await client.send(
        new PublishBatchCommand({
          TopicArn: topicArn,
          PublishBatchRequestEntries: [
            entry('good'),
            { ...entry('no-default', '{"email":"hello"}') },
            { ...entry('bad-number'), MessageAttributes: { n: { DataType: 'Number', StringValue: 'five' } } },
            {
              ...entry('bad-array'),
              MessageAttributes: { a: { DataType: 'String.Array', StringValue: '[{"x":1}]' } },
            },
            { ...entry('bad-subject'), Subject: 'two\nlines' },
          ],
        }),
      );
      expect(answer.Successful?.map((item) => item.Id)).toEqual(['good']);
      expect(answer.Failed?.map((item) => [item.Id, item.Code, item.SenderFault])).toEqual([
        ['no-default', 'InvalidParameter', true],
        ['bad-number', 'InvalidParameter', true],
        ['bad-array', 'InvalidParameter', true],
        ['bad-subject', 'InvalidParameter', true],
      ]);
      expect(answer.Failed?.[1]?.Message).toContain('"five"');
    });

    it('refuses an invalid filter policy, an unknown protocol and a publish to a missing topic', async () => {
      await expect(
        client.send(
          new SubscribeCommand({
            TopicArn: topicArn,
            Protocol: 'http',
            Endpoint: 'http://127.0.0.1:9/x',
            Attributes: { FilterPolicy: '{"type": "figure.changed"}' },
          }),
        ),
      ).rejects.toThrow(/FilterPolicy\.type/);
      await expect(
        client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sms', Endpoint: '+15555550100' })),
      ).rejects.toThrow(InvalidParameterException);
      await expect(
        client.send(new PublishCommand({ TopicArn: sns.topicArn('missing'), Message: 'x' })),
      ).rejects.toThrow(NotFoundException);
    });
  });
});
