// Two editions of briefs through the whole sandbox: events at an HTTP subscriber, items in the feeds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumSettleMs } from '../../functions/adapters/dynamodb/index.ts';
import { sampleEditions } from '../../infra/sandbox/sample-data.ts';
import { type Sandbox, startSandbox } from '../../infra/sandbox/sandbox.ts';
import { type HttpSubscriber, startHttpSubscriber } from '../support/http-subscriber.ts';

interface EventJson {
  id: string;
  type: string;
  subject: string;
  data: { label: string; previous: { value: number } | null; current: { value: number } };
}

const token = 'end-to-end-editor-token';
let sandbox: Sandbox;
let subscriber: HttpSubscriber;
let dataDir: string;

async function post(path: string, body: unknown, auth: string | null = token) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth === null ? {} : { authorization: `Bearer ${auth}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function events(): EventJson[] {
  return subscriber.notifications().map((message) => JSON.parse(message.Message) as EventJson);
}

/** Every item of GET /changes, following `next`, once what the last settle committed is past the window. */
async function changeLog(): Promise<Record<string, unknown>[]> {
  await new Promise((resolve) => setTimeout(resolve, sandbox.changesSettleMs + 50));
  const all: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '7', ...(after === undefined ? {} : { after }) });
    const page = (await (await fetch(`${sandbox.url}/changes?${query}`)).json()) as {
      changes: Record<string, unknown>[];
      next?: string;
    };
    all.push(...page.changes);
    after = page.next;
  } while (after !== undefined);
  return all;
}

function xmllint(document: string): void {
  execFileSync('xmllint', ['--noout', '-'], { input: document });
}

async function text(path: string): Promise<string> {
  const response = await fetch(`${sandbox.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'updates-feed-e2e-'));
  sandbox = await startSandbox({ port: 0, dataDir, token, seed: false, changesSettleMs: minimumSettleMs });
  subscriber = await startHttpSubscriber();
  const subscribed = await post('/subscriptions', { protocol: 'http', endpoint: subscriber.url });
  expect(subscribed.status).toBe(201);
  await sandbox.settled();
  for (const edition of sampleEditions()) {
    for (const brief of edition.briefs) expect((await post('/briefs', brief)).status).toBe(201);
    await sandbox.settled();
  }
}, 120_000);

afterAll(async () => {
  await subscriber?.close();
  await sandbox?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the sandbox, end to end', () => {
  it('confirms the http subscription before it delivers any notification', () => {
    expect(subscriber.received[0]?.message.Type).toBe('SubscriptionConfirmation');
    expect(subscriber.notifications().length).toBeGreaterThan(0);
  });

  it('publishes the second edition’s changes, revision, backfill and new metrics, each once', () => {
    const all = events();
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
    const find = (type: string, label: RegExp) =>
      all.filter((event) => event.type === type && label.test(event.data.label));
    expect(
      find('figure.changed', /失业率/).map((event) => [event.data.previous?.value, event.data.current.value]),
    ).toEqual([[2.79, 2.85]]);
    expect(find('figure.changed', /复工率/).map((event) => event.data.current.value)).toContain(99.6);
    expect(find('figure.revised', /户|惠及/).map((event) => event.data.current.value)).toEqual([34921]);
    expect(find('figure.backfilled', /新增就业/).map((event) => event.data.current.value)).toEqual([35120]);
    expect(find('figure.added', /创业带头人/)).toHaveLength(1);
  });

  it('raises no event for a figure that did not move', () => {
    const foreignTrade = events().filter((event) => /外贸企业复工率/.test(event.data.label));
    expect(foreignTrade.map((event) => event.type)).toEqual(['figure.added']);
  });

  it('serves the changes as RSS and Atom that a strict XML parser accepts, and as JSON Feed 1.1', async () => {
    const rss = await text('/feed.rss');
    xmllint(rss);
    expect(rss).toContain('2.85');
    xmllint(await text('/feed.atom'));
    const json = JSON.parse(await text('/feed.json')) as { version: string; items: unknown[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.length).toBeGreaterThan(0);
  });

  it('serves in GET /changes the very event the http subscriber received for each change', async () => {
    const received = new Map(
      subscriber.notifications().map((message) => {
        const event = JSON.parse(message.Message) as { id: string };
        return [event.id, event];
      }),
    );
    const listed = await changeLog();
    expect(listed.length).toBeGreaterThan(10);
    expect(new Set(listed.map((event) => event.id))).toEqual(new Set(received.keys()));
    for (const event of listed) expect(event).toEqual(received.get(event.id as string));
  });

  it('serves only events that the CloudEvents SDK accepts with strict validation', async () => {
    for (const event of await changeLog()) expect(() => new CloudEvent(event, true)).not.toThrow();
  });

  it('answers GET /changes/{id} with the one event of that id, and 404 for an unknown id', async () => {
    for (const event of events().slice(0, 5)) {
      const response = await fetch(`${sandbox.url}/changes/${encodeURIComponent(event.id)}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(
        JSON.parse(
          subscriber.notifications().find((message) => JSON.parse(message.Message).id === event.id)
            ?.Message ?? '',
        ),
      );
    }
    const unknown = await fetch(`${sandbox.url}/changes/no-such-brief.1.0`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found', issues: [] } });
  });

  it('accepts a brief published on a day, and refuses a date-time without an offset naming the forms', async () => {
    const brief = {
      id: 'dalian-day-brief',
      headline: '大连城镇新增就业5000人',
      body: '大连城镇新增就业5000人。',
      publishedAt: '2020-05-14',
      region: '大连-日期',
    };
    expect((await post('/briefs', brief)).status).toBe(201);
    const refused = await post('/briefs', {
      ...brief,
      id: 'dalian-no-offset',
      publishedAt: '2020-05-14T08:00:00',
    });
    expect(refused.status).toBe(400);
    const { error } = refused.body as { error: { message: string; issues: { path: string }[] } };
    expect(error.issues.map((issue) => issue.path)).toEqual(['publishedAt']);
    expect(error.message).toMatch(/^invalid brief: publishedAt: must be a date \(2020-05-14/);
    expect(error.message).toContain('or a date-time with an offset (2020-05-14T08:00:00+08:00');
    expect(error.message).toContain('(received "2020-05-14T08:00:00")');
    expect((await fetch(`${sandbox.url}/briefs/dalian-no-offset`)).status).toBe(404);
    await sandbox.settled();
  });

  it('answers an identical re-upload with 200 and the same body, and publishes nothing for it', async () => {
    const brief = sampleEditions()[1]?.briefs[0];
    const before = events().length;
    const again = await post('/briefs', brief);
    await sandbox.settled();
    expect(again.status).toBe(200);
    expect(events().length).toBe(before);
  });

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    const brief = {
      id: 'unauthorized-brief',
      headline: '某市新增就业1000人',
      body: '某市新增就业1000人。',
      publishedAt: '2020-07-01T00:00:00Z',
    };
    expect((await post('/briefs', brief, null)).status).toBe(401);
    expect((await post('/briefs', brief, 'wrong-token')).status).toBe(401);
    expect((await fetch(`${sandbox.url}/briefs/unauthorized-brief`)).status).toBe(404);
  });

  it('answers malformed JSON with 400 and a message', async () => {
    const answer = await post('/briefs', '{"headline": ');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/JSON/);
  });

  it('turns a later value of an existing metric into exactly one figure.changed everywhere', async () => {
    const before = events().length;
    const changesBefore = (await changeLog()).length;
    const upload = await post('/briefs', {
      id: 'dalian-jobs-2020-07',
      headline: '大连城镇登记失业率为2.91%',
      body: '截至7月10日，全市城镇登记失业率为2.91%。',
      publishedAt: '2020-07-15T08:00:00+08:00',
      region: '大连',
    });
    expect(upload.status).toBe(201);
    await sandbox.settled();
    const fresh = events().slice(before);
    expect(fresh.map((event) => [event.type, event.data.current.value])).toEqual([['figure.changed', 2.91]]);
    const eventId = fresh[0]?.id ?? '';
    for (const path of ['/feed.rss', '/feed.atom', '/feed.json']) {
      expect((await text(path)).split(`urn:updates-feed:event:${eventId}`).length - 1).toBe(1);
    }
    const changes = await changeLog();
    expect(changes.length).toBe(changesBefore + 1);
    expect(changes.filter((event) => event.id === eventId)).toHaveLength(1);
  });
});
