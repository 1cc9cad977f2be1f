// The ingest function's dependencies.
import { DynamoAliasStore } from '../adapters/dynamodb/alias-store.ts';
import { DynamoBriefStore } from '../adapters/dynamodb/brief-store.ts';
import { DynamoMetricStore } from '../adapters/dynamodb/metric-store.ts';
import { cachedAliasTable } from '../core/aliases.ts';
import { defaultAliases } from '../core/default-aliases.ts';
import type { IngestDeps } from '../core/ingest.ts';
import { dynamoDbClient, tableName } from './dynamodb.ts';
import { config, now } from './environment.ts';

export function ingestDependencies(): IngestDeps {
  const stored = new DynamoAliasStore(dynamoDbClient(), tableName());
  return {
    briefs: new DynamoBriefStore(dynamoDbClient(), tableName()),
    metrics: new DynamoMetricStore(dynamoDbClient(), tableName()),
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
