// What the sandbox shows from outside: the change log, the feed, the topic's log and the events a subscriber got.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIGEST_EVENT_TYPE } from '../../functions/core/events.ts';
import type { HttpSubscriber } from '../support/http-subscriber.ts';

/** What identifies a change's meaning: equal in two runs of the same uploads in the same order. */
export interface ChangeSummary {
  eventId: string;
  type: string;
  metric: string;
  previousKey: string | null;
  currentKey: string;
  value: number;
}

interface Snapshot {
  asOf: string;
  publishedAt: string;
  briefId: string;
  revision: number;
  value: number;
}

interface ChangesPage {
  changes: {
    id: string;
    type: string;
    subject: string;
    data: { previous: Snapshot | null; current: Snapshot };
  }[];
  next?: string;
}

/** What orders an observation in its metric, as the event tells it. */
const identity = (snapshot: Snapshot) =>
  `${snapshot.asOf}#${snapshot.publishedAt}#${snapshot.briefId}#${snapshot.revision}`;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every entry of GET /changes, page after page, duplicates kept. */
export async function changeLog(baseUrl: string): Promise<ChangeSummary[]> {
  const all: ChangeSummary[] = [];
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '1000', ...(after === undefined ? {} : { after }) });
    const page = await getJson<ChangesPage>(`${baseUrl}/changes?${query}`);
    for (const event of page.changes) {
      all.push({
        eventId: event.id,
        type: event.type,
        metric: event.subject,
        previousKey: event.data.previous === null ? null : identity(event.data.previous),
        currentKey: identity(event.data.current),
        value: event.data.current.value,
      });
    }
    after = page.next;
  } while (after !== undefined);
  return all;
}

/** The largest `limit` the feed handler accepts. */
export const feedLimit = 200;

/** How many times each event id appears in the RSS feed, as its items' guid `urn:updates-feed:event:<id>`. */
export async function feedOccurrences(baseUrl: string): Promise<Map<string, number>> {
  const response = await fetch(`${baseUrl}/feed.rss?limit=${feedLimit}`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GET /feed.rss answered ${response.status}`);
  const counts = new Map<string, number>();
  for (const match of (await response.text()).matchAll(/urn:updates-feed:event:([\w%.~-]+)/g)) {
    const id = decodeURIComponent(match[1] as string);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export interface TopicLog {
  eventIds: string[];
  /** Lines that are not a whole JSON message (a crash in the middle of an append). */
  unreadableLines: number;
}

/** Every change the local SNS accepted, from `<dataDir>/published.jsonl`, duplicates kept; digests left out. */
export function topicLog(dataDir: string): TopicLog {
  const file = join(dataDir, 'published.jsonl');
  const log: TopicLog = { eventIds: [], unreadableLines: 0 };
  if (!existsSync(file)) return log;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      const message = JSON.parse(line) as { bodies: { default: string } };
      const event = JSON.parse(message.bodies.default) as { id: string; type: string };
      if (event.type !== DIGEST_EVENT_TYPE) log.eventIds.push(event.id);
    } catch {
      log.unreadableLines += 1;
    }
  }
  return log;
}

/** The event ids of every notification the subscriber received, duplicates kept. */
export function receivedEventIds(subscriber: HttpSubscriber): string[] {
  return subscriber.notifications().map((message) => (JSON.parse(message.Message) as { id: string }).id);
}

export function countOf<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
