// The pages on AWS: the site esbuild builds at synth, in a private bucket only the distribution reads (OAC), served
// as the distribution's default behavior with the very security headers the sandbox sends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachedMethods,
  CachePolicy,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { type SiteConfig, siteConfigPath } from '../../web/lib/site-config.ts';
import {
  type BuiltSite,
  buildSiteSync,
  immutable,
  pages,
  revalidated,
  securityHeaders,
  webRoot,
} from '../../web/site.ts';

/** Where the pages' HTML and the site's config sit in the bucket; assets keep their `/assets/…` paths. */
export const pageKeyPrefix = 'pages/';

const siteConfigKey = siteConfigPath.slice(1);

/**
 * The viewer-request function of the pages' behavior: a page's path (`/`, `/desk`, `/metric/{key}`, …, the same
 * routes the sandbox serves, from web/site.ts) becomes its HTML object, assets pass as they are, and any other path
 * gets a 404 here rather than the bucket's AccessDenied.
 */
export function pageRouterCode(): string {
  const routes = [
    ...pages.map(
      (page) => `[${String(page.route)}, ${JSON.stringify(`/${pageKeyPrefix}${page.name}.html`)}]`,
    ),
    `[/^${siteConfigPath.replace(/[/.]/g, '\\$&')}$/, ${JSON.stringify(`/${pageKeyPrefix}${siteConfigKey}`)}]`,
  ];
  return `var routes = [${routes.join(', ')}];
function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/assets/') === 0) return request;
  for (var i = 0; i < routes.length; i++) {
    if (routes[i][0].test(request.uri)) {
      request.uri = routes[i][1];
      return request;
    }
  }
  return {
    statusCode: 404,
    statusDescription: 'Not Found',
    headers: { 'content-type': { value: 'text/plain; charset=utf-8' } },
    body: { encoding: 'text', data: 'No page at this address.' },
  };
}`;
}

/**
 * CloudFront's response headers policy of the pages, from web/site.ts's definition: a header CloudFront cannot
 * express fails the synth instead of going missing.
 */
export function pageHeadersPolicyOf(headers: ReturnType<typeof securityHeaders>) {
  const {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': contentTypeOptions,
    'x-frame-options': frameOption,
    'referrer-policy': referrerPolicy,
    ...custom
  } = headers;
  const referrer = Object.values(HeadersReferrerPolicy).find((value) => value === referrerPolicy);
  if (contentTypeOptions !== 'nosniff' || referrer === undefined) {
    throw new Error(
      `CloudFront cannot send x-content-type-options ${contentTypeOptions} or referrer-policy ${referrerPolicy}`,
    );
  }
  return {
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption[frameOption], override: true },
      referrerPolicy: { referrerPolicy: referrer, override: true },
      // The edge's alone: the sandbox speaks plain http, where browsers ignore it.
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365),
        includeSubdomains: true,
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(custom).map(([header, value]) => ({ header, value, override: true })),
    },
  };
}

let built: BuiltSite | undefined;

/** The site as the sandbox serves it, built once per synth whichever of its parts is bundled first. */
function site(): BuiltSite {
  built ??= buildSiteSync();
  return built;
}

type Files = Array<[relativePath: string, body: string]>;

/** The scripts, styles and icon, under the `assets/` key prefix, as the pages' HTML names them. */
export function assetFiles(built: BuiltSite): Files {
  return [...built.assets].map(([path, asset]) => [path.slice('/assets/'.length), asset.body]);
}

/** One HTML object per page, under `pageKeyPrefix`, where the router points each page's path. */
export function htmlFiles(built: BuiltSite): Files {
  return [...built.html].map(([name, html]) => [`${name}.html`, html]);
}

/** A bundled asset of part of the site: esbuild runs here, at synth, with the sandbox's very options. */
function siteAsset(part: string, files: (built: BuiltSite) => Files): ISource {
  return Source.asset(webRoot, {
    // The pages import from functions/ too: only the output says whether they changed.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // CDK caches a bundle by its options, where the local function does not count: the part tells them apart.
      environment: { SITE_PART: part },
      // Never pulled: the local build below either succeeds or throws.
      image: DockerImage.fromRegistry('scratch'),
      local: {
        tryBundle(outputDir) {
          for (const [relativePath, body] of files(site())) {
            const path = join(outputDir, relativePath);
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, body);
          }
          return true;
        },
      },
    },
  });
}

export interface PagesProps {
  /** What the desk reads at run time: how editors sign in, the newsroom's time zone. */
  config: SiteConfig;
  /** Origins the pages may call besides their own (the Cognito token endpoint), added to the CSP's connect-src. */
  connectTo: readonly string[];
  logRetention: RetentionDays;
}

/**
 * The bucket, its two deployments (hashed assets kept a year, HTML and config asked for again on every load) and
 * the behavior that serves them; the Edge makes that behavior its default, every API route keeping its own.
 */
export class Pages extends Construct {
  readonly bucket: IBucket;
  readonly config: SiteConfig;
  readonly behavior: BehaviorOptions;
  readonly responseHeaders: ResponseHeadersPolicy;
  readonly router: EdgeFunction;

  constructor(scope: Construct, id: string, props: PagesProps) {
    super(scope, id);
    this.config = props.config;
    // Bucket declares isWebsite as `boolean | undefined`, IBucket as optional: the same at run time, told apart
    // only by exactOptionalPropertyTypes.
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Built output, deployed again by every deploy: nothing in it needs keeping. The deployments empty it when
      // the stack goes (retainOnDelete: false), so that CloudFormation can delete it.
      removalPolicy: RemovalPolicy.DESTROY,
    }) as IBucket;
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every read of the pages comes through the distribution, whose access log records it; the only writer ' +
        'is the deployment',
    });

    this.responseHeaders = new ResponseHeadersPolicy(this, 'Headers', {
      comment: "updates-feed pages: the sandbox's CSP and security headers (web/site.ts), and HSTS",
      ...pageHeadersPolicyOf(securityHeaders(props.connectTo)),
    });
    this.router = new EdgeFunction(this, 'Router', {
      code: FunctionCode.fromInline(pageRouterCode()),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves each page path (/, /desk, /metric/{key}, ...) its HTML object',
    });
    this.behavior = {
      origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      // Keeps what the objects' Cache-Control allows: a year for hashed assets, a moment for HTML and config.
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: this.responseHeaders,
      functionAssociations: [{ function: this.router, eventType: FunctionEventType.VIEWER_REQUEST }],
      compress: true,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    };

    // One log group for the one function both deployments share.
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const assets = new BucketDeployment(this, 'Assets', {
      sources: [siteAsset('assets', assetFiles)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      cacheControl: [CacheControl.fromString(immutable)],
      // A tab opened before a deploy still loads the previous build's scripts; their names never come back.
      prune: false,
      retainOnDelete: false,
      logGroup,
    });
    new BucketDeployment(this, 'Html', {
      sources: [siteAsset('html', htmlFiles), Source.jsonData(siteConfigKey, props.config)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: pageKeyPrefix,
      cacheControl: [CacheControl.fromString(revalidated)],
      retainOnDelete: false,
      logGroup,
    });
    acknowledgeDeploymentHandler(assets, this.bucket);
  }
}

const readsSiteArchive =
  "BucketDeployment's handler reads the synthesized site archive from the CDK assets bucket (grantRead's " +
  'action and object wildcards), nothing else';
const writesPagesBucket =
  "BucketDeployment's handler writes and prunes the site's objects in the pages bucket only (grantReadWrite's " +
  'action and object wildcards)';

/** The findings on aws-cdk-lib's own deployment function, which both deployments share. */
function acknowledgeDeploymentHandler(deployment: BucketDeployment, bucket: IBucket): void {
  const handler = deployment.handlerRole.node.scope;
  if (handler === undefined) throw new Error('the deployment handler role has no scope');
  // cdk-nag names the bucket's objects by the bucket's logical id, as its Fn::GetAtt resolves in the template.
  const [bucketId] = (Stack.of(bucket).resolve(bucket.bucketArn) as { 'Fn::GetAtt': [string, string] })[
    'Fn::GetAtt'
  ];
  const reasons: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      "The AWS managed basic execution policy only lets CDK's deployment function write its own logs",
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': readsSiteArchive,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': readsSiteArchive,
    'AwsSolutions-IAM5[Action::s3:List*]': readsSiteArchive,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]':
      readsSiteArchive,
    'AwsSolutions-IAM5[Action::s3:Abort*]': writesPagesBucket,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': writesPagesBucket,
    [`AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`]: writesPagesBucket,
    'AwsSolutions-L1':
      "The runtime of CDK's own BucketDeployment handler is chosen by aws-cdk-lib, not by this project",
  };
  for (const [id, reason] of Object.entries(reasons)) Validations.of(handler).acknowledge({ id, reason });
}
