// Which stage a synth is for (`-c stage=prod`, default dev) and that stage's settings, from cdk.json's context.
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';
import { parseWith } from '../functions/core/validate.ts';

const defaultStage = 'dev';

const retentionDays = new Set(Object.values(RetentionDays).filter((days) => typeof days === 'number'));

const httpsUrls = z.array(z.url({ protocol: /^https$/ })).default([]);

const stageSettingsSchema = z
  .object({
    /** CloudFormation stack name; `UpdatesFeed-<stage>` unless a stage must keep an existing stack's name. */
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/)
      .optional(),
    /** Function logs, API access logs, SNS delivery-status logs and CloudFront logs are kept this many days. */
    logRetentionDays: z
      .number()
      .refine((days) => retentionDays.has(days), {
        message: `must be one of CloudWatch Logs' retention periods: ${[...retentionDays].join(', ')}`,
      })
      .transform((days) => days as RetentionDays),
    alarms: z.object({
      /** API answers with a 5xx status within 5 minutes that raise the alarm. */
      apiServerErrorsPer5Minutes: z.number().int().positive(),
      /** The API's p99 latency, in milliseconds, that raises the alarm when exceeded in 2 of 3 periods of 5 minutes. */
      apiLatencyP99Ms: z.number().int().positive(),
      /** How far a stream consumer may fall behind the table stream before the alarm is raised. */
      iteratorAgeMinutes: z.number().int().positive(),
      /** Records a stream consumer reports as failed within 5 minutes that raise the alarm (they are retried). */
      consumerFailuresPer5Minutes: z.number().int().positive(),
      /**
       * Share of the topic's deliveries, in percent, that failed in each of 3 periods of 5 minutes to raise the
       * alarm: the only signal SNS gives for email, whose deliveries have no status log.
       */
      topicDeliveryFailurePercent: z.number().positive().max(100),
    }),
    /**
     * Node maps stack traces through the bundle's source map at run time (`--enable-source-maps`). Parsing the map
     * costs about a fifth of each cold start's import (BENCHMARKS.md), so a stage where cold starts matter leaves it
     * off and maps a logged trace afterwards with `updates-feed stack-trace`.
     */
    runtimeSourceMaps: z.boolean(),
    /** Share of successful SNS deliveries logged (failures always are); 100 in dev, less where traffic costs. */
    deliveryStatusSuccessSamplePercent: z.number().int().min(0).max(100),
    /** Custom domain of the distribution; needs certificateArn, an ACM certificate in us-east-1 covering it. */
    domainName: z
      .string()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/)
      .optional(),
    certificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, {
        message:
          'must be an ACM certificate in us-east-1, the only region CloudFront takes certificates from',
      })
      .optional(),
    /** The editors' desk sign-in (authorization code with PKCE); none given, no OAuth flow is enabled at all. */
    callbackUrls: httpsUrls,
    logoutUrls: httpsUrls,
  })
  .superRefine((settings, context) => {
    if ((settings.domainName === undefined) !== (settings.certificateArn === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [settings.domainName === undefined ? 'domainName' : 'certificateArn'],
        message: 'domainName and certificateArn go together, one without the other is missing',
      });
    }
    if (settings.logoutUrls.length > 0 && settings.callbackUrls.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['callbackUrls'],
        message: 'logoutUrls need callbackUrls: without them there is no sign-in to sign out of',
      });
    }
  });

export type StageSettings = z.output<typeof stageSettingsSchema>;

export interface Stage {
  name: string;
  stackName: string;
  settings: StageSettings;
}

export class StageConfigError extends Error {
  override name = 'StageConfigError';
}

/** Context values given on the command line override the stage's settings of the same name. */
const overridable = ['domainName', 'certificateArn', 'callbackUrls', 'logoutUrls'] as const;

/**
 * The stage named by the `stage` context and its settings from the `stages` context (cdk.json), with
 * `-c domainName=… -c certificateArn=… -c callbackUrls=https://…,https://… -c logoutUrls=…` on top.
 */
export function stageFromContext(node: Node): Stage {
  const name = String(node.tryGetContext('stage') ?? defaultStage);
  if (!/^[a-z][a-z0-9]{0,15}$/.test(name)) {
    throw new StageConfigError(
      `stage must be lowercase letters and digits, starting with a letter, received ${JSON.stringify(name)}`,
    );
  }
  const stages = (node.tryGetContext('stages') ?? {}) as Record<string, unknown>;
  const stored = stages[name];
  if (typeof stored !== 'object' || stored === null) {
    throw new StageConfigError(
      `unknown stage ${name}: the stages context (cdk.json) defines ${Object.keys(stages).join(', ') || 'none'}`,
    );
  }
  const overrides = Object.fromEntries(
    overridable.flatMap((key) => {
      const value = node.tryGetContext(key) as unknown;
      if (value === undefined) return [];
      const isList = key === 'callbackUrls' || key === 'logoutUrls';
      return [[key, isList && typeof value === 'string' ? value.split(',').filter(Boolean) : value]];
    }),
  );
  const settings = parseWith(
    stageSettingsSchema,
    { ...stored, ...overrides },
    `settings of stage ${name} (context stages.${name} and -c overrides)`,
  );
  return { name, stackName: settings.stackName ?? `UpdatesFeed-${name}`, settings };
}
