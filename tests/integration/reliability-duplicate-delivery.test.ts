// docs/reliability.md, guarantee 1: every stream batch and every SNS message delivered twice → each change stored once,
// published under one event id, and once in each feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief } from '../../functions/core/brief.ts';
import type { ChangeEvent } from '../../functions/core/events.ts';
import type { Figure } from '../../functions/core/model.ts';
import { observationsOf } from '../../functions/core/observations.ts';
import { recordObservation } from '../../functions/core/record-observation.ts';
import { sampleEditions } from '../../infra/sandbox/sample-data.ts';
import type { HttpSubscriber } from '../support/http-subscriber.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';
import { eventsReceived, type Harness, startHarness, tally, xmllint } from '../support/sandbox-harness.ts';

interface UploadAnswer {
  brief: { id: string; revision: number; contentHash: string };
  figures: Figure[];
}

let harness: Harness;
let subscriber: HttpSubscriber;
let stored: ChangeEvent[];
/** What a run that delivers everything once records: the core's diff applied to the same uploads in order. */
const expected = new Map<string, string>();

beforeAll(async () => {
  harness = await startHarness('duplicates', { duplicateDelivery: true });
  subscriber = await harness.subscribeHttp();
  const reference = new MemoryMetricStore();
  for (const edition of sampleEditions()) {
    const answers: { brief: Brief; answer: UploadAnswer }[] = [];
    for (const brief of edition.briefs) {
      const upload = await harness.post<UploadAnswer>('/briefs', brief);
      expect(upload.status).toBe(201);
      answers.push({ brief: brief as Brief, answer: upload.body });
    }
    for (const { brief, answer } of answers) {
      const revision = {
        briefId: answer.brief.id,
        revision: answer.brief.revision,
        contentHash: answer.brief.contentHash,
        brief,
        figures: answer.figures,
        storedAt: '2020-01-01T00:00:00.000Z',
        timeZone: 'Asia/Shanghai',
      };
      for (const observation of observationsOf(revision)) {
        const { change } = await recordObservation(reference, observation, () => new Date());
        if (change !== null) expected.set(change.eventId, change.type);
      }
    }
    await harness.settled();
  }
  stored = await harness.changes();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

describe('duplicate delivery of every stream record and SNS message', () => {
  it('stores each change once: the change log equals a single delivery run, with no event id twice', () => {
    expect(expected.size).toBeGreaterThan(10);
    const ids = stored.map((event) => event.id);
    expect([...tally(ids).entries()].filter(([, count]) => count > 1)).toEqual([]);
    expect(new Map(stored.map((event) => [event.id, event.type]))).toEqual(expected);
  });

  it('records one observation per metric and brief in each metric history', async () => {
    for (const metric of new Set(stored.map((event) => event.subject))) {
      const keys = (await harness.history(metric)).map((entry) => entry.observation.key);
      expect(keys.length, metric).toBe(new Set(keys).size);
    }
  });

  it('delivers every change to the subscriber more than once, but always under its one event id', () => {
    const received = eventsReceived(subscriber);
    const copies = tally(received.map((event) => event.id));
    expect(new Set(copies.keys())).toEqual(new Set(expected.keys()));
    for (const [id, count] of copies) expect(count, id).toBeGreaterThanOrEqual(2);
    // Every copy of one id is the same event, not a recomputation with other values.
    const firstCopy = new Map(received.map((event) => [event.id, JSON.stringify(event)]));
    for (const event of received) expect(JSON.stringify(event)).toBe(firstCopy.get(event.id));
  });

  it('lists each change exactly once in RSS, Atom and JSON Feed', async () => {
    for (const path of ['/feed.rss?limit=200', '/feed.atom?limit=200', '/feed.json?limit=200']) {
      const feed = await harness.request(path);
      expect(feed.status).toBe(200);
      if (!path.startsWith('/feed.json')) xmllint(feed.text);
      const itemIds = [...feed.text.matchAll(/urn:updates-feed:event:([\w.%-]+)/g)].map((match) => match[1]);
      expect(new Set(itemIds), path).toEqual(new Set(expected.keys()));
      for (const [id, count] of tally(itemIds)) expect(count, `${path} ${id}`).toBe(1);
    }
  });
});
