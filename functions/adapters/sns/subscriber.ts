// The topic's subscriptions: subscribing an endpoint with the filter policy of its filter and delivery, listing
// them with what their policies say, and deleting one.
import {
  GetSubscriptionAttributesCommand,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
  type SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { ConflictError } from '../../core/errors.ts';
import type {
  Page,
  Subscriber,
  SubscriptionDirectory,
  SubscriptionRequest,
  SubscriptionSummary,
} from '../../core/ports.ts';
import { filterPolicyFor, subscriptionOfPolicy } from './filter-policy.ts';

/** SNS's words for a Subscribe of an endpoint the topic has already, with another filter policy. */
const differentAttributes = /already exists with different attributes/i;

/** Subscriptions whose attributes are read at once, well under SNS's rate for GetSubscriptionAttributes. */
const attributeReadsInFlight = 10;

export class SnsSubscriber implements Subscriber, SubscriptionDirectory {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
  ) {}

  async subscribe(request: SubscriptionRequest): Promise<{ subscriptionArn: string }> {
    const policy = filterPolicyFor(request.filter ?? {}, request.delivery);
    // RawMessageDelivery stays unset (false): email has no raw mode, and machines want the envelope and its attributes.
    let response: { SubscriptionArn?: string | undefined };
    try {
      response = await this.client.send(
        new SubscribeCommand({
          TopicArn: this.topicArn,
          Protocol: request.protocol,
          Endpoint: request.endpoint,
          ReturnSubscriptionArn: false,
          Attributes: { FilterPolicy: JSON.stringify(policy), FilterPolicyScope: 'MessageAttributes' },
        }),
      );
    } catch (error) {
      if (error instanceof InvalidParameterException && differentAttributes.test(error.message)) {
        throw new ConflictError(
          `${request.endpoint} is already subscribed with another filter or delivery: unsubscribe it first ` +
            '(the link in any of its mails, or DELETE /subscriptions/{id}), then subscribe again',
          { cause: error },
        );
      }
      throw error;
    }
    if (response.SubscriptionArn === undefined) {
      throw new Error(`SNS answered Subscribe for endpoint ${request.endpoint} without a SubscriptionArn`);
    }
    return { subscriptionArn: response.SubscriptionArn };
  }

  /** One page of SNS's listing (100 at most), with each confirmed subscription's filter and delivery. */
  async list(options: { after?: string }): Promise<Page<SubscriptionSummary>> {
    const page = await this.client.send(
      new ListSubscriptionsByTopicCommand({
        TopicArn: this.topicArn,
        ...(options.after === undefined ? {} : { NextToken: options.after }),
      }),
    );
    const listed = page.Subscriptions ?? [];
    const items: SubscriptionSummary[] = [];
    for (let start = 0; start < listed.length; start += attributeReadsInFlight) {
      const summaries = await Promise.all(
        listed
          .slice(start, start + attributeReadsInFlight)
          .map(({ SubscriptionArn = '', Protocol = '', Endpoint = '' }) =>
            this.summary(SubscriptionArn, Protocol, Endpoint),
          ),
      );
      items.push(...summaries.filter((summary) => summary !== undefined));
    }
    return {
      items,
      ...(page.NextToken === undefined ? {} : { cursor: page.NextToken }),
    };
  }

  async unsubscribe(id: string): Promise<'deleted' | 'not_found'> {
    const arn = this.arnOf(id);
    // Unsubscribe answers alike for a subscription that never was: ask first, so that a wrong id is a 404.
    if ((await this.attributesOf(arn)) === undefined) return 'not_found';
    await this.client.send(new UnsubscribeCommand({ SubscriptionArn: arn }));
    return 'deleted';
  }

  /** Subscription ARNs are the topic's ARN and an id; ids are only ever taken as this topic's. */
  private arnOf(id: string): string {
    return `${this.topicArn}:${id}`;
  }

  /** Undefined when SNS has no such subscription, or it is not this topic's. */
  private async attributesOf(arn: string): Promise<Record<string, string> | undefined> {
    try {
      const { Attributes = {} } = await this.client.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }),
      );
      return Attributes.TopicArn === this.topicArn ? Attributes : undefined;
    } catch (error) {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    }
  }

  /**
   * SNS lists a subscription awaiting confirmation as `PendingConfirmation` and one being deleted as `Deleted`:
   * the first has no ARN to read anything of yet, the second is left out.
   */
  private async summary(
    arn: string,
    protocol: string,
    endpoint: string,
  ): Promise<SubscriptionSummary | undefined> {
    if (arn === 'PendingConfirmation') return { protocol, endpoint, confirmed: false };
    if (!arn.startsWith(`${this.topicArn}:`)) return undefined;
    const attributes = await this.attributesOf(arn);
    if (attributes === undefined) return undefined;
    const { delivery, filter } = subscriptionOfPolicy(attributes.FilterPolicy);
    return {
      id: arn.slice(this.topicArn.length + 1),
      protocol,
      endpoint,
      confirmed: attributes.PendingConfirmation !== 'true',
      delivery,
      filter,
    };
  }
}
