// The subscriptions function's dependencies.
import { SnsSubscriber } from '../adapters/sns/subscriber.ts';
import type { SubscriptionDeps } from '../handlers/subscriptions.ts';
import { snsClient, topicArn } from './sns.ts';

export function subscriptionDependencies(): SubscriptionDeps {
  return { subscriber: new SnsSubscriber(snsClient(), topicArn()) };
}
