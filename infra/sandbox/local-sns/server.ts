// The sandbox's SNS: an HTTP server speaking SNS's own Query protocol, so the production adapter runs unchanged.
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  isValidBatchEntryId,
  maxBatchEntries,
  maxMessageBytes,
  maxSubjectChars,
  messageSizeBytes,
} from '../../../functions/adapters/sns/limits.ts';
import { Deliveries, type HttpRetryPolicy, type PublishedMessage } from './delivery.ts';
import { FilterPolicyError, matchesFilterPolicy, parseFilterPolicy } from './filter-policy.ts';
import {
  invalidParameter,
  listMembers,
  messageAttributes,
  type Params,
  required,
  SnsApiError,
  stringMap,
  validateMessageAttributes,
  xmlError,
  xmlFields,
  xmlMap,
  xmlResponse,
} from './query-protocol.ts';
import {
  type Protocol,
  SnsStore,
  type SubscriptionRecord,
  subscriptionProtocols,
  type TopicRecord,
} from './store.ts';

export interface LocalSnsOptions {
  dataDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  /** Delivers every notification twice, as SNS's at-least-once delivery may. */
  duplicateDelivery?: boolean;
  region?: string;
  /** Retries to http/https subscribers; SNS's own default waits 20 s between attempts, too slow for a sandbox. */
  httpRetry?: Partial<HttpRetryPolicy>;
}

export interface Faults {
  /** The next N Publish/PublishBatch calls answer 500 InternalError. */
  failNext?: number;
  /** The next N PublishBatch entries are reported in Failed[] with InternalError. */
  failNextEntries?: number;
  /** The next `hangNext` Publish/PublishBatch calls wait `hangMs` before answering (default 1). */
  hangMs?: number;
  hangNext?: number;
}

export interface SubscriptionView {
  subscriptionArn: string;
  topicArn: string;
  protocol: Protocol;
  endpoint: string;
  confirmed: boolean;
  attributes: Record<string, string>;
}

export interface ReceivedRequest {
  action: string;
  /** The decoded Query parameters, exactly as the client sent them. */
  params: Record<string, string>;
}

export interface LocalSns {
  endpoint: string;
  topicArn(name: string): string;
  /** Idempotent, like CreateTopic. */
  createTopic(name: string): string;
  flush(): Promise<void>;
  injectFaults(faults: Faults): void;
  subscriptions(): SubscriptionView[];
  /** The most recent API requests received, oldest first. */
  requests(): ReceivedRequest[];
  stop(): Promise<void>;
}

const accountId = '000000000000';
// SNS waits 15 s for an HTTP answer; retries come sooner than its 20 s so that the sandbox stays quick.
const defaultHttpRetry: HttpRetryPolicy = { attempts: 4, timeoutMs: 15_000, backoffMs: 500 };
/** Ten entries of 256 KiB in total, percent-encoded (up to 9 characters for one CJK character). */
const maxRequestBytes = 8 * 1024 * 1024;
const keptRequests = 1000;
const topicNamePattern = /^[A-Za-z0-9_-]{1,256}$/;
const subscriptionAttributes = new Set([
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'DeliveryPolicy',
  'RedrivePolicy',
]);
const rawDeliveryProtocols = new Set<Protocol>(['http', 'https', 'sqs']);
const pageSize = 100;

interface PublishInput {
  message: string | null;
  structure: string | null;
  subject: string | null;
  attributes: ReturnType<typeof messageAttributes>;
}

function validateEndpoint(protocol: Protocol, endpoint: string): void {
  const valid = {
    http: /^http:\/\/[^\s]+$/,
    https: /^https:\/\/[^\s]+$/,
    email: /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/,
    'email-json': /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/,
    sqs: /^arn:aws[\w-]*:sqs:[\w-]+:\d{12}:[\w-]+(\.fifo)?$/,
    lambda: /^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/,
  }[protocol];
  if (!valid.test(endpoint)) {
    throw invalidParameter(
      `Invalid parameter: Endpoint ${JSON.stringify(endpoint)} is not a valid ${protocol} endpoint`,
    );
  }
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function sameAttributes(left: Record<string, string>, right: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

class LocalSnsServer {
  private readonly store: SnsStore;
  private readonly server = createServer((request, response) => this.handle(request, response));
  private readonly received: ReceivedRequest[] = [];
  private readonly hangs = new Set<{ timer: NodeJS.Timeout; release: () => void }>();
  private faults = { failNext: 0, failNextEntries: 0, hangNext: 0, hangMs: 0 };
  private deliveries!: Deliveries;
  endpoint = '';

  constructor(private readonly options: LocalSnsOptions & { region: string }) {
    mkdirSync(options.dataDir, { recursive: true });
    this.store = new SnsStore(options.dataDir);
  }

  async listen(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.deliveries = new Deliveries({
      dataDir: this.options.dataDir,
      endpoint: this.endpoint,
      duplicateDelivery: this.options.duplicateDelivery ?? false,
      http: { ...defaultHttpRetry, ...this.options.httpRetry },
    });
  }

  topicArn(name: string): string {
    return `arn:aws:sns:${this.options.region}:${accountId}:${name}`;
  }

  createTopic(name: string, attributes: Record<string, string> = {}): string {
    if (!topicNamePattern.test(name)) {
      throw invalidParameter(
        `Invalid parameter: Topic Name ${JSON.stringify(name)}: 1-256 letters, digits, '-' or '_' (FIFO topics are not emulated)`,
      );
    }
    const arn = this.topicArn(name);
    const existing = this.store.topics.get(arn);
    if (existing !== undefined) {
      const differs = Object.entries(attributes).some(([key, value]) => existing.attributes[key] !== value);
      if (differs)
        throw invalidParameter(`Invalid parameter: Topic ${name} already exists with different attributes`);
      return arn;
    }
    this.store.topics.set(arn, { arn, name, attributes });
    this.store.save();
    return arn;
  }

  injectFaults(faults: Faults): void {
    this.faults = {
      failNext: faults.failNext ?? this.faults.failNext,
      failNextEntries: faults.failNextEntries ?? this.faults.failNextEntries,
      hangMs: faults.hangMs ?? this.faults.hangMs,
      hangNext: faults.hangNext ?? (faults.hangMs === undefined ? this.faults.hangNext : 1),
    };
  }

  subscriptions(): SubscriptionView[] {
    return [...this.store.subscriptions.values()].map((subscription) => ({
      subscriptionArn: subscription.arn,
      topicArn: subscription.topicArn,
      protocol: subscription.protocol,
      endpoint: subscription.endpoint,
      confirmed: subscription.confirmed,
      attributes: { ...subscription.attributes },
    }));
  }

  requests(): ReceivedRequest[] {
    return [...this.received];
  }

  flush(): Promise<void> {
    return this.deliveries.flush();
  }

  async stop(): Promise<void> {
    for (const hang of this.hangs) {
      clearTimeout(hang.timer);
      hang.release();
    }
    this.hangs.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    await this.deliveries.flush();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const reply = (status: number, body: string) => {
      if (response.destroyed) return;
      response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
      response.end(body);
    };
    try {
      const params = await this.readParams(request);
      const action = params.get('Action') ?? '';
      this.received.push({ action, params: Object.fromEntries(params) });
      if (this.received.length > keptRequests) this.received.shift();
      const result = await this.dispatch(action, params, request);
      if (result === 'client gone') return;
      reply(200, xmlResponse(action, result, requestId));
    } catch (error) {
      const apiError =
        error instanceof SnsApiError
          ? error
          : new SnsApiError(
              'InternalError',
              500,
              `local SNS failed: ${error instanceof Error ? error.message : error}`,
            );
      reply(apiError.status, xmlError(apiError, requestId));
    }
  }

  private async readParams(request: IncomingMessage): Promise<Params> {
    const url = new URL(request.url ?? '/', this.endpoint);
    if (request.method === 'GET') return url.searchParams;
    if (request.method !== 'POST') {
      throw new SnsApiError('InvalidAction', 405, `method ${request.method} is not supported`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).byteLength;
      if (size > maxRequestBytes)
        throw new SnsApiError('RequestEntityTooLarge', 413, 'request body too large');
      chunks.push(chunk as Buffer);
    }
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  private async dispatch(
    action: string,
    params: Params,
    request: IncomingMessage,
  ): Promise<string | undefined | 'client gone'> {
    switch (action) {
      case 'CreateTopic':
        return xmlFields({
          TopicArn: this.createTopic(required(params, 'Name'), stringMap(params, 'Attributes')),
        });
      case 'Subscribe':
        return this.subscribe(params);
      case 'ConfirmSubscription':
        return this.confirmSubscription(params);
      case 'Unsubscribe':
        return this.unsubscribe(params);
      case 'ListSubscriptionsByTopic':
        return this.listSubscriptionsByTopic(params);
      case 'GetSubscriptionAttributes':
        return this.getSubscriptionAttributes(params);
      case 'Publish':
      case 'PublishBatch': {
        if (await this.injectedFault(request)) return 'client gone';
        return action === 'Publish' ? this.publish(params) : this.publishBatch(params);
      }
      default:
        throw new SnsApiError(
          'InvalidAction',
          400,
          `Action ${JSON.stringify(action)} is not supported by the local SNS`,
        );
    }
  }

  /** Applies injected faults; true when the caller hung up during a hang, so the request is dropped unprocessed. */
  private async injectedFault(request: IncomingMessage): Promise<boolean> {
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      throw new SnsApiError('InternalError', 500, 'injected fault: InternalError');
    }
    if (this.faults.hangNext > 0 && this.faults.hangMs > 0) {
      this.faults.hangNext--;
      await new Promise<void>((resolve) => {
        const hang = { timer: setTimeout(() => release(), this.faults.hangMs), release: () => release() };
        const release = () => {
          this.hangs.delete(hang);
          resolve();
        };
        this.hangs.add(hang);
      });
      return request.socket.destroyed;
    }
    return false;
  }

  private topic(params: Params, name = 'TopicArn'): TopicRecord {
    const arn = required(params, name);
    const topic = this.store.topics.get(arn);
    if (topic === undefined) throw new SnsApiError('NotFound', 404, `Topic does not exist: ${arn}`);
    return topic;
  }

  private subscribe(params: Params): string {
    const topic = this.topic(params);
    const protocol = required(params, 'Protocol') as Protocol;
    if (!subscriptionProtocols.includes(protocol)) {
      throw invalidParameter(
        `Invalid parameter: Protocol ${JSON.stringify(protocol)}; the local SNS delivers to ${subscriptionProtocols.join(', ')}`,
      );
    }
    const endpoint = required(params, 'Endpoint');
    validateEndpoint(protocol, endpoint);
    const attributes = stringMap(params, 'Attributes');
    this.validateSubscriptionAttributes(protocol, attributes);
    // An empty policy is no policy, and SNS then lists no FilterPolicy attribute at all.
    if (attributes.FilterPolicy !== undefined && parseFilterPolicy(attributes.FilterPolicy) === undefined)
      delete attributes.FilterPolicy;

    const existing = this.store
      .subscriptionsOf(topic.arn)
      .find((subscription) => subscription.protocol === protocol && subscription.endpoint === endpoint);
    const subscription = existing ?? this.newSubscription(topic, protocol, endpoint, attributes);
    if (existing !== undefined && !sameAttributes(existing.attributes, attributes)) {
      throw invalidParameter(
        'Invalid parameter: Attributes: subscription already exists with different attributes',
      );
    }
    // A repeated Subscribe of a pending endpoint sends the confirmation again, as SNS does.
    if (!subscription.confirmed) this.deliveries.confirmation(subscription, topic);
    const returnArn = params.get('ReturnSubscriptionArn') === 'true' || subscription.confirmed;
    return xmlFields({ SubscriptionArn: returnArn ? subscription.arn : 'pending confirmation' });
  }

  private validateSubscriptionAttributes(protocol: Protocol, attributes: Record<string, string>): void {
    for (const [name, value] of Object.entries(attributes)) {
      if (!subscriptionAttributes.has(name)) {
        throw invalidParameter(`Invalid parameter: Attributes: unknown attribute ${JSON.stringify(name)}`);
      }
      if (name === 'FilterPolicyScope' && value !== 'MessageAttributes') {
        throw invalidParameter(
          `Invalid parameter: Attributes: FilterPolicyScope ${JSON.stringify(value)}; the local SNS filters on MessageAttributes only`,
        );
      }
      if (name === 'RawMessageDelivery') {
        if (value !== 'true' && value !== 'false') {
          throw invalidParameter(
            `Invalid parameter: Attributes: RawMessageDelivery ${JSON.stringify(value)}`,
          );
        }
        if (value === 'true' && !rawDeliveryProtocols.has(protocol)) {
          throw invalidParameter(
            `Invalid parameter: Attributes: ${protocol} does not support raw message delivery`,
          );
        }
      }
      if (name === 'FilterPolicy') {
        try {
          parseFilterPolicy(value);
        } catch (error) {
          if (error instanceof FilterPolicyError)
            throw invalidParameter(`Invalid parameter: ${error.message}`);
          throw error;
        }
      }
    }
  }

  private newSubscription(
    topic: TopicRecord,
    protocol: Protocol,
    endpoint: string,
    attributes: Record<string, string>,
  ): SubscriptionRecord {
    const subscription: SubscriptionRecord = {
      arn: `${topic.arn}:${randomUUID()}`,
      topicArn: topic.arn,
      protocol,
      endpoint,
      attributes,
      confirmed: protocol === 'sqs' || protocol === 'lambda',
      token: randomBytes(64).toString('hex'),
      createdAt: new Date().toISOString(),
    };
    this.store.subscriptions.set(subscription.arn, subscription);
    this.store.save();
    return subscription;
  }

  private confirmSubscription(params: Params): string {
    const topic = this.topic(params);
    const token = required(params, 'Token');
    const subscription = this.store.subscriptionsOf(topic.arn).find((candidate) => candidate.token === token);
    if (subscription === undefined) throw invalidParameter('Invalid parameter: Token');
    if (!subscription.confirmed) {
      subscription.confirmed = true;
      this.store.save();
    }
    return xmlFields({ SubscriptionArn: subscription.arn });
  }

  private unsubscribe(params: Params): undefined {
    const arn = required(params, 'SubscriptionArn');
    if (this.store.subscriptions.delete(arn)) this.store.save();
    return undefined;
  }

  /** What SNS answers for a subscription: who and where it is, its state, and the attributes it was given. */
  private getSubscriptionAttributes(params: Params): string {
    const arn = required(params, 'SubscriptionArn');
    const subscription = this.store.subscriptions.get(arn);
    if (subscription === undefined) throw new SnsApiError('NotFound', 404, 'Subscription does not exist');
    return `<Attributes>${xmlMap({
      ...subscription.attributes,
      Owner: accountId,
      RawMessageDelivery: subscription.attributes.RawMessageDelivery ?? 'false',
      TopicArn: subscription.topicArn,
      Endpoint: subscription.endpoint,
      Protocol: subscription.protocol,
      PendingConfirmation: String(!subscription.confirmed),
      // Queues and functions are confirmed by their owner's signed Subscribe; others by following a link.
      ConfirmationWasAuthenticated: String(
        subscription.protocol === 'sqs' || subscription.protocol === 'lambda',
      ),
      SubscriptionArn: subscription.arn,
    })}</Attributes>`;
  }

  private listSubscriptionsByTopic(params: Params): string {
    const topic = this.topic(params);
    const start = Number(params.get('NextToken') ?? '0');
    if (!Number.isSafeInteger(start) || start < 0) {
      throw invalidParameter(`Invalid parameter: NextToken ${JSON.stringify(params.get('NextToken'))}`);
    }
    const all = this.store.subscriptionsOf(topic.arn);
    const members = all
      .slice(start, start + pageSize)
      .map(
        (subscription) =>
          `<member>${xmlFields({
            TopicArn: subscription.topicArn,
            Protocol: subscription.protocol,
            SubscriptionArn: subscription.confirmed ? subscription.arn : 'PendingConfirmation',
            Owner: accountId,
            Endpoint: subscription.endpoint,
          })}</member>`,
      )
      .join('');
    const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
    return `<Subscriptions>${members}</Subscriptions>${xmlFields({ NextToken: next })}`;
  }

  private publish(params: Params): string {
    const topic = this.topic(params, params.has('TopicArn') ? 'TopicArn' : 'TargetArn');
    const published = this.validatePublish(topic, {
      message: params.get('Message'),
      structure: params.get('MessageStructure'),
      subject: params.get('Subject'),
      attributes: messageAttributes(params, ''),
    });
    this.accept(topic, published);
    return xmlFields({ MessageId: published.messageId });
  }

  private publishBatch(params: Params): string {
    const topic = this.topic(params);
    const entries = listMembers(params, 'PublishBatchRequestEntries');
    if (entries.length === 0)
      throw new SnsApiError('EmptyBatchRequest', 400, 'The batch request does not contain any entries');
    if (entries.length > maxBatchEntries) {
      throw new SnsApiError(
        'TooManyEntriesInBatchRequest',
        400,
        `The batch request contains ${entries.length} entries; at most ${maxBatchEntries} are allowed`,
      );
    }
    const ids = entries.map((prefix) => params.get(`${prefix}Id`) ?? '');
    const invalidId = ids.find((id) => !isValidBatchEntryId(id));
    if (invalidId !== undefined) {
      throw new SnsApiError(
        'InvalidBatchEntryId',
        400,
        `The Id ${JSON.stringify(invalidId)} of a batch entry must be 1-80 letters, digits, '-' or '_'`,
      );
    }
    if (new Set(ids).size !== ids.length) {
      throw new SnsApiError(
        'BatchEntryIdsNotDistinct',
        400,
        `Two or more batch entries share an Id: ${ids.join(', ')}`,
      );
    }
    const total = entries.reduce(
      (sum, prefix) =>
        sum + messageSizeBytes(params.get(`${prefix}Message`) ?? '', messageAttributes(params, prefix)),
      0,
    );
    if (total > maxMessageBytes) {
      throw new SnsApiError(
        'BatchRequestTooLong',
        400,
        `The batch's messages and attributes total ${total} bytes; at most ${maxMessageBytes} are allowed`,
      );
    }

    const successful: string[] = [];
    const failed: string[] = [];
    for (const [index, prefix] of entries.entries()) {
      const id = ids[index] ?? '';
      try {
        if (this.faults.failNextEntries > 0) {
          this.faults.failNextEntries--;
          throw new SnsApiError('InternalError', 500, 'injected fault: entry failed');
        }
        const published = this.validatePublish(topic, {
          message: params.get(`${prefix}Message`),
          structure: params.get(`${prefix}MessageStructure`),
          subject: params.get(`${prefix}Subject`),
          attributes: messageAttributes(params, prefix),
        });
        this.accept(topic, published);
        successful.push(`<member>${xmlFields({ Id: id, MessageId: published.messageId })}</member>`);
      } catch (error) {
        if (!(error instanceof SnsApiError)) throw error;
        failed.push(
          `<member>${xmlFields({ Id: id, Code: error.code, Message: error.message, SenderFault: error.senderFault })}</member>`,
        );
      }
    }
    return `<Successful>${successful.join('')}</Successful><Failed>${failed.join('')}</Failed>`;
  }

  private validatePublish(topic: TopicRecord, input: PublishInput): PublishedMessage {
    const { message, structure, subject } = input;
    if (message === null || message === '') throw invalidParameter('Invalid parameter: Empty message');
    if (
      subject !== null &&
      (subject === '' || subject.length > maxSubjectChars || hasControlCharacter(subject))
    ) {
      throw invalidParameter(
        `Invalid parameter: Subject ${JSON.stringify(subject.slice(0, 120))}: 1-${maxSubjectChars} characters, no line breaks or control characters`,
      );
    }
    const attributes = validateMessageAttributes(input.attributes);
    const bytes = messageSizeBytes(message, input.attributes);
    if (bytes > maxMessageBytes) {
      throw invalidParameter(
        `Invalid parameter: Message too long: ${bytes} bytes with attributes, at most ${maxMessageBytes}`,
      );
    }
    return {
      messageId: randomUUID(),
      topicArn: topic.arn,
      ...(subject === null ? {} : { subject }),
      bodies: structure === null ? { default: message } : this.perProtocolBodies(structure, message),
      attributes,
      timestamp: new Date().toISOString(),
    };
  }

  private perProtocolBodies(structure: string, message: string): PublishedMessage['bodies'] {
    if (structure !== 'json') {
      throw invalidParameter(
        `Invalid parameter: MessageStructure ${JSON.stringify(structure)}; only "json" exists`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidParameter('Invalid parameter: Message Structure - JSON message body is not an object');
    }
    const bodies = parsed as Record<string, unknown>;
    if (typeof bodies.default !== 'string') {
      throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
    }
    const known = Object.entries(bodies).filter(
      ([key]) => key === 'default' || subscriptionProtocols.includes(key as Protocol),
    );
    const notString = known.find(([, value]) => typeof value !== 'string');
    if (notString !== undefined) {
      throw invalidParameter(
        `Invalid parameter: Message Structure - the value of ${notString[0]} is not a string`,
      );
    }
    return Object.fromEntries(known) as PublishedMessage['bodies'];
  }

  /** Logs the message durably before the caller hears it was accepted, then fans it out. */
  private accept(topic: TopicRecord, published: PublishedMessage): void {
    appendFileSync(join(this.options.dataDir, 'published.jsonl'), `${JSON.stringify(published)}\n`);
    for (const subscription of this.store.subscriptionsOf(topic.arn)) {
      if (!subscription.confirmed) continue;
      const policy = parseFilterPolicy(subscription.attributes.FilterPolicy ?? '');
      if (!matchesFilterPolicy(policy, published.attributes)) continue;
      this.deliveries.notification(subscription, topic, published);
    }
  }
}

export async function startLocalSns(options: LocalSnsOptions): Promise<LocalSns> {
  const sns = new LocalSnsServer({ ...options, region: options.region ?? 'us-east-1' });
  await sns.listen();
  return {
    endpoint: sns.endpoint,
    topicArn: (name) => sns.topicArn(name),
    createTopic: (name) => sns.createTopic(name),
    flush: () => sns.flush(),
    injectFaults: (faults) => sns.injectFaults(faults),
    subscriptions: () => sns.subscriptions(),
    requests: () => sns.requests(),
    stop: () => sns.stop(),
  };
}
