// The HTTP API: every route of the topology, editors' routes behind a JWT authorizer, throttled and logged.
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
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName, FunctionSpec } from '../topology.ts';
import type { EditorsIdentity } from './editors-identity.ts';
import {
  constructIdOf,
  type FunctionSettings,
  type SharedResources,
  TopologyFunction,
} from './topology-function.ts';

/** Every route together, per second: enough for readers' apps and feed readers, a ceiling on cost. */
export const defaultThrottle = { rateLimit: 50, burstLimit: 100 } as const satisfies ThrottleSettings;

/** Writes (uploads, previews, subscriptions) cost storage, pipeline runs and SNS calls: a lower ceiling. */
export const writeRouteThrottle = { rateLimit: 5, burstLimit: 10 } as const satisfies ThrottleSettings;

export interface FeedApiProps {
  functions: ReadonlyArray<readonly [FunctionName, FunctionSpec]>;
  resources: SharedResources;
  editors: EditorsIdentity;
  settings: FunctionSettings;
}

export class FeedApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<FunctionName, NodejsFunction>();
  /** The API's base URL without a trailing slash, e.g. for links in feeds. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: FeedApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: 'updates-feed',
      description: 'Briefs in (editors), figures, changes and feeds out (everyone)',
      createDefaultStage: false,
      // Browsers only ever need the public GETs (readers' apps fetching feeds); editors use the CLI, not a page.
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET],
        allowHeaders: ['If-None-Match', 'If-Modified-Since'],
        exposeHeaders: ['ETag', 'Last-Modified'],
        allowCredentials: false,
        maxAge: Duration.days(1),
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
      throttle: defaultThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            sourceIp: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const writeRoutes: Array<{ key: string; route: HttpRoute }> = [];
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
          if (route.method !== 'GET')
            writeRoutes.push({ key: `${route.method} ${route.path}`, route: httpRoute });
          if (!route.auth) {
            Validations.of(httpRoute).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason: 'A public, read-only route by design (feeds, read API, health); throttled at the stage',
            });
          }
        }
      }
      // Feed documents must carry absolute links; the API's own endpoint is known before any route exists.
      if (spec.routes?.some((route) => route.path.startsWith('/feed.'))) {
        handler.addEnvironment('PUBLIC_BASE_URL', this.baseUrl);
      }
    }
    this.throttleWriteRoutes(writeRoutes);
  }

  /** The L2 stage has no per-route settings; they are keyed by route key, so those routes must exist first. */
  private throttleWriteRoutes(routes: ReadonlyArray<{ key: string; route: HttpRoute }>): void {
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      routes.map(({ key }) => [
        key,
        {
          ThrottlingRateLimit: writeRouteThrottle.rateLimit,
          ThrottlingBurstLimit: writeRouteThrottle.burstLimit,
        },
      ]),
    );
    for (const { route } of routes) this.stage.node.addDependency(route);
  }
}
