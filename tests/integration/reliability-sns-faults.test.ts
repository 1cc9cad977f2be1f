// docs/reliability.md, guarantee 4: SNS publish fails, or hangs, for a while → every attempt is bounded in time, the failed
// changes are retried by the stream runner, and every change still reaches the subscriber.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snsTimeouts } from '../../functions/adapters/sns/client.ts';
import type { HttpSubscriber } from '../support/http-subscriber.ts';
import {
  briefWithOneFigure,
  eventsReceived,
  type Harness,
  startHarness,
} from '../support/sandbox-harness.ts';

/** Far longer than the client's request timeout, so an attempt left to run its course shows in the total time. */
const hangMs = 20_000;

let harness: Harness;
let subscriber: HttpSubscriber;

function publishRequestsSince(index: number): number {
  return harness.sandbox.sns
    .requests()
    .slice(index)
    .filter((request) => request.action === 'Publish' || request.action === 'PublishBatch').length;
}

async function uploadBriefs(prefix: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const answer = await harness.post('/briefs', briefWithOneFigure(`${prefix}-${index}`));
    expect(answer.status, answer.text).toBe(201);
  }
}

async function expectEveryChangeDelivered(): Promise<void> {
  const changes = await harness.changes();
  const delivered = new Set(eventsReceived(subscriber).map((event) => event.id));
  expect(changes.length).toBeGreaterThan(0);
  expect(changes.filter((event) => !delivered.has(event.id)).map((event) => event.subject)).toEqual([]);
  expect(harness.failures('publisher')).toEqual([]);
}

beforeAll(async () => {
  harness = await startHarness('sns-faults');
  subscriber = await harness.subscribeHttp();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('SNS failing or hanging while briefs flow', () => {
  it('retries publishes that fail outright until every change is delivered', async () => {
    // More failures than the SDK's own attempts: the stream runner has to retry the batch.
    harness.sandbox.sns.injectFaults({ failNext: snsTimeouts.maxAttempts + 1 });
    await uploadBriefs('fail', 5);
    await harness.settled();
    await expectEveryChangeDelivered();
  });

  it('retries the entries of a batch that SNS reports as failed, each under its one event id', async () => {
    const before = harness.published().length;
    const requestsBefore = harness.sandbox.sns.requests().length;
    harness.sandbox.sns.injectFaults({ failNextEntries: 2 });
    await uploadBriefs('entries', 4);
    await harness.settled();
    await expectEveryChangeDelivered();
    // The retry starts at the first failed record, as Lambda's does, so records after it may go out twice.
    const fresh = harness.published().slice(before);
    const metrics = new Map(fresh.map((event) => [event.id, event.data.metric]));
    expect([...metrics.values()].filter((metric) => metric.startsWith('区-entries-'))).toHaveLength(4);
    const entriesSent = harness.sandbox.sns
      .requests()
      .slice(requestsBefore)
      .flatMap((request) =>
        Object.keys(request.params).filter((name) =>
          /^PublishBatchRequestEntries\.member\.\d+\.Id$/.test(name),
        ),
      );
    expect(entriesSent.length).toBeGreaterThanOrEqual(4 + 2);
  });

  it('abandons a hung publish after the request timeout, retries it, and loses nothing', async () => {
    const requestsBefore = harness.sandbox.sns.requests().length;
    const changesBefore = (await harness.changes()).length;
    harness.sandbox.sns.injectFaults({ hangMs, hangNext: 2 });
    const started = performance.now();
    await uploadBriefs('hang', 3);
    await harness.settled(60_000);
    const elapsed = performance.now() - started;
    await expectEveryChangeDelivered();
    const fresh = (await harness.changes()).length - changesBefore;
    expect(fresh).toBe(3);
    // The two hung attempts were abandoned and sent again, rather than waited out: at least one more request
    // went through after them (the stream batch's changes may share one PublishBatch request).
    expect(publishRequestsSince(requestsBefore)).toBeGreaterThanOrEqual(2 + 1);
    expect(elapsed).toBeLessThan(hangMs);
  }, 60_000);
});
