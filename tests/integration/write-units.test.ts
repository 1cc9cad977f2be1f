// What each figure costs in DynamoDB write units when the core records it: measured, not computed, from the
// ConsumedCapacity DynamoDB Local reports for every write (table and each index), and checked against item sizes.
import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Item, itemSizeBytes, writeUnits } from '../../functions/adapters/dynamodb/items.ts';
import { DynamoMetricStore } from '../../functions/adapters/dynamodb/metric-store.ts';
import { observationKey } from '../../functions/core/diff.ts';
import { metricKey } from '../../functions/core/metric-key.ts';
import type { Observation } from '../../functions/core/model.ts';
import type { StoredObservation } from '../../functions/core/ports.ts';
import { recordObservation } from '../../functions/core/record-observation.ts';
import { printReport } from '../support/reports.ts';
import { freshTable } from './dynamodb-fixtures.ts';

interface MeteredWrite {
  command: string;
  item: Item | undefined;
  /** Undefined when the response carried no ConsumedCapacity. */
  table: number | undefined;
  indexes: Record<string, number>;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

/** Asks for the capacity of every write the client sends, per index, and keeps what the responses report. */
function meterWrites(client: DynamoDBClient): MeteredWrite[] {
  const writes: MeteredWrite[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!writeCommands.has(command)) return next(args);
      const input = {
        ...(args.input as { Item?: Item; RequestItems?: Record<string, { PutRequest?: { Item?: Item } }[]> }),
        ReturnConsumedCapacity: 'INDEXES' as const,
      };
      const result = await next({ ...args, input });
      // A coalesced put is a BatchWriteItem; figures here are recorded one at a time, so it holds one item.
      const batched = Object.values(input.RequestItems ?? {}).flat();
      const item = input.Item ?? (batched.length === 1 ? batched[0]?.PutRequest?.Item : undefined);
      const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] })
        .ConsumedCapacity;
      const capacities = reported === undefined ? [undefined] : [reported].flat();
      for (const capacity of capacities) {
        writes.push({
          command,
          item,
          table: capacity?.Table?.CapacityUnits ?? capacity?.CapacityUnits,
          indexes: Object.fromEntries(
            Object.entries(capacity?.GlobalSecondaryIndexes ?? {}).map(([name, units]) => [
              name,
              units.CapacityUnits ?? 0,
            ]),
          ),
        });
      }
      return result;
    },
    { step: 'initialize', name: 'meterWriteCapacity' },
  );
  return writes;
}

interface Brief {
  briefId: string;
  revision: number;
  asOf: string;
  publishedAt: string;
}

const region = '大连';
/** Each brief's figures in the order they are listed below. */
const figureIndexes = new Map<Brief, number>();

function figureOf(
  brief: Brief,
  label: string,
  figure: Pick<Observation, 'value' | 'unit' | 'kind' | 'qualifier' | 'surface'>,
): Observation {
  const parts = {
    asOf: brief.asOf,
    publishedAt: brief.publishedAt,
    briefId: brief.briefId,
    revision: brief.revision,
  };
  figureIndexes.set(brief, (figureIndexes.get(brief) ?? -1) + 1);
  return {
    metric: metricKey({ region, label, unit: figure.unit }),
    key: observationKey(parts),
    ...parts,
    figureIndex: figureIndexes.get(brief) ?? 0,
    ...figure,
    label,
    region,
  };
}

const aprilBrief = {
  briefId: 'dalian-economy-2020-05-02',
  revision: 1,
  asOf: '2020-04-30',
  publishedAt: '2020-05-02T08:00:00+08:00',
};
const mayBrief = {
  briefId: 'dalian-economy-2020-05-14',
  revision: 1,
  asOf: '2020-05-11',
  publishedAt: '2020-05-14T08:00:00+08:00',
};
const mayRevision = { ...mayBrief, revision: 2, publishedAt: '2020-05-14T10:30:00+08:00' };
const lateBrief = {
  briefId: 'dalian-jobs-weekly-2020-05-03',
  revision: 1,
  asOf: '2020-05-03',
  publishedAt: '2020-05-15T09:00:00+08:00',
};

const resumption = '规模以上工业企业复工率';
const newJobs = '城镇新增就业';
const revenue = '一般公共预算收入';
const unemployment = '城镇登记失业率';
const taxRelief = '新增减税降费';
const percent = { unit: '%', kind: 'percent', qualifier: 'exact' } as const;

/** Two editions of a brief, a revision of the second and a late brief: every outcome the diff knows. */
const figures: Observation[] = [
  figureOf(aprilBrief, resumption, { ...percent, value: 95.1, surface: '95.1%' }),
  figureOf(aprilBrief, newJobs, {
    value: 38000,
    unit: '人',
    kind: 'count',
    qualifier: 'over',
    surface: '3.8万余人',
  }),
  figureOf(aprilBrief, revenue, {
    value: 412000000,
    unit: '元',
    kind: 'money',
    qualifier: 'approx',
    surface: '约4.12亿元',
  }),
  figureOf(aprilBrief, unemployment, { ...percent, value: 2.95, surface: '2.95%' }),
  figureOf(mayBrief, resumption, { ...percent, value: 98.4, surface: '98.4%' }),
  figureOf(mayBrief, newJobs, {
    value: 42303,
    unit: '人',
    kind: 'count',
    qualifier: 'exact',
    surface: '42303人',
  }),
  figureOf(mayBrief, revenue, {
    value: 429000000,
    unit: '元',
    kind: 'money',
    qualifier: 'approx',
    surface: '约4.29亿元',
  }),
  figureOf(mayBrief, unemployment, { ...percent, value: 2.95, surface: '2.95%' }),
  figureOf(mayBrief, taxRelief, {
    value: 279000000,
    unit: '元',
    kind: 'money',
    qualifier: 'exact',
    surface: '2.79亿元',
  }),
  figureOf(mayRevision, unemployment, { ...percent, value: 2.79, surface: '2.79%' }),
  figureOf(mayRevision, resumption, { ...percent, value: 98.4, surface: '98.4%' }),
  figureOf(lateBrief, newJobs, {
    value: 40000,
    unit: '人',
    kind: 'count',
    qualifier: 'approx',
    surface: '约4万人',
  }),
  figureOf(lateBrief, resumption, { ...percent, value: 95.1, surface: '95.1%' }),
];

interface FigureCost {
  figure: string;
  outcome: string;
  headBytes: number;
  observationBytes: number;
  table: number;
  changesIndex: number;
  metricsIndex: number;
  total: number;
}

const isHead = (write: MeteredWrite) => write.item?.sk?.S === 'HEAD';
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('write units per figure recorded by the core protocol', () => {
  const costs: FigureCost[] = [];
  const writes: MeteredWrite[][] = [];
  const results: StoredObservation[] = [];
  let store: DynamoMetricStore;

  beforeAll(async () => {
    const context = await freshTable('write-units');
    const metered = meterWrites(context.client);
    store = new DynamoMetricStore(context.client, context.tableName);
    let tick = Date.UTC(2020, 4, 15);
    const clock = () => {
      tick += 1000;
      return new Date(tick);
    };
    for (const figure of figures) {
      metered.length = 0;
      const stored = await recordObservation(store, figure, clock);
      const figureWrites = [...metered];
      writes.push(figureWrites);
      results.push(stored);
      const units = (pick: (write: MeteredWrite) => number) => sum(figureWrites.map(pick));
      const table = units((write) => write.table ?? Number.NaN);
      const changesIndex = units((write) => write.indexes.changes ?? 0);
      const metricsIndex = units((write) => write.indexes.metrics ?? 0);
      costs.push({
        figure: `${figure.label} ${figure.surface} (${figure.asOf})`,
        outcome: stored.change?.type ?? 'unchanged',
        headBytes: sum(figureWrites.filter(isHead).map((write) => itemSizeBytes(write.item ?? {}))),
        observationBytes: sum(
          figureWrites.filter((write) => !isHead(write)).map((write) => itemSizeBytes(write.item ?? {})),
        ),
        table,
        changesIndex,
        metricsIndex,
        total: table + changesIndex + metricsIndex,
      });
    }
    printReport(costs);
  });

  it('records the mix the way the diff rules say, with every number exact', async () => {
    expect(costs.map((cost) => cost.outcome)).toEqual([
      'figure.added',
      'figure.added',
      'figure.added',
      'figure.added',
      'figure.changed',
      'figure.changed',
      'figure.changed',
      'unchanged',
      'figure.added',
      'figure.revised',
      'unchanged',
      'figure.backfilled',
      'unchanged',
    ]);
    for (const stored of results) {
      const { metric, key } = stored.observation;
      expect(await store.getObservation(metric, key)).toEqual(stored);
    }
    expect(results.map((stored) => stored.change?.delta ?? null)).toContain(-0.16);
  });

  it('gets a reported capacity for every write, which agrees with the item sizes', () => {
    for (const write of writes.flat()) {
      expect(['PutItemCommand', 'BatchWriteItemCommand']).toContain(write.command);
      expect(write.item).toBeDefined();
      const expected = writeUnits(write.item ?? {});
      expect(write.table).toBe(expected);
      // The changes index projects every attribute: an entry costs what the item costs.
      if (write.item?.gsi1pk !== undefined) expect(write.indexes.changes).toBe(expected);
    }
  });

  it('writes two items of at most 1 KB per figure', () => {
    for (const figureWrites of writes) {
      expect(figureWrites.map((write) => write.item?.sk?.S?.slice(0, 4))).toEqual(['HEAD', 'OBS#']);
      for (const write of figureWrites) expect(itemSizeBytes(write.item ?? {})).toBeLessThanOrEqual(1024);
    }
  });

  it('costs 3 write units for a figure that changes its metric and 2 for one that does not: within 3', () => {
    for (const cost of costs) {
      // The first figure of a metric also enters the keys-only metrics index, once for the metric's lifetime.
      const perFigure = cost.total - cost.metricsIndex;
      expect({ figure: cost.figure, perFigure }).toEqual({
        figure: cost.figure,
        perFigure: cost.outcome === 'unchanged' ? 2 : 3,
      });
    }
  });

  it('adds one write unit in the metrics index for a metric first seen, and none after', () => {
    const firstSeen = new Set<string>();
    figures.forEach((figure, index) => {
      const isNew = !firstSeen.has(figure.metric);
      firstSeen.add(figure.metric);
      expect({ figure: figure.label, metricsIndex: costs[index]?.metricsIndex }).toEqual({
        figure: figure.label,
        metricsIndex: isNew ? 1 : 0,
      });
    });
  });
});
