// Key layout of the single table; the stream consumers' filters depend on these prefixes.
export const revisionPrefix = 'REV#';
export const observationPrefix = 'OBS#';
export const headSortKey = 'HEAD';
/**
 * How many partitions the sparse `changes` index spreads its writes over. One index partition takes about 1,000
 * writes a second; a single one capped every change of the system at that (docs/capacity.md). Reads merge the
 * partitions in position order. Changing the count re-homes no stored change: a new count needs the old
 * partitions kept in `changesPartitions` until those changes age out.
 */
export const changeShardCount = 8;

/** FNV-1a, 32 bits: stable across releases and runtimes, which the shard of a stored change relies on. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The `changes` index partition of a change: a hash of its event id, so concurrent writers spread evenly. */
export const changesPartitionOf = (eventId: string): string => `CHG#${fnv1a(eventId) % changeShardCount}`;

/**
 * Every partition a read of the `changes` index merges: the shards, and the single partition changes were
 * written to before the index was sharded, so that a table from then stays readable.
 */
export const changesPartitions: readonly string[] = [
  ...Array.from({ length: changeShardCount }, (_, shard) => `CHG#${shard}`),
  'CHANGES',
];
/** Partition of the sparse `metrics` index. */
export const metricsPartition = 'METRIC';
/** The one partition of the editors' aliases: all of them are read at once, and there are few. */
export const aliasesPartition = 'ALIASES';
export const aliasPrefix = 'ALIAS#';
export const aliasSortKey = (from: string): string => `${aliasPrefix}${from}`;

export const maxRevision = 999_999;
const maxPartIndex = 999;

export const briefPartitionKey = (briefId: string): string => `BRIEF#${briefId}`;
/** Records a stream consumer failed, one partition per consumer (failures are rare; replay reads them all). */
export const failurePartitionKey = (consumer: string): string => `FAILURE#${consumer}`;
const metricPartitionPrefix = 'METRIC#';
export const metricPartitionKey = (metric: string): string => `${metricPartitionPrefix}${metric}`;
/** The metric of a metric partition key; undefined for any other key. */
export const metricOfPartitionKey = (pk: string): string | undefined =>
  pk.startsWith(metricPartitionPrefix) ? pk.slice(metricPartitionPrefix.length) : undefined;
export const observationSortKey = (observationKey: string): string => `${observationPrefix}${observationKey}`;
/**
 * A change's position in the changes index: when the put that committed it was attempted, then its event id.
 * Not the change's recordedAt, which was stamped when the change was planned, possibly long before its commit.
 */
export const changePosition = (attemptedAt: Date, eventId: string): string =>
  `${attemptedAt.toISOString()}#${eventId}`;
/** What every change position looks like. */
export const changePositionShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#.+$/s;

function paddedRevision(revision: number): string {
  if (!Number.isInteger(revision) || revision < 0 || revision > maxRevision) {
    throw new RangeError(`revision must be an integer from 0 to ${maxRevision}, received ${revision}`);
  }
  return String(revision).padStart(6, '0');
}

export const revisionSortKey = (revision: number): string => `${revisionPrefix}${paddedRevision(revision)}`;

/**
 * Parts carry the content hash so that two writers racing for one revision number with different content
 * cannot overwrite each other's parts before one of them commits.
 */
export const partPrefix = (revision: number, contentHash: string): string =>
  `PART#${paddedRevision(revision)}#${contentHash}#`;

export function partSortKey(revision: number, contentHash: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > maxPartIndex) {
    throw new RangeError(`part index must be an integer from 0 to ${maxPartIndex}, received ${index}`);
  }
  return `${partPrefix(revision, contentHash)}${String(index).padStart(3, '0')}`;
}
