// The pages on AWS: a private bucket behind the distribution's default behavior, deployed from the build the
// sandbox serves, with the sandbox's own security headers.
import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { assetFiles, htmlFiles, pageKeyPrefix, pageRouterCode } from '../../infra/constructs/pages.ts';
import { buildSiteSync, immutable, pages, revalidated, securityHeaders } from '../../web/site.ts';
import { removeTestOutputs, synthesize } from './synth.ts';

const { stack, template } = synthesize();
const signIn = {
  stage: 'prod',
  callbackUrls: 'https://news.example.org/desk',
  logoutUrls: 'https://news.example.org/',
};
const prod = synthesize(signIn);
afterAll(removeTestOutputs);
const logicalId = (element: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(element.node.defaultChild as CfnElement);

interface DistributionConfig {
  DefaultCacheBehavior: {
    TargetOriginId: string;
    ResponseHeadersPolicyId: unknown;
    ViewerProtocolPolicy: string;
    AllowedMethods: string[];
    Compress: boolean;
    FunctionAssociations: Array<{ EventType: string; FunctionARN: unknown }>;
  };
  Origins: Array<{
    Id: string;
    DomainName: unknown;
    OriginAccessControlId?: unknown;
    S3OriginConfig?: unknown;
  }>;
}
const distribution = (
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as {
    Properties: { DistributionConfig: DistributionConfig };
  }
).Properties.DistributionConfig;
const bucketId = logicalId(stack.pages.bucket);

describe('the pages behind the distribution', () => {
  it('serves every path no API route claims from the pages’ private bucket, through origin access control', () => {
    const origin = distribution.Origins.find(
      (each) => each.Id === distribution.DefaultCacheBehavior.TargetOriginId,
    );
    expect(origin?.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    expect(origin?.OriginAccessControlId).toBeDefined();
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
    });
  });

  it('lets only this distribution read the bucket', () => {
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find(
      (resource) =>
        JSON.stringify((resource as { Properties: { Bucket: unknown } }).Properties.Bucket) ===
        JSON.stringify({ Ref: bucketId }),
    ) as { Properties: { PolicyDocument: { Statement: Array<Record<string, unknown>> } } } | undefined;
    const reads = policy?.Properties.PolicyDocument.Statement.filter(
      (statement) => statement.Effect === 'Allow',
    );
    expect(reads).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: {
          StringEquals: { 'AWS:SourceArn': expect.objectContaining({ 'Fn::Join': expect.anything() }) },
        },
      }),
    ]);
  });

  it('sends the very security headers the sandbox sends, from one definition, and HSTS', () => {
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: logicalId(stack.pages.responseHeaders),
    });
    const headers = securityHeaders();
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: {
            ContentSecurityPolicy: headers['content-security-policy'],
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: headers['x-frame-options'], Override: true },
          ReferrerPolicy: { ReferrerPolicy: headers['referrer-policy'], Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 365 * 24 * 3600, Override: true },
        },
        CustomHeadersConfig: {
          Items: [
            {
              Header: 'cross-origin-opener-policy',
              Value: headers['cross-origin-opener-policy'],
              Override: true,
            },
          ],
        },
      },
    });
  });

  it('lets the desk call the hosted UI’s token endpoint, and no other origin, where the stage signs in with it', () => {
    const config = prod.stack.pages.config.signIn;
    if (config.kind !== 'cognito') throw new Error('expected the hosted UI');
    const policy = prod.template.findResources('AWS::CloudFront::ResponseHeadersPolicy')[
      prod.stack.getLogicalId(prod.stack.pages.responseHeaders.node.defaultChild as CfnElement)
    ] as { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: unknown } } };
    expect(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toMatchObject({
      ContentSecurityPolicy: {
        ContentSecurityPolicy: prod.stack.resolve(
          securityHeaders([config.domain])['content-security-policy'],
        ),
      },
    });
    expect(JSON.stringify(prod.stack.resolve(config.domain))).toContain('.amazoncognito.com');
    expect(securityHeaders()['content-security-policy']).toContain("connect-src 'self';");
  });
});

describe('the page router, a CloudFront Function', () => {
  type Answer = { uri?: string; statusCode?: number };
  const route = new Function(`${pageRouterCode()}; return handler;`)() as (event: {
    request: { uri: string };
  }) => Answer;
  const uriOf = (uri: string) => route({ request: { uri } });

  it('is the viewer-request function of the pages’ behavior', () => {
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [logicalId(stack.pages.router), 'FunctionARN'] },
      },
    ]);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: pageRouterCode(),
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
  });

  it.each([
    ['/', 'latest'],
    ['/desk', 'desk'],
    [`/metric/${encodeURIComponent('大连:城镇登记失业率:percent')}`, 'metric'],
    ['/subscribe', 'subscribe'],
    ['/brief/dalian-jobs-2020-06', 'brief'],
  ])('serves %s the %s page’s HTML object', (path, page) => {
    expect(uriOf(path).uri).toBe(`/${pageKeyPrefix}${page}.html`);
  });

  it('knows every page the sandbox serves', () => {
    for (const page of pages) expect(pageRouterCode()).toContain(`/${pageKeyPrefix}${page.name}.html`);
  });

  it('passes assets through, serves the site config, and answers 404 for anything else', () => {
    expect(uriOf('/assets/chunk-ABC.js').uri).toBe('/assets/chunk-ABC.js');
    expect(uriOf('/site-config.json').uri).toBe(`/${pageKeyPrefix}site-config.json`);
    for (const path of ['/nothing', '/desk/more', '/metric/a/b', '/pages/desk.html', '/site-configXjson'])
      expect(uriOf(path).statusCode, path).toBe(404);
  });
});

describe('the deployed site', () => {
  const built = buildSiteSync();

  it('holds every script, stylesheet and icon each page’s HTML names, under the name it uses', () => {
    const deployed = new Set(assetFiles(built).map(([path]) => `/assets/${path}`));
    for (const [name, html] of htmlFiles(built)) {
      const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(named.length, name).toBeGreaterThan(1);
      for (const path of named) expect(deployed, `${name} names ${path}`).toContain(path);
    }
    expect(
      htmlFiles(built)
        .map(([path]) => path)
        .sort(),
    ).toEqual(pages.map((page) => `${page.name}.html`).sort());
  });

  it('keeps hashed assets a year and has HTML and the site config asked for again on every load', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'assets/',
      SystemMetadata: { 'cache-control': immutable },
      Prune: false,
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: pageKeyPrefix,
      SystemMetadata: { 'cache-control': revalidated },
    });
  });
});

describe('the site config', () => {
  it('has editors paste a token where the stage has no sign-in pages', () => {
    expect(stack.pages.config.signIn).toEqual({ kind: 'token' });
  });

  it('sends the desk to the hosted UI of this stage’s user pool, back to the stage’s callback URLs', () => {
    const config = prod.stack.pages.config;
    expect(config.signIn).toMatchObject({
      kind: 'cognito',
      redirectUris: [signIn.callbackUrls],
      logoutUris: [signIn.logoutUrls],
      scopes: ['openid', 'email'],
    });
    if (config.signIn.kind !== 'cognito') throw new Error('expected the hosted UI');
    expect(prod.stack.resolve(config.signIn.clientId)).toEqual({
      Ref: prod.stack.getLogicalId(prod.stack.editors.userPoolClient.node.defaultChild as CfnElement),
    });
    expect(JSON.stringify(prod.stack.resolve(config.signIn.domain))).toContain('amazoncognito.com');
    expect(config.timeZone).toBe('Asia/Shanghai');
  });
});
