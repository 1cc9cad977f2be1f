// The shapes Lambda hands a DynamoDB stream consumer: the event (stream records as Lambda serializes them) and the context.
import { randomUUID } from 'node:crypto';
import type { _Record, AttributeValue as StreamsAttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';

type Image = Record<string, StreamsAttributeValue>;

/**
 * Lambda passes the stream's JSON through: binary values stay base64 strings and the creation time stays epoch
 * seconds, where the SDK turns them into Uint8Array and Date.
 */
export function toLambdaRecord(record: _Record, eventSourceArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  const lambdaRecord: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: eventSourceArn,
    dynamodb: change && {
      ApproximateCreationDateTime:
        change.ApproximateCreationDateTime && Math.floor(change.ApproximateCreationDateTime.getTime() / 1000),
      Keys: toLambdaImage(change.Keys),
      NewImage: toLambdaImage(change.NewImage),
      OldImage: toLambdaImage(change.OldImage),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType,
    },
  };
  if (record.userIdentity !== undefined) {
    lambdaRecord.userIdentity = {
      type: record.userIdentity.Type,
      principalId: record.userIdentity.PrincipalId,
    };
  }
  return dropUndefined(lambdaRecord);
}

function toLambdaImage(image: Image | undefined): Record<string, LambdaAttributeValue> | undefined {
  if (image === undefined) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));
}

function toLambdaAttribute(value: StreamsAttributeValue): LambdaAttributeValue {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((item) => Buffer.from(item).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttribute) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) ?? {} };
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  throw new TypeError(`unsupported attribute value in a stream record: ${JSON.stringify(value)}`);
}

/** Lambda's JSON has no `"key": undefined` members; handlers that compare or serialize events should see the same. */
function dropUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface InvocationContextOptions {
  functionName: string;
  region: string;
  timeoutMs: number;
  memoryMb: number;
}

export function createLambdaContext(options: InvocationContextOptions): Context {
  const deadline = Date.now() + options.timeoutMs;
  const unsupported = (method: string) => () => {
    throw new Error(
      `context.${method} is not supported by the sandbox: return or throw from the async handler`,
    );
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(options.functionName, options.region),
    memoryLimitInMB: String(options.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `sandbox/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}

export function functionArn(functionName: string, region: string): string {
  return `arn:aws:lambda:${region}:000000000000:function:${functionName}`;
}
