import { App, type CfnElement } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { indexProjections } from '../../functions/adapters/dynamodb/table-definition.ts';
import { readConfig } from '../../functions/config.ts';
import { bundleTarget } from '../../infra/constructs/bundling.ts';
import { editorRouteThrottle, publicRouteThrottle, routeKeyOf } from '../../infra/constructs/http-api.ts';
import { lambdaFilterPattern } from '../../infra/constructs/stream-pipeline.ts';
import { UpdatesFeedStack } from '../../infra/stacks/updates-feed-stack.ts';
import { stageFromContext } from '../../infra/stage.ts';
import { type FunctionName, type FunctionSpec, functions, table, topic } from '../../infra/topology.ts';
import { projectFunctions, removeTestOutputs, stagesContext, synthesize, testAppProps } from './synth.ts';

const { stack, template } = synthesize();
afterAll(removeTestOutputs);
const topologyEntries = Object.entries(functions) as Array<[FunctionName, FunctionSpec]>;
const deployed = new Map([...stack.api.functions, ...stack.pipeline.consumers]);
const logicalId = (element: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(element.node.defaultChild as CfnElement);

function functionProperties(name: FunctionName): Record<string, unknown> {
  const fn = deployed.get(name);
  if (fn === undefined) throw new Error(`function ${name} is not in the stack`);
  const resource = template.findResources('AWS::Lambda::Function')[logicalId(fn)] as {
    Properties: Record<string, unknown>;
  };
  return resource.Properties;
}

const environmentOf = (name: FunctionName) =>
  (functionProperties(name).Environment as { Variables: Record<string, unknown> }).Variables;

describe('functions', () => {
  it('deploys exactly one function per topology entry, besides the one that deploys the pages', () => {
    expect(projectFunctions(template)).toHaveLength(topologyEntries.length);
    template.resourceCountIs('AWS::Lambda::Function', topologyEntries.length + 1);
    expect([...deployed.keys()].sort()).toEqual(Object.keys(functions).sort());
  });

  it('runs every function on Node 22, arm64, with active tracing', () => {
    for (const [id, { Properties }] of projectFunctions(template)) {
      expect(Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
    }
  });

  it('bundles for the Node version it deploys', () => {
    for (const [id, { Properties }] of projectFunctions(template))
      expect(Properties.Runtime, id).toBe(`nodejs${bundleTarget.replace(/^node/, '')}.x`);
  });

  it.each(topologyEntries)('gives %s the memory, timeout and description of the topology', (name, spec) => {
    expect(functionProperties(name)).toMatchObject({
      MemorySize: spec.memoryMb,
      Timeout: spec.timeoutSeconds,
      Description: spec.description,
    });
  });

  it.each(topologyEntries)("keeps the logs of %s for the stage's retention in its own log group", (name) => {
    const { LoggingConfig } = functionProperties(name) as { LoggingConfig: { LogGroup: { Ref: string } } };
    const logGroup = template.findResources('AWS::Logs::LogGroup')[LoggingConfig.LogGroup.Ref];
    expect(logGroup).toMatchObject({ Properties: { RetentionInDays: stagesContext.dev?.logRetentionDays } });
  });

  it.each(topologyEntries)(
    'sets TABLE_NAME and TOPIC_ARN on %s only where its access needs them',
    (name, spec) => {
      const environment = environmentOf(name);
      expect(environment).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'updates-feed',
        POWERTOOLS_METRICS_NAMESPACE: stack.stackName,
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect('TABLE_NAME' in environment).toBe(spec.access.table !== undefined);
      expect('TOPIC_ARN' in environment).toBe(spec.access.topic !== undefined);
    },
  );

  it.each(topologyEntries)('gives %s the newsroom time zone the sandbox would read', (name) => {
    expect(environmentOf(name).NEWSROOM_TIME_ZONE).toBe(readConfig().NEWSROOM_TIME_ZONE);
    expect(readConfig({}).NEWSROOM_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('pins no API function to a base URL: links follow the host the request reached, the CDN’s included', () => {
    const routed = topologyEntries.filter(([, spec]) => spec.stream === undefined);
    expect(routed.filter(([name]) => 'PUBLIC_BASE_URL' in environmentOf(name))).toEqual([]);
  });

  it('gives the stream consumers, which write email with no request to follow, the public URL', () => {
    const distribution = stack.getLogicalId(stack.edge.distribution.node.defaultChild as CfnElement);
    for (const [name] of topologyEntries.filter(([, spec]) => spec.stream !== undefined)) {
      expect(JSON.stringify(environmentOf(name).PUBLIC_BASE_URL), name).toContain(distribution);
    }
  });
});

describe('table', () => {
  it('keys the table and both indexes as the topology says, with the projections the sandbox uses', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: table.changeIndex.name,
          KeySchema: [
            { AttributeName: table.changeIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: table.changeIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: indexProjections[table.changeIndex.name] },
        },
        {
          IndexName: table.metricIndex.name,
          KeySchema: [
            { AttributeName: table.metricIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: table.metricIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: indexProjections[table.metricIndex.name] },
        },
      ],
    });
  });

  it('streams new images only, bills on demand, and expires nothing: the history is the product', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: Match.absent(),
    });
  });

  it('protects the data: point-in-time recovery, deletion protection, retained on stack deletion', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });
});

describe('topic', () => {
  it('encrypts the changes topic with the AWS managed SNS key and keeps it on stack deletion', () => {
    template.hasResource('AWS::SNS::Topic', {
      DeletionPolicy: 'Retain',
      Properties: {
        DisplayName: topic.displayName,
        KmsMasterKeyId: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':alias/aws/sns$')])] },
      },
    });
  });

  it('refuses every request to the changes topic that does not use TLS', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(stack.events.topic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('HTTP API', () => {
  const routes = topologyEntries.flatMap(([, spec]) => spec.routes ?? []);
  const authorizerIds = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
  const routeResources = Object.values(
    template.findResources('AWS::ApiGatewayV2::Route') as Record<
      string,
      { Properties: { RouteKey: string; AuthorizationType: string; AuthorizerId?: { Ref: string } } }
    >,
  );
  const routeByKey = new Map(routeResources.map(({ Properties }) => [Properties.RouteKey, Properties]));

  it('serves every topology route and nothing else', () => {
    expect([...routeByKey.keys()].sort()).toEqual(
      routes.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  it.each(routes.filter((route) => route.auth))('requires an editor’s JWT on $method $path', (route) => {
    const properties = routeByKey.get(`${route.method} ${route.path}`);
    expect(properties?.AuthorizationType).toBe('JWT');
    expect(authorizerIds).toHaveLength(1);
    expect(properties?.AuthorizerId?.Ref).toBe(authorizerIds[0]);
  });

  it.each(routes.filter((route) => !route.auth))('leaves $method $path public', (route) => {
    const properties = routeByKey.get(`${route.method} ${route.path}`);
    expect(properties?.AuthorizationType).toBe('NONE');
    expect(properties?.AuthorizerId).toBeUndefined();
  });

  it('validates editors’ tokens against the user pool and its upload client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(stack.editors.userPoolClient) }],
        Issuer: {
          'Fn::Join': ['', Match.arrayWith([{ Ref: logicalId(stack.editors.userPool) }])],
        },
      },
    });
  });

  it('lets nobody sign up as an editor and requires MFA', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
  });

  it('lets the CLI sign in with SRP and refresh tokens only, never with the plain password', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
    });
  });

  it('enables no OAuth flow, and so no example.com callback, when no callback URL is given', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      CallbackURLs: Match.absent(),
    });
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('example.com');
  });

  it('signs the desk in with the authorization code grant only, back to the callback URLs given', () => {
    const desk = synthesize({
      callbackUrls: 'https://news.newsroom.test/desk',
      logoutUrls: 'https://news.newsroom.test/',
    });
    desk.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: ['https://news.newsroom.test/desk'],
      LogoutURLs: ['https://news.newsroom.test/'],
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    desk.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    desk.template.hasOutput('SignInDomain', { Value: Match.anyValue() });
  });

  it('refuses a callback URL that is not https', () => {
    expect(() => synthesize({ callbackUrls: 'http://news.newsroom.test/desk' })).toThrow(
      /callbackUrls\.0: .*received "http:\/\/news\.newsroom\.test\/desk"/,
    );
  });

  const stageSettings = () =>
    (
      Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
        Properties: {
          DefaultRouteSettings: Record<string, number>;
          RouteSettings: Record<string, Record<string, number>>;
        };
      }
    ).Properties;
  const limits = (throttle: { rateLimit: number; burstLimit: number }) => ({
    ThrottlingRateLimit: throttle.rateLimit,
    ThrottlingBurstLimit: throttle.burstLimit,
  });

  // API Gateway applies DefaultRouteSettings to each route on its own, not to the routes together: every route's
  // limit is spelled out, so that the template says what each route gets.
  it.each(routes.filter((route) => route.auth))(
    'throttles the editors’ route $method $path on its own, harder',
    (route) => {
      expect(stageSettings().RouteSettings[routeKeyOf(route)]).toEqual(limits(editorRouteThrottle));
      expect(editorRouteThrottle.rateLimit).toBeLessThan(publicRouteThrottle.rateLimit);
    },
  );

  it.each(routes.filter((route) => !route.auth && route.throttle === undefined))(
    'throttles the public route $method $path on its own',
    (route) => {
      expect(stageSettings().RouteSettings[routeKeyOf(route)]).toEqual(limits(publicRouteThrottle));
    },
  );

  it.each(
    routes.flatMap((route) => (route.throttle === undefined ? [] : [{ ...route, throttle: route.throttle }])),
  )('throttles $method $path, which makes SNS send mail, tighter than any editors’ route', (route) => {
    expect(stageSettings().RouteSettings[routeKeyOf(route)]).toEqual(limits(route.throttle));
    expect(route.throttle.rateLimit).toBeLessThan(editorRouteThrottle.rateLimit);
  });

  it('gives a route outside the topology the public limit, and lists no route that does not exist', () => {
    expect(stageSettings().DefaultRouteSettings).toEqual(limits(publicRouteThrottle));
    expect(Object.keys(stageSettings().RouteSettings).sort()).toEqual(routes.map(routeKeyOf).sort());
  });

  it('writes an access log line per request, with its request id', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
  });

  it('allows cross-origin GETs from any origin without credentials, and nothing else', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowMethods: ['GET'], AllowOrigins: ['*'], AllowCredentials: false },
    });
  });
});

describe('stream pipeline', () => {
  const consumers = topologyEntries.flatMap(([name, spec]) =>
    spec.stream ? [[name, spec.stream] as const] : [],
  );

  it('reads the stream with no more than two consumers', () => {
    expect(consumers.length).toBeLessThanOrEqual(2);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
  });

  it.each(consumers)(
    'maps %s with bounded retries, split batches, partial failures and a failure queue',
    (name, stream) => {
      const consumer = deployed.get(name);
      if (consumer === undefined) throw new Error(`consumer ${name} is not in the stack`);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(consumer) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.storage.table), 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: stream.batchSize,
        MaximumBatchingWindowInSeconds: stream.maxBatchingWindowSeconds,
        MaximumRetryAttempts: stream.retryAttempts,
        MaximumRecordAgeInSeconds: stream.maxRecordAgeSeconds,
        BisectBatchOnFunctionError: stream.bisectBatchOnError,
        ParallelizationFactor: stream.parallelizationFactor,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack.pipeline.failureQueue), 'Arn'] } },
        },
        FilterCriteria: {
          Filters: stream.filters.map((filter) => ({ Pattern: lambdaFilterPattern(filter).pattern })),
        },
      });
    },
  );

  it('keeps failed records encrypted for 14 days, over TLS only', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('refuses a topology with a third stream reader', () => {
    const extra = { ...functions.publisher, description: 'a third reader' };
    const app = new App(testAppProps());
    expect(
      () =>
        new UpdatesFeedStack(app, 'TooManyReaders', {
          stage: stageFromContext(app.node),
          functions: { ...functions, ingest: extra },
        }),
    ).toThrow(/at most 2 readers, the topology declares 3/);
  });

  it('refuses a function that is neither routed nor on the stream', () => {
    const { routes: _routes, ...unreachable } = functions.readApi;
    const app = new App(testAppProps());
    expect(
      () =>
        new UpdatesFeedStack(app, 'Unreachable', {
          stage: stageFromContext(app.node),
          functions: { ...functions, readApi: unreachable },
        }),
    ).toThrow(/function readApi must have either routes or a stream, got neither/);
  });
});

describe('lambdaFilterPattern', () => {
  it('matches a string prefix on the new image the way Lambda filtering spells it', () => {
    expect(
      lambdaFilterPattern({ eventName: 'INSERT', newImagePrefix: { attribute: 'sk', prefix: 'REV#' } }),
    ).toEqual({
      pattern: JSON.stringify({
        eventName: ['INSERT'],
        dynamodb: { NewImage: { sk: { S: [{ prefix: 'REV#' }] } } },
      }),
    });
  });

  it('tests existence on the string leaf, since Lambda ignores exists on a map', () => {
    expect(lambdaFilterPattern({ eventName: 'MODIFY', newImageHas: 'changeType' })).toEqual({
      pattern: JSON.stringify({
        eventName: ['MODIFY'],
        dynamodb: { NewImage: { changeType: { S: [{ exists: true }] } } },
      }),
    });
  });
});

describe('synthesis', () => {
  it('leaves no warning or error on any construct', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });
});

describe('outputs', () => {
  it.each([
    'PublicUrl',
    'DistributionDomainName',
    'FeedRssUrl',
    'ApiUrl',
    'TopicArn',
    'TableName',
    'UserPoolId',
    'UserPoolClientId',
    'FailureQueueUrl',
    'AlarmTopicArn',
    'DashboardName',
  ])('exports %s', (name) => {
    template.hasOutput(name, { Value: Match.anyValue() });
  });

  it('points FeedRssUrl at /feed.rss behind the CDN, not at the API itself', () => {
    template.hasOutput('FeedRssUrl', {
      Value: {
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [logicalId(stack.edge.distribution), 'DomainName'] }, '/feed.rss'],
        ],
      },
    });
  });
});
