// Builds the CDK app as `cdk synth` does (cdk.json's feature flags), without bundling, for assertions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/app.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';

/** What cdk.json says of a stage (infra/stage.ts parses it). */
export interface StageContext {
  logRetentionDays: number;
  alarms: Record<string, number>;
  deliveryStatusSuccessSamplePercent: number;
  runtimeSourceMaps: boolean;
}

const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown> & { stages: Record<string, StageContext> };
};

/** Bundling is skipped (every function still needs its entry file); assertions concern the template. */
export const testContext = { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] };

const outdirs: string[] = [];

/** The settings cdk.json gives each stage. */
export const stagesContext = cdkJson.context.stages;

/** An app of its own output directory, removed by `removeTestOutputs`; `context` as `-c key=value` would give it. */
export function testAppProps(context: Record<string, unknown> = {}): AppProps {
  const outdir = mkdtempSync(join(tmpdir(), 'updates-feed-cdk-test-'));
  outdirs.push(outdir);
  return { context: { ...testContext, ...context }, outdir };
}

export function removeTestOutputs(): void {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
}

export function synthesize(context: Record<string, unknown> = {}) {
  const { app, stack } = createApp(testAppProps(context));
  return { app, stack, template: Template.fromStack(stack) };
}

/**
 * The project's own functions: every Lambda function but aws-cdk-lib's BucketDeployment handler, which copies the
 * built pages into their bucket at deploy time.
 */
export function projectFunctions(
  template: Template,
): Array<[string, { Properties: Record<string, unknown> }]> {
  return Object.entries(
    template.findResources('AWS::Lambda::Function') as Record<
      string,
      { Properties: Record<string, unknown> }
    >,
  ).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

interface PolicyDocument {
  Statement: PolicyStatement[];
}

/** Every statement of every identity policy (attached or inline), with the logical ids of the roles it applies to. */
export function identityStatements(
  template: Template,
): Array<{ roles: string[]; statement: PolicyStatement }> {
  const policies = template.findResources('AWS::IAM::Policy') as Record<
    string,
    { Properties: { Roles: Array<{ Ref: string }>; PolicyDocument: PolicyDocument } }
  >;
  const roles = template.findResources('AWS::IAM::Role') as Record<
    string,
    { Properties: { Policies?: Array<{ PolicyDocument: PolicyDocument }> } }
  >;
  return [
    ...Object.values(policies).flatMap(({ Properties }) =>
      Properties.PolicyDocument.Statement.map((statement) => ({
        roles: Properties.Roles.map((role) => role.Ref),
        statement,
      })),
    ),
    ...Object.entries(roles).flatMap(([roleId, { Properties }]) =>
      (Properties.Policies ?? []).flatMap(({ PolicyDocument }) =>
        PolicyDocument.Statement.map((statement) => ({ roles: [roleId], statement })),
      ),
    ),
  ];
}
