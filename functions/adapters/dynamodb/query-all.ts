// Every item of a partition whose sort key starts with a prefix, page after page, read consistently.
import { type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { type Item, toItem } from './items.ts';

export async function queryAll(
  client: DynamoDBClient,
  tableName: string,
  query: { pk: string; prefix: string; projection?: string },
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': query.pk, ':prefix': query.prefix }),
        ...(query.projection === undefined ? {} : { ProjectionExpression: query.projection }),
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}
