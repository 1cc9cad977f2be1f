// The CDN in front of the HTTP API: public reads cached briefly, editors' routes passed through, HTTPS only.
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { HttpRoute } from '../topology.ts';
import { readOnlyCors } from './http-api.ts';

/**
 * The viewer's Host, as the edge forwards it to the API. API Gateway needs its own Host to route the request, so
 * the public one travels in this header; the functions build feed and page links from it (functions/handlers/http.ts
 * `baseUrlOf`), over https, the only protocol the edge serves.
 */
export const forwardedHostHeader = 'x-forwarded-host';

/**
 * Copies the viewer's Host into the forwarded-host header on every request, overwriting whatever the viewer sent
 * in it, so that no client can choose the links of a cached feed.
 */
export const forwardViewerHostCode = `function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['${forwardedHostHeader}'] = { value: request.headers.host.value };
  } else {
    delete request.headers['${forwardedHostHeader}'];
  }
  return request;
}`;

/** The longest the edge keeps a read; the handlers' Cache-Control (feeds 30 s, reads 5 s) asks for less. */
export const maxEdgeTtl = Duration.minutes(1);

export interface EdgeProps {
  /** The HTTP API's endpoint, `https://<id>.execute-api.<region>.amazonaws.com`. */
  apiEndpoint: string;
  routes: readonly HttpRoute[];
  /** Log files are kept this many days. */
  logRetentionDays: number;
  /** A custom domain, with an ACM certificate in us-east-1 that covers it; absent, the CloudFront domain serves. */
  customDomain?: { domainName: string; certificateArn: string };
  /** The default behavior, for every path no API route claims: the pages (constructs/pages.ts). */
  pages: BehaviorOptions;
}

/**
 * One behavior per route path of the topology: public GETs cached (keyed on the query string and the public host,
 * for as long as the handler's Cache-Control says, at most `maxEdgeTtl`), everything else passed through with all
 * its headers, Authorization included. Every API route has a behavior of its own, so the default behavior is the
 * pages', and a path that is neither a route nor a page never reaches the API.
 */
export class Edge extends Construct {
  readonly distribution: Distribution;
  /** `https://` and the custom domain, or the CloudFront domain: where feeds, pages and reads are public. */
  readonly publicUrl: string;
  /** Security headers and the API's CORS, for the API's behaviors; the pages have a CSP of their own. */
  readonly apiResponseHeaders: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const apiOrigin = new HttpOrigin(Fn.parseDomainName(props.apiEndpoint), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    const forwardViewerHost = new EdgeFunction(this, 'ForwardViewerHost', {
      code: FunctionCode.fromInline(forwardViewerHostCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: `Copies the viewer's Host into ${forwardedHostHeader} for the API's links`,
    });
    const functionAssociations = [
      { function: forwardViewerHost, eventType: FunctionEventType.VIEWER_REQUEST },
    ];

    // No cookies anywhere: CloudFront answers conditional requests (If-None-Match, If-Modified-Since) from its
    // cache only when it forwards none, and revalidates with the API by ETag when a copy expires.
    const publicReads = new CachePolicy(this, 'PublicReads', {
      comment:
        'updates-feed public reads: keyed on the query string and the public host, TTL from the origin',
      minTtl: Duration.seconds(0),
      // A read whose handler says nothing about caching is not cached.
      defaultTtl: Duration.seconds(0),
      maxTtl: maxEdgeTtl,
      queryStringBehavior: CacheQueryStringBehavior.all(),
      // The host is in the key because the document's links are built from it.
      headerBehavior: CacheHeaderBehavior.allowList(forwardedHostHeader),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // Query strings and the host come with the cache key; the preflight headers let the API answer CORS preflights.
    const publicReadsToApi = new OriginRequestPolicy(this, 'PublicReadsToApi', {
      comment: 'updates-feed public reads: what the API needs besides the cache key',
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      headerBehavior: OriginRequestHeaderBehavior.allowList(
        'origin',
        'access-control-request-method',
        'access-control-request-headers',
      ),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    this.apiResponseHeaders = new ResponseHeadersPolicy(this, 'ApiResponseHeaders', {
      comment: 'updates-feed API: security headers, and the CORS the API itself answers with',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        // JSON, XML and JSON Feed documents load nothing and belong in no frame.
        contentSecurityPolicy: {
          contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'",
          override: true,
        },
      },
      // The cache key leaves out Origin, so a cached answer may lack these headers unless the edge adds them.
      corsBehavior: {
        accessControlAllowOrigins: [...readOnlyCors.allowOrigins],
        accessControlAllowMethods: [...readOnlyCors.allowMethods],
        accessControlAllowHeaders: [...readOnlyCors.allowHeaders],
        accessControlExposeHeaders: [...readOnlyCors.exposeHeaders],
        accessControlAllowCredentials: false,
        accessControlMaxAge: readOnlyCors.maxAge,
        originOverride: true,
      },
    });

    const cached: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      cachePolicy: publicReads,
      originRequestPolicy: publicReadsToApi,
      responseHeadersPolicy: this.apiResponseHeaders,
      functionAssociations,
      compress: true,
      // A feed reader configured with http:// is moved to https:// rather than refused.
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    };
    const passedThrough: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Every header but Host (API Gateway routes on its own), Authorization included: CloudFront forwards it
      // under this policy only because nothing is cached.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.apiResponseHeaders,
      functionAssociations,
      compress: true,
      // A token sent over http has already leaked; refusing makes the misconfigured client fail loudly.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
    };

    const logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront's standard logging writes with an object ACL: the bucket must accept ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "The CDN's access log bucket itself: logging its own reads would log the log reads",
    });

    const custom = props.customDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `updates-feed ${Stack.of(this).stackName}`,
      defaultBehavior: props.pages,
      additionalBehaviors: behaviorsFor(props.routes, { cached, passedThrough }),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Readers are in East Asia first: price class 200 serves it; 100 would send them to Europe or America.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      // Bucket declares isWebsite as `boolean | undefined`, IBucket as optional: the same at run time, told apart
      // only by exactOptionalPropertyTypes.
      logBucket: logs as IBucket,
      logFilePrefix: 'cdn/',
      ...(custom === undefined
        ? {}
        : {
            domainNames: [custom.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', custom.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }),
    });
    this.publicUrl = `https://${custom?.domainName ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Feeds and figures are public news for readers anywhere; there is no country to keep out',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: a CLOUDFRONT web ACL can only be made in us-east-1 and costs per rule; reads are cached and ' +
        "every API route has its own throttle, editors' routes require a Cognito JWT",
    });
    if (custom === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot set a minimum TLS version; with -c domainName and ' +
          '-c certificateArn the distribution requires TLS 1.2 (TLSv1.2_2021)',
      });
    }
  }
}

/**
 * CloudFront's path pattern for a route path: each `{param}` becomes `*`, which matches one segment or more. Exact
 * paths come first, then the longer patterns, since the first matching behavior wins (`/briefs/preview` before
 * `/briefs/*`, and a metric's editors' routes before its public read).
 */
function behaviorsFor(
  routes: readonly HttpRoute[],
  options: { cached: BehaviorOptions; passedThrough: BehaviorOptions },
): Record<string, BehaviorOptions> {
  const byPattern = new Map<string, HttpRoute[]>();
  for (const route of routes) {
    const pattern = route.path.replace(/\{[^}]+\}/g, '*');
    byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), route]);
  }
  const patterns = [...byPattern.keys()].sort(
    (a, b) => Number(a.includes('*')) - Number(b.includes('*')) || b.length - a.length,
  );
  return Object.fromEntries(
    patterns.map((pattern) => {
      const isPublicRead = (byPattern.get(pattern) ?? []).every(
        (route) => route.method === 'GET' && !route.auth,
      );
      return [pattern, isPublicRead ? options.cached : options.passedThrough];
    }),
  );
}
