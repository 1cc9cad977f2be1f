// 1,000 synthetic briefs through the whole sandbox: throughput, latency from upload to topic, nothing lost or
// doubled, DynamoDB units per figure and what a million briefs would cost on AWS.
// Run standalone with `npx tsx bench/load.ts [briefs]`; bench/run.ts folds the result into BENCHMARKS.md.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  type AttributeValue,
  type ConsumedCapacity,
  DynamoDBClient,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient, itemSizeBytes, writeUnits } from '../functions/adapters/dynamodb/index.ts';
import { type Sandbox, startSandbox, tableName } from '../infra/sandbox/sandbox.ts';
import { type CostPerMillionBriefs, costAssumptions, costPerMillionBriefs } from './cost.ts';

// ---------------------------------------------------------------------------------------------------------------
// Synthetic briefs: Chinese, 150-400 characters, 3-8 figures over a few hundred metrics (16 regions × 22
// indicators), deterministic from the seed. A metric keeps its value in about a quarter of its mentions, so the
// mix has added, changed and unchanged figures; concurrent uploads add a few backfills.

interface Indicator {
  /** The clause before the number, label included. */
  lead: string;
  unit: string;
  min: number;
  max: number;
  decimals: number;
}

const indicators: Indicator[] = [
  { lead: '全市城镇新增就业', unit: '人', min: 8000, max: 60000, decimals: 0 },
  { lead: '城镇登记失业率为', unit: '%', min: 2, max: 4.5, decimals: 2 },
  { lead: '规模以上工业企业复工率达到', unit: '%', min: 90, max: 99.9, decimals: 1 },
  { lead: '社会消费品零售总额达到', unit: '亿元', min: 80, max: 900, decimals: 1 },
  { lead: '完成造林面积', unit: '公顷', min: 300, max: 5000, decimals: 0 },
  { lead: '放流鱼苗', unit: '万尾', min: 50, max: 900, decimals: 0 },
  { lead: '棚户区改造开工', unit: '套', min: 500, max: 9000, decimals: 0 },
  { lead: '城镇居民人均可支配收入增长', unit: '%', min: 2, max: 9, decimals: 1 },
  { lead: '累计发放创业担保贷款', unit: '亿元', min: 0.5, max: 12, decimals: 1 },
  { lead: '高新技术企业数量达到', unit: '家', min: 300, max: 6000, decimals: 0 },
  { lead: '研发投入强度为', unit: '%', min: 1.2, max: 3.5, decimals: 2 },
  { lead: '固定资产投资增长', unit: '%', min: 1, max: 12, decimals: 1 },
  { lead: '进出口总额为', unit: '亿元', min: 100, max: 2000, decimals: 1 },
  { lead: '新登记市场主体', unit: '户', min: 2000, max: 40000, decimals: 0 },
  { lead: '接待游客', unit: '万人次', min: 100, max: 5000, decimals: 1 },
  { lead: '粮食播种面积为', unit: '万亩', min: 20, max: 600, decimals: 1 },
  { lead: '空气质量优良天数比例为', unit: '%', min: 70, max: 98, decimals: 1 },
  { lead: '新建充电桩', unit: '个', min: 200, max: 8000, decimals: 0 },
  { lead: '城乡居民医保参保人数为', unit: '万人', min: 100, max: 1500, decimals: 1 },
  { lead: '地区生产总值为', unit: '亿元', min: 800, max: 9000, decimals: 1 },
  { lead: '一般公共预算收入为', unit: '亿元', min: 60, max: 900, decimals: 1 },
  { lead: '农村居民人均可支配收入为', unit: '元', min: 9000, max: 30000, decimals: 0 },
];

const regions = [
  '大连',
  '沈阳',
  '青岛',
  '济南',
  '杭州',
  '宁波',
  '南京',
  '苏州',
  '成都',
  '重庆',
  '武汉',
  '长沙',
  '西安',
  '郑州',
  '合肥',
  '福州',
];
const topics = ['就业', '经济运行', '民生', '生态建设', '产业发展'];
const openings = ['市统计局发布数据显示', '市政府新闻办介绍', '据市发展改革委消息', '记者从市有关部门获悉'];
const fillers = [
  '有关负责人表示，下一步将继续加强监测分析，推动各项政策落地见效。',
  '各区县结合实际细化工作措施，重点项目建设有序推进。',
  '相关部门将持续优化营商环境，进一步激发市场主体活力。',
  '从调查情况看，居民对公共服务的满意度保持在较高水平。',
  '业内人士认为，稳中向好的基本面没有改变，全年目标有望如期完成。',
  '与此同时，基层治理能力不断提升，群众获得感明显增强。',
  '市里还将加大对中小企业的帮扶力度，稳定就业基本盘。',
  '专家提醒，外部环境依然复杂，仍需保持定力、久久为功。',
];

/** mulberry32: small, fast and good enough to make a reproducible workload. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticBrief {
  id: string;
  headline: string;
  body: string;
  publishedAt: string;
  region: string;
  source: string;
  language: 'zh';
}

export function syntheticBriefs(count: number, seed = 20200514): SyntheticBrief[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const lastValue = new Map<string, number>();
  const nextValueText = (region: string, index: number, indicator: Indicator): string => {
    const key = `${region}:${index}`;
    const previous = lastValue.get(key);
    const value =
      previous === undefined
        ? indicator.min + random() * (indicator.max - indicator.min)
        : random() < 0.25
          ? previous
          : previous * (1 + (random() - 0.5) * 0.1);
    const text = value.toFixed(indicator.decimals);
    lastValue.set(key, Number(text));
    return text;
  };
  const start = Date.parse('2021-03-01T00:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    const region = pick(regions);
    const chosen = new Set<number>();
    const figureCount = 3 + Math.floor(random() * 6);
    while (chosen.size < figureCount) chosen.add(Math.floor(random() * indicators.length));
    const clauses = [...chosen].map((which) => {
      const indicator = indicators[which] as Indicator;
      return `${indicator.lead}${nextValueText(region, which, indicator)}${indicator.unit}`;
    });
    const sentences = [`${region}${pick(openings)}，${clauses.slice(0, 3).join('，')}。`];
    if (clauses.length > 3) sentences.push(`此外，${clauses.slice(3).join('，')}。`);
    for (const filler of [...fillers].sort(() => random() - 0.5)) {
      if (sentences.join('').length >= 150 + random() * 120) break;
      sentences.push(filler);
    }
    return {
      id: `load-${seed}-${String(index).padStart(5, '0')}`,
      headline: `${region}${pick(topics)}最新数据发布`,
      body: sentences.join(''),
      // Three hours apart, in the China time zone, so as-of dates advance every few briefs.
      publishedAt: `${new Date(start + index * 3 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
      region,
      source: 'updates-feed load benchmark',
      language: 'zh',
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// DynamoDB capacity, measured from the outside: every DynamoDBClient in this process (the handlers' own included)
// asks for ReturnConsumedCapacity 'INDEXES', and the answers are summed by operation and item type.

const capacityOperations = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
]);
const writeOperations = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);
/** Conditional failures answer without ConsumedCapacity, yet DynamoDB bills them as a write of the item. */
const failedConditionErrors = new Set(['ConditionalCheckFailedException', 'TransactionCanceledException']);

export interface OperationTally {
  /** Operation and the item types it touched, e.g. "PutItem METRIC/HEAD". */
  operation: string;
  calls: number;
  failedConditions: number;
  tableUnits: number;
  indexUnits: number;
  /** Estimated from item sizes for failed conditional writes, which report no capacity. */
  failedConditionUnits: number;
  /**
   * DynamoDB Local reports 0 units for a query that matches nothing; AWS bills such a query its minimum (1 unit
   * strongly consistent, 0.5 eventually), added here.
   */
  minimumQueryUnits: number;
  totalMs: number;
}

type Command = { constructor: { name: string }; input: Record<string, unknown> };
type Key = Record<string, AttributeValue>;

/** "BRIEF/REV", "METRIC/OBS", "METRIC/HEAD": the prefixes of an item's keys. */
function itemTypeOf(key: Key | undefined): string {
  const prefix = (attribute: AttributeValue | undefined) => (attribute?.S ?? '?').split('#')[0];
  return `${prefix(key?.pk)}/${prefix(key?.sk)}`;
}

function keysOf(operation: string, input: Record<string, unknown>): Key[] {
  const requests = (input.RequestItems ?? {}) as Record<string, unknown>;
  switch (operation) {
    case 'PutItem':
      return [input.Item as Key];
    case 'BatchWriteItem':
      return Object.values(requests).flatMap((list) =>
        (list as { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }[]).map(
          (request) => request.PutRequest?.Item ?? (request.DeleteRequest?.Key as Key),
        ),
      );
    case 'BatchGetItem':
      return Object.values(requests).flatMap((entry) => (entry as { Keys: Key[] }).Keys);
    case 'TransactWriteItems':
      return (input.TransactItems as Record<string, { Item?: Key; Key?: Key }>[]).map((entry) => {
        const action = Object.values(entry)[0];
        return (action?.Item ?? action?.Key) as Key;
      });
    default:
      return [input.Key as Key];
  }
}

/** A query is named by its index and the prefixes of the values its key condition compares. */
function queryTarget(input: Record<string, unknown>): string {
  const values = (input.ExpressionAttributeValues ?? {}) as Key;
  const placeholders = String(input.KeyConditionExpression ?? '').match(/:\w+/g) ?? [];
  const prefixes = placeholders.map((name) => (values[name]?.S ?? '?').split('#')[0]);
  return `${(input.IndexName as string | undefined) ?? 'table'} ${prefixes.join('/')}`;
}

function targetOf(operation: string, input: Record<string, unknown>): string {
  if (operation === 'Query' || operation === 'Scan') return queryTarget(input);
  return [...new Set(keysOf(operation, input).map(itemTypeOf))].sort().join('+');
}

function capacityUnits(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined) {
  const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let table = 0;
  let index = 0;
  for (const entry of all) {
    const indexes = Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce(
      (sum, capacity) => sum + (capacity.CapacityUnits ?? 0),
      0,
    );
    index += indexes;
    table += entry.Table?.CapacityUnits ?? (entry.CapacityUnits ?? 0) - indexes;
  }
  return { table, index };
}

function failedConditionUnits(operation: string, input: Record<string, unknown>): number {
  if (operation === 'PutItem') return writeUnits(input.Item as Key);
  if (operation === 'TransactWriteItems')
    return keysOf(operation, input).reduce((sum, item) => sum + 2 * writeUnits(item), 0);
  return 1;
}

export interface CapacityMeter {
  snapshot(): OperationTally[];
  stop(): void;
}

export function meterDynamoDb(): CapacityMeter {
  const tallies = new Map<string, OperationTally>();
  const prototype = DynamoDBClient.prototype as unknown as {
    send(this: DynamoDBClient, command: Command, ...rest: unknown[]): Promise<unknown>;
  };
  const hadOwnSend = Object.hasOwn(prototype, 'send');
  const send = prototype.send;
  prototype.send = async function meteredSend(this: DynamoDBClient, command: Command, ...rest: unknown[]) {
    const operation = command.constructor.name.replace(/Command$/, '');
    if (!capacityOperations.has(operation)) return send.call(this, command, ...rest);
    command.input.ReturnConsumedCapacity = 'INDEXES';
    const label = `${operation} ${targetOf(operation, command.input)}`;
    const tally =
      tallies.get(label) ??
      tallies
        .set(label, {
          operation: label,
          calls: 0,
          failedConditions: 0,
          tableUnits: 0,
          indexUnits: 0,
          failedConditionUnits: 0,
          minimumQueryUnits: 0,
          totalMs: 0,
        })
        .get(label);
    const entry = tally as OperationTally;
    const started = performance.now();
    try {
      const output = (await send.call(this, command, ...rest)) as { ConsumedCapacity?: ConsumedCapacity };
      const units = capacityUnits(output.ConsumedCapacity);
      const unbilledQuery =
        (operation === 'Query' || operation === 'Scan') && units.table + units.index === 0;
      if (unbilledQuery) entry.minimumQueryUnits += command.input.ConsistentRead === true ? 1 : 0.5;
      entry.tableUnits += units.table;
      entry.indexUnits += units.index;
      return output;
    } catch (error) {
      if (writeOperations.has(operation) && failedConditionErrors.has((error as Error).name)) {
        entry.failedConditions++;
        entry.failedConditionUnits += failedConditionUnits(operation, command.input);
      }
      throw error;
    } finally {
      entry.calls++;
      entry.totalMs += performance.now() - started;
    }
  };
  return {
    snapshot: () => [...tallies.values()].map((tally) => ({ ...tally })),
    stop: () => {
      if (hadOwnSend) prototype.send = send;
      else delete (prototype as { send?: unknown }).send;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// An HTTP subscriber that notes when each notification arrived.

interface Arrival {
  eventId: string;
  briefId: string;
  atMs: number;
}

interface EventEnvelope {
  id: string;
  type: string;
  data: { current: { briefId: string } };
}

async function startTimedSubscriber() {
  const arrivals: Arrival[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const atMs = Date.now();
    const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      Type: string;
      Message: string;
      SubscribeURL?: string;
    };
    if (message.Type === 'SubscriptionConfirmation' && message.SubscribeURL !== undefined) {
      await fetch(message.SubscribeURL);
    } else if (message.Type === 'Notification') {
      const event = JSON.parse(message.Message) as EventEnvelope;
      arrivals.push({ eventId: event.id, briefId: event.data.current.briefId, atMs });
    }
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Where the CPU goes: this process (handlers, gateway, local SNS, stream runners, load generator) and its child
// processes (DynamoDB Local's JVM).

/** Linux reports process times in clock ticks of 1/100 s. */
const ticksPerSecond = 100;

function childProcessCpuSeconds(): number {
  if (!existsSync('/proc')) return 0;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces: the fields that follow are read after its closing parenthesis.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[1]) === process.pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / ticksPerSecond;
}

function cpuMeter() {
  const ownStart = process.cpuUsage();
  const childStart = childProcessCpuSeconds();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  return () => {
    loopDelay.disable();
    const own = process.cpuUsage(ownStart);
    return {
      nodeSeconds: round((own.user + own.system) / 1e6, 1),
      childSeconds: round(childProcessCpuSeconds() - childStart, 1),
      eventLoopDelayMs: {
        p50: round(loopDelay.percentile(50) / 1e6, 1),
        p99: round(loopDelay.percentile(99) / 1e6, 1),
        max: round(loopDelay.max / 1e6, 1),
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export interface ItemTypeUnits {
  itemType: string;
  items: number;
  meanBytes: number;
  /** Table and index write units of writing each item once, from its stored size. */
  writeUnitsPerWrite: number;
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

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
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

interface ChangeJson {
  eventId: string;
}

/** The event ids GET /changes lists; call it once the settle window has passed since the last write. */
async function changeLog(baseUrl: string): Promise<string[]> {
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

interface StoredObservationJson {
  observation: { briefId: string; metric: string };
  change: ChangeJson | null;
}

/** Every metric's whole history, through the public read API. */
async function storedObservations(baseUrl: string): Promise<StoredObservationJson[]> {
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

interface Publication {
  eventId: string;
  briefId: string;
  type: string;
  atMs: number;
  bytes: number;
}

function publications(dataDir: string): Publication[] {
  const file = join(dataDir, 'published.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const published = JSON.parse(line) as { timestamp: string; bodies: { default: string } };
      const event = JSON.parse(published.bodies.default) as EventEnvelope;
      return {
        eventId: event.id,
        briefId: event.data.current.briefId,
        type: event.type,
        atMs: Date.parse(published.timestamp),
        bytes: Buffer.byteLength(published.bodies.default),
      };
    });
}

/** What one write of each item type costs, from the sizes of the items as they were left in the table. */
async function itemTypeUnits(): Promise<ItemTypeUnits[]> {
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

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

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
  const briefs = syntheticBriefs(count, seed);
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), 'updates-feed-load-'));
  const meter = meterDynamoDb();
  const sandbox = await startSandbox({ port: 0, dataDir, token: 'load-benchmark-token', seed: false });
  const subscriber = await startTimedSubscriber();
  try {
    const subscribed = await fetch(`${sandbox.url}/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 'http', endpoint: subscriber.url }),
    });
    if (subscribed.status !== 201) throw new Error(`subscribing answered ${subscribed.status}`);
    await sandbox.settled();
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
    const operations = subtract(meter.snapshot(), before);

    const published = publications(dataDir);
    const ackOf = new Map(uploads.map((upload) => [upload.briefId, upload.ackMs]));
    const firstPublication = new Map<string, Publication>();
    for (const publication of published) {
      if (!firstPublication.has(publication.eventId)) firstPublication.set(publication.eventId, publication);
    }
    const firstArrival = new Map<string, Arrival>();
    for (const arrival of subscriber.arrivals) {
      if (!firstArrival.has(arrival.eventId)) firstArrival.set(arrival.eventId, arrival);
    }
    const lastDeliveredMs =
      subscriber.arrivals.length === 0
        ? settledMs
        : Math.max(...subscriber.arrivals.map((arrival) => arrival.atMs));
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
      atSubscriber: duplicates(subscriber.arrivals.map((arrival) => arrival.eventId)),
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

function subtract(after: OperationTally[], before: OperationTally[]): OperationTally[] {
  const earlier = new Map(before.map((tally) => [tally.operation, tally]));
  return after
    .map((tally) => {
      const base = earlier.get(tally.operation);
      if (base === undefined) return tally;
      return {
        operation: tally.operation,
        calls: tally.calls - base.calls,
        failedConditions: tally.failedConditions - base.failedConditions,
        tableUnits: tally.tableUnits - base.tableUnits,
        indexUnits: tally.indexUnits - base.indexUnits,
        failedConditionUnits: tally.failedConditionUnits - base.failedConditionUnits,
        minimumQueryUnits: tally.minimumQueryUnits - base.minimumQueryUnits,
        totalMs: tally.totalMs - base.totalMs,
      };
    })
    .filter((tally) => tally.calls > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown for BENCHMARKS.md.

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const money = (usd: number) => (usd >= 10 ? `$${usd.toFixed(0)}` : `$${usd.toFixed(2)}`);

export function markdownForLoad(result: LoadBench): string {
  const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');
  const { lost, doubled, capacity } = result;
  return `${result.briefs} synthetic Chinese briefs (seed ${result.seed}; ${result.figures} figures, ${result.observations} observations over ${result.metrics} metrics) uploaded ${result.concurrency} at a time to a fresh sandbox (data dir under ${result.dataRoot}) with one HTTP subscriber; the machine's load average was ${result.loadAverage.start} at the start and ${result.loadAverage.settled} at the end. Events: ${Object.entries(
    result.events.byType,
  )
    .map(([type, n]) => `${n} ${type}`)
    .join(
      ', ',
    )}; ${result.events.unchangedObservations} observations repeated their metric's value and raised none.

${table(
  ['measure', 'value', 'target'],
  [
    [
      'settled within the timeout',
      result.settled ? 'yes' : '**no**: what follows is a snapshot, "lost" there means not yet processed',
      '',
    ],
    [
      'end to end (first upload → last event delivered)',
      `${result.wallSeconds} s`,
      `≤ 30 s: ${verdict(result.wallSeconds <= 30)}`,
    ],
    [
      'of which uploading / settling after the last upload',
      `${result.uploadSeconds} s / ${result.settleSeconds} s`,
      '',
    ],
    ['throughput', `${result.briefsPerSecond} briefs/s, ${result.figuresPerSecond} figures/s`, ''],
    [
      'CPU seconds until settled: this Node process (sandbox and load) / DynamoDB Local',
      `${result.cpu.nodeSeconds} s / ${result.cpu.childSeconds} s, in ${round(result.uploadSeconds + result.settleSeconds, 1)} s on ${cpus().length} cores; event-loop delay p99 ${result.cpu.eventLoopDelayMs.p99} ms`,
      '',
    ],
    ['upload latency p50 / p95', `${result.uploadMs.p50} / ${result.uploadMs.p95} ms`, ''],
    [
      'upload acknowledged → event on the topic, p50 / p95',
      `${result.ackToTopicMs.p50} / ${result.ackToTopicMs.p95} ms`,
      '',
    ],
    [
      'upload acknowledged → event at the subscriber, p50 / p95',
      `${result.ackToSubscriberMs.p50} / ${result.ackToSubscriberMs.p95} ms`,
      '',
    ],
    [
      'lost',
      `${lost.total} (failed uploads ${lost.failedUploads}, missing observations ${lost.missingObservations} in ${lost.briefsMissingObservations} briefs, changes missing from /changes ${lost.changesNotInLog}, not published ${lost.changesNotPublished}, not delivered ${lost.changesNotDelivered})`,
      `0: ${verdict(lost.total === 0)}`,
    ],
    [
      'doubled',
      `${doubled.total} (in /changes ${doubled.inChangeLog}, in /feed.json ${doubled.inFeed}, observations ${doubled.observations})`,
      `0: ${verdict(doubled.total === 0)}`,
    ],
    [
      'repeated publications / deliveries (allowed: at least once)',
      `${doubled.atTopic} / ${doubled.atSubscriber}`,
      '',
    ],
    [
      'DynamoDB write units per figure',
      `${capacity.writeUnitsPerFigure} (${capacity.writeUnitsPerBrief} per brief)`,
      `≤ 3: ${verdict(capacity.writeUnitsPerFigure <= 3)}`,
    ],
    [
      'of which, by item type written',
      Object.entries(capacity.writeUnitsPerFigureByItemType)
        .map(([itemType, units]) => `${itemType} ${units}`)
        .join(', '),
      '',
    ],
    [
      'DynamoDB read units per figure',
      `${capacity.readUnitsPerFigure} (${capacity.readUnitsPerBrief} per brief)`,
      '',
    ],
    ['cost per million briefs', money(result.cost.totalUsd), ''],
  ],
)}

DynamoDB units by operation and item type (${capacity.source}; "/feed.json" duplicates are checked on its newest 200 items):

${table(
  [
    'operation',
    'calls',
    'table units',
    'index units',
    'failed conditions',
    'estimated units',
    'units per figure',
    'mean ms',
  ],
  capacity.operations.map((tally) => {
    const estimated = tally.failedConditionUnits + tally.minimumQueryUnits;
    return [
      tally.operation,
      tally.calls,
      round(tally.tableUnits, 1),
      round(tally.indexUnits, 1),
      tally.failedConditions,
      round(estimated, 1),
      round((tally.tableUnits + tally.indexUnits + estimated) / Math.max(1, result.figures)),
      tally.meanMs,
    ];
  }),
)}

Items left in the table, and what one write of each costs from its stored size (1 unit per KB; the \`changes\` index, projecting all attributes, costs the item's size again; the keys-only \`metrics\` index, not counted here, one unit when a head is created and none when it is rewritten):

${table(
  ['item type', 'items', 'mean bytes', 'write units per write'],
  capacity.itemTypes.map((type) => [type.itemType, type.items, type.meanBytes, type.writeUnitsPerWrite]),
)}

Cost per million briefs (${result.cost.usage.changes.toFixed(2)} changes and ${(result.figures / result.briefs).toFixed(2)} figures per brief):

${table(
  ['item', 'quantity per million briefs', 'USD'],
  result.cost.lines.map((line) => [
    line.item,
    `${Math.round(line.quantityPerMillionBriefs).toLocaleString('en-US')} ${line.unit}`,
    money(line.usd),
  ]),
)}
| **total** | | **${money(result.cost.totalUsd)}** |

Assumptions:
${result.costAssumptions.map((line) => `- ${line}`).join('\n')}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [briefs, dataRoot] = process.argv.slice(2);
  const result = await benchLoad({
    ...(briefs === undefined ? {} : { briefs: Number(briefs) }),
    ...(dataRoot === undefined ? {} : { dataRoot }),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
