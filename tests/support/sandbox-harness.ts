// A sandbox for one reliability test file, and the reads those tests judge it by: the API, the topic's log,
// the failure files, the raw table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, vi } from 'vitest';
import { createDynamoDbClient, minimumSettleMs } from '../../functions/adapters/dynamodb/index.ts';
import {
  type ChangeEvent,
  DIGEST_EVENT_TYPE,
  type DigestEvent,
  parseDigestEvent,
} from '../../functions/core/events.ts';
import { type Sandbox, type SandboxOptions, startSandbox, tableName } from '../../infra/sandbox/sandbox.ts';
import type { StreamFailureRecord } from '../../infra/sandbox/stream-runner/index.ts';
import { type HttpSubscriber, startHttpSubscriber } from './http-subscriber.ts';

export interface EventObservation {
  value: number;
  asOf: string;
  briefId: string;
  revision: number;
}

/** The JSON event every message on the topic carries for machines (CloudEvents 1.0). */
export interface TopicEvent {
  id: string;
  type: string;
  subject: string;
  data: {
    metric: string;
    label: string;
    region: string;
    previous: EventObservation | null;
    current: EventObservation;
  };
}

export interface ObservationView {
  metric: string;
  key: string;
  asOf: string;
  briefId: string;
  revision: number;
  value: number;
}

export interface ChangeView {
  type: string;
  eventId: string;
  metric: string;
  previous: ObservationView | null;
  current: ObservationView;
  delta: number | null;
  recordedAt: string;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** Fails with a message naming what was awaited, rather than leaving the test to its global timeout. */
export async function within<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineError(`${what} did not happen within ${milliseconds} ms`)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function xmllint(document: string): void {
  execFileSync('xmllint', ['--noout', '-'], { input: document, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function xpathNumber(document: string, expression: string): number {
  return Number(execFileSync('xmllint', ['--xpath', expression, '-'], { input: document }).toString().trim());
}

/**
 * A valid brief with one figure (城镇新增就业, as of 2020-06-30) in a region of its own, so that its change is
 * told apart from every other test's.
 */
export function briefWithOneFigure(
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    headline: '某区城镇新增就业1200人',
    body: '截至6月30日，某区城镇新增就业1200人。',
    publishedAt: '2020-07-01T08:00:00+08:00',
    region: `区-${id}`,
    ...overrides,
  };
}

/** One line the handlers logged: Powertools' JSON, parsed. */
export type LogLine = Record<string, unknown> & { level?: string; message?: string };

/**
 * The handlers log through the console in tests (POWERTOOLS_DEV). A harness keeps those lines instead of printing
 * them: a test that expects errors reads them with `logged()`, and a failing test shows those not shown yet.
 */
const unshown: LogLine[] = [];

afterEach(({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const line of unshown.splice(0)) process.stderr.write(`handler log: ${JSON.stringify(line)}\n`);
});

function parsedLogLine(args: unknown[]): LogLine {
  const text = args.map(String).join(' ');
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { message: text };
  }
}

export interface Harness {
  sandbox: Sandbox;
  url: string;
  token: string;
  dataDir: string;
  /** Any request; the body is parsed as JSON when it is JSON. */
  request<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<Answer<T>>;
  /** POST /briefs (or another editors' route) with the editors' token unless told otherwise. */
  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /**
   * Uploads briefs with at most `inFlight` requests at once and returns the answers in order. A 500 says the
   * upload is safe to retry, and under heavy load DynamoDB Local can be slow enough to cause one, so it is
   * retried (twice at most) as a client would; any other status is returned as it is.
   */
  uploadAll<T = Record<string, unknown>>(briefs: unknown[], inFlight: number): Promise<Answer<T>[]>;
  /**
   * Every event of GET /changes, following its cursor to the end, once everything committed before the last
   * settled() is past the change log's settle window.
   */
  changes(): Promise<ChangeEvent[]>;
  /** Every observation of a metric, newest first, with the change it caused. */
  history(metric: string): Promise<{ observation: ObservationView; change: ChangeView | null }[]>;
  /** The machines' event of every change the topic accepted, from `<dataDir>/published.jsonl`. */
  published(): TopicEvent[];
  /** Every digest the topic accepted, from the same log. */
  digests(): DigestEvent[];
  /** Batches the stream runner discarded for one consumer. */
  failures(consumer: string): StreamFailureRecord[];
  /** Items in the table, read straight from DynamoDB: the measure of "nothing was written". */
  itemCount(): Promise<number>;
  /** Waits for the pipeline and the topic to go quiet, or fails after `milliseconds`. */
  settled(milliseconds?: number): Promise<void>;
  /** Every line the handlers logged since the harness started. */
  logged(): LogLine[];
  /** Subscribes an http endpoint that confirms itself; returns once the confirmation went through. */
  subscribeHttp(): Promise<HttpSubscriber>;
  stop(): Promise<void>;
}

function linesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function topicEvents(dataDir: string): (TopicEvent | { type: typeof DIGEST_EVENT_TYPE })[] {
  return linesOf(join(dataDir, 'published.jsonl')).map((line) => {
    const message = JSON.parse(line) as { bodies: { default: string } };
    return JSON.parse(message.bodies.default) as TopicEvent;
  });
}

export async function startHarness(
  name: string,
  options: Partial<Omit<SandboxOptions, 'port' | 'dataDir'>> = {},
): Promise<Harness> {
  const logged: LogLine[] = [];
  const consoleSpies = (['debug', 'info', 'log', 'warn', 'error'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      const line = parsedLogLine(args);
      logged.push(line);
      unshown.push(line);
    }),
  );
  const dataDir = mkdtempSync(join(tmpdir(), `updates-feed-${name}-`));
  // The shortest sound window keeps the tests quick; reliability-changes-cursor.test.ts tests the window itself.
  const sandbox = await startSandbox({
    seed: false,
    changesSettleMs: minimumSettleMs,
    ...options,
    port: 0,
    dataDir,
  });
  let lastSettled = Date.now();
  const subscribers: HttpSubscriber[] = [];
  // The sandbox sets these before its handlers load; the raw reads go to the same table.
  const dynamodb = createDynamoDbClient({
    region: 'us-east-1',
    endpoint: process.env.DYNAMODB_ENDPOINT ?? '',
  });

  const request = async <T>(path: string, init: RequestInit = {}): Promise<Answer<T>> => {
    const response = await fetch(`${sandbox.url}${path}`, init);
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as T, text };
  };

  const harness: Harness = {
    sandbox,
    url: sandbox.url,
    token: sandbox.token,
    dataDir: sandbox.dataDir,
    request,
    post: (path, body, headers = { authorization: `Bearer ${sandbox.token}` }) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      }),
    async uploadAll<T>(briefs: unknown[], inFlight: number) {
      const answers: Answer<T>[] = [];
      const uploadOne = async (brief: unknown): Promise<Answer<T>> => {
        let answer = await harness.post<T>('/briefs', brief);
        for (let retry = 0; retry < 2 && answer.status === 500; retry++)
          answer = await harness.post<T>('/briefs', brief);
        return answer;
      };
      for (let start = 0; start < briefs.length; start += inFlight) {
        answers.push(...(await Promise.all(briefs.slice(start, start + inFlight).map(uploadOne))));
      }
      return answers;
    },
    async changes() {
      const unsettled = lastSettled + sandbox.changesSettleMs + 50 - Date.now();
      if (unsettled > 0) await new Promise((resolve) => setTimeout(resolve, unsettled));
      const all: ChangeEvent[] = [];
      let after: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '1000', ...(after === undefined ? {} : { after }) });
        const page = await request<{ changes: ChangeEvent[]; next?: string }>(`/changes?${query}`);
        if (page.status !== 200) throw new Error(`GET /changes answered ${page.status}: ${page.text}`);
        all.push(...page.body.changes);
        after = page.body.next;
      } while (after !== undefined);
      return all;
    },
    async history(metric) {
      type Entry = { observation: ObservationView; change: ChangeView | null };
      const all: Entry[] = [];
      let before: string | undefined;
      do {
        const query = new URLSearchParams({ limit: '200', ...(before === undefined ? {} : { before }) });
        const page = await request<{ history: Entry[]; next?: string }>(
          `/metrics/${encodeURIComponent(metric)}?${query}`,
        );
        if (page.status !== 200)
          throw new Error(`GET /metrics/${metric} answered ${page.status}: ${page.text}`);
        all.push(...page.body.history);
        before = page.body.next;
      } while (before !== undefined);
      return all;
    },
    published: () =>
      topicEvents(sandbox.dataDir).filter((event): event is TopicEvent => event.type !== DIGEST_EVENT_TYPE),
    digests: () =>
      topicEvents(sandbox.dataDir)
        .filter((event) => event.type === DIGEST_EVENT_TYPE)
        .map(parseDigestEvent),
    failures: (consumer) =>
      linesOf(join(sandbox.dataDir, 'failures', `${consumer}.jsonl`)).map(
        (line) => JSON.parse(line) as StreamFailureRecord,
      ),
    async itemCount() {
      let count = 0;
      let startKey: Record<string, never> | undefined;
      do {
        const page = await dynamodb.send(
          new ScanCommand({ TableName: tableName, Select: 'COUNT', ExclusiveStartKey: startKey }),
        );
        count += page.Count ?? 0;
        startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (startKey !== undefined);
      return count;
    },
    async settled(milliseconds = 45_000) {
      await within(sandbox.settled(), milliseconds, 'the sandbox settling');
      lastSettled = Date.now();
    },
    async subscribeHttp() {
      const subscriber = await startHttpSubscriber();
      subscribers.push(subscriber);
      const answer = await harness.post('/subscriptions', { protocol: 'http', endpoint: subscriber.url });
      if (answer.status !== 201) throw new Error(`subscribing answered ${answer.status}: ${answer.text}`);
      await harness.settled();
      return subscriber;
    },
    logged: () => [...logged],
    async stop() {
      for (const spy of consoleSpies) spy.mockRestore();
      for (const subscriber of subscribers) await subscriber.close();
      await sandbox.stop();
      dynamodb.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The machines' events an http subscriber received, one per notification (duplicates kept). */
export function eventsReceived(subscriber: HttpSubscriber): TopicEvent[] {
  return subscriber.notifications().map((message) => JSON.parse(message.Message) as TopicEvent);
}

/** How many times each value occurs. */
export function tally<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
