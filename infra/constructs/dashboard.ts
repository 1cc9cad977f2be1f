// One page for the operator: every alarm's state and metric, and the traffic around them.
import { Duration } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  AlarmStatusWidget,
  AlarmWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { FunctionName } from '../topology.ts';

export interface OperationsDashboardProps {
  alarms: readonly Alarm[];
  apiStage: IHttpStage;
  functions: ReadonlyMap<FunctionName, IFunction>;
  topic: ITopic;
}

const period = Duration.minutes(5);
const wide = 12;

export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const functions = [...props.functions];
    const perFunction = (title: string, metric: (fn: IFunction, label: string) => IMetric) =>
      new GraphWidget({ title, width: wide, left: functions.map(([name, fn]) => metric(fn, name)) });
    // The alarms' own metrics, so that what is drawn is exactly what is watched.
    const alarmGraphs: IWidget[] = props.alarms.map(
      (alarm) => new AlarmWidget({ alarm, title: alarm.node.id, width: 6, height: 5 }),
    );
    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24 })],
        [
          new GraphWidget({
            title: 'API requests and errors',
            width: wide,
            left: [
              props.apiStage.metricCount({ period, statistic: 'Sum', label: 'requests' }),
              props.apiStage.metricClientError({ period, statistic: 'Sum', label: '4xx' }),
              props.apiStage.metricServerError({ period, statistic: 'Sum', label: '5xx' }),
            ],
          }),
          new GraphWidget({
            title: 'API latency (ms)',
            width: wide,
            left: ['p50', 'p99'].map((statistic) =>
              props.apiStage.metricLatency({ period, statistic, label: statistic }),
            ),
          }),
        ],
        [
          perFunction('Invocations', (fn, label) =>
            fn.metricInvocations({ period, statistic: 'Sum', label }),
          ),
          perFunction('Duration p99 (ms)', (fn, label) =>
            fn.metricDuration({ period, statistic: 'p99', label }),
          ),
        ],
        [
          new GraphWidget({
            title: 'Figure-change messages',
            width: 24,
            left: [
              props.topic.metricNumberOfMessagesPublished({ period, statistic: 'Sum', label: 'published' }),
              props.topic.metricNumberOfNotificationsDelivered({
                period,
                statistic: 'Sum',
                label: 'delivered',
              }),
              // Email included, which has no delivery-status log: bounces and unconfirmed addresses show here only.
              props.topic.metricNumberOfNotificationsFailed({ period, statistic: 'Sum', label: 'failed' }),
              props.topic.metricNumberOfNotificationsFilteredOut({
                period,
                statistic: 'Sum',
                label: 'filtered out',
              }),
            ],
          }),
        ],
        alarmGraphs,
      ],
    });
  }
}
