// The DynamoDB adapters of the core's ports, and what the sandbox and the stream consumers need besides.
export { DynamoAliasStore } from './alias-store.ts';
export {
  compactRevisionFromImage,
  DynamoBriefStore,
  IncompleteRevisionError,
  maxItemBytes,
  RevisionTooLargeError,
  revisionReferenceFromItem,
} from './brief-store.ts';
export { type ChangeLogOptions, DynamoChangeLog, minimumSettleMs } from './change-log.ts';
export { createDynamoDbClient, type DynamoDbClientConfig } from './client.ts';
export { UndecodableItemError } from './compact-codec.ts';
export { fromItem, type Item, itemSizeBytes, writeUnits } from './items.ts';
export { changeFromItem, storedObservationFromItem } from './metric-items.ts';
export { ChangePutTimeoutError, changePutTimeoutMs, DynamoMetricStore } from './metric-store.ts';
export { InvalidCursorError } from './paging.ts';
export {
  createTableInput,
  ensureTable,
  indexProjections,
  TableDefinitionMismatchError,
} from './table-definition.ts';
