// Subscribes an endpoint to the topic with a filter policy on the message attributes the publisher sets.
import { type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import type { Subscriber, SubscriptionRequest } from '../../core/ports.ts';
import { filterPolicyFor } from './filter-policy.ts';

export class SnsSubscriber implements Subscriber {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  async subscribe(request: SubscriptionRequest): Promise<{ subscriptionArn: string }> {
    const policy = request.filter === undefined ? {} : filterPolicyFor(request.filter);
    // RawMessageDelivery stays unset (false): email has no raw mode, and machines want the envelope and its attributes.
    const attributes: Record<string, string> =
      Object.keys(policy).length === 0
        ? {}
        : { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' };
    const response = await this.client.send(
      new SubscribeCommand({
        TopicArn: this.topicArn,
        Protocol: request.protocol,
        Endpoint: request.endpoint,
        ReturnSubscriptionArn: false,
        Attributes: attributes,
      }),
    );
    if (response.SubscriptionArn === undefined) {
      throw new Error(`SNS answered Subscribe for endpoint ${request.endpoint} without a SubscriptionArn`);
    }
    return { subscriptionArn: response.SubscriptionArn };
  }
}
