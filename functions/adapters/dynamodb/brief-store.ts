import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type { Brief } from '../../core/brief.ts';
import type { Figure } from '../../core/model.ts';
import type { BriefRevision, BriefStore, Page, RevisionSummary } from '../../core/ports.ts';
import { deleteItems, putItems } from './batch.ts';
import { fromItem, type Item, itemSizeBytes, listElementBytes, primaryKey, toItem } from './items.ts';
import {
  briefPartitionKey,
  maxRevision,
  partPrefix,
  partSortKey,
  revisionPrefix,
  revisionSortKey,
} from './keys.ts';
import { queryAll } from './query-all.ts';

/** Below DynamoDB's 400 KB item limit with room for the key attributes and rounding. */
export const maxItemBytes = 350 * 1024;

export class RevisionTooLargeError extends Error {
  override name = 'RevisionTooLargeError';
  constructor(
    readonly briefId: string,
    readonly bytes: number,
    what: string,
  ) {
    super(
      `${what} of brief ${briefId} takes ${bytes} bytes, more than the ${maxItemBytes} bytes an item may hold`,
    );
  }
}

export class IncompleteRevisionError extends Error {
  override name = 'IncompleteRevisionError';
}

interface RevisionLayout {
  revisionItem: Item;
  /** Written before the revision item, which commits them. */
  partItems: Item[];
}

function revisionKeys(revision: BriefRevision): Record<string, unknown> {
  return {
    pk: briefPartitionKey(revision.briefId),
    sk: revisionSortKey(revision.revision),
    briefId: revision.briefId,
    revision: revision.revision,
    contentHash: revision.contentHash,
    storedAt: revision.storedAt,
  };
}

function revisionAttributes(revision: BriefRevision): Record<string, unknown> {
  return { ...revisionKeys(revision), brief: revision.brief, timeZone: revision.timeZone };
}

interface RevisionContent {
  brief: Brief;
  figures: Figure[];
  timeZone: string;
}

/**
 * A brief and its figures, as Brotli-compressed JSON: Chinese text and figure lists shrink to about 40%, which
 * brings a typical revision item under the 1 KB of one write unit.
 */
function compressContent(revision: BriefRevision): Uint8Array {
  const content: RevisionContent = {
    brief: revision.brief,
    figures: revision.figures,
    timeZone: revision.timeZone,
  };
  const json = Buffer.from(JSON.stringify(content));
  return brotliCompressSync(json, {
    params: {
      // Quality 10 over 9: 5% smaller on the load benchmark's briefs, which keeps more revision items within one
      // write unit, for about 1 ms more per upload.
      [constants.BROTLI_PARAM_QUALITY]: 10,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // A window no larger than the text: the default 4 MiB window costs a revision of 2 KB about 3 ms of CPU to
      // set up, and a window the size of the text compresses it exactly as well, in a twentieth of the time.
      [constants.BROTLI_PARAM_LGWIN]: Math.min(
        constants.BROTLI_MAX_WINDOW_BITS,
        Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(json.byteLength + 16))),
      ),
      [constants.BROTLI_PARAM_SIZE_HINT]: json.byteLength,
    },
  });
}

function decompressContent(content: Uint8Array): RevisionContent {
  return JSON.parse(brotliDecompressSync(content).toString('utf8')) as RevisionContent;
}

/** Packs figures greedily into part items, each under maxItemBytes. */
function partItems(revision: BriefRevision): Item[] {
  const keyOf = (index: number): Item =>
    toItem({
      pk: briefPartitionKey(revision.briefId),
      sk: partSortKey(revision.revision, revision.contentHash, index),
    });
  // Every part key has the same length: the part index is zero-padded.
  const emptyPartBytes = itemSizeBytes({ ...keyOf(0), figures: { L: [] } });
  const groups: AttributeValue[][] = [];
  let current: AttributeValue[] = [];
  let currentBytes = emptyPartBytes;
  for (const figure of revision.figures) {
    const value: AttributeValue = { M: toItem({ ...figure }) };
    const bytes = listElementBytes(value);
    if (emptyPartBytes + bytes > maxItemBytes) {
      throw new RevisionTooLargeError(
        revision.briefId,
        emptyPartBytes + bytes,
        `the figure at offset ${figure.offset}`,
      );
    }
    if (currentBytes + bytes > maxItemBytes) {
      groups.push(current);
      current = [];
      currentBytes = emptyPartBytes;
    }
    current.push(value);
    currentBytes += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((figures, index) => ({ ...keyOf(index), figures: { L: figures } }));
}

export function layoutRevision(revision: BriefRevision): RevisionLayout {
  const compact = toItem({ ...revisionKeys(revision), content: compressContent(revision) });
  if (itemSizeBytes(compact) <= maxItemBytes) return { revisionItem: compact, partItems: [] };
  const parts = partItems(revision);
  const revisionItem = toItem({ ...revisionAttributes(revision), partCount: parts.length });
  const bytes = itemSizeBytes(revisionItem);
  if (bytes > maxItemBytes)
    throw new RevisionTooLargeError(revision.briefId, bytes, 'the revision without figures');
  return { revisionItem, partItems: parts };
}

/** What a revision item of the stream says about the revision it commits. */
export function revisionReferenceFromItem(item: Item): { briefId: string; revision: number } {
  const briefId = item.briefId?.S;
  const revision = Number(item.revision?.N);
  if (briefId === undefined || !Number.isInteger(revision)) {
    throw new IncompleteRevisionError(
      `item ${item.pk?.S ?? '?'} ${item.sk?.S ?? '?'} is not a brief revision (briefId ${JSON.stringify(briefId)}, revision ${JSON.stringify(item.revision?.N)})`,
    );
  }
  return { briefId, revision };
}

/** A revision item's attributes: compact (its content compressed) or large (its brief here, figures in parts). */
type RevisionRecord = {
  briefId: string;
  revision: number;
  contentHash: string;
  storedAt: string;
  content?: Uint8Array;
  brief?: Brief;
  timeZone?: string;
  partCount?: number;
};

const revisionRecordOf = (item: Item) => fromItem(item) as RevisionRecord;

const stampOf = (record: RevisionRecord) => ({
  briefId: record.briefId,
  revision: record.revision,
  contentHash: record.contentHash,
  storedAt: record.storedAt,
});

/**
 * The whole revision when its stream image carries it (a compact revision holds its content compressed), so
 * that the stream consumer need not read the item it was just handed; undefined for a large revision, whose
 * figures are in part items.
 */
export function compactRevisionFromImage(image: Item): BriefRevision | undefined {
  const record = revisionRecordOf(image);
  return record.content === undefined
    ? undefined
    : { ...stampOf(record), ...decompressContent(record.content) };
}

function summaryOf(item: Item): RevisionSummary {
  const record = revisionRecordOf(item);
  // A compact revision holds its brief compressed; a large one holds it as a map beside its figure parts.
  const brief = record.content === undefined ? record.brief : decompressContent(record.content).brief;
  if (brief === undefined) {
    throw new IncompleteRevisionError(
      `revision ${record.revision} of brief ${record.briefId} has no content`,
    );
  }
  return {
    briefId: record.briefId,
    revision: record.revision,
    contentHash: record.contentHash,
    storedAt: record.storedAt,
    headline: brief.headline,
    publishedAt: brief.publishedAt,
  };
}

export class DynamoBriefStore implements BriefStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async latestRevision(briefId: string): Promise<BriefRevision | undefined> {
    const { Items: items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: toItem({ ':pk': briefPartitionKey(briefId), ':prefix': revisionPrefix }),
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = items?.[0];
    return item === undefined ? undefined : this.assemble(item);
  }

  async getRevision(briefId: string, revision: number): Promise<BriefRevision | undefined> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: toItem({ pk: briefPartitionKey(briefId), sk: revisionSortKey(revision) }),
        ConsistentRead: true,
      }),
    );
    return item === undefined ? undefined : this.assemble(item);
  }

  async revisions(
    briefId: string,
    options: { limit: number; before?: number },
  ): Promise<Page<RevisionSummary>> {
    const highest = Math.min(options.before === undefined ? maxRevision : options.before - 1, maxRevision);
    if (highest < 1) return { items: [] };
    const { Items: items = [], LastEvaluatedKey: more } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        // Revision items only: the figure parts sort apart (PART#) and are not read.
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lowest AND :highest',
        ExpressionAttributeValues: toItem({
          ':pk': briefPartitionKey(briefId),
          ':lowest': revisionSortKey(1),
          ':highest': revisionSortKey(highest),
        }),
        ProjectionExpression: 'briefId, revision, contentHash, storedAt, content, brief',
        ScanIndexForward: false,
        Limit: options.limit,
      }),
    );
    const summaries = items.map(summaryOf);
    const last = summaries.at(-1);
    return {
      items: summaries,
      ...(more === undefined || last === undefined || last.revision <= 1
        ? {}
        : { cursor: String(last.revision) }),
    };
  }

  async putRevision(revision: BriefRevision): Promise<'stored' | 'taken'> {
    const layout = layoutRevision(revision);
    await putItems(this.client, this.tableName, layout.partItems);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: layout.revisionItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'stored';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const winner = await this.getRevisionStamp(revision.briefId, revision.revision);
      // The SDK retries a write whose answer timed out; the retry then finds this very write in its way.
      if (winner?.contentHash === revision.contentHash && winner.storedAt === revision.storedAt)
        return 'stored';
      // Parts of a losing writer are garbage, unless the winner had the same content (and so the same parts).
      if (layout.partItems.length > 0 && winner?.contentHash !== revision.contentHash) {
        await deleteItems(this.client, this.tableName, layout.partItems.map(primaryKey));
      }
      return 'taken';
    }
  }

  private async getRevisionStamp(
    briefId: string,
    revision: number,
  ): Promise<{ contentHash: string | undefined; storedAt: string | undefined } | undefined> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: toItem({ pk: briefPartitionKey(briefId), sk: revisionSortKey(revision) }),
        ProjectionExpression: 'contentHash, storedAt',
        ConsistentRead: true,
      }),
    );
    return item === undefined ? undefined : { contentHash: item.contentHash?.S, storedAt: item.storedAt?.S };
  }

  private async assemble(item: Item): Promise<BriefRevision> {
    const record = revisionRecordOf(item);
    const stamp = stampOf(record);
    if (record.content !== undefined) return { ...stamp, ...decompressContent(record.content) };
    if (record.brief === undefined || record.timeZone === undefined || record.partCount === undefined) {
      throw new IncompleteRevisionError(
        `revision ${record.revision} of brief ${record.briefId} has no content`,
      );
    }
    const figures = await this.readParts(
      record.briefId,
      record.revision,
      record.contentHash,
      record.partCount,
    );
    return { ...stamp, brief: record.brief, timeZone: record.timeZone, figures };
  }

  private async readParts(
    briefId: string,
    revision: number,
    contentHash: string,
    partCount: number,
  ): Promise<Figure[]> {
    const parts = await queryAll(this.client, this.tableName, {
      pk: briefPartitionKey(briefId),
      prefix: partPrefix(revision, contentHash),
    });
    if (parts.length !== partCount) {
      throw new IncompleteRevisionError(
        `revision ${revision} of brief ${briefId} commits ${partCount} figure parts, found ${parts.length}`,
      );
    }
    return parts.flatMap((part) => (fromItem(part).figures ?? []) as Figure[]);
  }
}
