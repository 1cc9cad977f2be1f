import type { CfnElement } from 'aws-cdk-lib';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrlOf } from '../../functions/handlers/http.ts';
import { forwardedHostHeader, forwardViewerHostCode, maxEdgeTtl } from '../../infra/constructs/edge.ts';
import { readOnlyCors } from '../../infra/constructs/http-api.ts';
import { type FunctionSpec, functions, type HttpRoute } from '../../infra/topology.ts';
import { removeTestOutputs, stagesContext, synthesize } from './synth.ts';

const { stack, template } = synthesize();
afterAll(removeTestOutputs);
const logicalId = (element: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(element.node.defaultChild as CfnElement);

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachePolicyId: unknown;
  OriginRequestPolicyId: unknown;
  ResponseHeadersPolicyId: unknown;
  ViewerProtocolPolicy: string;
  Compress: boolean;
  FunctionAssociations: Array<{ EventType: string; FunctionARN: unknown }>;
}

const distributionConfig = (
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
    Properties: {
      DistributionConfig: {
        CacheBehaviors: Behavior[];
        DefaultCacheBehavior: Behavior;
        Origins: Array<{
          Id: string;
          DomainName: unknown;
          CustomOriginConfig?: Record<string, unknown>;
          OriginAccessControlId?: unknown;
        }>;
        Logging: { Bucket: unknown; Prefix: string };
        Aliases?: string[];
        ViewerCertificate?: Record<string, unknown>;
      };
    };
  }
).Properties.DistributionConfig;
const apiBehaviors = distributionConfig.CacheBehaviors;
const apiOrigin = distributionConfig.Origins.find((origin) => origin.CustomOriginConfig !== undefined);

/** CloudFront's path patterns: `*` any run of characters, `?` one, case-sensitive; the first match wins. */
function behaviorFor(path: string): Behavior {
  const matches = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    ).test(path);
  return (
    distributionConfig.CacheBehaviors.find((behavior) => matches(behavior.PathPattern ?? '')) ??
    distributionConfig.DefaultCacheBehavior
  );
}

/** A concrete request path for a route, with a percent-encoded value in each parameter. */
const samplePath = (route: HttpRoute) => route.path.replace(/\{[^}]+\}/g, '100%25');

const routes = Object.values(functions).flatMap((spec: FunctionSpec) => spec.routes ?? []);
const publicReads = routes.filter((route) => route.method === 'GET' && !route.auth);
/** Editors' routes, and the readers' POST (subscribing an email address): nothing there may be cached. */
const passedThroughRoutes = routes.filter((route) => route.auth || route.method !== 'GET');

describe('the CDN in front of the API', () => {
  it('is one distribution whose API origin is the HTTP API, reached over TLS 1.2 only', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    // The API, and the pages' bucket (tests/infra/pages.test.ts).
    expect(distributionConfig.Origins).toHaveLength(2);
    // The host part of the API's endpoint, https://<id>.execute-api.<region>.amazonaws.com.
    const apiEndpoint = { 'Fn::GetAtt': [logicalId(stack.api.api), 'ApiEndpoint'] };
    expect(apiOrigin?.DomainName).toEqual({
      'Fn::Select': [0, { 'Fn::Split': ['/', { 'Fn::Select': [1, { 'Fn::Split': ['//', apiEndpoint] }] }] }],
    });
    expect(apiOrigin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    for (const behavior of apiBehaviors) expect(behavior.TargetOriginId).toBe(apiOrigin?.Id);
  });

  it.each(publicReads)(
    'lets the edge keep $method $path as long as its handler allows, keyed on query and host',
    (route) => {
      const behavior = behaviorFor(samplePath(route));
      expect(behavior.CachePolicyId).toEqual({ Ref: logicalId(stack.edge.node.findChild('PublicReads')) });
      expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    },
  );

  it('keeps public reads no longer than their Cache-Control says, a minute at most, and nothing unasked', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: maxEdgeTtl.toSeconds(),
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: [forwardedHostHeader] },
          // Cookies would turn off CloudFront's own answers to If-None-Match and If-Modified-Since.
          CookiesConfig: { CookieBehavior: 'none' },
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        },
      },
    });
  });

  it.each(passedThroughRoutes)(
    'passes $method $path through uncached, Authorization and body included',
    (route) => {
      const behavior = behaviorFor(samplePath(route));
      expect(behavior.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
      expect(behavior.OriginRequestPolicyId).toBe(
        OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      );
      expect(behavior.AllowedMethods).toContain(route.method);
      expect(behavior.ViewerProtocolPolicy).toBe('https-only');
    },
  );

  it('leaves whatever no route claims to the pages, never to the API', () => {
    for (const path of ['/', '/desk', '/metric/x', '/no-such-route'])
      expect(behaviorFor(path).TargetOriginId, path).not.toBe(apiOrigin?.Id);
  });

  it('compresses, forwards the viewer host and sends the security headers on every API behavior', () => {
    const forwardViewerHost = {
      'Fn::GetAtt': [logicalId(stack.edge.node.findChild('ForwardViewerHost')), 'FunctionARN'],
    };
    for (const behavior of apiBehaviors) {
      expect(behavior.Compress).toBe(true);
      expect(behavior.FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: forwardViewerHost },
      ]);
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: logicalId(stack.edge.apiResponseHeaders) });
    }
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 365 * 24 * 3600,
            IncludeSubdomains: true,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          ContentSecurityPolicy: {
            ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
            Override: true,
          },
        },
      },
    });
  });

  it('answers cross-origin GETs with the API’s own CORS headers, even from its cache', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        CorsConfig: {
          AccessControlAllowOrigins: { Items: [...readOnlyCors.allowOrigins] },
          AccessControlAllowMethods: { Items: [...readOnlyCors.allowMethods] },
          AccessControlAllowHeaders: { Items: [...readOnlyCors.allowHeaders] },
          AccessControlExposeHeaders: { Items: [...readOnlyCors.exposeHeaders] },
          AccessControlAllowCredentials: false,
          OriginOverride: true,
        },
      },
    });
  });

  it('logs every request to a private, TLS-only bucket that forgets after the stage’s retention', () => {
    const bucketId = logicalId(stack.edge.node.findChild('Logs'));
    expect(distributionConfig.Logging.Bucket).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [{ ExpirationInDays: stagesContext.dev?.logRetentionDays, Status: 'Enabled' }],
      },
    });
  });

  it('serves the CloudFront domain when no custom domain is given', () => {
    expect(distributionConfig.Aliases).toBeUndefined();
    template.hasOutput('PublicUrl', {
      Value: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.edge.distribution), 'DomainName'] }]],
      },
    });
  });

  it('serves a custom domain with its us-east-1 certificate over TLS 1.2 at least, and names it the public URL', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f';
    const custom = synthesize({ domainName: 'news.example.org', certificateArn });
    custom.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['news.example.org'],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
    custom.template.hasOutput('PublicUrl', { Value: 'https://news.example.org' });
    custom.template.hasOutput('FeedRssUrl', { Value: 'https://news.example.org/feed.rss' });
  });
});

describe('links built from the public URL', () => {
  type EdgeRequest = { headers: Record<string, { value: string }> };
  const forwardViewerHost = new Function(`${forwardViewerHostCode}; return handler;`)() as (event: {
    request: EdgeRequest;
  }) => EdgeRequest;

  it('forwards the viewer’s host to the API, overwriting whatever the viewer put in that header', () => {
    const request = forwardViewerHost({
      request: {
        headers: {
          host: { value: 'news.example.org' },
          [forwardedHostHeader]: { value: 'attacker.example' },
        },
      },
    });
    expect(request.headers[forwardedHostHeader]).toEqual({ value: 'news.example.org' });
  });

  it('forwards no host at all when the viewer sent none, rather than one the viewer chose', () => {
    const request = forwardViewerHost({
      request: { headers: { [forwardedHostHeader]: { value: 'attacker.example' } } },
    });
    expect(request.headers[forwardedHostHeader]).toBeUndefined();
  });

  it('makes the feeds link to the host the CDN forwards, and to the API’s own host without the CDN', () => {
    const event = (headers: Record<string, string>) =>
      ({
        headers,
        requestContext: { domainName: 'abc123.execute-api.eu-west-1.amazonaws.com', stage: '$default' },
      }) as unknown as APIGatewayProxyEventV2;
    expect(baseUrlOf(event({ [forwardedHostHeader]: 'news.example.org' }), undefined)).toBe(
      'https://news.example.org',
    );
    expect(baseUrlOf(event({}), undefined)).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com');
  });
});
