import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { projectFunctions, removeTestOutputs, stagesContext, synthesize } from './synth.ts';

const dev = synthesize();
const prod = synthesize({ stage: 'prod' });
afterAll(removeTestOutputs);

const resourceIds = (template: Template) => Object.keys(template.toJSON().Resources as object).sort();

/** Names CloudFront keeps account-wide: two stages in one account must not share one. */
function accountWideNames(template: Template): string[] {
  const names = [
    ['AWS::CloudFront::CachePolicy', 'CachePolicyConfig'],
    ['AWS::CloudFront::OriginRequestPolicy', 'OriginRequestPolicyConfig'],
    ['AWS::CloudFront::ResponseHeadersPolicy', 'ResponseHeadersPolicyConfig'],
  ].flatMap(([type, config]) =>
    Object.values(template.findResources(type as string)).map((resource) =>
      JSON.stringify(
        (resource as { Properties: Record<string, { Name: unknown }> }).Properties[config as string]?.Name,
      ),
    ),
  );
  const functionNames = Object.values(template.findResources('AWS::CloudFront::Function')).map((resource) =>
    JSON.stringify((resource as { Properties: { Name: unknown } }).Properties.Name),
  );
  return [...names, ...functionNames];
}

describe('stages', () => {
  it('names the stack after its stage: UpdatesFeed-dev by default, UpdatesFeed-prod with -c stage=prod', () => {
    expect(dev.stack.stackName).toBe('UpdatesFeed-dev');
    expect(prod.stack.stackName).toBe('UpdatesFeed-prod');
  });

  it('keeps every logical id the same in every stage, so no stage replaces a resource by renaming it', () => {
    // CDK names a stream mapping after the table's construct path, stack included: these two alone differ, and a
    // stage that keeps an existing stack's name (its `stackName` setting) keeps them too.
    const stackNamed = (id: string) => /DynamoDBEventSource/.test(id);
    expect(resourceIds(prod.template).filter((id) => !stackNamed(id))).toEqual(
      resourceIds(dev.template).filter((id) => !stackNamed(id)),
    );
    expect(resourceIds(dev.template).filter(stackNamed)).toHaveLength(2);
  });

  it('gives the two stages different names wherever CloudFront names are account-wide', () => {
    const devNames = accountWideNames(dev.template);
    // The API's cache, origin request and response headers policies and host function; the pages' headers and router.
    expect(devNames).toHaveLength(6);
    for (const name of accountWideNames(prod.template)) expect(devNames).not.toContain(name);
  });

  it('gives each stage its own metrics namespace, so one stage’s failures never raise the other’s alarms', () => {
    const namespaces = (template: Template) =>
      new Set(
        projectFunctions(template).map(
          ([, fn]) =>
            (fn.Properties.Environment as { Variables: Record<string, string> }).Variables
              .POWERTOOLS_METRICS_NAMESPACE,
        ),
      );
    expect([...namespaces(dev.template)]).toEqual(['UpdatesFeed-dev']);
    expect([...namespaces(prod.template)]).toEqual(['UpdatesFeed-prod']);
  });

  it('applies the stage’s settings from cdk.json: log retention, alarm thresholds, delivery sampling', () => {
    const settings = stagesContext.prod;
    expect(settings).toBeDefined();
    expect(settings?.logRetentionDays).not.toBe(stagesContext.dev?.logRetentionDays);
    for (const logGroup of Object.values(prod.template.findResources('AWS::Logs::LogGroup'))) {
      expect(logGroup).toMatchObject({ Properties: { RetentionInDays: settings?.logRetentionDays } });
    }
    prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Threshold: (settings?.alarms.iteratorAgeMinutes ?? 0) * 60_000,
    });
    prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      Threshold: settings?.alarms.apiLatencyP99Ms,
    });
    const topic = Object.values(
      prod.template.findResources('AWS::SNS::Topic', {
        Properties: { DeliveryStatusLogging: Match.anyValue() },
      }),
    )[0] as { Properties: { DeliveryStatusLogging: Array<{ SuccessFeedbackSampleRate: string }> } };
    for (const logging of topic.Properties.DeliveryStatusLogging) {
      expect(logging.SuccessFeedbackSampleRate).toBe(String(settings?.deliveryStatusSuccessSamplePercent));
    }
  });

  it('maps stack traces at run time where the stage asks for it (dev), and spares prod the cold-start cost', () => {
    expect(stagesContext.dev?.runtimeSourceMaps).toBe(true);
    expect(stagesContext.prod?.runtimeSourceMaps).toBe(false);
    const nodeOptions = (template: Template) =>
      projectFunctions(template).map(
        ([, resource]) =>
          (resource.Properties.Environment as { Variables?: Record<string, string> } | undefined)?.Variables
            ?.NODE_OPTIONS,
      );
    expect(nodeOptions(dev.template).length).toBeGreaterThan(0);
    expect(new Set(nodeOptions(dev.template))).toEqual(new Set(['--enable-source-maps']));
    expect(new Set(nodeOptions(prod.template))).toEqual(new Set([undefined]));
  });

  it('lets a stage keep the name of a stack deployed before stages existed', () => {
    const legacy = synthesize({
      stages: { ...stagesContext, dev: { ...stagesContext.dev, stackName: 'UpdatesFeed' } },
    });
    expect(legacy.stack.stackName).toBe('UpdatesFeed');
    // The stack's construct id is its name, as before stages: even the stream mappings keep their logical ids.
    expect(
      resourceIds(legacy.template).filter((id) => /DynamoDBEventSourceUpdatesFeedStorageTable/.test(id)),
    ).toHaveLength(2);
  });

  it('refuses a stage cdk.json does not define, naming the ones it does', () => {
    expect(() => synthesize({ stage: 'qa' })).toThrow(
      'unknown stage qa: the stages context (cdk.json) defines dev, prod',
    );
  });

  it('refuses a custom domain without its certificate', () => {
    expect(() => synthesize({ domainName: 'news.example.org' })).toThrow(
      /certificateArn: domainName and certificateArn go together/,
    );
  });

  it('refuses a certificate outside us-east-1, naming it', () => {
    const arn = 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d';
    expect(() => synthesize({ domainName: 'news.example.org', certificateArn: arn })).toThrow(
      `certificateArn: must be an ACM certificate in us-east-1, the only region CloudFront takes certificates from (received "${arn}")`,
    );
  });
});
