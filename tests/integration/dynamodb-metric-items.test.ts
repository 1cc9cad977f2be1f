import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, AttributeValue as StreamAttributeValue } from 'aws-lambda';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoChangeLog } from '../../functions/adapters/dynamodb/change-log.ts';
import { UndecodableItemError } from '../../functions/adapters/dynamodb/compact-codec.ts';
import { type Item, itemSizeBytes, primaryKey, toItem } from '../../functions/adapters/dynamodb/items.ts';
import { changesPartitionOf } from '../../functions/adapters/dynamodb/keys.ts';
import {
  changeFromItem,
  headFromItem,
  headItem,
  observationItem,
  storedObservationFromItem,
} from '../../functions/adapters/dynamodb/metric-items.ts';
import { DynamoMetricStore } from '../../functions/adapters/dynamodb/metric-store.ts';
import { isPublicationDay } from '../../functions/core/brief.ts';
import { eventIdOf, observationKey } from '../../functions/core/diff.ts';
import {
  type Change,
  changeTypes,
  figureKinds,
  type Observation,
  qualifiers,
} from '../../functions/core/model.ts';
import type { MetricHead, StoredObservation } from '../../functions/core/ports.ts';
import { newImageOf } from '../../functions/handlers/stream-records.ts';
import { chineseObservation, freshTable, head, stored, storedChange } from './dynamodb-fixtures.ts';

/** When the puts in these tests are attempted: the changes' position in the index. */
const attemptedAt = new Date('2020-05-14T00:00:03.000Z');

// -0 is the one double no DynamoDB number or JSON text keeps apart from 0.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0));
const isoTime = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** Mostly what the core writes (derived keys, shared metric), sometimes anything, so no field is taken on trust. */
const observationArb: fc.Arbitrary<Observation> = fc
  .record({
    metric: fc.constantFrom('大连:城镇登记失业率:percent', '大连:新增就业:people'),
    asOf: fc.constantFrom('2020-04-30', '2020-05-11'),
    publishedAt: fc.oneof(isoTime, fc.constantFrom('2020-05-14T08:00:00+08:00', '2020-05-14'), fc.string()),
    briefId: fc.oneof(fc.constantFrom('dalian-jobs', 'dalian#jobs'), fc.string()),
    revision: fc.oneof(fc.integer({ min: 1, max: 999_999 }), finite),
    figureIndex: fc.oneof(fc.nat({ max: 500 }), finite),
    value: fc.oneof(fc.constantFrom(429000000, 98.4, 2.79, 0.16), finite),
    unit: fc.constantFrom('%', '元', '人', ''),
    qualifier: fc.constantFrom(...qualifiers),
    label: fc.oneof(fc.constantFrom('规模以上工业企业复工率', '城镇新增就业'), fc.string()),
    kind: fc.constantFrom(...figureKinds),
    region: fc.constantFrom('大连', ''),
    surface: fc.oneof(fc.constantFrom('约4.29亿元', '98.4%', '2.79%'), fc.string()),
    ownKey: fc.option(fc.string(), { freq: 4 }),
    english: fc.boolean(),
  })
  .map(({ ownKey, english, ...fields }) => ({
    ...fields,
    ...(english ? { language: 'en' as const } : {}),
    key:
      ownKey ??
      (isPublicationDay(fields.publishedAt) || Number.isNaN(Date.parse(fields.publishedAt))
        ? 'no-derivable-key'
        : observationKey(fields)),
  }));

/** Another observation of the same series: some fields of `current` changed. */
const relatedArb = (current: Observation): fc.Arbitrary<Observation> =>
  fc.tuple(observationArb, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 })).map(([other, keep]) => {
    // Either one's fields, the optional language included: a previous value may be in another language.
    const fields = [...new Set([...Object.keys(current), ...Object.keys(other)])] as (keyof Observation)[];
    return Object.fromEntries(
      fields
        .map((field, index) => [field, keep[index] ? current[field] : other[field]])
        .filter(([, value]) => value !== undefined),
    ) as unknown as Observation;
  });

const changeArb = (current: Observation, recordedAt: string): fc.Arbitrary<Change> =>
  fc.record({
    type: fc.constantFrom(...changeTypes),
    eventId: fc.oneof(fc.constant(eventIdOf(current)), fc.string()),
    metric: fc.oneof(fc.constant(current.metric), fc.string()),
    previous: fc.option(relatedArb(current)),
    current: fc.constant(current),
    delta: fc.option(finite),
    deltaPercent: fc.option(finite),
    deltaPoints: fc.option(finite),
    direction: fc.constantFrom('up' as const, 'down' as const, null),
    recordedAt: fc.oneof(fc.constant(recordedAt), isoTime),
  });

const storedArb = (observation: Observation): fc.Arbitrary<StoredObservation> =>
  isoTime.chain((recordedAt) =>
    fc.record({
      observation: fc.constant(observation),
      change: fc.option(changeArb(observation, recordedAt)),
      recordedAt: fc.constant(recordedAt),
    }),
  );

const headArb: fc.Arbitrary<MetricHead> = observationArb.chain((latest) =>
  fc
    .record({
      version: fc.integer({ min: 1, max: 1_000_000 }),
      label: fc.oneof(fc.constant(latest.label), fc.string()),
      unit: fc.oneof(fc.constant(latest.unit), fc.string()),
      kind: fc.oneof(fc.constant(latest.kind), fc.constantFrom(...figureKinds)),
      region: fc.oneof(fc.constant(latest.region), fc.string()),
      pending: fc.option(
        fc.oneof(fc.constant(latest), relatedArb(latest)).chain((observation) => storedArb(observation)),
      ),
      updatedAt: isoTime,
    })
    .map(({ pending, ...rest }) => ({
      metric: latest.metric,
      latest,
      ...rest,
      ...(pending === null ? {} : { pending }),
    })),
);

describe('the compact layout of metric items', () => {
  it('gives back every stored observation exactly, whatever its fields', () => {
    fc.assert(
      fc.property(observationArb.chain(storedArb), (entry) => {
        expect(storedObservationFromItem(observationItem(entry, attemptedAt))).toEqual(entry);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back every head exactly, with or without its pending observation', () => {
    fc.assert(
      fc.property(headArb, (metricHead) => {
        expect(headFromItem(headItem(metricHead))).toEqual(metricHead);
      }),
      { numRuns: 500 },
    );
  });

  it('carries `change` as a string exactly when there is a change, beside what the change log filters on', () => {
    const current = chineseObservation();
    const changed = stored(current, chineseObservation({ asOf: '2020-04-30', value: 3.01 }));
    const withChange = observationItem(changed, attemptedAt);
    const withoutChange = observationItem(stored(current, current), attemptedAt);
    expect(typeof withChange.change?.S).toBe('string');
    expect(withChange).toMatchObject({
      gsi1pk: { S: changesPartitionOf(changed.change?.eventId ?? '') },
      region: { S: '大连' },
      changeType: { S: 'figure.changed' },
    });
    expect(withChange.observation).toBeUndefined();
    expect(Object.keys(withoutChange).sort()).toEqual(['observation', 'pk', 'sk']);
  });

  it('stores the previous observation only where it differs from the current one', () => {
    const current = chineseObservation();
    const previous = chineseObservation({ asOf: '2020-04-30', value: 3.01, surface: '3.01%' });
    const text = observationItem(stored(current, previous), attemptedAt).change?.S ?? '';
    expect(JSON.parse(text).pr).toEqual({ as: '2020-04-30', val: 3.01, sf: '3.01%' });
  });

  it('decodes the change of a Lambda stream image', () => {
    const entry = stored(chineseObservation(), chineseObservation({ asOf: '2020-04-30', value: 3.01 }));
    const image = observationItem(entry, attemptedAt) as Record<string, StreamAttributeValue>;
    const fromStream = (NewImage: Record<string, StreamAttributeValue>) =>
      changeFromItem(newImageOf({ eventID: 'e', dynamodb: { NewImage } } as DynamoDBRecord));
    expect(fromStream(image)).toEqual(storedChange(entry));
    const unchanged = observationItem(stored(chineseObservation(), chineseObservation()), attemptedAt);
    expect(() => fromStream(unchanged as Record<string, StreamAttributeValue>)).toThrow(/carries no change/);
  });

  it('refuses items it cannot decode, naming the item and the attribute', () => {
    const keys = { pk: 'METRIC#大连:失业率:percent', sk: 'OBS#x' };
    const observation = chineseObservation();
    // The layout before the compact form kept whole records as maps.
    const expanded = toItem({ ...keys, observation, recordedAt: '2020-05-14T00:00:01.000Z' });
    expect(() => storedObservationFromItem(expanded)).toThrow(UndecodableItemError);
    expect(() => storedObservationFromItem(expanded)).toThrow(/OBS#x observation: expected compact text/);
    const broken = toItem({ ...keys, observation: '{"as":"2020-05-11"' });
    expect(() => storedObservationFromItem(broken)).toThrow(/not JSON/);
    const incomplete = toItem({ ...keys, observation: '{"as":"2020-05-11"}' });
    expect(() => storedObservationFromItem(incomplete)).toThrow(/publishedAt \('pub'\) is neither stored/);
    expect(() => headFromItem(toItem({ ...keys, gsi2sk: 'm', version: '1' }))).toThrow(
      /attribute version must be a number, received "1"/,
    );
  });

  it('refuses to store a change whose current observation is not the stored one', () => {
    const entry = stored(chineseObservation(), undefined);
    const change = { ...storedChange(entry), current: chineseObservation({ value: 1 }) };
    expect(() => observationItem({ ...entry, change }, attemptedAt)).toThrow(
      /differs from the stored one in value/,
    );
  });

  it('refuses a value that JSON text would turn into null', () => {
    expect(() =>
      observationItem(stored(chineseObservation({ value: Number.NaN }), undefined), attemptedAt),
    ).toThrow(/field 'val' must be a finite number, received NaN/);
  });
});

describe('metric items in DynamoDB Local', () => {
  const earlier = chineseObservation({
    asOf: '2020-04-30',
    publishedAt: '2020-05-02T08:00:00+08:00',
    value: 3.01,
    surface: '3.01%',
  });
  const current = chineseObservation();
  const withChange = stored(current, earlier);
  let context: Awaited<ReturnType<typeof freshTable>>;
  beforeAll(async () => {
    context = await freshTable('dynamodb-metric-items');
  });

  async function put(item: Item) {
    const output = await context.client.send(
      new PutItemCommand({ TableName: context.tableName, Item: item, ReturnConsumedCapacity: 'INDEXES' }),
    );
    return {
      table: output.ConsumedCapacity?.Table?.CapacityUnits,
      indexes: output.ConsumedCapacity?.GlobalSecondaryIndexes,
    };
  }

  it('keeps a head without a pending copy and an observation without a change within one write unit', async () => {
    expect(itemSizeBytes(headItem(head(current, 2)))).toBeLessThanOrEqual(1024);
    expect(itemSizeBytes(observationItem({ ...withChange, change: null }, attemptedAt))).toBeLessThanOrEqual(
      1024,
    );
    expect((await put(observationItem({ ...withChange, change: null }, attemptedAt))).table).toBe(1);
  });

  it('leaves the keys-only metrics index unwritten when a head is rewritten', async () => {
    const first = await put(headItem(head(earlier, 1)));
    const rewrite = await put(headItem(head(current, 2)));
    expect(first.indexes?.metrics?.CapacityUnits).toBe(1);
    expect(rewrite).toEqual({ table: 1, indexes: undefined });
  });

  it('needs one write unit for a head with a pending copy, and one plus one in the index for a change', async () => {
    expect(itemSizeBytes(headItem(head(earlier, 2, withChange)))).toBeLessThanOrEqual(1024);
    expect(await put(headItem(head(earlier, 2, withChange)))).toEqual({ table: 1, indexes: undefined });
    expect(await put(observationItem(withChange, attemptedAt))).toEqual({
      table: 1,
      indexes: { changes: { CapacityUnits: 1 } },
    });
  });

  it('reads back 429000000, 98.4, 2.79 and a 0.16 move exactly, from the table and from the change log', async () => {
    const store = new DynamoMetricStore(context.client, context.tableName);
    const series = (overrides: Partial<Observation>) =>
      chineseObservation({
        metric: '大连:财政收入:money',
        label: '财政收入',
        unit: '元',
        kind: 'money',
        ...overrides,
      });
    const revenue = stored(
      series({ value: 429000000, surface: '约4.29亿元' }),
      series({ asOf: '2020-04-30', value: 98.4, surface: '98.4元' }),
    );
    const unemployment = (overrides: Partial<Observation>) =>
      chineseObservation({ metric: '大连:登记失业率:percent', ...overrides });
    const rate = stored(unemployment({ value: 2.79 }), unemployment({ asOf: '2020-04-30', value: 2.95 }));
    expect(storedChange(rate).delta).toBe(-0.16);
    for (const entry of [revenue, rate]) {
      await store.putObservation(entry);
      expect(await store.getObservation(entry.observation.metric, entry.observation.key)).toEqual(entry);
    }
    const { Item: raw } = await context.client.send(
      new GetItemCommand({
        TableName: context.tableName,
        Key: primaryKey(observationItem(rate, attemptedAt)),
      }),
    );
    expect(raw === undefined ? undefined : changeFromItem(raw)).toEqual(storedChange(rate));
    const logged = await new DynamoChangeLog(context.client, context.tableName, {
      settleMs: 0,
    }).latestChanges({
      limit: 10,
      region: '大连',
    });
    expect(logged).toEqual(expect.arrayContaining([storedChange(revenue), storedChange(rate)]));
  });
});
