import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { httpMetricNames } from '../../functions/handlers/http-metrics.ts';
import { keptForReplayMetric } from '../../functions/handlers/replay-metric.ts';
import { serviceName } from '../../functions/service.ts';
import { deliveryStatusProtocols } from '../../infra/constructs/events-topic.ts';
import { throttledRequestsMetricName } from '../../infra/constructs/http-api.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { type FunctionName, type FunctionSpec, functions } from '../../infra/topology.ts';
import { projectFunctions, removeTestOutputs, stagesContext, synthesize } from './synth.ts';

const { stack, template } = synthesize();
afterAll(removeTestOutputs);
const logicalId = (element: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(element.node.defaultChild as CfnElement);
const deployed = new Map([...stack.api.functions, ...stack.pipeline.consumers]);
const consumers = (Object.entries(functions) as Array<[FunctionName, FunctionSpec]>).filter(
  ([, spec]) => spec.stream !== undefined,
);
const thresholds = stagesContext.dev?.alarms ?? {};

interface AlarmProperties {
  Namespace: string;
  MetricName: string;
  Dimensions: Array<{ Name: string; Value: unknown }>;
  Threshold: number;
  EvaluationPeriods: number;
  Metrics?: Array<{ MetricStat?: { Metric: { MetricName: string } } }>;
  AlarmActions: unknown[];
  OKActions: unknown[];
}
const alarms = Object.entries(
  template.findResources('AWS::CloudWatch::Alarm') as Record<string, { Properties: AlarmProperties }>,
).map(([id, { Properties }]) => ({ id, ...Properties }));
const alarmsOn = (metricName: string) => alarms.filter((alarm) => alarm.MetricName === metricName);
const watchedFunctions = (metricName: string) =>
  alarmsOn(metricName).map(
    (alarm) => alarm.Dimensions.find((dimension) => dimension.Name === 'FunctionName')?.Value,
  );
const apiDimensions = [
  { Name: 'ApiId', Value: { Ref: logicalId(stack.api.api) } },
  { Name: 'Stage', Value: '$default' },
];

describe('alarms', () => {
  it.each(['Errors', 'Throttles'])('raises an alarm when any function reports %s', (metricName) => {
    expect(watchedFunctions(metricName)).toHaveLength(deployed.size);
    for (const fn of deployed.values())
      expect(watchedFunctions(metricName)).toContainEqual({ Ref: logicalId(fn) });
  });

  it('raises an alarm when a stream consumer falls behind by the stage’s threshold', () => {
    expect(watchedFunctions('IteratorAge').sort()).toEqual(
      [...stack.pipeline.consumers.values()].map((fn) => ({ Ref: logicalId(fn) })).sort(),
    );
    for (const alarm of alarmsOn('IteratorAge')) {
      expect(alarm.Threshold).toBe((thresholds.iteratorAgeMinutes ?? 0) * 60_000);
    }
  });

  it('raises an alarm when the API answers with 5xx', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: apiDimensions,
      Statistic: 'Sum',
      Threshold: thresholds.apiServerErrorsPer5Minutes,
    });
  });

  it('raises an alarm when the API’s p99 latency stays above the stage’s threshold', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: apiDimensions,
      ExtendedStatistic: 'p99',
      Threshold: thresholds.apiLatencyP99Ms,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
  });

  it('raises an alarm when the API throttles, counting the 429s in its access log', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: logicalId(stack.api.node.findChild('AccessLogs')) },
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        Match.objectLike({ MetricNamespace: stack.stackName, MetricName: throttledRequestsMetricName }),
      ],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: stack.stackName,
      MetricName: throttledRequestsMetricName,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
  });

  it.each(consumers)(
    'raises an alarm on the records %s reports as failed, in the namespace it writes to',
    (name, spec) => {
      const namespace = (
        template.findResources('AWS::Lambda::Function')[logicalId(deployed.get(name) as never)] as {
          Properties: { Environment: { Variables: Record<string, string> } };
        }
      ).Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE;
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: namespace,
        MetricName: spec.failureMetric,
        Dimensions: [{ Name: 'service', Value: serviceName }],
        Statistic: 'Sum',
        Threshold: thresholds.consumerFailuresPer5Minutes,
      });
    },
  );

  it.each([...stack.api.functions.keys()])(
    'raises an alarm on the 5xx answers %s counts on its routes, in the namespace it writes to',
    (name) => {
      const routes = ((functions[name] as FunctionSpec).routes ?? []).map(
        (route) => `${route.method} ${route.path}`,
      );
      const math = Object.values(
        template.findResources('AWS::CloudWatch::Alarm') as Record<
          string,
          { Properties: { Metrics?: Array<{ MetricStat?: { Metric: AlarmProperties } }> } }
        >,
      )
        .map(({ Properties }) => Properties.Metrics ?? [])
        .find((queries) =>
          queries.some((query) =>
            query.MetricStat?.Metric.Dimensions.some(
              (dimension) => dimension.Name === 'route' && dimension.Value === routes[0],
            ),
          ),
        );
      const watched = (math ?? []).flatMap((query) =>
        query.MetricStat === undefined ? [] : [query.MetricStat.Metric],
      );
      expect(
        watched.map((metric) => metric.Dimensions.find((d) => d.Name === 'route')?.Value).sort(),
      ).toEqual([...routes].sort());
      for (const metric of watched) {
        expect(metric).toMatchObject({
          Namespace: stack.stackName,
          MetricName: httpMetricNames.serverErrors,
        });
      }
    },
  );

  it('watches only failure metrics a handler actually emits', () => {
    const handlersDir = join(projectRoot, 'functions', 'handlers');
    const sources = readdirSync(handlersDir)
      .map((file) => readFileSync(join(handlersDir, file), 'utf8'))
      .join('\n');
    for (const [, spec] of consumers) {
      expect(sources).toContain(`addMetric('${spec.failureMetric}'`);
    }
  });

  it('raises an alarm as soon as a consumer keeps a failed record for replay, on the metric both emit', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: stack.stackName,
      MetricName: keptForReplayMetric,
      Dimensions: [{ Name: 'service', Value: serviceName }],
      Statistic: 'Sum',
      Threshold: 1,
    });
    for (const handler of ['pipeline.ts', 'publisher.ts']) {
      const source = readFileSync(join(projectRoot, 'functions', 'handlers', handler), 'utf8');
      expect(source).toContain('addMetric(keptForReplayMetric');
    }
  });

  it('raises an alarm as soon as a record waits in the failure queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.pipeline.failureQueue), 'QueueName'] } },
      ],
    });
  });

  it('raises an alarm when the stage’s share of the topic’s deliveries fails, the only signal email gives', () => {
    const topicDeliveries = alarms.filter((alarm) =>
      JSON.stringify(alarm.Metrics ?? []).includes('NumberOfNotificationsFailed'),
    );
    expect(topicDeliveries).toHaveLength(1);
    const [alarm] = topicDeliveries;
    expect(alarm?.Threshold).toBe(thresholds.topicDeliveryFailurePercent);
    expect(alarm?.EvaluationPeriods).toBe(3);
    const metricNames = (alarm?.Metrics ?? []).flatMap((query) =>
      query.MetricStat === undefined ? [] : [query.MetricStat.Metric.MetricName],
    );
    expect(metricNames.sort()).toEqual(['NumberOfNotificationsDelivered', 'NumberOfNotificationsFailed']);
  });

  it('notifies the alarm topic when any alarm is raised and cleared, a topic CloudWatch can decrypt for', () => {
    const alarmTopic = { Ref: logicalId(stack.alarms.alarmTopic) };
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([alarmTopic]);
      expect(alarm.OKActions).toEqual([alarmTopic]);
    }
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: Match.arrayWith(['kms:Decrypt']),
          }),
        ]),
      },
    });
  });
});

describe('dashboard', () => {
  it('shows every alarm of the stack on one dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]);
    for (const alarm of alarms) expect(body).toContain(`"${alarm.id}"`);
  });
});

describe('tracing', () => {
  it('traces every function actively with X-Ray', () => {
    const traced = projectFunctions(template);
    expect(traced).toHaveLength(deployed.size);
    for (const [id, { Properties }] of traced)
      expect(Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
  });
});

describe('SNS delivery status', () => {
  const roleId = logicalId(stack.events.node.findChild('DeliveryStatusRole'));

  it('logs deliveries over every protocol SNS can log, which email is not', () => {
    expect(deliveryStatusProtocols).not.toContain('email');
    template.hasResourceProperties('AWS::SNS::Topic', {
      DeliveryStatusLogging: deliveryStatusProtocols.map((protocol) => ({
        Protocol: protocol,
        SuccessFeedbackRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        FailureFeedbackRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        SuccessFeedbackSampleRate: String(stagesContext.dev?.deliveryStatusSuccessSamplePercent),
      })),
    });
  });

  it('lets SNS write to the topic’s two delivery-status log groups and nowhere else, kept for the stage’s retention', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'sns.amazonaws.com' } })],
      },
    });
    const logGroups = ['DeliveryStatusLogs', 'DeliveryFailureLogs'].map((id) =>
      logicalId(stack.events.node.findChild(id)),
    );
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }) as Record<
        string,
        { Properties: { PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown[] }> } } }
      >,
    );
    const statements = policies.flatMap(({ Properties }) => Properties.PolicyDocument.Statement);
    expect(statements.flatMap((statement) => statement.Action).sort()).toEqual([
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    // Each log group, as its ARN and as the ARN without the trailing `:*` that CreateLogGroup is checked against.
    for (const resource of statements.flatMap((statement) => statement.Resource)) {
      expect(logGroups.some((logGroup) => JSON.stringify(resource).includes(`"${logGroup}"`))).toBe(true);
    }
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: {
        'Fn::Join': [
          '',
          [
            'sns/',
            { Ref: 'AWS::Region' },
            '/',
            { Ref: 'AWS::AccountId' },
            '/',
            { 'Fn::GetAtt': [logicalId(stack.events.topic), 'TopicName'] },
            '/Failure',
          ],
        ],
      },
      RetentionInDays: stagesContext.dev?.logRetentionDays,
    });
  });
});
