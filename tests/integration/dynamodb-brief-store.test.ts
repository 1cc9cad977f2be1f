import { randomInt } from 'node:crypto';
import { type AttributeValue, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DynamoBriefStore,
  layoutRevision,
  maxItemBytes,
  RevisionTooLargeError,
} from '../../functions/adapters/dynamodb/brief-store.ts';
import { itemSizeBytes, toItem } from '../../functions/adapters/dynamodb/items.ts';
import { briefRevision, figure, freshTable } from './dynamodb-fixtures.ts';

/** Text that compression cannot shrink much: random CJK characters. */
function scrambledText(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + randomInt(0x5000))).join('');
}

function incompressibleFigure(index: number): ReturnType<typeof figure> {
  const label = scrambledText(150);
  return { ...figure(index), label, metric: `大连:${label}:percent` };
}

describe('DynamoBriefStore', () => {
  let context: Awaited<ReturnType<typeof freshTable>>;
  let store: DynamoBriefStore;
  beforeAll(async () => {
    context = await freshTable('dynamodb-brief-store');
    store = new DynamoBriefStore(context.client, context.tableName);
  });

  async function revisionItem(briefId: string, revision: number) {
    const { Item: item } = await context.client.send(
      new GetItemCommand({
        TableName: context.tableName,
        Key: toItem({ pk: `BRIEF#${briefId}`, sk: `REV#${String(revision).padStart(6, '0')}` }),
      }),
    );
    return item;
  }

  async function partCount(briefId: string): Promise<number> {
    let count = 0;
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await context.client.send(
        new QueryCommand({
          TableName: context.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :part)',
          ExpressionAttributeValues: toItem({ ':pk': `BRIEF#${briefId}`, ':part': 'PART#' }),
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return count;
  }

  it('stores a revision and reads it back whole, by number and as the latest', async () => {
    const revision = briefRevision({ briefId: 'round-trip' });
    expect(await store.putRevision(revision)).toBe('stored');
    expect(await store.getRevision('round-trip', 1)).toEqual(revision);
    expect(await store.latestRevision('round-trip')).toEqual(revision);
  });

  it('keeps the layout the stream consumers filter on', async () => {
    await store.putRevision(briefRevision({ briefId: 'layout', revision: 7 }));
    const item = await revisionItem('layout', 7);
    expect(item?.sk).toEqual({ S: 'REV#000007' });
    expect(Object.keys(item ?? {}).sort()).toEqual(
      ['briefId', 'content', 'contentHash', 'pk', 'revision', 'sk', 'storedAt'].sort(),
    );
  });

  it('compresses a typical revision into one write unit', async () => {
    const revision = briefRevision({
      briefId: 'compact',
      figures: Array.from({ length: 6 }, (_, i) => figure(i)),
    });
    const uncompressed = toItem({ brief: revision.brief, figures: revision.figures });
    expect(itemSizeBytes(uncompressed)).toBeGreaterThan(1024);
    expect(itemSizeBytes(layoutRevision(revision).revisionItem)).toBeLessThanOrEqual(1024);
    await store.putRevision(revision);
    expect(await store.getRevision('compact', 1)).toEqual(revision);
  });

  it('answers undefined for a brief or a revision it does not hold', async () => {
    expect(await store.latestRevision('never-uploaded')).toBeUndefined();
    expect(await store.getRevision('round-trip', 2)).toBeUndefined();
  });

  it('reports the highest revision as the latest, past the ninth', async () => {
    for (const revision of [1, 2, 10, 9]) {
      await store.putRevision(briefRevision({ briefId: 'many', revision, contentHash: `hash-${revision}` }));
    }
    expect((await store.latestRevision('many'))?.revision).toBe(10);
  });

  it('answers taken to the second writer of a revision number and keeps the first', async () => {
    const first = briefRevision({ briefId: 'twice', contentHash: 'first' });
    expect(await store.putRevision(first)).toBe('stored');
    expect(await store.putRevision({ ...first, contentHash: 'second', figures: [figure(9)] })).toBe('taken');
    expect(await store.latestRevision('twice')).toEqual(first);
  });

  it('lets exactly one of two concurrent writers of a revision win', async () => {
    const outcomes = await Promise.all(
      ['a', 'b'].map((hash) => store.putRevision(briefRevision({ briefId: 'race', contentHash: hash }))),
    );
    expect(outcomes.sort()).toEqual(['stored', 'taken']);
  });

  it('stores a brief of 500 figures with long labels and returns them in order', async () => {
    const figures = Array.from({ length: 500 }, (_, index) => figure(index, 60));
    const revision = briefRevision({ briefId: 'five-hundred', figures });
    expect(await store.putRevision(revision)).toBe('stored');
    const read = await store.latestRevision('five-hundred');
    expect(read?.figures).toHaveLength(500);
    expect(read).toEqual(revision);
  });

  it('splits figures that exceed one item into parts and reassembles them', async () => {
    const figures = Array.from({ length: 1500 }, (_, index) => incompressibleFigure(index));
    const revision = briefRevision({ briefId: 'split', figures });
    const layout = layoutRevision(revision);
    expect(layout.partItems.length).toBeGreaterThan(1);
    for (const part of [...layout.partItems, layout.revisionItem]) {
      expect(itemSizeBytes(part)).toBeLessThanOrEqual(maxItemBytes);
    }

    expect(await store.putRevision(revision)).toBe('stored');
    const item = await revisionItem('split', 1);
    expect(item?.figures).toBeUndefined();
    expect(item?.partCount).toEqual({ N: String(layout.partItems.length) });
    expect(await store.latestRevision('split')).toEqual(revision);
    expect(await store.getRevision('split', 1)).toEqual(revision);
  });

  it('lists revisions newest first with their headline and publication, large ones too, a page at a time', async () => {
    const headlines = ['第一版', '第二版', '第三版'];
    for (const [index, headline] of headlines.entries()) {
      const revision = index + 1;
      await store.putRevision(
        briefRevision({
          briefId: 'listed',
          revision,
          contentHash: `hash-${revision}`,
          storedAt: `2020-05-1${revision}T00:00:00.000Z`,
          brief: { ...briefRevision().brief, headline, publishedAt: `2020-05-1${revision}` },
          // The second revision is too large for one item: its brief sits beside its figure parts.
          figures: revision === 2 ? Array.from({ length: 1500 }, (_, i) => incompressibleFigure(i)) : [],
        }),
      );
    }
    const first = await store.revisions('listed', { limit: 2 });
    expect(first.items).toEqual([
      {
        briefId: 'listed',
        revision: 3,
        contentHash: 'hash-3',
        storedAt: '2020-05-13T00:00:00.000Z',
        headline: '第三版',
        publishedAt: '2020-05-13',
      },
      expect.objectContaining({ revision: 2, headline: '第二版', publishedAt: '2020-05-12' }),
    ]);
    expect(first.cursor).toBe('2');
    const second = await store.revisions('listed', { limit: 2, before: Number(first.cursor) });
    expect(second.items.map((item) => item.headline)).toEqual(['第一版']);
    expect(second.cursor).toBeUndefined();
    expect(await store.revisions('never-uploaded', { limit: 5 })).toEqual({ items: [] });
  });

  it('removes the parts of a losing writer without touching the winner', async () => {
    const figures = Array.from({ length: 1500 }, (_, index) => figure(index, 150));
    const winner = briefRevision({ briefId: 'split-race', figures, contentHash: 'winner' });
    const loser = briefRevision({ briefId: 'split-race', figures: figures.slice(1), contentHash: 'loser' });
    expect(await store.putRevision(winner)).toBe('stored');
    expect(await store.putRevision(loser)).toBe('taken');
    expect(await partCount('split-race')).toBe(layoutRevision(winner).partItems.length);
    expect(await store.latestRevision('split-race')).toEqual(winner);
  });

  it('keeps the parts when the same content is written again, as a retried write does', async () => {
    const revision = briefRevision({
      briefId: 'split-retry',
      figures: Array.from({ length: 1500 }, (_, index) => incompressibleFigure(index)),
    });
    expect(await store.putRevision(revision)).toBe('stored');
    expect(await store.putRevision(revision)).toBe('stored');
    expect(await store.latestRevision('split-retry')).toEqual(revision);
  });

  it('refuses a revision whose brief alone exceeds an item, writing nothing', async () => {
    const brief = { ...briefRevision().brief, body: scrambledText(250_000) };
    const revision = briefRevision({
      briefId: 'too-large',
      brief,
      figures: Array.from({ length: 1200 }, (_, index) => incompressibleFigure(index)),
    });
    await expect(store.putRevision(revision)).rejects.toThrow(RevisionTooLargeError);
    expect(await partCount('too-large')).toBe(0);
    expect(await store.latestRevision('too-large')).toBeUndefined();
  });
});

describe('a write whose answer was lost', () => {
  it('counts as stored when the retry finds the very same revision in its way', async () => {
    const { client, tableName } = await freshTable('brief-store-retry');
    const store = new DynamoBriefStore(client, tableName);
    const revision = briefRevision({ briefId: 'retried-brief' });
    expect(await store.putRevision(revision)).toBe('stored');
    // What the SDK's retry of a timed-out PutItem amounts to: the same write again.
    expect(await store.putRevision(revision)).toBe('stored');
    expect(await store.putRevision({ ...revision, storedAt: '2030-01-01T00:00:00.000Z' })).toBe('taken');
  });
});
