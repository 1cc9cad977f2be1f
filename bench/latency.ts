// Latency at idle: one brief at a time through a fresh sandbox, upload acknowledged → SNS HTTP subscriber, and
// what the idle sandbox costs in CPU while nothing happens.
// Run standalone with `npx tsx bench/latency.ts [samples]`; bench/run.ts folds the result into BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Sandbox, startSandbox } from '../infra/sandbox/sandbox.ts';
import { childProcessCpuSeconds } from './process-cpu.ts';
import { subscribeOverHttp } from './subscribe.ts';

export interface LatencyOptions {
  /** Briefs sent one after the other, each once the previous one has arrived. Default 15. */
  samples?: number;
  /** How long the idle sandbox's CPU is measured. Default 30 s. */
  idleSeconds?: number;
  dataRoot?: string;
}

export interface LatencyBench {
  samples: number;
  /** Upload acknowledged → notification received by the HTTP subscriber, in ms. */
  ackToSubscriberMs: { p50: number; p95: number; min: number; max: number };
  /** Median time inside each stream consumer's handler per invocation: the rest is waiting for a poll or delivery. */
  handlerMedianMs: Record<string, number>;
  idle: {
    seconds: number;
    /** CPU time over the idle window as a share of one core: this Node process, and DynamoDB Local's JVM. */
    nodePercentOfCore: number;
    dynamoDbLocalPercentOfCore: number;
  };
}

/** A metric of its own, so every sample is a change (never "equal values, no event") and nothing else moves. */
function brief(sample: number) {
  const day = String(1 + (sample % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(sample / 28)).padStart(2, '0');
  return {
    id: `latency-${sample}`,
    headline: `基准市城镇登记失业率为${(2 + sample / 100).toFixed(2)}%`,
    body: `截至${Number(month)}月${Number(day)}日，基准市城镇登记失业率为${(2 + sample / 100).toFixed(2)}%。`,
    publishedAt: `2021-${month}-${day}T08:00:00+08:00`,
    region: '基准',
  };
}

/** Resolves with the arrival time of the first notification about each brief id. */
async function startSubscriber() {
  const waiting = new Map<string, (atMs: number) => void>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const atMs = performance.now();
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      Type: string;
      Message: string;
      SubscribeURL?: string;
    };
    response.writeHead(200).end();
    if (message.Type === 'SubscriptionConfirmation' && message.SubscribeURL !== undefined) {
      await fetch(message.SubscribeURL);
    } else if (message.Type === 'Notification') {
      const event = JSON.parse(message.Message) as { data: { current: { briefId: string } } };
      const briefId = event.data.current.briefId;
      waiting.get(briefId)?.(atMs);
      waiting.delete(briefId);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    arrival: (briefId: string, timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no notification for ${briefId} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiting.set(briefId, (atMs) => {
          clearTimeout(timer);
          resolve(atMs);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function measureIdle(seconds: number): Promise<LatencyBench['idle']> {
  const ownStart = process.cpuUsage();
  const childStart = childProcessCpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const own = process.cpuUsage(ownStart);
  const percent = (cpuSeconds: number) => Math.round((cpuSeconds / seconds) * 1000) / 10;
  return {
    seconds,
    nodePercentOfCore: percent((own.user + own.system) / 1e6),
    dynamoDbLocalPercentOfCore: percent(childProcessCpuSeconds() - childStart),
  };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0);
}

async function upload(sandbox: Sandbox, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/briefs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`upload answered ${response.status}: ${await response.text()}`);
}

export async function benchLatency(options: LatencyOptions = {}): Promise<LatencyBench> {
  const samples = options.samples ?? 41;
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), 'updates-feed-latency-'));
  const handlerMs = new Map<string, number[]>();
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    token: 'latency-benchmark-token',
    seed: false,
    onInvoke: ({ consumer, durationMs }) =>
      handlerMs.set(consumer, [...(handlerMs.get(consumer) ?? []), durationMs]),
  });
  const subscriber = await startSubscriber();
  try {
    await subscribeOverHttp(sandbox, subscriber.url);
    // Warm-up: the first brief pays for module and connection set-up, which is not what is measured.
    const warmUp = brief(0);
    const warmArrival = subscriber.arrival(warmUp.id, 30_000);
    await upload(sandbox, warmUp);
    await warmArrival;

    handlerMs.clear();
    const latencies: number[] = [];
    for (let sample = 1; sample <= samples; sample++) {
      // Uploads land at different points of the pollers' cycle, as real ones do.
      await new Promise((resolve) => setTimeout(resolve, 150 + ((sample * 137) % 400)));
      const next = brief(sample);
      const arrival = subscriber.arrival(next.id, 30_000);
      await upload(sandbox, next);
      const ackMs = performance.now();
      latencies.push((await arrival) - ackMs);
    }
    const idle = await measureIdle(options.idleSeconds ?? 30);
    const sorted = latencies.sort((a, b) => a - b);
    return {
      samples,
      ackToSubscriberMs: {
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        min: Math.round(sorted[0] ?? 0),
        max: Math.round(sorted.at(-1) ?? 0),
      },
      handlerMedianMs: Object.fromEntries(
        [...handlerMs].map(([consumer, durations]) => [
          consumer,
          percentile(
            durations.sort((a, b) => a - b),
            0.5,
          ),
        ]),
      ),
      idle,
    };
  } finally {
    await subscriber.close();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function markdownForLatency(result: LatencyBench): string {
  const { ackToSubscriberMs: latency, idle } = result;
  return `One brief at a time (${result.samples} samples after a warm-up, each a new value of one metric, sent at varying points of the pollers' cycle) through a fresh sandbox with one HTTP subscriber.

| measure | value | target |
| --- | --- | --- |
| upload acknowledged → event at the subscriber, p50 / p95 | ${latency.p50} / ${latency.p95} ms (min ${latency.min}, max ${latency.max}) | p50 ≤ 300 ms: ${latency.p50 <= 300 ? 'yes' : 'no'} |
| idle CPU over ${idle.seconds} s, share of one core: Node (runners, gateway, SNS) / DynamoDB Local | ${idle.nodePercentOfCore}% / ${idle.dynamoDbLocalPercentOfCore}% |  |`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const samples = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  const result = await benchLatency(samples === undefined ? {} : { samples });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n\n${markdownForLatency(result)}\n`);
}
