// docs/reliability.md, guarantee 5: many uploads at once on the same metrics, with as-of dates out of order → every metric's
// change chain is consistent and its latest value is the one with the latest as-of date.
//
// The sandbox's table has one stream shard, read in order, so uploads alone never make two pipeline invocations
// race for a metric head. On AWS each shard has its own invocations; the test plays that part by also invoking
// the pipeline handler for every brief at once, while the sandbox's own runner processes the same records.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../functions/core/events.ts';
import {
  type ChangeView,
  type Harness,
  type ObservationView,
  startHarness,
  tally,
} from '../support/sandbox-harness.ts';

const uploads = 40;
const region = '并发市';

interface Planned {
  id: string;
  asOf: string;
  unemployment: number;
  newJobs: number;
}

/** Deterministic shuffle (a linear congruential generator): the same out-of-order sequence on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/**
 * 40 briefs on two metrics, as of 20 dates (two briefs per date, so some are revisions of a day's figure), and
 * uploaded in a shuffled order. Every value is distinct, so every observation causes a change.
 */
const planned: Planned[] = shuffled(
  Array.from({ length: uploads }, (_, index) => {
    const day = 1 + (index % 20);
    return {
      id: `concurrent-${index}`,
      asOf: `2020-05-${String(day).padStart(2, '0')}`,
      unemployment: Number((2 + index / 100).toFixed(2)),
      newJobs: 10_000 + index * 37,
    };
  }),
  20_200_501,
);

function briefOf(plan: Planned): Record<string, unknown> {
  const day = Number(plan.asOf.slice(8));
  return {
    id: plan.id,
    headline: `${region}就业形势通报`,
    body: `截至5月${day}日，全市城镇登记失业率为${plan.unemployment}%，城镇新增就业${plan.newJobs}人。`,
    publishedAt: '2020-06-01T08:00:00+08:00',
    region,
  };
}

/** The stream record of a brief's first revision, as the pipeline receives it. */
function revisionRecord(briefId: string, sequence: number): DynamoDBStreamEvent {
  return {
    Records: [
      {
        eventID: `concurrent-${sequence}`,
        eventName: 'INSERT',
        dynamodb: {
          NewImage: { briefId: { S: briefId }, revision: { N: '1' } },
          SequenceNumber: String(sequence).padStart(21, '0'),
        },
      },
    ],
  };
}

/** Every brief's record in its own invocation, all at once; records that fail (contention) are retried. */
async function invokePipelineInParallel(briefIds: string[]): Promise<void> {
  // Imported only now: the handler reads the sandbox's environment when it loads.
  const { handler } = await import('../../functions/handlers/pipeline.ts');
  let pending = briefIds;
  for (let round = 0; round < 5 && pending.length > 0; round++) {
    const responses = await Promise.all(pending.map((id, index) => handler(revisionRecord(id, index))));
    pending = pending.filter((_, index) => (responses[index]?.batchItemFailures.length ?? 0) > 0);
  }
  expect(pending).toEqual([]);
}

let harness: Harness;
let changes: ChangeEvent[];
const histories = new Map<string, { observation: ObservationView; change: ChangeView | null }[]>();

beforeAll(async () => {
  harness = await startHarness('concurrency');
  const answers = await harness.uploadAll<{ brief: { id: string; revision: number } }>(
    planned.map(briefOf),
    uploads,
  );
  // Each brief is stored as revision 1 (201; 200 when a write that timed out was retried and found stored).
  expect(answers.map((answer) => [answer.body.brief?.id, answer.body.brief?.revision])).toEqual(
    planned.map((plan) => [plan.id, 1]),
  );
  await invokePipelineInParallel(planned.map((plan) => plan.id));
  await harness.settled();
  changes = await harness.changes();
  for (const metric of new Set(changes.map((event) => event.subject))) {
    histories.set(metric, await harness.history(metric));
  }
}, 90_000);

afterAll(async () => {
  await harness?.stop();
});

describe('concurrent uploads with out-of-order as-of dates', () => {
  it('logs no error but contention, whose records the retries then get past', () => {
    for (const line of harness.logged()) {
      expect(line).toMatchObject({
        level: 'ERROR',
        message: 'metric not recorded',
        error: { name: 'ContentionError' },
      });
    }
  });

  it('records one observation per brief and metric, and no event id twice', () => {
    expect([...histories.keys()]).toHaveLength(2);
    for (const [metric, history] of histories) {
      expect(history.map((entry) => entry.observation.briefId).sort(), metric).toEqual(
        planned.map((plan) => plan.id).sort(),
      );
    }
    expect([...tally(changes.map((event) => event.id)).values()].every((count) => count === 1)).toBe(true);
    expect(changes).toHaveLength(uploads * 2);
  });

  it('chains each change to the observation just before it by key, among those recorded before it', () => {
    for (const [metric, history] of histories) {
      const recorded = history.map((entry) => ({
        key: entry.observation.key,
        recordedAt: entry.change?.recordedAt ?? '',
        change: entry.change,
      }));
      for (const { key, recordedAt, change } of recorded) {
        expect(change, `${metric} ${key} caused no change`).not.toBeNull();
        const earlier = recorded.filter((other) => other.recordedAt < recordedAt);
        const before = earlier.filter((other) => other.key < key).map((other) => other.key);
        const expectedPrevious = before.sort().at(-1) ?? null;
        expect(change?.previous?.key ?? null, `${metric} ${key}`).toBe(expectedPrevious);
        const hasLater = earlier.some((other) => other.key > key);
        const previousAsOf = change?.previous?.asOf;
        const expectedType = hasLater
          ? 'figure.backfilled'
          : expectedPrevious === null
            ? 'figure.added'
            : previousAsOf === change?.current.asOf
              ? 'figure.revised'
              : 'figure.changed';
        expect(change?.type, `${metric} ${key}`).toBe(expectedType);
      }
    }
  });

  it('never puts a previous value at or after the current one', () => {
    for (const history of histories.values()) {
      for (const { change } of history) {
        if (change?.previous) expect(change.previous.key < change.current.key, change.eventId).toBe(true);
      }
    }
  });

  it('keeps as latest value the one with the latest as-of date', async () => {
    for (const [metric, history] of histories) {
      const head = await harness.request<{ metric: { latest: ObservationView } }>(
        `/metrics/${encodeURIComponent(metric)}`,
      );
      const newest = [...history].sort((a, b) => (a.observation.key < b.observation.key ? 1 : -1))[0];
      expect(head.body.metric.latest.key, metric).toBe(newest?.observation.key);
      expect(head.body.metric.latest.asOf).toBe('2020-05-20');
      expect(head.body.metric.latest.value).toBe(newest?.observation.value);
    }
  });
});
