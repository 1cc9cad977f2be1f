// The items of a metric's partition: its head and one item per observation, their records in the compact form
// of compact-codec.ts, as JSON text.
//
// head:        pk METRIC#<metric>, sk HEAD, gsi2pk METRIC, gsi2sk <metric>, version, head (text)
//              pk METRIC#<metric>, sk HEAD, version, head (text)                    merged into another
// observation: pk METRIC#<metric>, sk OBS#<key>, observation (text)                  without a change
//              pk METRIC#<metric>, sk OBS#<key>, observation (text), copiedFrom     copied by a merge
//              pk METRIC#<metric>, sk OBS#<key>, change (text), gsi1pk CHG#<shard of the event id>,
//              gsi1sk <put attempted at>#<eventId>, region, changeType               with a change
//
// `change` exists exactly on the items with a change, and as a string: the publisher's stream filter tests that
// it exists, and Lambda event filtering can only test a leaf value, never a map. `region` and `changeType` are
// what the change log's filters compare.
import type { Change, ChangeType } from '../../core/model.ts';
import type { MetricHead, StoredObservation } from '../../core/ports.ts';
import {
  compactText,
  decodeHead,
  decodeStored,
  encodeHead,
  encodeStored,
  parseCompactText,
  UndecodableItemError,
} from './compact-codec.ts';
import { fromItem, type Item, toItem } from './items.ts';
import {
  changePosition,
  changesPartitionOf,
  headSortKey,
  metricOfPartitionKey,
  metricPartitionKey,
  metricsPartition,
  observationSortKey,
} from './keys.ts';

const describeItem = (item: Item): string => `item ${item.pk?.S ?? '(no pk)'} ${item.sk?.S ?? '(no sk)'}`;

function attributeOfType<Type extends 'string' | 'number'>(
  record: Record<string, unknown>,
  name: string,
  type: Type,
  where: string,
): Type extends 'string' ? string : number {
  const value = record[name];
  if (typeof value !== type) {
    throw new UndecodableItemError(
      `${where}: attribute ${name} must be a ${type}, received ${JSON.stringify(value)}`,
    );
  }
  return value as Type extends 'string' ? string : number;
}

/** A merged metric's head leaves the `metrics` index: GET /metrics lists the metrics that hold a series. */
export function headItem(head: MetricHead): Item {
  return toItem({
    pk: metricPartitionKey(head.metric),
    sk: headSortKey,
    ...(head.mergedInto === undefined ? { gsi2pk: metricsPartition, gsi2sk: head.metric } : {}),
    version: head.version,
    head: compactText(encodeHead(head)),
  });
}

function metricOfItem(record: Record<string, unknown>, where: string): string {
  const metric = metricOfPartitionKey(attributeOfType(record, 'pk', 'string', where));
  if (metric === undefined) throw new UndecodableItemError(`${where}: not in a metric's partition`);
  return metric;
}

export function headFromItem(item: Item): MetricHead {
  const where = describeItem(item);
  const record = fromItem(item);
  const held = {
    metric: metricOfItem(record, where),
    version: attributeOfType(record, 'version', 'number', where),
  };
  return decodeHead(parseCompactText(record.head, `${where} head`), held, where);
}

/**
 * A merge's copy of an observation of `from`: an observation item of its new metric without a change, marked so
 * that the metric's own writer may replace it (see DynamoMetricStore.putObservation).
 */
export function copiedObservationItem(stored: StoredObservation, from: string, attemptedAt: Date): Item {
  return { ...observationItem({ ...stored, change: null }, attemptedAt), ...toItem({ copiedFrom: from }) };
}

/** `attemptedAt`: when the put of this item is attempted, which places a change in the changes index. */
export function observationItem(stored: StoredObservation, attemptedAt: Date): Item {
  const { observation, change } = stored;
  const keys = { pk: metricPartitionKey(observation.metric), sk: observationSortKey(observation.key) };
  const ownMetric = { metric: observation.metric };
  if (change === null) {
    return toItem({ ...keys, observation: compactText(encodeStored(stored, { observation: ownMetric })) });
  }
  const reference = { observation: { ...ownMetric, region: observation.region }, changeType: change.type };
  return toItem({
    ...keys,
    change: compactText(encodeStored(stored, reference)),
    gsi1pk: changesPartitionOf(change.eventId),
    gsi1sk: changePosition(attemptedAt, change.eventId),
    region: observation.region,
    changeType: change.type,
  });
}

/** Decodes an observation item, read from the table or its index, or the new image of one on the table stream. */
export function storedObservationFromItem(item: Item): StoredObservation {
  const where = describeItem(item);
  const record = fromItem(item);
  const metric = metricOfItem(record, where);
  if (record.change === undefined) {
    return decodeStored(
      parseCompactText(record.observation, `${where} observation`),
      { observation: { metric } },
      where,
    );
  }
  const reference = {
    observation: { metric, region: attributeOfType(record, 'region', 'string', where) },
    changeType: attributeOfType(record, 'changeType', 'string', where) as ChangeType,
  };
  return decodeStored(parseCompactText(record.change, `${where} change`), reference, where);
}

/** Decodes the change of an observation item, read from the table, its `changes` index or the table stream. */
export function changeFromItem(item: Item): Change {
  const { change } = storedObservationFromItem(item);
  if (change === null) throw new TypeError(`${describeItem(item)} carries no change`);
  return change;
}
