// DynamoDB capacity, measured from the outside: every DynamoDBClient in this process (the handlers' own included)
// asks for ReturnConsumedCapacity 'INDEXES', and the answers are summed by operation and item type.
import { type AttributeValue, type ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { writeUnits } from '../functions/adapters/dynamodb/index.ts';

const capacityOperations = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
]);
export const writeOperations = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);
/** Conditional failures answer without ConsumedCapacity, yet DynamoDB bills them as a write of the item. */
const failedConditionErrors = new Set(['ConditionalCheckFailedException', 'TransactionCanceledException']);

export interface OperationTally {
  /** Operation and the item types it touched, e.g. "PutItem METRIC/HEAD". */
  operation: string;
  calls: number;
  failedConditions: number;
  tableUnits: number;
  indexUnits: number;
  /** Estimated from item sizes for failed conditional writes, which report no capacity. */
  failedConditionUnits: number;
  /**
   * DynamoDB Local reports 0 units for a query that matches nothing; AWS bills such a query its minimum (1 unit
   * strongly consistent, 0.5 eventually), added here.
   */
  minimumQueryUnits: number;
  totalMs: number;
}

type Command = { constructor: { name: string }; input: Record<string, unknown> };
export type Key = Record<string, AttributeValue>;

/** "BRIEF/REV", "METRIC/OBS", "METRIC/HEAD": the prefixes of an item's keys. */
export function itemTypeOf(key: Key | undefined): string {
  const prefix = (attribute: AttributeValue | undefined) => (attribute?.S ?? '?').split('#')[0];
  return `${prefix(key?.pk)}/${prefix(key?.sk)}`;
}

function keysOf(operation: string, input: Record<string, unknown>): Key[] {
  const requests = (input.RequestItems ?? {}) as Record<string, unknown>;
  switch (operation) {
    case 'PutItem':
      return [input.Item as Key];
    case 'BatchWriteItem':
      return Object.values(requests).flatMap((list) =>
        (list as { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }[]).map(
          (request) => request.PutRequest?.Item ?? (request.DeleteRequest?.Key as Key),
        ),
      );
    case 'BatchGetItem':
      return Object.values(requests).flatMap((entry) => (entry as { Keys: Key[] }).Keys);
    case 'TransactWriteItems':
      return (input.TransactItems as Record<string, { Item?: Key; Key?: Key }>[]).map((entry) => {
        const action = Object.values(entry)[0];
        return (action?.Item ?? action?.Key) as Key;
      });
    default:
      return [input.Key as Key];
  }
}

/** A query is named by its index and the prefixes of the values its key condition compares. */
function queryTarget(input: Record<string, unknown>): string {
  const values = (input.ExpressionAttributeValues ?? {}) as Key;
  const placeholders = String(input.KeyConditionExpression ?? '').match(/:\w+/g) ?? [];
  const prefixes = placeholders.map((name) => (values[name]?.S ?? '?').split('#')[0]);
  return `${(input.IndexName as string | undefined) ?? 'table'} ${prefixes.join('/')}`;
}

function targetOf(operation: string, input: Record<string, unknown>): string {
  if (operation === 'Query' || operation === 'Scan') return queryTarget(input);
  return [...new Set(keysOf(operation, input).map(itemTypeOf))].sort().join('+');
}

function capacityUnits(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) {
  const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let table = 0;
  let index = 0;
  for (const entry of all) {
    const indexes = Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce(
      (sum, capacity) => sum + (capacity.CapacityUnits ?? 0),
      0,
    );
    index += indexes;
    table += entry.Table?.CapacityUnits ?? (entry.CapacityUnits ?? 0) - indexes;
  }
  return { table, index };
}

function failedConditionUnits(operation: string, input: Record<string, unknown>): number {
  if (operation === 'PutItem') return writeUnits(input.Item as Key);
  if (operation === 'TransactWriteItems')
    return keysOf(operation, input).reduce((sum, item) => sum + 2 * writeUnits(item), 0);
  return 1;
}

export interface CapacityMeter {
  snapshot(): OperationTally[];
  stop(): void;
}

export function meterDynamoDb(): CapacityMeter {
  const tallies = new Map<string, OperationTally>();
  const prototype = DynamoDBClient.prototype as unknown as {
    send(this: DynamoDBClient, command: Command, ...rest: unknown[]): Promise<unknown>;
  };
  const hadOwnSend = Object.hasOwn(prototype, 'send');
  const send = prototype.send;
  prototype.send = async function meteredSend(this: DynamoDBClient, command: Command, ...rest: unknown[]) {
    const operation = command.constructor.name.replace(/Command$/, '');
    if (!capacityOperations.has(operation)) return send.call(this, command, ...rest);
    command.input.ReturnConsumedCapacity = 'INDEXES';
    const label = `${operation} ${targetOf(operation, command.input)}`;
    const tally =
      tallies.get(label) ??
      tallies
        .set(label, {
          operation: label,
          calls: 0,
          failedConditions: 0,
          tableUnits: 0,
          indexUnits: 0,
          failedConditionUnits: 0,
          minimumQueryUnits: 0,
          totalMs: 0,
        })
        .get(label);
    const entry = tally as OperationTally;
    const started = performance.now();
    try {
      const output = (await send.call(this, command, ...rest)) as { ConsumedCapacity?: ConsumedCapacity };
      const units = capacityUnits(output.ConsumedCapacity);
      const unbilledQuery =
        (operation === 'Query' || operation === 'Scan') && units.table + units.index === 0;
      if (unbilledQuery) entry.minimumQueryUnits += command.input.ConsistentRead === true ? 1 : 0.5;
      entry.tableUnits += units.table;
      entry.indexUnits += units.index;
      return output;
    } catch (error) {
      if (writeOperations.has(operation) && failedConditionErrors.has((error as Error).name)) {
        entry.failedConditions++;
        entry.failedConditionUnits += failedConditionUnits(operation, command.input);
      }
      throw error;
    } finally {
      entry.calls++;
      entry.totalMs += performance.now() - started;
    }
  };
  return {
    snapshot: () => [...tallies.values()].map((tally) => ({ ...tally })),
    stop: () => {
      if (hadOwnSend) prototype.send = send;
      else delete (prototype as { send?: unknown }).send;
    },
  };
}

/** What happened between two snapshots of the meter. */
export function difference(after: OperationTally[], before: OperationTally[]): OperationTally[] {
  const earlier = new Map(before.map((tally) => [tally.operation, tally]));
  return after
    .map((tally) => {
      const base = earlier.get(tally.operation);
      if (base === undefined) return tally;
      return {
        operation: tally.operation,
        calls: tally.calls - base.calls,
        failedConditions: tally.failedConditions - base.failedConditions,
        tableUnits: tally.tableUnits - base.tableUnits,
        indexUnits: tally.indexUnits - base.indexUnits,
        failedConditionUnits: tally.failedConditionUnits - base.failedConditionUnits,
        minimumQueryUnits: tally.minimumQueryUnits - base.minimumQueryUnits,
        totalMs: tally.totalMs - base.totalMs,
      };
    })
    .filter((tally) => tally.calls > 0);
}
