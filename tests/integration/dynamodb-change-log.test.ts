import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoChangeLog } from '../../functions/adapters/dynamodb/change-log.ts';
import { DynamoMetricStore } from '../../functions/adapters/dynamodb/metric-store.ts';
import { encodeCursor, InvalidCursorError } from '../../functions/adapters/dynamodb/paging.ts';
import type { Change, ChangeType } from '../../functions/core/model.ts';
import type { ChangeFilter } from '../../functions/core/ports.ts';
import { chineseObservation, freshTable, type stored, storedChange } from './dynamodb-fixtures.ts';

const regions = ['大连', '上海'];
const labels = ['失业率', '复工率', '用电量'];
const types: ChangeType[] = ['figure.changed', 'figure.revised', 'figure.backfilled'];
const committedFrom = Date.UTC(2020, 5, 1);

/** 30 changes, planned one second apart, over 3 metrics, 2 regions and 3 types; and 5 observations without one. */
function history(): ReturnType<typeof stored>[] {
  return Array.from({ length: 35 }, (_, index) => {
    const region = regions[index % 2] ?? '大连';
    const label = labels[index % 3] ?? '失业率';
    const observation = chineseObservation({
      metric: `${region}:${label}:percent`,
      region,
      label,
      asOf: `2020-01-${String(index + 1).padStart(2, '0')}`,
      value: index,
    });
    const recordedAt = new Date(Date.UTC(2020, 4, 1, 0, 0, index)).toISOString();
    if (index >= 30) return { observation, change: null, recordedAt };
    const change: Change = {
      type: types[Math.floor(index / 7) % 3] ?? 'figure.changed',
      eventId: `event-${String(index).padStart(2, '0')}`,
      metric: observation.metric,
      previous: null,
      current: observation,
      delta: null,
      deltaPercent: null,
      deltaPoints: null,
      direction: null,
      recordedAt,
    };
    return { observation, change, recordedAt };
  });
}

describe('DynamoChangeLog', () => {
  // Committed in the reverse of the order they were planned in: the log follows the commits.
  const entries = history().reverse();
  const changes = entries.flatMap((entry) => (entry.change === null ? [] : [storedChange(entry)]));
  const matching = (filter: ChangeFilter) =>
    changes.filter(
      (change) =>
        (filter.metric === undefined || change.metric === filter.metric) &&
        (filter.region === undefined || change.current.region === filter.region) &&
        (filter.type === undefined || change.type === filter.type),
    );
  let context: Awaited<ReturnType<typeof freshTable>>;
  let log: DynamoChangeLog;

  beforeAll(async () => {
    context = await freshTable('dynamodb-change-log');
    let commits = 0;
    const metrics = new DynamoMetricStore(context.client, context.tableName, {
      now: () => new Date(committedFrom + 1000 * commits++),
    });
    for (const entry of entries) await metrics.putObservation(entry);
    log = new DynamoChangeLog(context.client, context.tableName, { settleMs: 60_000 });
  });

  async function readAll(filter: ChangeFilter, limit: number) {
    const pages: Change[][] = [];
    let cursor: string | undefined;
    do {
      const page = await log.changesAfter({
        limit,
        ...filter,
        ...(cursor === undefined ? {} : { after: cursor }),
      });
      pages.push(page.items);
      cursor = page.cursor;
    } while (cursor !== undefined && pages.length < 50);
    return pages;
  }

  it('returns every change once, in commit order, across three pages and a last empty one', async () => {
    const pages = await readAll({}, 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 0]);
    expect(pages.flat()).toEqual(changes);
    expect(changes[0]?.eventId).toBe('event-29');
  });

  it('pages through the changes of one region across three pages', async () => {
    const pages = await readAll({ region: '上海' }, 5);
    expect(pages.flat()).toEqual(matching({ region: '上海' }));
    expect(pages.filter((page) => page.length > 0)).toHaveLength(3);
  });

  it('combines metric, region and type filters', async () => {
    const filter: ChangeFilter = { metric: '大连:失业率:percent', region: '大连', type: 'figure.changed' };
    expect(matching(filter).length).toBeGreaterThan(0);
    expect((await readAll(filter, 2)).flat()).toEqual(matching(filter));
  });

  it('stops a sparse filtered read at its scan budget and resumes from where it stopped', async () => {
    const filter: ChangeFilter = { metric: '上海:用电量:percent', type: 'figure.backfilled' };
    const expected = matching(filter);
    expect(expected).toHaveLength(1);
    const first = await log.changesAfter({ limit: 1, ...filter });
    // A limit of 1 evaluates at most 10 entries; the only match is the 13th change committed.
    expect(first).toEqual({ items: [], cursor: expect.any(String) });
    expect((await readAll(filter, 1)).flat()).toEqual(expected);
  });

  it('resumes right after the last change of a page with its cursor', async () => {
    const page = await log.changesAfter({ limit: 10 });
    expect(page.cursor).toBeDefined();
    const next = await log.changesAfter({ limit: 3, ...(page.cursor ? { after: page.cursor } : {}) });
    expect(next.items).toEqual(changes.slice(10, 13));
  });

  it('hands back a cursor with the last change, then none until another change settles', async () => {
    const all = await log.changesAfter({ limit: 1000 });
    expect(all.items).toEqual(changes);
    expect(await log.changesAfter({ limit: 1000, after: all.cursor ?? '' })).toEqual({ items: [] });
  });

  it('serves a change only once it is older than the settle window', async () => {
    const lastCommit = committedFrom + 1000 * (entries.length - 1);
    const at = (now: number) =>
      new DynamoChangeLog(context.client, context.tableName, { settleMs: 10_000, now: () => new Date(now) });
    const served = async (now: number) => (await at(now).changesAfter({ limit: 1000 })).items;
    expect(await served(lastCommit + 10_000)).toEqual(changes.slice(0, -1));
    expect(await served(lastCommit + 10_001)).toEqual(changes);
    // The five observations without a change were committed first.
    expect(await served(committedFrom + 5000 + 10_000)).toEqual([]);
    expect(await served(committedFrom + 5000 + 10_001)).toEqual(changes.slice(0, 1));
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['padded base64', `${encodeCursor('2020-06-01T00:00:00.000Z#event-01')}=`],
    ['base64url of something else', encodeCursor('METRIC#大连')],
    ['a recording time without milliseconds', encodeCursor('2020-06-01T00:00:00Z#event-01')],
    ['an empty string', ''],
  ])('refuses %s as a cursor with InvalidCursorError', async (_, cursor) => {
    await expect(log.changesAfter({ limit: 5, after: cursor })).rejects.toThrow(InvalidCursorError);
  });

  it('lists the latest changes newest first, filtered', async () => {
    expect(await log.latestChanges({ limit: 4 })).toEqual(changes.slice(-4).reverse());
    expect(await log.latestChanges({ limit: 3, region: '大连' })).toEqual(
      matching({ region: '大连' }).slice(-3).reverse(),
    );
  });
});
