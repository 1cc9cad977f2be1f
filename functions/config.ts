// Configuration from the environment, parsed once at cold start; a bad value fails loudly, naming the key.
import * as z from 'zod/mini';
import { minimumSettleMs } from './adapters/dynamodb/change-log.ts';
import { isTimeZone } from './core/brief.ts';
import { parseWith } from './core/validate.ts';

const environmentSchema = z.object({
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  TABLE_NAME: z.optional(z.string().check(z.minLength(1))),
  TOPIC_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /** Set only in the sandbox: AWS endpoints are resolved by the SDK. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  SNS_ENDPOINT: z.optional(z.url()),
  /** Feeds link to this; without it, links are built from the request's host. */
  PUBLIC_BASE_URL: z.optional(z.url()),
  /** The IANA time zone whose day a brief means when its publishedAt is a date. */
  NEWSROOM_TIME_ZONE: z._default(
    z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai')),
    'Asia/Shanghai',
  ),
  /**
   * How old a change must be before GET /changes serves it: longer than a put attempt, the clock skew between
   * functions and the changes index's propagation delay (see adapters/dynamodb/change-log.ts).
   */
  CHANGES_SETTLE_MS: z._default(z.coerce.number().check(z.int(), z.minimum(minimumSettleMs)), 10_000),
  /** How long a function keeps the editors' aliases before reading them again: how late a new alias applies. */
  ALIASES_CACHE_MS: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(3_600_000)), 30_000),
});

export type Config = z.output<typeof environmentSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  return parseWith(environmentSchema, environment, 'environment');
}

export function required<K extends keyof Config>(config: Config, key: K): NonNullable<Config[K]> {
  const value = config[key];
  if (value === undefined || value === null) throw new ConfigError(`environment variable ${key} is not set`);
  return value as NonNullable<Config[K]>;
}
