// Reading DynamoDB stream records of the table's items.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { fromItem } from '../adapters/dynamodb/index.ts';

export class MalformedRecordError extends Error {
  override name = 'MalformedRecordError';
}

export function newImageOf(record: DynamoDBRecord): Record<string, unknown> {
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    throw new MalformedRecordError(`stream record ${record.eventID ?? '(no id)'} has no NewImage`);
  }
  // aws-lambda's AttributeValue and the SDK's describe the same wire shape.
  return fromItem(image as Record<string, AttributeValue>);
}
