// 1,000 synthetic briefs through the whole sandbox: throughput, latency from upload to topic, nothing lost or
// doubled, DynamoDB units per figure and what a million briefs would cost on AWS. The workload comes from
// tests/support/synthetic-briefs.ts; the meters, the reads and the report each have a module of their own here.
// Run standalone with `npx tsx bench/load.ts [briefs]`; bench/run.ts folds the result into BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Sandbox, startSandbox } from '../infra/sandbox/sandbox.ts';
import { startHttpSubscriber } from '../tests/support/http-subscriber.ts';
import { loadBriefs, type SyntheticBrief } from '../tests/support/synthetic-briefs.ts';
import { difference, meterDynamoDb, type OperationTally, writeOperations } from './capacity-meter.ts';
import { type CostPerMillionBriefs, costAssumptions, costPerMillionBriefs } from './cost.ts';
import { cpuMeter } from './cpu-meter.ts';
import { round } from './format.ts';
import {
  changeLog,
  type EventEnvelope,
  getJson,
  type ItemTypeUnits,
  itemTypeUnits,
  type Publication,
  publications,
  storedObservations,
} from './sandbox-reads.ts';
import { subscribeOverHttp } from './subscribe.ts';

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export interface LoadBench {
  briefs: number;
  concurrency: number;
  seed: number;
  dataRoot: string;
  /** 1-minute load average of the machine when the uploads started and when the run settled. */
  loadAverage: { start: number; settled: number };
  /** CPU seconds from the first upload until settled: this Node process, and its children (DynamoDB Local). */
  cpu: {
    nodeSeconds: number;
    childSeconds: number;
    eventLoopDelayMs: { p50: number; p99: number; max: number };
  };
  figures: number;
  /** Distinct metrics per brief: what the pipeline turns into observations. */
  observations: number;
  metrics: number;
  events: { total: number; byType: Record<string, number>; unchangedObservations: number };
  /** From the first upload sent to the last event delivered to the subscriber. */
  /** False when the sandbox had not settled within the timeout: the figures then describe a partial run. */
  settled: boolean;
  wallSeconds: number;
  uploadSeconds: number;
  settleSeconds: number;
  briefsPerSecond: number;
  figuresPerSecond: number;
  uploadMs: Percentiles;
  /** Upload acknowledged → event accepted by the topic (published.jsonl timestamp). */
  ackToTopicMs: Percentiles;
  /** Upload acknowledged → event received by the HTTP subscriber. */
  ackToSubscriberMs: Percentiles;
  lost: {
    total: number;
    failedUploads: number;
    missingObservations: number;
    briefsMissingObservations: number;
    changesNotInLog: number;
    changesNotPublished: number;
    changesNotDelivered: number;
  };
  doubled: {
    total: number;
    inChangeLog: number;
    inFeed: number;
    observations: number;
    /** Allowed (at-least-once), reported for information. */
    atTopic: number;
    atSubscriber: number;
  };
  capacity: {
    source: string;
    writeUnits: number;
    readUnits: number;
    writeUnitsPerBrief: number;
    writeUnitsPerFigure: number;
    readUnitsPerBrief: number;
    readUnitsPerFigure: number;
    /** Measured write units per figure by the item type written (table and index writes together). */
    writeUnitsPerFigureByItemType: Record<string, number>;
    operations: (OperationTally & { meanMs: number })[];
    /** From the items' stored sizes: what one write of each type costs. */
    itemTypes: ItemTypeUnits[];
  };
  cost: CostPerMillionBriefs;
  costAssumptions: string[];
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return { p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), max: Math.round(sorted.at(-1) ?? 0) };
}

function duplicates(values: string[]): number {
  return values.length - new Set(values).size;
}

interface UploadRecord {
  briefId: string;
  status: number;
  sentMs: number;
  ackMs: number;
  /** Metric keys of the figures the upload answered with. */
  metrics: string[];
}

async function uploadAll(
  sandbox: Sandbox,
  briefs: SyntheticBrief[],
  concurrency: number,
): Promise<UploadRecord[]> {
  const records: UploadRecord[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < briefs.length; index = next++) {
      const brief = briefs[index] as SyntheticBrief;
      const sentMs = Date.now();
      const response = await fetch(`${sandbox.url}/briefs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(brief),
      });
      const answer = (await response.json()) as { figures?: { metric: string }[] };
      records.push({
        briefId: brief.id,
        status: response.status,
        sentMs,
        ackMs: Date.now(),
        metrics: (answer.figures ?? []).map((figure) => figure.metric),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return records;
}

/** A pipeline that never settles (a poison record retried for hours) is reported, not waited for. */
async function settledWithin(sandbox: Sandbox, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sandbox.settled().then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export interface LoadOptions {
  briefs?: number;
  /** Uploads in flight at once. */
  concurrency?: number;
  seed?: number;
  /** How long to wait for the pipeline to settle after the last upload before measuring what arrived. */
  settleTimeoutMs?: number;
  /**
   * Where the sandbox's data dir is made; default the OS temp dir. /dev/shm keeps DynamoDB Local's SQLite files
   * in RAM, which takes the disk's fsync latency out of every write.
   */
  dataRoot?: string;
}

export async function benchLoad(options: LoadOptions = {}): Promise<LoadBench> {
  const count = options.briefs ?? 1000;
  const settleTimeoutMs = options.settleTimeoutMs ?? 120_000;
  const concurrency = options.concurrency ?? 12;
  const seed = options.seed ?? 20200514;
  const briefs = loadBriefs(count, seed);
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), 'updates-feed-load-'));
  const meter = meterDynamoDb();
  const sandbox = await startSandbox({ port: 0, dataDir, token: 'load-benchmark-token', seed: false });
  const subscriber = await startHttpSubscriber();
  try {
    await subscribeOverHttp(sandbox, subscriber.url);
    const before = meter.snapshot();

    const loadAtStart = loadavg()[0] ?? 0;
    const cpuUntilSettled = cpuMeter();
    const startMs = Date.now();
    const uploads = await uploadAll(sandbox, briefs, concurrency);
    const uploadedMs = Date.now();
    const settled = await settledWithin(sandbox, settleTimeoutMs);
    const settledMs = Date.now();
    const loadAtSettle = loadavg()[0] ?? 0;
    const cpu = cpuUntilSettled();
    const operations = difference(meter.snapshot(), before);

    const published = publications(dataDir);
    const ackOf = new Map(uploads.map((upload) => [upload.briefId, upload.ackMs]));
    const firstPublication = new Map<string, Publication>();
    for (const publication of published) {
      if (!firstPublication.has(publication.eventId)) firstPublication.set(publication.eventId, publication);
    }
    const arrivals = subscriber.received
      .filter(({ message }) => message.Type === 'Notification')
      .map(({ message, atMs }) => {
        const event = JSON.parse(message.Message) as EventEnvelope;
        return { eventId: event.id, briefId: event.data.current.briefId, atMs };
      });
    const firstArrival = new Map<string, (typeof arrivals)[number]>();
    for (const arrival of arrivals) {
      if (!firstArrival.has(arrival.eventId)) firstArrival.set(arrival.eventId, arrival);
    }
    const lastDeliveredMs =
      arrivals.length === 0 ? settledMs : Math.max(...arrivals.map((arrival) => arrival.atMs));
    const sinceAck = (briefId: string, atMs: number) => atMs - (ackOf.get(briefId) ?? atMs);

    await new Promise((resolve) => setTimeout(resolve, sandbox.changesSettleMs));
    const logIds = await changeLog(sandbox.url);
    const stored = await storedObservations(sandbox.url);
    const feed = await getJson<{ items: { id: string }[] }>(`${sandbox.url}/feed.json?limit=200`);
    const itemTypes = await itemTypeUnits();

    const succeeded = uploads.filter((upload) => upload.status === 200 || upload.status === 201);
    const expected = new Set(
      succeeded.flatMap((upload) =>
        [...new Set(upload.metrics)].map((metric) => `${upload.briefId} ${metric}`),
      ),
    );
    const storedPairs = stored.map(({ observation }) => `${observation.briefId} ${observation.metric}`);
    const storedSet = new Set(storedPairs);
    const missing = [...expected].filter((pair) => !storedSet.has(pair));
    const logSet = new Set(logIds);
    const observedChanges = stored.flatMap(({ change }) => (change === null ? [] : [change.eventId]));
    const figures = succeeded.reduce((sum, upload) => sum + upload.metrics.length, 0);
    const byType: Record<string, number> = {};
    for (const publication of firstPublication.values())
      byType[publication.type] = (byType[publication.type] ?? 0) + 1;

    const lost = {
      failedUploads: uploads.length - succeeded.length,
      missingObservations: missing.length,
      briefsMissingObservations: new Set(missing.map((pair) => pair.split(' ')[0])).size,
      changesNotInLog: observedChanges.filter((id) => !logSet.has(id)).length,
      changesNotPublished: logIds.filter((id) => !firstPublication.has(id)).length,
      changesNotDelivered: logIds.filter((id) => !firstArrival.has(id)).length,
    };
    const doubled = {
      inChangeLog: duplicates(logIds),
      inFeed: duplicates(feed.items.map((item) => item.id)),
      observations: duplicates(storedPairs),
      atTopic: duplicates(published.map((publication) => publication.eventId)),
      atSubscriber: duplicates(arrivals.map((arrival) => arrival.eventId)),
    };

    const writeUnitsTotal = operations
      .filter((tally) => writeOperations.has(tally.operation.split(' ')[0] as string))
      .reduce((sum, tally) => sum + tally.tableUnits + tally.indexUnits + tally.failedConditionUnits, 0);
    const writeUnitsByItemType: Record<string, number> = {};
    for (const tally of operations) {
      const [operation, itemType = '?'] = tally.operation.split(' ');
      if (!writeOperations.has(operation as string)) continue;
      const units = tally.tableUnits + tally.indexUnits + tally.failedConditionUnits;
      writeUnitsByItemType[itemType] = (writeUnitsByItemType[itemType] ?? 0) + units;
    }
    const readUnitsTotal = operations
      .filter((tally) => !writeOperations.has(tally.operation.split(' ')[0] as string))
      .reduce((sum, tally) => sum + tally.tableUnits + tally.indexUnits + tally.minimumQueryUnits, 0);
    const changes = logIds.length;
    const eventBytes =
      published.reduce((sum, publication) => sum + publication.bytes, 0) / Math.max(1, published.length);
    const recordedSpanMs = pipelineBusySpanMs(published, startMs, settledMs);
    const uploadMs = percentiles(uploads.map((upload) => upload.ackMs - upload.sentMs));
    const assumedPublisherMsPerInvocation = 100;
    const cost = costPerMillionBriefs({
      writeRequestUnits: writeUnitsTotal / count,
      readRequestUnits: readUnitsTotal / count,
      changes: changes / count,
      eventBytes,
      ingestMs: uploadMs.p50,
      pipelineMs: recordedSpanMs / count,
      publisherMs: assumedPublisherMsPerInvocation,
      pipelineInvocations: 1,
      publisherInvocations: 1,
      httpSubscribers: 1,
    });

    return {
      briefs: count,
      concurrency,
      seed,
      dataRoot: options.dataRoot ?? tmpdir(),
      loadAverage: { start: round(loadAtStart), settled: round(loadAtSettle) },
      cpu,
      figures,
      observations: expected.size,
      metrics: new Set(stored.map(({ observation }) => observation.metric)).size,
      events: {
        total: firstPublication.size,
        byType,
        unchangedObservations: stored.filter(({ change }) => change === null).length,
      },
      settled,
      wallSeconds: round((lastDeliveredMs - startMs) / 1000),
      uploadSeconds: round((uploadedMs - startMs) / 1000),
      settleSeconds: round((settledMs - uploadedMs) / 1000),
      briefsPerSecond: round((count * 1000) / (lastDeliveredMs - startMs), 1),
      figuresPerSecond: round((figures * 1000) / (lastDeliveredMs - startMs), 1),
      uploadMs,
      ackToTopicMs: percentiles([...firstPublication.values()].map((p) => sinceAck(p.briefId, p.atMs))),
      ackToSubscriberMs: percentiles([...firstArrival.values()].map((a) => sinceAck(a.briefId, a.atMs))),
      lost: { total: Object.values(lost).reduce((sum, value) => sum + value, 0), ...lost },
      doubled: { total: doubled.inChangeLog + doubled.inFeed + doubled.observations, ...doubled },
      capacity: {
        source:
          'ConsumedCapacity (INDEXES) that DynamoDB Local reports to every DynamoDBClient in the process, summed from the first upload until settled. Estimated where it reports none: a failed conditional write at the write units of its item, a query that matched nothing at the minimum AWS bills (1 unit, 0.5 if eventually consistent)',
        writeUnits: round(writeUnitsTotal, 1),
        readUnits: round(readUnitsTotal, 1),
        writeUnitsPerBrief: round(writeUnitsTotal / count),
        writeUnitsPerFigure: round(writeUnitsTotal / Math.max(1, figures)),
        readUnitsPerBrief: round(readUnitsTotal / count),
        readUnitsPerFigure: round(readUnitsTotal / Math.max(1, figures)),
        writeUnitsPerFigureByItemType: Object.fromEntries(
          Object.entries(writeUnitsByItemType).map(([itemType, units]) => [
            itemType,
            round(units / Math.max(1, figures)),
          ]),
        ),
        operations: operations
          .sort((a, b) => b.tableUnits + b.indexUnits - (a.tableUnits + a.indexUnits))
          .map((tally) => ({
            ...tally,
            totalMs: Math.round(tally.totalMs),
            meanMs: round(tally.totalMs / tally.calls),
          })),
        itemTypes,
      },
      cost,
      costAssumptions: [...costAssumptions],
    };
  } finally {
    meter.stop();
    await subscriber.close();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The pipeline reads one stream shard, one batch at a time, so while it is the bottleneck the span from the first
 * upload to the last publication bounds the sum of its invocation times from above.
 */
function pipelineBusySpanMs(published: Publication[], startMs: number, settledMs: number): number {
  const last = published.reduce((latest, publication) => Math.max(latest, publication.atMs), startMs);
  return Math.min(last, settledMs) - startMs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [briefs, dataRoot] = process.argv.slice(2);
  const result = await benchLoad({
    ...(briefs === undefined ? {} : { briefs: Number(briefs) }),
    ...(dataRoot === undefined ? {} : { dataRoot }),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
