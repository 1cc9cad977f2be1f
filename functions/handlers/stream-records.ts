// Reading the new image of a DynamoDB stream record, in the SDK's attribute shape the adapters decode, and keeping
// the records a consumer failed.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import type { Consumer, FailedRecord, FailureStore } from '../core/ports.ts';
import { logger } from '../observability.ts';

export class MalformedRecordError extends Error {
  override name = 'MalformedRecordError';
}

export function newImageOf(record: DynamoDBRecord): Record<string, AttributeValue> {
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    throw new MalformedRecordError(`stream record ${record.eventID ?? '(no id)'} has no NewImage`);
  }
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, sdkAttribute(value)]));
}

/**
 * Lambda passes the stream's JSON through, binary values as base64 strings, where the SDK (and so every adapter
 * decoding an item) holds bytes; the other shapes are the same.
 */
function sdkAttribute(value: LambdaAttributeValue): AttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B, 'base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((item) => Buffer.from(item, 'base64')) };
  if (value.L !== undefined) return { L: value.L.map(sdkAttribute) };
  if (value.M !== undefined)
    return {
      M: Object.fromEntries(Object.entries(value.M).map(([name, item]) => [name, sdkAttribute(item)])),
    };
  return value as AttributeValue;
}

/**
 * Keeps each failed record in the failure store, so that it can be replayed after the stream's 24 hours. A record
 * whose failure cannot be kept is still reported as failed: it is retried, then lands in the on-failure queue.
 */
export async function keepForReplay(
  store: FailureStore,
  consumer: Consumer,
  failures: ReadonlyMap<DynamoDBRecord, unknown>,
  describe: (image: Record<string, AttributeValue>) => Pick<FailedRecord, 'brief' | 'eventId'>,
): Promise<number> {
  const kept = await Promise.all(
    [...failures].map(async ([record, error]) => {
      const keys = record.dynamodb?.Keys;
      const pk = keys?.pk?.S;
      const sk = keys?.sk?.S;
      if (pk === undefined || sk === undefined) return false;
      let named: Pick<FailedRecord, 'brief' | 'eventId'> = {};
      try {
        named = describe(newImageOf(record));
      } catch {
        // What cannot be read is named by its keys alone.
      }
      try {
        await store.record({ consumer, keys: { pk, sk }, ...named, error: errorText(error) }, new Date());
        return true;
      } catch (storeError) {
        logger.error('failed record not kept for replay', {
          eventID: record.eventID,
          error: storeError as Error,
        });
        return false;
      }
    }),
  );
  return kept.filter(Boolean).length;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
