// Key layout of the single table; the stream consumers' filters depend on these prefixes.
export const revisionPrefix = 'REV#';
export const observationPrefix = 'OBS#';
export const headSortKey = 'HEAD';
/** Partition of the sparse `changes` index. */
export const changesPartition = 'CHANGES';
/** Partition of the sparse `metrics` index. */
export const metricsPartition = 'METRIC';
/** The one partition of the editors' aliases: all of them are read at once, and there are few. */
export const aliasesPartition = 'ALIASES';
export const aliasPrefix = 'ALIAS#';
export const aliasSortKey = (from: string): string => `${aliasPrefix}${from}`;

export const maxRevision = 999_999;
const maxPartIndex = 999;

export const briefPartitionKey = (briefId: string): string => `BRIEF#${briefId}`;
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
