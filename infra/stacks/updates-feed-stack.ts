// The whole service in one stack per stage, built from the topology; stateful constructs kept apart from stateless ones.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { SiteConfig } from '../../web/lib/site-config.ts';
import { OperationalAlarms } from '../constructs/alarms.ts';
import { OperationsDashboard } from '../constructs/dashboard.ts';
import { Edge } from '../constructs/edge.ts';
import { EditorsIdentity } from '../constructs/editors-identity.ts';
import { EventsTopic } from '../constructs/events-topic.ts';
import { FeedApi, routeKeyOf } from '../constructs/http-api.ts';
import { Pages } from '../constructs/pages.ts';
import { Storage } from '../constructs/storage.ts';
import { type StreamConsumerSpec, StreamPipeline } from '../constructs/stream-pipeline.ts';
import type { FunctionSettings } from '../constructs/topology-function.ts';
import { siteConfigOf } from '../site-config.ts';
import type { Stage } from '../stage.ts';
import { type FunctionName, type FunctionSpec, functions as topologyFunctions } from '../topology.ts';

export interface UpdatesFeedStackProps extends StackProps {
  stage: Stage;
  functions?: Readonly<Record<FunctionName, FunctionSpec>>;
}

/**
 * One stack rather than a stateful and a stateless one: cdk-nag names findings after the resources they
 * reference, which are stable logical ids here but export names across stacks, and nothing locks the stream
 * or the user pool behind an export. Stateful resources protect themselves instead: RETAIN and deletion
 * protection on the table, RETAIN on the topic, the user pool and the failure queue.
 */
export class UpdatesFeedStack extends Stack {
  readonly storage: Storage;
  readonly events: EventsTopic;
  readonly editors: EditorsIdentity;
  readonly api: FeedApi;
  readonly pages: Pages;
  readonly edge: Edge;
  readonly pipeline: StreamPipeline;
  readonly alarms: OperationalAlarms;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: UpdatesFeedStackProps) {
    super(scope, id, props);
    const { settings } = props.stage;
    const { routed, consumers } = partition(props.functions ?? topologyFunctions);
    const functionSettings: FunctionSettings = {
      logRetention: settings.logRetentionDays,
      metricsNamespace: this.stackName,
      runtimeSourceMaps: settings.runtimeSourceMaps,
    };

    // Stateful: data, subscribers and accounts.
    this.storage = new Storage(this, 'Storage');
    this.events = new EventsTopic(this, 'Events', {
      logRetention: settings.logRetentionDays,
      successSamplePercent: settings.deliveryStatusSuccessSamplePercent,
    });
    this.editors = new EditorsIdentity(this, 'Editors', {
      stage: props.stage.name,
      callbackUrls: settings.callbackUrls,
      logoutUrls: settings.logoutUrls,
    });
    const resources = { table: this.storage.table, topic: this.events.topic };

    // Stateless: code, wiring, delivery and monitoring, replaceable at will.
    this.api = new FeedApi(this, 'HttpApi', {
      functions: routed,
      resources,
      editors: this.editors,
      settings: functionSettings,
    });
    const signInDomain = this.editors.signInDomain?.baseUrl();
    const signIn: SiteConfig['signIn'] =
      signInDomain === undefined
        ? // Without callback URLs there is no hosted UI: editors paste an access token got with SRP.
          { kind: 'token' }
        : {
            kind: 'cognito',
            domain: signInDomain,
            clientId: this.editors.userPoolClient.userPoolClientId,
            redirectUris: [...settings.callbackUrls],
            logoutUris: [...settings.logoutUrls],
            scopes: ['openid', 'email'],
          };
    this.pages = new Pages(this, 'Pages', {
      config: siteConfigOf(signIn),
      // The desk redeems its sign-in code at the hosted UI's token endpoint: the one other origin it may call.
      connectTo: signInDomain === undefined ? [] : [signInDomain],
      logRetention: settings.logRetentionDays,
    });
    this.edge = new Edge(this, 'Edge', {
      pages: this.pages.behavior,
      apiEndpoint: this.api.baseUrl,
      routes: routed.flatMap(([, spec]) => spec.routes ?? []),
      logRetentionDays: settings.logRetentionDays,
      ...(settings.domainName === undefined || settings.certificateArn === undefined
        ? {}
        : { customDomain: { domainName: settings.domainName, certificateArn: settings.certificateArn } }),
    });
    this.pipeline = new StreamPipeline(this, 'StreamPipeline', {
      consumers,
      resources,
      settings: functionSettings,
      publicUrl: this.edge.publicUrl,
    });
    const deployedFunctions = new Map([...this.api.functions, ...this.pipeline.consumers]);
    this.alarms = new OperationalAlarms(this, 'Alarms', {
      functions: deployedFunctions,
      streamConsumers: this.pipeline.consumers,
      consumerFailureMetrics: new Map(
        consumers.flatMap(([name, spec]) =>
          spec.failureMetric === undefined ? [] : [[name, spec.failureMetric]],
        ),
      ),
      httpRoutes: new Map(routed.map(([name, spec]) => [name, (spec.routes ?? []).map(routeKeyOf)])),
      metricsNamespace: functionSettings.metricsNamespace,
      failureQueue: this.pipeline.failureQueue,
      eventsTopic: this.events.topic,
      apiStage: this.api.stage,
      apiThrottledRequests: this.api.throttledRequests,
      thresholds: settings.alarms,
    });
    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      alarms: this.alarms.alarms,
      apiStage: this.api.stage,
      functions: deployedFunctions,
      topic: this.events.topic,
    });

    const output = (outputId: string, value: string, description: string) =>
      new CfnOutput(this, outputId, { value, description });
    output(
      'PublicUrl',
      this.edge.publicUrl,
      'Where readers, feed readers and editors reach the service (the CDN)',
    );
    output(
      'DistributionDomainName',
      this.edge.distribution.distributionDomainName,
      "Point the custom domain's DNS record (CNAME or alias) here",
    );
    output('FeedRssUrl', `${this.edge.publicUrl}/feed.rss`, 'RSS feed of the latest figure changes');
    output('ApiUrl', this.api.baseUrl, 'The HTTP API itself, without the CDN');
    output('TopicArn', this.events.topic.topicArn, 'SNS topic of figure-change events');
    output('TableName', this.storage.table.tableName, 'DynamoDB table');
    output('UserPoolId', this.editors.userPool.userPoolId, "Editors' Cognito user pool");
    output(
      'UserPoolClientId',
      this.editors.userPoolClient.userPoolClientId,
      'App client of the CLI and the desk',
    );
    if (this.editors.signInDomain !== undefined) {
      output(
        'SignInDomain',
        this.editors.signInDomain.baseUrl(),
        "The desk's sign-in pages (authorization code)",
      );
    }
    output('FailureQueueUrl', this.pipeline.failureQueue.queueUrl, 'Stream records given up on');
    output('AlarmTopicArn', this.alarms.alarmTopic.topicArn, 'Subscribe operators to the alarms here');
    output('DashboardName', this.dashboard.dashboard.dashboardName, 'CloudWatch dashboard of this stage');
  }
}

/** Every function is either behind the API or on the stream, never both, never neither. */
function partition(functions: Readonly<Record<FunctionName, FunctionSpec>>) {
  const routed: Array<[FunctionName, FunctionSpec]> = [];
  const consumers: Array<[FunctionName, StreamConsumerSpec]> = [];
  for (const [name, spec] of Object.entries(functions) as Array<[FunctionName, FunctionSpec]>) {
    const { routes, stream } = spec;
    const hasRoutes = routes !== undefined && routes.length > 0;
    if (hasRoutes === (stream !== undefined)) {
      throw new Error(
        `function ${name} must have either routes or a stream, got ${hasRoutes ? 'both' : 'neither'}`,
      );
    }
    if (stream !== undefined) consumers.push([name, { ...spec, stream }]);
    else routed.push([name, spec]);
  }
  return { routed, consumers };
}
