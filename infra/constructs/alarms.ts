// What pages an operator: the API failing or slow, throttling, functions failing, stream consumers falling behind
// or failing records, records given up on, the topic's deliveries failing.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { httpMetricNames } from '../../functions/handlers/http-metrics.ts';
import { keptForReplayMetric } from '../../functions/handlers/replay-metric.ts';
import { serviceName } from '../../functions/service.ts';
import type { StageSettings } from '../stage.ts';
import type { FunctionName } from '../topology.ts';
import { constructIdOf } from './topology-function.ts';

export interface OperationalAlarmsProps {
  functions: ReadonlyMap<FunctionName, IFunction>;
  streamConsumers: ReadonlyMap<FunctionName, IFunction>;
  /** The custom metric each stream consumer emits for the records it fails (topology `failureMetric`). */
  consumerFailureMetrics: ReadonlyMap<FunctionName, string>;
  /** The route keys (`GET /feed.rss`) each HTTP function serves: its per-route metrics carry them. */
  httpRoutes: ReadonlyMap<FunctionName, readonly string[]>;
  /** Where the functions' custom metrics go (POWERTOOLS_METRICS_NAMESPACE). */
  metricsNamespace: string;
  failureQueue: IQueue;
  /** The topic the changes are published to: its failed deliveries page too. */
  eventsTopic: ITopic;
  apiStage: IHttpStage;
  /** Requests the API's throttles refused. */
  apiThrottledRequests: Metric;
  thresholds: StageSettings['alarms'];
}

const fiveMinutes = Duration.minutes(5);

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
    const { thresholds } = props;

    this.raise('ApiServerErrors', {
      alarmDescription: `The API answered ${thresholds.apiServerErrorsPer5Minutes} or more requests with a 5xx in 5 minutes`,
      metric: props.apiStage.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: thresholds.apiServerErrorsPer5Minutes,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.raise('ApiLatencyP99', {
      alarmDescription: `The API's p99 latency passed ${thresholds.apiLatencyP99Ms} ms in 2 of the last 3 periods of 5 minutes`,
      metric: props.apiStage.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
      threshold: thresholds.apiLatencyP99Ms,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.raise('ApiThrottles', {
      alarmDescription: "The API's per-route throttles refused requests (429) in the last 5 minutes",
      metric: props.apiThrottledRequests.with({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    for (const [name, fn] of props.functions) {
      this.raise(`${constructIdOf(name)}Errors`, {
        alarmDescription: `${name} failed at least once in 5 minutes (an unhandled error, not a 4xx answer)`,
        metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      this.raise(`${constructIdOf(name)}Throttles`, {
        alarmDescription: `${name} was throttled in the last 5 minutes: the account's Lambda concurrency ran out`,
        metric: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    for (const [name, routes] of props.httpRoutes) {
      // The API's own 5xx alarm says that something failed; this one says which function, counted by its handler.
      const perRoute = Object.fromEntries(
        routes.map((route, index) => [
          `route${index}`,
          new Metric({
            namespace: props.metricsNamespace,
            metricName: httpMetricNames.serverErrors,
            dimensionsMap: { service: serviceName, route },
            period: fiveMinutes,
            statistic: 'Sum',
          }),
        ]),
      );
      this.raise(`${constructIdOf(name)}ServerErrors`, {
        alarmDescription: `${name} answered ${thresholds.apiServerErrorsPer5Minutes} or more requests with a 5xx in 5 minutes (${httpMetricNames.serverErrors}, all its routes)`,
        metric: new MathExpression({
          expression: `SUM([${Object.keys(perRoute).join(', ')}])`,
          usingMetrics: perRoute,
          period: fiveMinutes,
          label: `${name} ${httpMetricNames.serverErrors}`,
        }),
        threshold: thresholds.apiServerErrorsPer5Minutes,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    const lag = Duration.minutes(thresholds.iteratorAgeMinutes);
    for (const [name, fn] of props.streamConsumers) {
      this.raise(`${constructIdOf(name)}IteratorAge`, {
        alarmDescription: `${name} is more than ${lag.toHumanString()} behind the table stream`,
        metric: fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: lag.toMilliseconds(),
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }
    for (const [name, metricName] of props.consumerFailureMetrics) {
      this.raise(`${constructIdOf(name)}${metricName}`, {
        alarmDescription: `${name} failed ${thresholds.consumerFailuresPer5Minutes} or more records in 5 minutes (${metricName}); they are retried, then sent to the failure queue`,
        metric: new Metric({
          namespace: props.metricsNamespace,
          metricName,
          dimensionsMap: { service: serviceName },
          period: fiveMinutes,
          statistic: 'Sum',
        }),
        threshold: thresholds.consumerFailuresPer5Minutes,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    this.raise('RecordsKeptForReplay', {
      alarmDescription: `A stream consumer kept a failed record in the failure store (${keptForReplayMetric}): once its cause is fixed, run updates-feed replay (docs/replay.md)`,
      metric: new Metric({
        namespace: props.metricsNamespace,
        metricName: keptForReplayMetric,
        dimensionsMap: { service: serviceName },
        period: fiveMinutes,
        statistic: 'Sum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
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
    const deliveries = {
      failed: props.eventsTopic.metricNumberOfNotificationsFailed({ period: fiveMinutes, statistic: 'Sum' }),
      delivered: props.eventsTopic.metricNumberOfNotificationsDelivered({
        period: fiveMinutes,
        statistic: 'Sum',
      }),
    };
    this.raise('TopicDeliveriesFailing', {
      alarmDescription: `${thresholds.topicDeliveryFailurePercent}% or more of the topic's deliveries failed in each of 3 periods of 5 minutes: an endpoint is down, or email addresses bounce (email has no delivery-status log; SNS counts its failures here)`,
      metric: new MathExpression({
        expression: 'IF(failed + delivered > 0, 100 * failed / (failed + delivered), 0)',
        usingMetrics: deliveries,
        period: fiveMinutes,
        label: 'failed deliveries (%)',
      }),
      threshold: thresholds.topicDeliveryFailurePercent,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
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
