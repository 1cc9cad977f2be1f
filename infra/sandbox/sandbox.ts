// The whole system on one machine: DynamoDB Local, the local SNS, the stream runners and the HTTP gateway,
// all wired from infra/topology.ts and running the very same handler modules as Lambda.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDynamoDbClient, ensureTable } from '../../functions/adapters/dynamodb/index.ts';
import { readConfig } from '../../functions/config.ts';
import { siteServer } from '../../web/site.ts';
import { siteConfigOf } from '../site-config.ts';
import { type FunctionSpec, functions } from '../topology.ts';
import { freePort, startDynamoDbLocal } from './dynamodb-local.ts';
import { type GatewayRoute, type HttpLambda, startGateway } from './http-gateway.ts';
import { type LocalSns, startLocalSns } from './local-sns/index.ts';
import { projectRoot, sandboxEnvironmentFile } from './paths.ts';
import { sampleEditions } from './sample-data.ts';
import {
  createStreamsClient,
  latestStreamArn,
  type StreamHandler,
  type StreamInvocation,
  type StreamRunner,
  startStreamRunner,
} from './stream-runner/index.ts';

export const tableName = 'updates-feed';
export const topicName = 'updates-feed-changes';
const region = 'us-east-1';

export interface SandboxOptions {
  port: number;
  dataDir: string;
  /** The editors' bearer token; generated and kept in the data dir when absent. */
  token?: string;
  seed: boolean;
  /** How old a change must be before GET /changes serves it; CHANGES_SETTLE_MS or its default when absent. */
  changesSettleMs?: number;
  /** Deliver every stream record and SNS message twice (docs/reliability.md, guarantee 1). */
  duplicateDelivery?: boolean;
  /** Told of every stream consumer invocation: for benchmarks and diagnostics. */
  onInvoke?: (invocation: StreamInvocation) => void;
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  token: string;
  topicArn: string;
  dataDir: string;
  /** Resolves when every stream record so far has been consumed and every SNS delivery has finished. */
  settled(): Promise<void>;
  /** The local topic, for fault injection and inspection in tests. */
  sns: LocalSns;
  /** GET /changes serves a change this long after it committed. */
  changesSettleMs: number;
  stop(): Promise<void>;
}

function editorToken(dataDir: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const file = join(dataDir, 'editor-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function loadHandler<T>(spec: FunctionSpec): Promise<T> {
  const module = (await import(pathToFileURL(join(projectRoot, spec.entry)).href)) as { handler: T };
  return module.handler;
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const freshDataDir = !existsSync(join(dataDir, 'dynamodb'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const dynamodb = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
    stops.push(() => dynamodb.stop());
    const sns = await startLocalSns({
      dataDir,
      region,
      ...(options.duplicateDelivery === undefined ? {} : { duplicateDelivery: options.duplicateDelivery }),
    });
    stops.push(() => sns.stop());
    const topicArn = sns.createTopic(topicName);

    const token = editorToken(dataDir, options.token);
    // The handlers read their environment once, so the port must be known before they load.
    const port = options.port === 0 ? await freePort() : options.port;
    const functionEnvironment = {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'sandbox',
      AWS_SECRET_ACCESS_KEY: 'sandbox',
      TABLE_NAME: tableName,
      TOPIC_ARN: topicArn,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      SNS_ENDPOINT: sns.endpoint,
      PUBLIC_BASE_URL: `http://localhost:${port}`,
    };
    writeFileSync(sandboxEnvironmentFile(dataDir), `${JSON.stringify(functionEnvironment, null, 2)}\n`);
    Object.assign(process.env, {
      ...functionEnvironment,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
      // Tracing is off outside Lambda, yet the X-Ray SDK under the Powertools Tracer starts in automatic mode, whose
      // async hook tracks the creation and destruction of every promise in the process: in the 1,000-brief load
      // that was several seconds of the sandbox's CPU. Manual mode installs no hook.
      AWS_XRAY_MANUAL_MODE: process.env.AWS_XRAY_MANUAL_MODE ?? 'true',
      ...(options.changesSettleMs === undefined
        ? {}
        : { CHANGES_SETTLE_MS: String(options.changesSettleMs) }),
    });
    const { CHANGES_SETTLE_MS: changesSettleMs } = readConfig();
    const client = createDynamoDbClient({ region, endpoint: dynamodb.endpoint });
    await ensureTable(client, tableName);

    const routes: GatewayRoute[] = [];
    const runners: StreamRunner[] = [];
    const streamArn = await latestStreamArn(client, tableName);
    const streamsClient = createStreamsClient({ endpoint: dynamodb.endpoint, region });
    for (const [name, spec] of Object.entries(functions) as [string, FunctionSpec][]) {
      if (spec.routes !== undefined) {
        const handler = await loadHandler<HttpLambda>(spec);
        for (const route of spec.routes) routes.push({ ...route, handler });
      }
      if (spec.stream !== undefined) {
        runners.push(
          startStreamRunner({
            consumerName: name,
            consumer: spec.stream,
            timeoutSeconds: spec.timeoutSeconds,
            memoryMb: spec.memoryMb,
            handler: await loadHandler<StreamHandler>(spec),
            streamArn,
            streamsClient,
            dataDir,
            ...(options.duplicateDelivery === undefined
              ? {}
              : { duplicateDelivery: options.duplicateDelivery }),
            ...(options.onInvoke === undefined ? {} : { onInvoke: options.onInvoke }),
          }),
        );
      }
    }
    stops.push(async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
    });
    const gateway = await startGateway({
      routes,
      token,
      port,
      // Editors paste the sandbox's token.
      pages: siteServer(siteConfigOf({ kind: 'token' })),
      onError: (error) => log(`request failed: ${(error as Error).stack ?? String(error)}`),
    });
    stops.push(() => gateway.close());

    const settled = async () => {
      // Each stage can feed the next (brief → observations → publication), so settle until nothing moves.
      for (let round = 0; round < 3; round++) {
        await Promise.all(runners.map((runner) => runner.idle()));
        await sns.flush();
      }
    };
    const sandbox: Sandbox = {
      url: gateway.url,
      token,
      topicArn,
      dataDir,
      settled,
      sns,
      changesSettleMs,
      stop,
    };
    // A start stopped while it seeded leaves the marker, and the next one finishes the job: uploading a brief
    // that is already stored changes nothing. Without it, a Ctrl-C during the first start left a half-seeded feed.
    const seeding = join(dataDir, 'seeding');
    if (options.seed && (freshDataDir || existsSync(seeding))) {
      writeFileSync(seeding, '');
      await seedSampleBriefs(sandbox, log);
      rmSync(seeding);
    }
    return sandbox;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The sample editions in data/, oldest first, so a new user sees real changes in the feed. */
export async function seedSampleBriefs(sandbox: Sandbox, log: (line: string) => void): Promise<void> {
  for (const edition of sampleEditions()) {
    for (const brief of edition.briefs) {
      const response = await fetch(`${sandbox.url}/briefs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(brief),
      });
      if (!response.ok)
        throw new Error(`seeding ${edition.name} failed: ${response.status} ${await response.text()}`);
    }
    // Editions are days apart in a newsroom: let the first one flow through before the next arrives.
    await sandbox.settled();
    log(`seeded edition ${edition.name} (${edition.briefs.length} briefs)`);
  }
}
