// docs/reliability.md, guarantee 2 (crash anywhere): the sandbox is SIGKILLed at random points while briefs flow and
// restarted on the same data dir, over and over; in the end it must show exactly what an uninterrupted run of the
// same uploads shows. FAULT_SEED replays a run, FAULT_KILLS sets the number of kills (default 20).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumSettleMs } from '../../functions/adapters/dynamodb/index.ts';
import type { Brief } from '../../functions/core/brief.ts';
import { freePort } from '../../infra/sandbox/dynamodb-local.ts';
import { type HttpSubscriber, startHttpSubscriber } from '../support/http-subscriber.ts';
import { type Random, seededRandom } from '../support/seeded-random.ts';
import { weeklyReports } from '../support/synthetic-briefs.ts';
import {
  type ChangeSummary,
  changeLog,
  countOf,
  feedLimit,
  feedOccurrences,
  receivedEventIds,
  type TopicLog,
  topicLog,
} from './observe.ts';
import {
  dynamoDbLocalOf,
  dynamoDbLocalProcesses,
  type Ready,
  type SandboxProcess,
  startSandboxProcess,
} from './sandbox-process.ts';

const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 32));
const minKills = Number(process.env.FAULT_KILLS ?? 20);
const briefs = weeklyReports(seededRandom(seed));
const settleTimeoutMs = 120_000;

type KillMode = 'during startup' | 'after uploads' | 'timed' | 'after writes' | 'after checkpoints';

interface Kill {
  mode: KillMode;
  /** The process killed itself at one of the crash points of crash-points.ts. */
  selfInflicted: boolean;
  beforeReady: boolean;
  uploadInFlight: boolean;
  uploadsAcknowledged: number;
  /** Briefs not yet acknowledged when the sandbox died, the one in flight included. */
  briefsLeft: number;
  javaKilledToo: boolean;
  startupSeconds: number | undefined;
}

interface Observed {
  changes: ChangeSummary[];
  feed: Map<string, number>;
  topic: TopicLog;
  received: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class UploadRefusedError extends Error {
  override name = 'UploadRefusedError';
}

class SandboxFailedError extends Error {
  override name = 'SandboxFailedError';
}

/** True when the sandbox acknowledged the brief, false when it died before answering. */
async function upload(sandbox: SandboxProcess, ready: Ready, brief: Brief): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${ready.url}/briefs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(brief),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    // A kill resets the connection a moment before the exit is seen.
    await Promise.race([sandbox.exited, sleep(5000)]);
    if (sandbox.isRunning())
      throw new UploadRefusedError(`upload of ${brief.id} failed on a live sandbox`, { cause: error });
    return false;
  }
  if (response.status === 200 || response.status === 201) return true;
  throw new UploadRefusedError(`upload of ${brief.id} answered ${response.status}: ${await response.text()}`);
}

function snsSubscriptions(dataDir: string, endpoint: string): { confirmed: boolean }[] {
  const state = JSON.parse(readFileSync(join(dataDir, 'sns.json'), 'utf8')) as {
    subscriptions: { endpoint: string; confirmed: boolean }[];
  };
  return state.subscriptions.filter((subscription) => subscription.endpoint === endpoint);
}

/** Polls `check` until it returns true; otherwise it says what is still missing, and the timeout reports that. */
async function waitUntil(
  what: string,
  timeoutMs: number,
  check: () => Promise<true | string> | true | string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let state = await check(); state !== true; state = await check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}: ${state}`);
    await sleep(250);
  }
}

async function subscribe(ready: Ready, dataDir: string, subscriber: HttpSubscriber): Promise<void> {
  const response = await fetch(`${ready.url}/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 'http', endpoint: subscriber.url }),
  });
  expect(response.status).toBe(201);
  await waitUntil(
    'the subscription is confirmed on disk',
    15_000,
    () =>
      snsSubscriptions(dataDir, subscriber.url).some((subscription) => subscription.confirmed) ||
      JSON.stringify(snsSubscriptions(dataDir, subscriber.url)),
  );
}

async function started(sandbox: SandboxProcess): Promise<Ready> {
  const ready = await sandbox.ready;
  if (ready === undefined)
    throw new SandboxFailedError(`the sandbox exited before serving:\n${sandbox.output()}`);
  return ready;
}

async function stop(sandbox: SandboxProcess | undefined): Promise<void> {
  if (sandbox === undefined || !sandbox.isRunning()) return;
  sandbox.kill('SIGTERM');
  const exit = await Promise.race([sandbox.exited, sleep(20_000)]);
  if (exit === undefined) sandbox.kill('SIGKILL');
}

async function observe(url: string, dataDir: string, subscriber: HttpSubscriber): Promise<Observed> {
  return {
    changes: await changeLog(url),
    feed: await feedOccurrences(url),
    topic: topicLog(dataDir),
    received: receivedEventIds(subscriber),
  };
}

const missingFrom = (expected: Iterable<string>, seen: Iterable<string>) => {
  const present = new Set(seen);
  return [...expected].filter((id) => !present.has(id));
};

/** True when every expected change is listed, on the topic and (from the subscription on) at the subscriber. */
function progress(
  observed: Observed,
  expected: Iterable<string>,
  expectedAtSubscriber: Iterable<string>,
): true | string {
  const listed = missingFrom(
    expected,
    observed.changes.map((change) => change.eventId),
  ).length;
  const onTopic = missingFrom(expected, observed.topic.eventIds).length;
  const atSubscriber = missingFrom(expectedAtSubscriber, observed.received).length;
  return (
    listed + onTopic + atSubscriber === 0 ||
    `${observed.changes.length} changes listed; missing ${listed} from /changes, ${onTopic} from the topic, ${atSubscriber} at the subscriber`
  );
}

const dataDirs: string[] = [];
const subscribers: HttpSubscriber[] = [];
const sandboxes: SandboxProcess[] = [];

function newDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'updates-feed-crash-'));
  dataDirs.push(dataDir);
  return dataDir;
}

function launch(options: Parameters<typeof startSandboxProcess>[0]): SandboxProcess {
  const sandbox = startSandboxProcess(options);
  sandboxes.push(sandbox);
  return sandbox;
}

/** The same uploads, uninterrupted: what the crash run must end up showing. */
async function referenceRun() {
  const dataDir = newDataDir();
  const sandbox = launch({ port: await freePort(), dataDir });
  const ready = await started(sandbox);
  const subscriber = await startHttpSubscriber();
  subscribers.push(subscriber);
  await subscribe(ready, dataDir, subscriber);
  // The seed editions settled before the sandbox said ready; their last changes are listed once the window passes.
  await new Promise((resolve) => setTimeout(resolve, minimumSettleMs));
  const seeded = (await changeLog(ready.url)).map((change) => change.eventId);
  for (const brief of briefs) {
    if (!(await upload(sandbox, ready, brief)))
      throw new SandboxFailedError(`the reference sandbox died:\n${sandbox.output()}`);
  }
  // Settled: everything listed is on the topic and at the subscriber, and nothing new for three seconds.
  let last = -1;
  let stableSince = Date.now();
  await waitUntil('the reference run settles', settleTimeoutMs, async () => {
    const observed = await observe(ready.url, dataDir, subscriber);
    const ids = observed.changes.map((change) => change.eventId);
    if (ids.length !== last) [last, stableSince] = [ids.length, Date.now()];
    const delivered = progress(observed, ids, missingFrom(ids, seeded));
    return delivered !== true ? delivered : Date.now() - stableSince >= 3000 || 'changes still being listed';
  });
  const observed = await observe(ready.url, dataDir, subscriber);
  await stop(sandbox);
  return { observed, seeded };
}

interface KillPlan {
  mode: KillMode;
  crashAfterWrites?: number;
  crashAfterCheckpoints?: number;
}

/** Which kill comes next; the first start must seed and subscribe undisturbed, so it is not killed before ready. */
function planKill(random: Random, firstStart: boolean): KillPlan {
  const roll = random.next();
  if (!firstStart && roll < 0.15) return { mode: 'during startup' };
  if (!firstStart && roll < 0.3) return { mode: 'after writes', crashAfterWrites: random.int(1, 12) };
  if (!firstStart && roll < 0.45)
    return { mode: 'after checkpoints', crashAfterCheckpoints: random.int(1, 4) };
  return { mode: roll < 0.75 ? 'after uploads' : 'timed' };
}

interface CrashRun {
  uploadedAfterLastKill: number;
  kills: Kill[];
  readies: Ready[];
  restartOutputs: string[];
  dataDir: string;
  subscriber: HttpSubscriber;
  final: { ready: Ready; sandbox: SandboxProcess };
  seconds: number;
}

async function crashRun(random: Random): Promise<CrashRun> {
  const began = Date.now();
  const dataDir = newDataDir();
  const port = await freePort();
  const subscriber = await startHttpSubscriber();
  subscribers.push(subscriber);
  const kills: Kill[] = [];
  const readies: Ready[] = [];
  const restartOutputs: string[] = [];
  let next = 0;
  while (kills.length < minKills) {
    const firstStart = readies.length === 0 && kills.length === 0;
    const { mode, ...crashPoints } = planKill(random, firstStart);
    const javaToo = random.chance(0.5);
    const sandbox = launch({ port, dataDir, ...crashPoints });
    const kill: Kill = {
      mode,
      selfInflicted: false,
      beforeReady: true,
      uploadInFlight: false,
      uploadsAcknowledged: 0,
      briefsLeft: 0,
      javaKilledToo: false,
      startupSeconds: undefined,
    };
    let killed = false;
    const killNow = () => {
      if (killed || !sandbox.isRunning()) return;
      killed = true;
      const java = javaToo ? dynamoDbLocalOf(dataDir) : undefined;
      sandbox.kill('SIGKILL');
      if (java !== undefined) {
        process.kill(java, 'SIGKILL');
        kill.javaKilledToo = true;
      }
    };
    const timers: NodeJS.Timeout[] = [];
    const killIn = (ms: number) => timers.push(setTimeout(killNow, ms));
    if (mode === 'during startup') killIn(random.int(200, 8000));
    const ready = await sandbox.ready;
    if (ready !== undefined) {
      kill.beforeReady = false;
      kill.startupSeconds = ready.startupSeconds;
      readies.push(ready);
      if (!firstStart) restartOutputs.push(sandbox.output());
      if (firstStart) await subscribe(ready, dataDir, subscriber);
      // Twice the even share, as many kills come before the share is spent: briefs keep flowing to the last kill.
      const budget = Math.ceil((2 * (briefs.length - next)) / Math.max(1, minKills - kills.length));
      const killAfterUploads = mode === 'after uploads' ? random.int(0, budget) : undefined;
      const jitter = random.int(0, 150);
      if (mode === 'timed') killIn(random.int(50, 1500));
      // A crash point that is never reached (too little work left) is backed by a timed kill.
      if (mode === 'after writes' || mode === 'after checkpoints') killIn(random.int(4000, 8000));
      if (killAfterUploads === 0) killIn(jitter);
      for (let sent = 0; sent < budget && next < briefs.length && sandbox.isRunning(); sent++) {
        kill.uploadInFlight = true;
        const acknowledged = await upload(sandbox, ready, briefs[next] as Brief);
        kill.uploadInFlight = !acknowledged;
        if (!acknowledged) break;
        next += 1;
        kill.uploadsAcknowledged += 1;
        if (kill.uploadsAcknowledged === killAfterUploads) killIn(jitter);
      }
      // The budget is spent (or the kill fired): the pipeline and the publisher keep going until the kill.
      if (sandbox.isRunning() && !timers.length) killIn(random.int(50, 1500));
    }
    const exit = await sandbox.exited;
    for (const timer of timers) clearTimeout(timer);
    if (exit.signal !== 'SIGKILL') {
      throw new SandboxFailedError(
        `the sandbox exited by itself (code ${exit.code}, signal ${exit.signal}) in mode ${mode}:\n${sandbox.output()}`,
      );
    }
    if (!killed) {
      // A crash point fired; Java survives a crash of Node unless killed with it.
      kill.selfInflicted = true;
      const java = javaToo ? dynamoDbLocalOf(dataDir) : undefined;
      if (java !== undefined) process.kill(java, 'SIGKILL');
      kill.javaKilledToo = java !== undefined;
    }
    kill.briefsLeft = briefs.length - next;
    kills.push(kill);
  }
  // The last start is left alone; whatever the kills left to upload goes up now.
  const sandbox = launch({ port, dataDir });
  const ready = await started(sandbox);
  readies.push(ready);
  restartOutputs.push(sandbox.output());
  const uploadedAfterLastKill = briefs.length - next;
  for (const brief of briefs.slice(next)) {
    if (!(await upload(sandbox, ready, brief)))
      throw new SandboxFailedError(`the sandbox died after the last kill:\n${sandbox.output()}`);
  }
  return {
    uploadedAfterLastKill,
    kills,
    readies,
    restartOutputs,
    dataDir,
    subscriber,
    final: { ready, sandbox },
    seconds: (Date.now() - began) / 1000,
  };
}

let reference: { observed: Observed; seeded: string[] };
let run: CrashRun;
let after: Observed;
let expectedIds: Set<string>;
let expectedAtSubscriber: string[];

beforeAll(async () => {
  const began = Date.now();
  reference = await referenceRun();
  const referenceSeconds = (Date.now() - began) / 1000;
  expectedIds = new Set(reference.observed.changes.map((change) => change.eventId));
  const seededIds = new Set(reference.seeded);
  expectedAtSubscriber = [...expectedIds].filter((id) => !seededIds.has(id));
  run = await crashRun(seededRandom(seed + 1));
  const { url } = run.final.ready;
  const settleBegan = Date.now();
  try {
    await waitUntil('the crash run shows every change of the reference run', settleTimeoutMs, async () =>
      progress(await observe(url, run.dataDir, run.subscriber), expectedIds, expectedAtSubscriber),
    );
  } catch (error) {
    // The assertions below say exactly what is missing.
    console.error((error as Error).message);
  }
  after = await observe(url, run.dataDir, run.subscriber);
  const topicCounts = countOf(after.topic.eventIds);
  const receivedCounts = countOf(after.received);
  const kills = run.kills;
  const modes = countOf(kills.map((kill) => (kill.selfInflicted ? `${kill.mode} (fired)` : kill.mode)));
  const startups = run.readies.map((ready) => ready.startupSeconds);
  console.log(
    [
      `crash loop: seed ${seed}, ${briefs.length} uploads, reference run ${referenceSeconds.toFixed(0)} s, crash run ${run.seconds.toFixed(0)} s, settled in ${((Date.now() - settleBegan) / 1000).toFixed(1)} s`,
      `kills: ${kills.length} (${[...modes].map(([mode, count]) => `${mode} ${count}`).join(', ')}); before ready ${kills.filter((kill) => kill.beforeReady).length}, briefs left ${kills.filter((kill) => kill.briefsLeft > 0).length}, upload in flight ${kills.filter((kill) => kill.uploadInFlight).length}, Java killed too ${kills.filter((kill) => kill.javaKilledToo).length}`,
      `uploads after the last kill: ${run.uploadedAfterLastKill}; starts: ${run.readies.length}, startup seconds min ${Math.min(...startups)} max ${Math.max(...startups)}`,
      `changes: reference ${expectedIds.size} (seeded ${reference.seeded.length}), crash run ${after.changes.length}; topic messages ${after.topic.eventIds.length} (${[...topicCounts.values()].filter((count) => count > 1).length} ids more than once, ${after.topic.unreadableLines} unreadable lines)`,
      `subscriber: ${after.received.length} notifications for ${receivedCounts.size} ids, ${[...receivedCounts.values()].filter((count) => count > 1).length} ids more than once`,
    ].join('\n'),
  );
}, 900_000);

afterAll(async () => {
  for (const sandbox of sandboxes) await stop(sandbox);
  for (const subscriber of subscribers) await subscriber.close();
  // Java orphaned by the last kills (if a restart failed to reclaim it) must not outlive the test.
  for (const dataDir of dataDirs) {
    for (const pid of dynamoDbLocalProcesses(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

describe('a sandbox SIGKILLed at random points while briefs flow, restarted on the same data dir each time', () => {
  it('was killed at least the required number of times, with briefs still to upload or in flight', () => {
    expect(run.kills.length).toBeGreaterThanOrEqual(minKills);
    expect(run.kills.filter((kill) => kill.briefsLeft > 0).length).toBeGreaterThanOrEqual(minKills / 2);
  });

  it('resumes on restart: the same editors’ token, no second seeding, the http subscription kept', () => {
    expect(new Set(run.readies.map((ready) => ready.token)).size).toBe(1);
    expect(run.restartOutputs.filter((output) => output.includes('seeded edition'))).toEqual([]);
    expect(snsSubscriptions(run.dataDir, run.subscriber.url)).toEqual([
      expect.objectContaining({ confirmed: true }),
    ]);
    expect(
      run.subscriber.received.filter(({ message }) => message.Type === 'SubscriptionConfirmation'),
    ).toHaveLength(1);
  });

  it('reclaims the DynamoDB Local that each kill orphaned: one Java serves the data dir', () => {
    expect(dynamoDbLocalProcesses(run.dataDir)).toHaveLength(1);
  });

  it('ends with exactly the changes of the uninterrupted run, each with the same type and previous value', () => {
    const byId = (changes: ChangeSummary[]) =>
      [...changes].sort((a, b) => a.eventId.localeCompare(b.eventId));
    expect(byId(after.changes)).toEqual(byId(reference.observed.changes));
  });

  it('lists no change twice in /changes', () => {
    const twice = [...countOf(after.changes.map((change) => change.eventId))].filter(
      ([, count]) => count > 1,
    );
    expect(twice).toEqual([]);
  });

  it('shows every change exactly once in the RSS feed', () => {
    expect(expectedIds.size).toBeLessThanOrEqual(feedLimit);
    const wrong = [...expectedIds]
      .map((id) => [id, after.feed.get(id) ?? 0] as const)
      .filter(([, count]) => count !== 1);
    expect(wrong).toEqual([]);
    expect([...after.feed.keys()].filter((id) => !expectedIds.has(id))).toEqual([]);
  });

  it('put every change on the topic at least once', () => {
    expect(missingFrom(expectedIds, after.topic.eventIds)).toEqual([]);
  });

  it('delivered every change uploaded after the subscription to the http subscriber at least once', () => {
    expect(expectedAtSubscriber.length).toBeGreaterThan(0);
    expect(missingFrom(expectedAtSubscriber, after.received)).toEqual([]);
  });
});
