// Reading the new image of a DynamoDB stream record, in the SDK's attribute shape the adapters decode.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export class MalformedRecordError extends Error {
  override name = 'MalformedRecordError';
}

export function newImageOf(record: DynamoDBRecord): Record<string, AttributeValue> {
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    throw new MalformedRecordError(`stream record ${record.eventID ?? '(no id)'} has no NewImage`);
  }
  // aws-lambda's AttributeValue and the SDK's describe the same wire shape.
  return image as Record<string, AttributeValue>;
}
