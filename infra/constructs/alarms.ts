// What pages an operator: functions failing, stream consumers falling behind, records given up on.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage.ts';
import type { FunctionName } from '../topology.ts';
import { constructIdOf } from './topology-function.ts';

export interface OperationalAlarmsProps {
  functions: ReadonlyMap<FunctionName, IFunction>;
  streamConsumers: ReadonlyMap<FunctionName, IFunction>;
  failureQueue: IQueue;
  thresholds: StageSettings['alarms'];
}

export class OperationalAlarms extends Construct {
  /** Subscribe operators here (email, chat); every alarm notifies it when raised and when cleared. */
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS managed SNS key: this one needs its own key.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'updates-feed alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'updates-feed alarms',
      masterKey: key,
      enforceSSL: true,
    });

    for (const [name, fn] of props.functions) {
      this.raise(`${constructIdOf(name)}Errors`, {
        alarmDescription: `${name} failed at least once in 5 minutes (an unhandled error, not a 4xx answer)`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    const lag = Duration.minutes(props.thresholds.iteratorAgeMinutes);
    for (const [name, fn] of props.streamConsumers) {
      this.raise(`${constructIdOf(name)}IteratorAge`, {
        alarmDescription: `${name} is more than ${lag.toHumanString()} behind the table stream`,
        metric: fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: lag.toMilliseconds(),
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    this.raise('FailureQueueNotEmpty', {
      alarmDescription: 'A stream record was given up on: it waits in the failure queue',
      metric: props.failureQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
  }

  private raise(id: string, props: ConstructorParameters<typeof Alarm>[2]): void {
    const alarm = new Alarm(this, id, { treatMissingData: TreatMissingData.NOT_BREACHING, ...props });
    const action = new SnsAction(this.alarmTopic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
