// What the load run reads back once the sandbox settles: the change log and every metric's history through the
// public API, the topic's log from the data dir, and the items left in the table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient, itemSizeBytes, writeUnits } from '../functions/adapters/dynamodb/index.ts';
import { DIGEST_EVENT_TYPE } from '../functions/core/events.ts';
import { tableName } from '../infra/sandbox/sandbox.ts';
import { itemTypeOf, type Key } from './capacity-meter.ts';

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

interface ChangeJson {
  eventId: string;
}

/** The members of the JSON event that the run reads. */
export interface EventEnvelope {
  id: string;
  type: string;
  data: { current: { briefId: string } };
}

export interface ItemTypeUnits {
  itemType: string;
  items: number;
  meanBytes: number;
  /** Table and index write units of writing each item once, from its stored size. */
  writeUnitsPerWrite: number;
}

/** The event id of every entry of GET /changes, page after page, duplicates kept; call it once the settle window has passed since the last write. */
export async function changeLog(baseUrl: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const query = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const page = await getJson<{ changes: { id: string }[]; next?: string }>(
      `${baseUrl}/changes?limit=1000${query}`,
    );
    ids.push(...page.changes.map((event) => event.id));
    after = page.next;
  } while (after !== undefined);
  return ids;
}

export interface StoredObservationJson {
  observation: { briefId: string; metric: string };
  change: ChangeJson | null;
}

/** Every metric's whole history, through the public read API. */
export async function storedObservations(baseUrl: string): Promise<StoredObservationJson[]> {
  const metrics: string[] = [];
  let after: string | undefined;
  do {
    const query = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
    const page = await getJson<{ metrics: { metric: string }[]; next?: string }>(
      `${baseUrl}/metrics?limit=200${query}`,
    );
    metrics.push(...page.metrics.map((head) => head.metric));
    after = page.next;
  } while (after !== undefined);
  const observations: StoredObservationJson[] = [];
  for (const metric of metrics) {
    let before: string | undefined;
    do {
      const query = before === undefined ? '' : `&before=${encodeURIComponent(before)}`;
      const page = await getJson<{ history: StoredObservationJson[]; next?: string }>(
        `${baseUrl}/metrics/${encodeURIComponent(metric)}?limit=200${query}`,
      );
      observations.push(...page.history);
      before = page.next;
    } while (before !== undefined);
  }
  return observations;
}

export interface Publication {
  eventId: string;
  briefId: string;
  type: string;
  atMs: number;
  bytes: number;
}

/** Every change the topic accepted, from the sandbox's `published.jsonl`, duplicates kept; digests are not changes. */
export function publications(dataDir: string): Publication[] {
  const file = join(dataDir, 'published.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const published = JSON.parse(line) as { timestamp: string; bodies: { default: string } };
      const event = JSON.parse(published.bodies.default) as EventEnvelope;
      if (event.type === DIGEST_EVENT_TYPE) return [];
      return [
        {
          eventId: event.id,
          briefId: event.data.current.briefId,
          type: event.type,
          atMs: Date.parse(published.timestamp),
          bytes: Buffer.byteLength(published.bodies.default),
        },
      ];
    });
}

/** What one write of each item type costs, from the sizes of the items as they were left in the table. */
export async function itemTypeUnits(): Promise<ItemTypeUnits[]> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint === undefined) return [];
  const client = createDynamoDbClient({ region: 'us-east-1', endpoint });
  const byType = new Map<string, { items: number; bytes: number; units: number }>();
  let startKey: Key | undefined;
  do {
    const page: ScanCommandOutput = await client.send(
      new ScanCommand({
        TableName: tableName,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of page.Items ?? []) {
      const type = itemTypeOf(item);
      const entry = byType.get(type) ?? { items: 0, bytes: 0, units: 0 };
      // The ALL-projection `changes` index costs its own write of the item; the keys-only `metrics` index is
      // written only when a head is created, since later rewrites keep its keys, so it is left out here.
      const indexUnits = item.gsi1pk === undefined ? 0 : writeUnits(item);
      entry.items++;
      entry.bytes += itemSizeBytes(item);
      entry.units += writeUnits(item) + indexUnits;
      byType.set(type, entry);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  client.destroy();
  return [...byType.entries()].map(([itemType, entry]) => ({
    itemType,
    items: entry.items,
    meanBytes: Math.round(entry.bytes / entry.items),
    writeUnitsPerWrite: Number((entry.units / entry.items).toFixed(2)),
  }));
}
