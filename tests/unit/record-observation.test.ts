import { describe, expect, it } from 'vitest';
import { mergeMetric } from '../../functions/core/merge-metrics.ts';
import type { Observation } from '../../functions/core/model.ts';
import { recordObservation, recordObservationsOfMetric } from '../../functions/core/record-observation.ts';
import { observation } from '../support/fixtures.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';

const now = () => new Date('2020-06-15T00:00:00Z');

describe('recordObservation', () => {
  it('records each observation once, even when the same record is delivered twice', async () => {
    const store = new MemoryMetricStore();
    const first = await recordObservation(store, observation(), now);
    const again = await recordObservation(store, observation(), now);
    expect(again).toEqual(first);
    expect(store.changes(observation().metric)).toHaveLength(1);
  });

  it('rolls forward an observation whose writer crashed between the head and the item', async () => {
    const store = new MemoryMetricStore();
    await recordObservation(store, observation(), now);
    const june = observation({ asOf: '2020-06-10', value: 2.85, briefId: 'jobs-june' });
    store.beforeWrite = (operation) => {
      if (operation === 'putObservation') throw new Error('crash after claiming the head');
    };
    await expect(recordObservation(store, june, now)).rejects.toThrow('crash');
    store.beforeWrite = () => {};
    const later = observation({ asOf: '2020-07-10', value: 2.9, briefId: 'jobs-july' });
    await recordObservation(store, later, now);
    const types = store
      .changes(june.metric)
      .map((change) => [change.type, change.previous?.value, change.current.value]);
    expect(types).toEqual([
      ['figure.added', undefined, 2.79],
      ['figure.changed', 2.79, 2.85],
      ['figure.changed', 2.85, 2.9],
    ]);
  });

  it('keeps the latest value when an older figure arrives late, and backfills it against its true predecessor', async () => {
    const store = new MemoryMetricStore();
    const april = observation({ asOf: '2020-04-30', value: 2.6, briefId: 'jobs-april' });
    const june = observation({ asOf: '2020-06-10', value: 2.85, briefId: 'jobs-june' });
    await recordObservation(store, april, now);
    await recordObservation(store, june, now);
    const may = await recordObservation(store, observation(), now);
    expect(may.change).toMatchObject({ type: 'figure.backfilled', delta: 0.19 });
    expect(may.change?.previous?.value).toBe(2.6);
    expect((await store.getHead(june.metric))?.latest.value).toBe(2.85);
  });

  it('keeps every change chain consistent when many writers race on one metric', async () => {
    const store = new MemoryMetricStore();
    const days = Array.from({ length: 30 }, (_, index) => index + 1);
    const observations: Observation[] = days.map((day) =>
      observation({
        asOf: `2020-05-${String(day).padStart(2, '0')}`,
        value: day % 7,
        briefId: `brief-${day}`,
      }),
    );
    // Shuffled arrival: out-of-order as-of dates, all at once.
    const shuffled = [...observations].sort(() => Math.random() - 0.5);
    await Promise.all(shuffled.map((item) => recordObservation(store, item, now)));
    const metric = observations[0]?.metric ?? '';
    expect((await store.getHead(metric))?.latest.asOf).toBe('2020-05-30');
    // The head serializes writers: each change must be computed against everything committed before it.
    const changes = store.changes(metric);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      const committedBefore = store.claimOrder.slice(0, store.claimOrder.indexOf(change.current.key));
      const truePrevious = committedBefore
        .filter((key) => key < change.current.key)
        .sort()
        .at(-1);
      expect(change.previous?.key).toBe(truePrevious);
    }
  });
});

describe('recordObservationsOfMetric', () => {
  it('records a metric’s observations in order with no reads after the first, when no one else writes it', async () => {
    const store = new MemoryMetricStore();
    const reads = { getHead: 0, getObservation: 0 };
    const counted = Object.assign(Object.create(store) as MemoryMetricStore, {
      getHead: (metric: string) => {
        reads.getHead++;
        return store.getHead(metric);
      },
      getObservation: (metric: string, key: string) => {
        reads.getObservation++;
        return store.getObservation(metric, key);
      },
    });
    const series = [2.79, 2.85, 2.91].map((value, index) =>
      observation({ asOf: `2020-0${index + 5}-10`, value, briefId: `jobs-${index}` }),
    );
    const stored = await recordObservationsOfMetric(counted, series, now);
    expect(stored.map((item) => item.change?.type)).toEqual([
      'figure.added',
      'figure.changed',
      'figure.changed',
    ]);
    expect(reads).toEqual({ getHead: 1, getObservation: 0 });
  });

  it('falls back to reading the head when another writer moved it in between', async () => {
    const store = new MemoryMetricStore();
    const may = observation();
    const june = observation({ asOf: '2020-06-10', value: 2.85, briefId: 'jobs-june' });
    const interloper = observation({ asOf: '2020-06-01', value: 2.8, briefId: 'other-writer' });
    const claim = store.claimHead.bind(store);
    let interfered = false;
    store.claimHead = async (head, expected) => {
      if (!interfered && head.pending?.observation.key === june.key) {
        interfered = true;
        await recordObservation(store, interloper, now);
      }
      return claim(head, expected);
    };
    const stored = await recordObservationsOfMetric(store, [may, june], now);
    expect(stored[1]?.change?.previous?.value).toBe(2.8);
  });
});

/** One figure of each of two metrics of one unit family, recorded: a source to merge and its target. */
async function twoRecordedMetrics() {
  const store = new MemoryMetricStore();
  const source = observation({ metric: '大连:登记失业率:percent' });
  const target = observation({ metric: '大连:城镇登记失业率:percent', asOf: '2020-05-31', value: 2.85 });
  await recordObservation(store, source, now);
  await recordObservation(store, target, now);
  return { store, source, target };
}

describe('recording a metric that was merged into another', () => {
  it('follows the merge from a head read before it, and takes the rest of the series along', async () => {
    const { store, source, target } = await twoRecordedMetrics();
    const stale = await store.getHead(source.metric);
    await mergeMetric(store, { from: source.metric, into: target.metric, createInto: false }, now);

    const june = observation({ metric: source.metric, asOf: '2020-06-30', value: 2.91, briefId: 'june' });
    const july = observation({ metric: source.metric, asOf: '2020-07-31', value: 2.95, briefId: 'july' });
    const recorded = await recordObservationsOfMetric(store, [june, july], now, { head: stale });

    expect(recorded.map(({ observation: { metric } }) => metric)).toEqual([target.metric, target.metric]);
    expect(recorded.map(({ change }) => [change?.type, change?.previous?.value])).toEqual([
      ['figure.changed', 2.85],
      ['figure.changed', 2.91],
    ]);
    expect(store.changes(source.metric)).toHaveLength(1);
    expect((await store.getHead(target.metric))?.latest.value).toBe(2.95);
  });
});

describe('a merge racing the source’s writer', () => {
  it('outlasts a writer that commits to the source during each of twelve rounds, and loses none of its figures', async () => {
    const { store, source, target } = await twoRecordedMetrics();
    const copyHistory = store.copyHistory.bind(store);
    let commits = 0;
    store.copyHistory = async (from, into) => {
      // A slow table: every round's copy outlasts one more brief recorded under the old key.
      if (commits < 12) {
        commits++;
        const asOf = new Date(Date.UTC(2020, 6, commits)).toISOString().slice(0, 10);
        await recordObservation(
          store,
          observation({ metric: source.metric, asOf, value: 3 + commits / 100, briefId: `race-${commits}` }),
          now,
        );
      }
      return copyHistory(from, into);
    };

    await mergeMetric(store, { from: source.metric, into: target.metric, createInto: false }, now);

    expect(commits).toBe(12);
    expect((await store.getHead(source.metric))?.mergedInto).toBe(target.metric);
    expect((await store.getHead(target.metric))?.latest.value).toBe(3.12);
    expect(store.observations.get(target.metric)?.size).toBe(1 + 1 + 12);
  });
});
