// The HTTP API: every route of the topology, editors' routes behind a JWT authorizer, each route throttled, logged.
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName, FunctionSpec, HttpRoute as TopologyRoute } from '../topology.ts';
import type { EditorsIdentity } from './editors-identity.ts';
import {
  constructIdOf,
  type FunctionSettings,
  type SharedResources,
  TopologyFunction,
} from './topology-function.ts';

/**
 * Each public route on its own, per second. API Gateway applies a stage's limits per route (DefaultRouteSettings
 * is the limit every route gets, not a budget the routes share): the public routes together may take this times
 * their number. Behind the CDN most reads never reach the API.
 */
export const publicRouteThrottle = { rateLimit: 50, burstLimit: 100 } as const satisfies ThrottleSettings;

/** Each editors' route on its own: uploads, previews and subscriptions cost storage, pipeline runs and SNS calls. */
export const editorRouteThrottle = { rateLimit: 5, burstLimit: 10 } as const satisfies ThrottleSettings;

/**
 * Browsers only ever need the public GETs (readers' apps fetching feeds, with conditional requests); editors use
 * the CLI or the desk, which is served from the same origin. The CDN answers with the same headers.
 */
export const readOnlyCors = {
  allowOrigins: ['*'],
  allowMethods: ['GET'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified'],
  maxAge: Duration.days(1),
} as const;

/** The access log's fields: the throttled-request metric filters on `status`. */
const accessLogFields = {
  requestId: '$context.requestId',
  sourceIp: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
} as const;

/** HTTP APIs publish no throttle metric; a throttled request is an access log line with status 429. */
export const throttledRequestsMetricName = 'ApiThrottledRequests';

export interface FeedApiProps {
  functions: ReadonlyArray<readonly [FunctionName, FunctionSpec]>;
  resources: SharedResources;
  editors: EditorsIdentity;
  settings: FunctionSettings;
}

export const routeKeyOf = (route: TopologyRoute) => `${route.method} ${route.path}`;

export class FeedApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<FunctionName, NodejsFunction>();
  /** The API's own base URL (execute-api) without a trailing slash; readers use the CDN's. */
  readonly baseUrl: string;
  /** Requests refused with 429 by the stage's throttles, per period. */
  readonly throttledRequests: Metric;

  constructor(scope: Construct, id: string, props: FeedApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: 'updates-feed',
      description: 'Briefs in (editors), figures, changes and feeds out (everyone)',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...readOnlyCors.allowOrigins],
        allowMethods: readOnlyCors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...readOnlyCors.allowHeaders],
        exposeHeaders: [...readOnlyCors.exposeHeaders],
        allowCredentials: false,
        maxAge: readOnlyCors.maxAge,
      },
    });
    this.baseUrl = this.api.apiEndpoint;

    // JWT rather than IAM: editors and the upload CLI send a bearer token, exactly as with the sandbox's --token,
    // so one client works against both; IAM would need SigV4 signing and AWS credentials for every editor.
    const editorsAuthorizer = new HttpUserPoolAuthorizer('EditorsAuthorizer', props.editors.userPool, {
      userPoolClients: [props.editors.userPoolClient],
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.settings.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // The limit of any route without one of its own; every topology route has its own below.
      throttle: publicRouteThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    this.throttledRequests = accessLogs
      .addMetricFilter('ThrottledRequests', {
        filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
        metricNamespace: props.settings.metricsNamespace,
        metricName: throttledRequestsMetricName,
        metricValue: '1',
        defaultValue: 0,
      })
      .metric({ statistic: 'Sum' });

    const routes: Array<{ route: TopologyRoute; created: HttpRoute }> = [];
    for (const [name, spec] of props.functions) {
      const { function: handler } = new TopologyFunction(this, constructIdOf(name), {
        name,
        spec,
        resources: props.resources,
        settings: props.settings,
      });
      this.functions.set(name, handler);
      const integration = new HttpLambdaIntegration(`${constructIdOf(name)}Integration`, handler);
      for (const route of spec.routes ?? []) {
        const created = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.auth ? { authorizer: editorsAuthorizer } : {}),
        });
        for (const httpRoute of created) {
          routes.push({ route, created: httpRoute });
          if (!route.auth) {
            Validations.of(httpRoute).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason:
                route.method === 'GET'
                  ? 'A public, read-only route by design (feeds, read API, health); throttled per route'
                  : 'Readers subscribe their email without an account: SNS sends nothing but a confirmation ' +
                    'mail until its link is followed (double opt-in), and the route has its own tight throttle',
            });
          }
        }
      }
    }
    this.throttleEachRoute(routes);
  }

  /**
   * Every route's limit spelled out in RouteSettings, so the template says what each route gets. The L2 stage has
   * no per-route settings, and they are keyed by route key: the routes must exist first.
   */
  private throttleEachRoute(routes: ReadonlyArray<{ route: TopologyRoute; created: HttpRoute }>): void {
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      routes.map(({ route }) => {
        const limits = route.throttle ?? (route.auth ? editorRouteThrottle : publicRouteThrottle);
        return [
          routeKeyOf(route),
          { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit },
        ];
      }),
    );
    for (const { created } of routes) this.stage.node.addDependency(created);
  }
}
