// Lambda event filtering (FilterCriteria) for DynamoDB stream records, limited to the grammar StreamFilter declares.
import type { StreamFilter } from '../../topology.ts';

/** The parts of a stream record a filter looks at: both the SDK's record and Lambda's event record fit. */
export interface FilterableRecord {
  eventName?: string | undefined;
  dynamodb?: { NewImage?: Record<string, unknown> | undefined } | undefined;
}

/**
 * Lambda keeps a record when any filter matches it; a mapping without filters keeps every record.
 * A prefix applies to string attributes only (`{"S":[{"prefix":…}]}`), as in Lambda's pattern grammar.
 */
export function matchesFilters(record: FilterableRecord, filters: readonly StreamFilter[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => matchesFilter(record, filter));
}

function matchesFilter(record: FilterableRecord, filter: StreamFilter): boolean {
  if (record.eventName !== filter.eventName) return false;
  const newImage = record.dynamodb?.NewImage;
  // Lambda's `exists` matches only a plain value at the end of the path, never a map: require a string, as it does.
  if (filter.newImageHas !== undefined && stringAttribute(newImage?.[filter.newImageHas]) === undefined)
    return false;
  if (filter.newImagePrefix !== undefined) {
    const value = stringAttribute(newImage?.[filter.newImagePrefix.attribute]);
    if (value === undefined || !value.startsWith(filter.newImagePrefix.prefix)) return false;
  }
  return true;
}

function stringAttribute(attribute: unknown): string | undefined {
  if (typeof attribute !== 'object' || attribute === null || !('S' in attribute)) return undefined;
  return typeof attribute.S === 'string' ? attribute.S : undefined;
}
