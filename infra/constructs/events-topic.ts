// The SNS topic every figure change is published to, for downstream services and email subscribers.
import { RemovalPolicy } from 'aws-cdk-lib';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { topic as topicTopology } from '../topology.ts';

export class EventsTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.topic = new Topic(this, topicTopology.id, {
      displayName: topicTopology.displayName,
      // The AWS managed key: encrypted at rest at no key cost; publishers need no KMS grant.
      masterKey: Alias.fromAliasName(this, 'AwsManagedSnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    // Subscriptions hang off the topic: replacing it would silently drop every subscriber.
    this.topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
