// The SNS topic every figure change is published to, for downstream services and email subscribers.
import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LoggingProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { topic as topicTopology } from '../topology.ts';

/**
 * Every protocol SNS logs delivery status for: http/s, SQS, Lambda, Firehose and mobile push. Email is not among
 * them; a bounced or unconfirmed email subscription shows only in the topic's NumberOfNotificationsFailed metric.
 */
export const deliveryStatusProtocols = Object.values(LoggingProtocol);

export interface EventsTopicProps {
  /** Delivery-status logs are kept this long. */
  logRetention: RetentionDays;
  /** Share of successful deliveries logged, 0–100; failed ones always are. */
  successSamplePercent: number;
}

export class EventsTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: EventsTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, topicTopology.id, {
      displayName: topicTopology.displayName,
      // The AWS managed key: encrypted at rest at no key cost; publishers need no KMS grant.
      masterKey: Alias.fromAliasName(this, 'AwsManagedSnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    // Subscriptions hang off the topic: replacing it would silently drop every subscriber.
    this.topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.logDeliveryStatus(props);
  }

  /**
   * SNS writes delivery status to log groups it names after the topic; made here first, they get a retention and
   * the role may write to these two and no other.
   */
  private logDeliveryStatus(props: EventsTopicProps): void {
    const prefix = `sns/${Aws.REGION}/${Aws.ACCOUNT_ID}/${this.topic.topicName}`;
    const role = new Role(this, 'DeliveryStatusRole', {
      assumedBy: new ServicePrincipal('sns.amazonaws.com'),
      description:
        'updates-feed: SNS writes the delivery status of figure-change messages to CloudWatch Logs',
    });
    for (const [groupId, logGroupName] of [
      ['DeliveryStatusLogs', prefix],
      ['DeliveryFailureLogs', `${prefix}/Failure`],
    ] as const) {
      const logGroup = new LogGroup(this, groupId, { logGroupName, retention: props.logRetention });
      logGroup.grant(role, 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents');
    }
    for (const protocol of deliveryStatusProtocols) {
      this.topic.addLoggingConfig({
        protocol,
        successFeedbackRole: role,
        failureFeedbackRole: role,
        successFeedbackSampleRate: props.successSamplePercent,
      });
    }
  }
}
