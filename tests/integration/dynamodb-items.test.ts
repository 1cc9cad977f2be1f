import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fromItem,
  type Item,
  itemSizeBytes,
  toItem,
  writeUnits,
} from '../../functions/adapters/dynamodb/items.ts';
import { freshTable } from './dynamodb-fixtures.ts';

describe('itemSizeBytes', () => {
  it('counts UTF-8 bytes of names and string values', () => {
    expect(itemSizeBytes({ pk: { S: 'ab' } })).toBe(4);
    expect(itemSizeBytes({ 标签: { S: '失业率' } })).toBe(6 + 9);
  });

  it('counts numbers by significant digits, two to a byte, plus one', () => {
    expect(itemSizeBytes({ n: { N: '429000000' } })).toBe(1 + 2 + 1);
    expect(itemSizeBytes({ n: { N: '98.4' } })).toBe(1 + 2 + 1);
    expect(itemSizeBytes({ n: { N: '-0.000123' } })).toBe(1 + 2 + 1);
  });

  it('adds the overhead of maps and lists and of each element', () => {
    const nested: Item = { m: { M: { a: { S: 'xy' }, l: { L: [{ BOOL: true }, { NULL: true }] } } } };
    // m + map(3) + [a + 1 + 2] + [l + 1 + list(3) + (1 + 1) + (1 + 1)]
    expect(itemSizeBytes(nested)).toBe(1 + 3 + (1 + 1 + 2) + (1 + 1 + 3 + 2 + 2));
  });
});

describe('items in DynamoDB Local', () => {
  let context: Awaited<ReturnType<typeof freshTable>>;
  beforeAll(async () => {
    context = await freshTable('dynamodb-items');
  });

  async function roundTrip(record: Record<string, unknown>): Promise<Record<string, unknown>> {
    const item = toItem({ pk: 'ROUNDTRIP', sk: String(Math.random()), ...record });
    await context.client.send(new PutItemCommand({ TableName: context.tableName, Item: item }));
    const { Item: read } = await context.client.send(
      new GetItemCommand({
        TableName: context.tableName,
        Key: { pk: item.pk as never, sk: item.sk as never },
      }),
    );
    if (read === undefined) throw new Error('item written but not read back');
    return fromItem(read);
  }

  it('returns every number exactly as written, as a JavaScript number', async () => {
    const values = [429000000, 98.4, 2.79, 0.1 + 0.2, -3.5e-7, 1e21, 2 ** 60, 1.2e13, 0, -42];
    const read = await roundTrip({ values, nested: { value: 98.4, valueMax: 429000000 } });
    expect(read.values).toEqual(values);
    for (const value of read.values as unknown[]) expect(typeof value).toBe('number');
    expect(read.nested).toEqual({ value: 98.4, valueMax: 429000000 });
  });

  it('drops undefined optional fields instead of failing', async () => {
    const read = await roundTrip({ figure: { value: 1, valueMax: undefined, asOf: undefined } });
    expect(read.figure).toEqual({ value: 1 });
  });

  it('agrees with the write units DynamoDB Local reports around the 1 KB boundaries', async () => {
    for (const length of [10, 990, 1000, 1010, 2030, 2040, 2060]) {
      const item = toItem({ pk: 'SIZE', sk: `S${length}`, text: 'x'.repeat(length) });
      const output = await context.client.send(
        new PutItemCommand({ TableName: context.tableName, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
      );
      expect({ length, units: output.ConsumedCapacity?.CapacityUnits }).toEqual({
        length,
        units: writeUnits(item),
      });
    }
  });
});
