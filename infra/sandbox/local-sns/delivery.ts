// Delivers what the sandbox's SNS accepts, in the formats SNS uses for each protocol, and lets tests await it.
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { MessageAttributes } from './filter-policy.ts';
import { renderMail } from './mail.ts';
import type { Protocol, SubscriptionRecord, TopicRecord } from './store.ts';

/** Deliberately not a signature: the sandbox holds no signing key, and consumers must not trust it as one. */
export const placeholderSignature = 'LOCAL-SNS-SANDBOX-UNSIGNED';

export interface PublishedMessage {
  messageId: string;
  topicArn: string;
  subject?: string;
  /** Per-protocol bodies from MessageStructure 'json'; `default` serves every protocol without its own key. */
  bodies: { default: string } & Partial<Record<Protocol, string>>;
  attributes: MessageAttributes;
  timestamp: string;
}

export interface HttpRetryPolicy {
  attempts: number;
  timeoutMs: number;
  /** Doubles after each failed attempt. */
  backoffMs: number;
}

export interface DeliveryOptions {
  dataDir: string;
  /** Base URL of the local SNS, for the confirm, unsubscribe and certificate links. */
  endpoint: string;
  duplicateDelivery: boolean;
  http: HttpRetryPolicy;
}

class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** A file name that names the endpoint and cannot escape its directory. */
export function safeEndpointName(endpoint: string): string {
  return endpoint
    .replace(/[^A-Za-z0-9@._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 200);
}

function messageFor(published: PublishedMessage, protocol: Protocol): string {
  return published.bodies[protocol] ?? published.bodies.default;
}

function isRawDelivery(subscription: SubscriptionRecord): boolean {
  return subscription.attributes.RawMessageDelivery === 'true';
}

/** One POST; resolves with the status code, rejects on network errors and on the timeout. */
function postOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(payload.byteLength) },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new DeliveryError(`no answer from ${url} within ${timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export class Deliveries {
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;

  constructor(private readonly options: DeliveryOptions) {}

  /** Resolves once every delivery started so far, and any it started in turn, has finished or given up. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  subscribeUrl(subscription: SubscriptionRecord): string {
    const query = new URLSearchParams({
      Action: 'ConfirmSubscription',
      TopicArn: subscription.topicArn,
      Token: subscription.token,
    });
    return `${this.options.endpoint}/?${query}`;
  }

  unsubscribeUrl(subscription: SubscriptionRecord): string {
    const query = new URLSearchParams({ Action: 'Unsubscribe', SubscriptionArn: subscription.arn });
    return `${this.options.endpoint}/?${query}`;
  }

  private signingFields() {
    return {
      SignatureVersion: '1',
      Signature: placeholderSignature,
      SigningCertURL: `${this.options.endpoint}/local-sns-has-no-signing-certificate.pem`,
    };
  }

  confirmation(subscription: SubscriptionRecord, topic: TopicRecord): void {
    const envelope = {
      Type: 'SubscriptionConfirmation',
      MessageId: randomUUID(),
      Token: subscription.token,
      TopicArn: subscription.topicArn,
      Message: `You have chosen to subscribe to the topic ${subscription.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
      SubscribeURL: this.subscribeUrl(subscription),
      Timestamp: new Date().toISOString(),
      ...this.signingFields(),
    };
    this.track(async () => {
      switch (subscription.protocol) {
        case 'http':
        case 'https':
          return this.postToEndpoint(
            subscription,
            envelope.Type,
            envelope.MessageId,
            JSON.stringify(envelope),
          );
        case 'email':
        case 'email-json':
          return this.writeMail(subscription, topic, {
            messageId: envelope.MessageId,
            subject: 'AWS Notification - Subscription Confirmation',
            body:
              subscription.protocol === 'email-json'
                ? JSON.stringify(envelope)
                : `You have chosen to subscribe to the topic:\n${subscription.topicArn}\n\nTo confirm this subscription, click or visit the link below (if this was in error, do nothing):\n${envelope.SubscribeURL}\n`,
          });
        case 'sqs':
        case 'lambda':
          // Subscriptions of queues and functions of the same account are confirmed at once.
          return;
      }
    });
  }

  notification(subscription: SubscriptionRecord, topic: TopicRecord, published: PublishedMessage): void {
    const copies = this.options.duplicateDelivery ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) this.track(() => this.deliver(subscription, topic, published));
  }

  private envelope(subscription: SubscriptionRecord, published: PublishedMessage) {
    const attributes = Object.entries(published.attributes);
    return {
      Type: 'Notification',
      MessageId: published.messageId,
      TopicArn: published.topicArn,
      ...(published.subject === undefined ? {} : { Subject: published.subject }),
      Message: messageFor(published, subscription.protocol),
      Timestamp: published.timestamp,
      ...this.signingFields(),
      UnsubscribeURL: this.unsubscribeUrl(subscription),
      ...(attributes.length === 0
        ? {}
        : {
            MessageAttributes: Object.fromEntries(
              attributes.map(([name, value]) => [name, { Type: value.DataType, Value: value.StringValue }]),
            ),
          }),
    };
  }

  private async deliver(
    subscription: SubscriptionRecord,
    topic: TopicRecord,
    published: PublishedMessage,
  ): Promise<void> {
    const envelope = this.envelope(subscription, published);
    switch (subscription.protocol) {
      case 'http':
      case 'https':
        return this.postToEndpoint(
          subscription,
          'Notification',
          published.messageId,
          isRawDelivery(subscription) ? envelope.Message : JSON.stringify(envelope),
        );
      case 'email':
        return this.writeMail(subscription, topic, {
          messageId: published.messageId,
          subject: published.subject ?? topic.attributes.DisplayName ?? 'AWS Notification Message',
          body: `${envelope.Message}\n\n--\nTo stop receiving notifications from this topic, visit:\n${envelope.UnsubscribeURL}\n`,
        });
      case 'email-json':
        return this.writeMail(subscription, topic, {
          messageId: published.messageId,
          subject: published.subject ?? topic.attributes.DisplayName ?? 'AWS Notification Message',
          body: JSON.stringify(envelope),
        });
      case 'sqs':
        return this.appendLine(subscription, isRawDelivery(subscription) ? envelope.Message : envelope);
      case 'lambda':
        return this.appendLine(subscription, {
          Records: [
            {
              EventSource: 'aws:sns',
              EventVersion: '1.0',
              EventSubscriptionArn: subscription.arn,
              Sns: {
                Type: envelope.Type,
                MessageId: envelope.MessageId,
                TopicArn: envelope.TopicArn,
                Subject: published.subject ?? null,
                Message: envelope.Message,
                Timestamp: envelope.Timestamp,
                SignatureVersion: envelope.SignatureVersion,
                Signature: envelope.Signature,
                SigningCertUrl: envelope.SigningCertURL,
                UnsubscribeUrl: envelope.UnsubscribeURL,
                MessageAttributes: envelope.MessageAttributes ?? {},
              },
            },
          ],
        });
    }
  }

  private track(task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((error: unknown) => this.recordUndelivered(error))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async postToEndpoint(
    subscription: SubscriptionRecord,
    type: string,
    messageId: string,
    body: string,
  ): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': type,
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': subscription.topicArn,
      // As on AWS, confirmations carry no subscription ARN: there is none until the endpoint confirms.
      ...(type === 'Notification' ? { 'x-amz-sns-subscription-arn': subscription.arn } : {}),
      ...(isRawDelivery(subscription) && type === 'Notification' ? { 'x-amz-sns-rawdelivery': 'true' } : {}),
    };
    const { attempts, timeoutMs, backoffMs } = this.options.http;
    let lastFailure = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const status = await postOnce(subscription.endpoint, headers, body, timeoutMs);
        if (status >= 200 && status < 300) return;
        lastFailure = `HTTP ${status}`;
        // Client errors other than throttling will not go away by retrying, as SNS also treats them.
        if (status >= 400 && status < 500 && status !== 429) break;
      } catch (error) {
        lastFailure = error instanceof Error ? error.message : String(error);
      }
      if (attempt < attempts)
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
    throw new DeliveryError(
      `${type} ${messageId} to ${subscription.endpoint} failed after retries, last: ${lastFailure}`,
    );
  }

  private async writeMail(
    subscription: SubscriptionRecord,
    topic: TopicRecord,
    mail: { messageId: string; subject: string; body: string },
  ): Promise<void> {
    const date = new Date();
    // Sortable names, taken before any await: mail sorts in the order it was sent.
    const name = `${date.toISOString().replace(/[-:.]/g, '')}-${String(this.sequence++).padStart(6, '0')}-${mail.messageId}.eml`;
    const directory = join(this.options.dataDir, 'mail', safeEndpointName(subscription.endpoint));
    await mkdir(directory, { recursive: true });
    const text = renderMail({
      from: { name: topic.attributes.DisplayName ?? topic.name, address: 'no-reply@sns.sandbox.invalid' },
      to: subscription.endpoint,
      subject: mail.subject,
      body: mail.body,
      messageId: `${mail.messageId}@sns.sandbox.invalid`,
      date,
      headers: {
        'X-Amz-Sns-Message-Id': mail.messageId,
        'X-Amz-Sns-Topic-Arn': subscription.topicArn,
        'X-Amz-Sns-Subscription-Arn': subscription.arn,
      },
    });
    await writeFile(join(directory, name), text);
  }

  private async appendLine(subscription: SubscriptionRecord, line: unknown): Promise<void> {
    const directory = join(this.options.dataDir, 'deliveries');
    await mkdir(directory, { recursive: true });
    const file = join(directory, `${subscription.protocol}-${safeEndpointName(subscription.endpoint)}.jsonl`);
    await appendFile(file, `${JSON.stringify(line)}\n`);
  }

  /** SNS drops what exhausted its retries unless a DLQ is attached; the sandbox keeps it in a file to look at. */
  private async recordUndelivered(error: unknown): Promise<void> {
    const directory = join(this.options.dataDir, 'deliveries');
    await mkdir(directory, { recursive: true });
    const reason = error instanceof Error ? error.message : String(error);
    await appendFile(
      join(directory, 'undelivered.jsonl'),
      `${JSON.stringify({ at: new Date().toISOString(), reason })}\n`,
    );
  }
}
