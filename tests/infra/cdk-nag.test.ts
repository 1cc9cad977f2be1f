import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../infra/app.ts';
import { removeTestOutputs, testAppProps } from './synth.ts';

const buildApp = () => createApp(testAppProps());
afterAll(removeTestOutputs);

/** Rule id → reason of every acknowledgment recorded anywhere in the construct tree. */
function acknowledgments(root: IConstruct): Array<{ path: string; id: string; reason: unknown }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

const findingIds = (root: IConstruct) =>
  new AwsSolutionsChecks().validateScope(root).violations.map((violation) => violation.ruleName);

describe('cdk-nag AwsSolutions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const variants = {
    'the default stage': {},
    'prod with a custom domain and the desk’s sign-in': {
      stage: 'prod',
      domainName: 'news.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d',
      callbackUrls: 'https://news.example.org/desk',
      logoutUrls: 'https://news.example.org/',
    },
  };

  it.each(Object.entries(variants))('finds nothing that is not acknowledged in %s', (_, context) => {
    const { app } = createApp(testAppProps(context));
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(
      report.violations.map(
        (violation) => `${violation.ruleName} ${violation.violatingResources[0]?.constructPath}`,
      ),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgment a reason of its own', () => {
    const { app } = buildApp();
    const recorded = acknowledgments(app);
    expect(recorded.length).toBeGreaterThan(0);
    for (const { path, id, reason } of recorded) {
      expect(typeof reason === 'string' && reason.length >= 40, `${id} on ${path}: ${String(reason)}`).toBe(
        true,
      );
    }
  });

  it.each(Object.entries(variants))(
    'acknowledges only findings that would otherwise be reported in %s',
    (_, context) => {
      const acknowledged = new Set(acknowledgments(createApp(testAppProps(context)).app).map(({ id }) => id));
      vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => {});
      const unacknowledged = new Set(findingIds(createApp(testAppProps(context)).app));
      expect(unacknowledged).toEqual(acknowledged);
    },
  );

  it('is registered on the app, so that cdk synth fails on a new finding', () => {
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => {});
    const { app } = buildApp();
    expect(() => app.synth()).toThrow(/AwsSolutions-/);
  });
});
