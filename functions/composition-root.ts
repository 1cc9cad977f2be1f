// The one place where ports meet adapters. Each handler takes only what it uses, built once per cold start.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SNSClient } from '@aws-sdk/client-sns';
import {
  createDynamoDbClient,
  DynamoAliasStore,
  DynamoBriefStore,
  DynamoChangeLog,
  DynamoMetricStore,
} from './adapters/dynamodb/index.ts';
import { createSnsClient } from './adapters/sns/client.ts';
import { SnsChangePublisher } from './adapters/sns/publisher.ts';
import { SnsSubscriber } from './adapters/sns/subscriber.ts';
import { type Config, readConfig, required } from './config.ts';
import { cachedAliasTable } from './core/aliases.ts';
import { defaultAliases } from './core/default-aliases.ts';

export const logger = new Logger({ serviceName: 'updates-feed' });
/**
 * CloudWatch metrics as EMF log lines, in the namespace POWERTOOLS_METRICS_NAMESPACE names: one per stage, which
 * the stack sets and its alarms watch. The sandbox turns them off with POWERTOOLS_METRICS_DISABLED.
 */
export const metrics = new Metrics({ serviceName: 'updates-feed' });

const config: Config = readConfig();
let dynamodb: DynamoDBClient | undefined;
let sns: SNSClient | undefined;

function dynamoDbClient(): DynamoDBClient {
  dynamodb ??= createDynamoDbClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT }),
  });
  return dynamodb;
}

function snsClient(): SNSClient {
  sns ??= createSnsClient({
    region: config.AWS_REGION,
    ...(config.SNS_ENDPOINT === undefined ? {} : { endpoint: config.SNS_ENDPOINT }),
  });
  return sns;
}

const now = () => new Date();

export function ingestDependencies() {
  const table = required(config, 'TABLE_NAME');
  const stored = new DynamoAliasStore(dynamoDbClient(), table);
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), table),
    metrics: new DynamoMetricStore(dynamoDbClient(), table),
    now,
    aliases: cachedAliasTable({
      defaults: defaultAliases,
      load: () => stored.listAliases(),
      ttlMs: config.ALIASES_CACHE_MS,
      now: Date.now,
    }),
    timeZone: config.NEWSROOM_TIME_ZONE,
  };
}

export function correctionsDependencies() {
  const table = required(config, 'TABLE_NAME');
  return {
    aliases: new DynamoAliasStore(dynamoDbClient(), table),
    defaultAliases,
    metrics: new DynamoMetricStore(dynamoDbClient(), table),
    now,
  };
}

export function readDependencies() {
  const table = required(config, 'TABLE_NAME');
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), table),
    metrics: new DynamoMetricStore(dynamoDbClient(), table),
    changes: new DynamoChangeLog(dynamoDbClient(), table, { settleMs: config.CHANGES_SETTLE_MS }),
    publicBaseUrl: config.PUBLIC_BASE_URL,
  };
}

/** Changes and digests go to the topic alike, their email texts linking to the public site's pages. */
function eventPublisher(): SnsChangePublisher {
  return new SnsChangePublisher(snsClient(), required(config, 'TOPIC_ARN'), {
    linkBase: config.PUBLIC_BASE_URL,
  });
}

export function pipelineDependencies() {
  const table = required(config, 'TABLE_NAME');
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), table),
    metrics: new DynamoMetricStore(dynamoDbClient(), table),
    digests: eventPublisher(),
    now,
  };
}

export function publisherDependencies() {
  return { publisher: eventPublisher() };
}

export function subscriptionDependencies() {
  return { subscriber: new SnsSubscriber(snsClient(), required(config, 'TOPIC_ARN')) };
}
