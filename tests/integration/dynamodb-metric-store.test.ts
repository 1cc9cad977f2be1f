import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { toItem } from '../../functions/adapters/dynamodb/items.ts';
import { changePutTimeoutMs, DynamoMetricStore } from '../../functions/adapters/dynamodb/metric-store.ts';
import { encodeCursor, InvalidCursorError } from '../../functions/adapters/dynamodb/paging.ts';
import type { Observation } from '../../functions/core/model.ts';
import { chineseObservation, freshTable, head, localClient, stored } from './dynamodb-fixtures.ts';

describe('DynamoMetricStore', () => {
  let store: DynamoMetricStore;
  let context: Awaited<ReturnType<typeof freshTable>>;
  beforeAll(async () => {
    context = await freshTable('dynamodb-metric-store');
    store = new DynamoMetricStore(context.client, context.tableName);
  });

  /** Where the changes index holds an observation's change, read straight from its item. */
  async function positionOf(observation: Observation): Promise<string | undefined> {
    const { Item: item } = await context.client.send(
      new GetItemCommand({
        TableName: context.tableName,
        Key: toItem({ pk: `METRIC#${observation.metric}`, sk: `OBS#${observation.key}` }),
        ConsistentRead: true,
      }),
    );
    return item?.gsi1sk?.S;
  }

  const metricNamed =
    (name: string) =>
    (overrides: Partial<Observation> = {}) =>
      chineseObservation({ metric: `大连:${name}:percent`, label: name, ...overrides });

  describe('heads', () => {
    it('creates a head only where none exists', async () => {
      const latest = metricNamed('复工率')({ value: 98.4 });
      expect(await store.claimHead(head(latest, 1), undefined)).toBe(true);
      expect(await store.claimHead(head(latest, 1), undefined)).toBe(false);
      expect(await store.getHead(latest.metric)).toEqual(head(latest, 1));
    });

    it('advances a head only from the expected version', async () => {
      const observe = metricNamed('失业率');
      await store.claimHead(head(observe({ value: 3.01 }), 1), undefined);
      const pending = stored(observe({ value: 2.79, asOf: '2020-05-12' }), observe({ value: 3.01 }));
      expect(await store.claimHead(head(observe({ value: 3.01 }), 2, pending), 1)).toBe(true);
      expect(await store.claimHead(head(observe({ value: 9.99 }), 3), 1)).toBe(false);
      expect(await store.getHead(observe().metric)).toEqual(head(observe({ value: 3.01 }), 2, pending));
    });

    it('reads many heads at once, dropping a pending observation only once its item is committed', async () => {
      const committed = metricNamed('批量读取甲');
      const uncommitted = metricNamed('批量读取乙');
      const committedPending = stored(committed({ value: 2 }), undefined);
      const uncommittedPending = stored(uncommitted({ value: 5 }), undefined);
      await store.claimHead(head(committed({ value: 2 }), 1, committedPending), undefined);
      await store.putObservation(committedPending);
      await store.claimHead(head(uncommitted({ value: 5 }), 1, uncommittedPending), undefined);
      const heads = await store.getCommittedHeads([
        committed().metric,
        uncommitted().metric,
        '大连:无此指标:percent',
      ]);
      expect([...heads.keys()].sort()).toEqual([committed().metric, uncommitted().metric].sort());
      expect(heads.get(committed().metric)?.pending).toBeUndefined();
      expect(heads.get(uncommitted().metric)?.pending).toEqual(uncommittedPending);
    });

    it('lets exactly one of two concurrent claims on the same version win', async () => {
      const observe = metricNamed('出口增速');
      await store.claimHead(head(observe({ value: 1 }), 1), undefined);
      const outcomes = await Promise.all([
        store.claimHead(head(observe({ value: 2 }), 2), 1),
        store.claimHead(head(observe({ value: 3 }), 2), 1),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = outcomes[0] ? 2 : 3;
      expect((await store.getHead(observe().metric))?.latest.value).toBe(winner);
    });

    it('answers undefined for a metric without a head', async () => {
      expect(await store.getHead('大连:从未出现:percent')).toBeUndefined();
    });

    it('keeps 429000000 and 98.4 exact in the head', async () => {
      const latest = metricNamed('财政收入')({
        value: 429000000,
        unit: '元',
        surface: '约4.29亿元',
        kind: 'money',
      });
      await store.claimHead(head(latest, 1), undefined);
      expect((await store.getHead(latest.metric))?.latest.value).toBe(429000000);
      expect((await store.getHead(metricNamed('复工率')().metric))?.latest.value).toBe(98.4);
    });
  });

  describe('observations', () => {
    it('stores an observation idempotently: writing it again leaves one item with the same content', async () => {
      const observe = metricNamed('新增就业');
      const first = stored(observe({ value: 100 }), undefined);
      await Promise.all([store.putObservation(first), store.putObservation(first)]);
      await store.putObservation(first);
      expect(await store.getObservation(first.observation.metric, first.observation.key)).toEqual(first);
      const history = await store.history(first.observation.metric, { limit: 10 });
      expect(history.items.filter((item) => item.observation.key === first.observation.key)).toHaveLength(1);
    });

    it('keeps a change where it was first committed: putting it again, later, does not move it', async () => {
      const change = stored(metricNamed('位置不变')({ value: 7 }), undefined);
      const at = (time: string) =>
        new DynamoMetricStore(context.client, context.tableName, { now: () => new Date(time) });
      await at('2020-06-01T00:00:00.000Z').putObservation(change);
      await Promise.all([
        at('2020-06-01T00:00:05.000Z').putObservation(change),
        at('2020-06-01T00:00:06.000Z').putObservation(change),
      ]);
      expect(await positionOf(change.observation)).toBe(`2020-06-01T00:00:00.000Z#${change.change?.eventId}`);
      expect(await store.getObservation(change.observation.metric, change.observation.key)).toEqual(change);
    });

    it('abandons a put of a change that outlasts its deadline and commits it under a fresh position', async () => {
      const slowClient = localClient();
      let puts = 0;
      slowClient.middlewareStack.add(
        (next, handlerContext) => async (args) => {
          if (handlerContext.commandName === 'PutItemCommand' && puts++ === 0)
            await new Promise((resolve) => setTimeout(resolve, changePutTimeoutMs + 200));
          return next(args);
        },
        { step: 'initialize', name: 'delayFirstPut' },
      );
      const times = ['2020-06-02T00:00:00.000Z', '2020-06-02T00:00:09.000Z'];
      let attempt = 0;
      const slow = new DynamoMetricStore(slowClient, context.tableName, {
        now: () => new Date(times[Math.min(attempt++, 1)] ?? ''),
      });
      const change = stored(metricNamed('超时重试')({ value: 8 }), undefined);
      await slow.putObservation(change);
      expect(puts).toBe(2);
      expect(await positionOf(change.observation)).toBe(`2020-06-02T00:00:09.000Z#${change.change?.eventId}`);
      slowClient.destroy();
    });

    it('stores every one of many concurrent puts, however they are grouped', async () => {
      const observe = metricNamed('并发写入');
      const many = Array.from({ length: 30 }, (_, day) =>
        stored(observe({ asOf: `2020-05-${String(day + 1).padStart(2, '0')}`, value: day }), undefined),
      );
      await Promise.all(many.map((item) => store.putObservation(item)));
      const history = await store.history(many[0]?.observation.metric ?? '', { limit: 100 });
      expect(history.items).toHaveLength(30);
    });

    it('answers undefined for an observation it does not hold', async () => {
      expect(await store.getObservation('大连:新增就业:percent', 'no-such-key')).toBeUndefined();
    });

    it('finds the previous observation by key order, same as-of dates included', async () => {
      const observe = metricNamed('用电量');
      const april = observe({ asOf: '2020-04-30', publishedAt: '2020-05-02T08:00:00+08:00', value: 1 });
      const mayEarly = observe({ asOf: '2020-05-11', publishedAt: '2020-05-12T08:00:00+08:00', value: 2 });
      const mayLate = observe({ asOf: '2020-05-11', publishedAt: '2020-05-14T08:00:00+08:00', value: 3 });
      const june = observe({ asOf: '2020-06-01', publishedAt: '2020-06-02T08:00:00+08:00', value: 4 });
      for (const observation of [june, april, mayLate, mayEarly]) {
        await store.putObservation(stored(observation, undefined));
      }
      const previousOf = async (observation: Observation) =>
        (await store.previousObservation(observation.metric, observation.key))?.observation.value;
      expect(await previousOf(april)).toBeUndefined();
      expect(await previousOf(mayEarly)).toBe(1);
      expect(await previousOf(mayLate)).toBe(2);
      expect(await previousOf(june)).toBe(3);
      // A key not stored yet, between the two May observations.
      const unstored = observe({ asOf: '2020-05-11', publishedAt: '2020-05-13T08:00:00+08:00' });
      expect(await previousOf(unstored)).toBe(2);
    });

    it('does not look into other metrics for a previous observation', async () => {
      const lone = metricNamed('用电量增速')({ asOf: '2020-01-01' });
      await store.putObservation(stored(lone, undefined));
      expect(await store.previousObservation(lone.metric, lone.key)).toBeUndefined();
    });

    it('pages through a history newest first', async () => {
      const observe = metricNamed('货运量');
      const days = Array.from({ length: 5 }, (_, index) => `2020-03-0${index + 1}`);
      for (const asOf of days)
        await store.putObservation(stored(observe({ asOf, value: Number(asOf.slice(-1)) }), undefined));
      const first = await store.history(observe().metric, { limit: 2 });
      const second = await store.history(observe().metric, {
        limit: 2,
        ...(first.cursor ? { before: first.cursor } : {}),
      });
      const third = await store.history(observe().metric, {
        limit: 2,
        ...(second.cursor ? { before: second.cursor } : {}),
      });
      expect(
        [first, second, third].map((page) => page.items.map((entry) => entry.observation.value)),
      ).toEqual([[5, 4], [3, 2], [1]]);
      expect(third.cursor).toBeUndefined();
    });

    it('refuses a history cursor it did not issue', async () => {
      await expect(
        store.history('大连:货运量:percent', { limit: 2, before: 'not a cursor!' }),
      ).rejects.toThrow(InvalidCursorError);
    });
  });

  describe('listHeads', () => {
    it('pages through all heads in metric order', async () => {
      const context = await freshTable('dynamodb-metric-heads');
      const heads = new DynamoMetricStore(context.client, context.tableName);
      const metrics = ['甲', '乙', '丙', '丁', '戊'].map((name) => metricNamed(name)());
      for (const latest of metrics) await heads.claimHead(head(latest, 1), undefined);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await heads.listHeads({ limit: 2, ...(cursor === undefined ? {} : { after: cursor }) });
        seen.push(...page.items.map((entry) => entry.metric));
        expect(page.items.every((entry) => entry.version === 1 && entry.latest.value === 2.79)).toBe(true);
        cursor = page.cursor;
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(metrics.map((observation) => observation.metric).sort());
    });

    it('refuses a list cursor that is not base64url', async () => {
      await expect(store.listHeads({ limit: 2, after: '%%%' })).rejects.toThrow(InvalidCursorError);
      await expect(store.listHeads({ limit: 2, after: `${encodeCursor('x')}=` })).rejects.toThrow(
        InvalidCursorError,
      );
    });
  });
});
