// The editors' aliases, one item each in one partition:
// pk ALIASES, sk ALIAS#<from>, from, to, updatedAt.
import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { Alias, AliasStore } from '../../core/ports.ts';
import { UndecodableItemError } from './compact-codec.ts';
import { fromItem, type Item, toItem } from './items.ts';
import { aliasesPartition, aliasPrefix, aliasSortKey } from './keys.ts';
import { queryAll } from './query-all.ts';

function aliasFromItem(item: Item): Alias {
  const { from, to, updatedAt } = fromItem(item);
  if (typeof from !== 'string' || typeof to !== 'string' || typeof updatedAt !== 'string') {
    throw new UndecodableItemError(`item ${item.pk?.S} ${item.sk?.S} is not an alias`);
  }
  return { from, to, updatedAt };
}

export class DynamoAliasStore implements AliasStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async listAliases(): Promise<Alias[]> {
    const items = await queryAll(this.client, this.tableName, { pk: aliasesPartition, prefix: aliasPrefix });
    return items.map(aliasFromItem);
  }

  async putAlias(alias: Alias): Promise<string | undefined> {
    const { Attributes: before } = await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: toItem({ pk: aliasesPartition, sk: aliasSortKey(alias.from), ...alias }),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return before === undefined ? undefined : aliasFromItem(before).to;
  }

  async deleteAlias(from: string): Promise<boolean> {
    const { Attributes: before } = await this.client.send(
      new DeleteItemCommand({
        TableName: this.tableName,
        Key: toItem({ pk: aliasesPartition, sk: aliasSortKey(from) }),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return before !== undefined;
  }
}
