// Builders and a fresh table per test file for the DynamoDB adapter tests.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb/client.ts';
import { ensureTable } from '../../functions/adapters/dynamodb/table-definition.ts';
import { classifyChange } from '../../functions/core/diff.ts';
import type { Change, Figure, Observation } from '../../functions/core/model.ts';
import type { BriefRevision, MetricHead, StoredObservation } from '../../functions/core/ports.ts';
import { observation } from '../support/fixtures.ts';

export function localClient(): DynamoDBClient {
  return createDynamoDbClient({
    region: 'us-east-1',
    endpoint: inject('dynamodbEndpoint'),
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export async function freshTable(purpose: string): Promise<{ client: DynamoDBClient; tableName: string }> {
  const client = localClient();
  const tableName = `${purpose}-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, tableName);
  return { client, tableName };
}

/** A typical figure of a Chinese brief, as the extractor reports it. */
export const chineseObservation = observation;

export function stored(
  current: Observation,
  previous: Observation | undefined,
  recordedAt = '2020-05-14T00:00:01.000Z',
): StoredObservation {
  return {
    observation: current,
    change: classifyChange({ current, previous, hasLater: false, recordedAt }),
    recordedAt,
  };
}

export function storedChange(entry: StoredObservation): Change {
  if (entry.change === null) throw new Error(`observation ${entry.observation.key} caused no change`);
  return entry.change;
}

export function head(latest: Observation, version: number, pending?: StoredObservation): MetricHead {
  return {
    metric: latest.metric,
    version,
    label: latest.label,
    unit: latest.unit,
    kind: latest.kind,
    region: latest.region,
    latest,
    ...(pending === undefined ? {} : { pending }),
    updatedAt: '2020-05-14T00:00:02.000Z',
  };
}

export function figure(index: number, labelLength = 12): Figure {
  const label = `规模以上工业企业复工率第${index}项${'统'.repeat(labelLength)}`;
  return {
    offset: index * 40,
    length: 6,
    surface: `${index}.5%`,
    value: index + 0.5,
    unit: '%',
    qualifier: index % 2 === 0 ? 'exact' : 'approx',
    label,
    kind: 'percent',
    metric: `大连:${label}:percent`,
    ...(index % 3 === 0 ? { asOf: '2020-05-11' } : {}),
  };
}

export function briefRevision(overrides: Partial<BriefRevision> = {}): BriefRevision {
  return {
    briefId: 'dalian-jobs',
    revision: 1,
    contentHash: 'sha256-aaaa',
    brief: {
      id: 'dalian-jobs',
      headline: '大连城镇登记失业率回落',
      body: '截至5月11日，大连城镇登记失业率为2.79%，规模以上工业企业复工率达98.4%。',
      publishedAt: '2020-05-14T08:00:00+08:00',
      region: '大连',
      language: 'zh',
    },
    figures: [figure(1), figure(2)],
    storedAt: '2020-05-14T00:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}
