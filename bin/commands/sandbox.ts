// `updates-feed sandbox`: runs until Ctrl-C or SIGTERM, then stops everything it started, Java included.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JavaMissingError } from '../../infra/sandbox/dynamodb-local.ts';
import { isAlive } from '../../infra/sandbox/processes.ts';
import { startSandbox } from '../../infra/sandbox/sandbox.ts';
import type { CommandIo } from './io.ts';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(parent) && parent > 1 ? parent : undefined;
  } catch {
    return undefined;
  }
}

/** The processes that launched this one (tsx, npm, a shell), nearest first, where /proc tells. */
function launchers(depth: number): number[] {
  const found: number[] = [];
  for (let pid = parentOf(process.pid); pid !== undefined && found.length < depth; pid = parentOf(pid))
    found.push(pid);
  return found;
}

export async function sandboxCommand(args: string[], io: CommandIo): Promise<number> {
  // The SDK warns on every start under Node 20 that its releases from January 2027 on need Node 22; the version
  // package-lock.json pins runs on Node 20, and the README says so once instead.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      'data-dir': { type: 'string', default: '.sandbox' },
      token: { type: 'string' },
      seed: { type: 'boolean', default: true },
      'no-seed': { type: 'boolean', default: false },
      'duplicate-delivery': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`--port must be a port number (received ${JSON.stringify(values.port)})`);
    return 2;
  }
  const started = Date.now();
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      port,
      dataDir: values['data-dir'],
      ...(values.token === undefined ? {} : { token: values.token }),
      seed: values.seed && !values['no-seed'],
      duplicateDelivery: values['duplicate-delivery'],
      log: io.stderr,
    });
  } catch (error) {
    if (error instanceof JavaMissingError) {
      io.stderr(error.message);
      return 1;
    }
    throw error;
  }
  const { url } = sandbox;
  io.stdout(`updates-feed sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${sandbox.dataDir})
  pages        ${url}/   ${url}/desk   ${url}/subscribe
  API          ${url}   (GET /healthz, /metrics, /changes, /briefs/{id})
  feeds        ${url}/feed.rss   ${url}/feed.atom   ${url}/feed.json
  upload       curl -X POST ${url}/briefs -H 'authorization: Bearer ${sandbox.token}' -H 'content-type: application/json' -d @brief.json
  topic        ${sandbox.topicArn}   (email subscribers' mail: ${sandbox.dataDir}/mail/)
  editors' token  ${sandbox.token}
Ctrl-C stops it; the next start resumes from the same data dir.`);
  // npm does not pass SIGTERM on to its script: stop too when whoever launched the sandbox is gone.
  const watched = launchers(3);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      clearInterval(orphaned);
      resolve();
    };
    const orphaned = setInterval(() => {
      if (watched.some((pid) => !isAlive(pid))) shutdown();
    }, 1000);
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    process.once('SIGHUP', shutdown);
  });
  io.stderr('stopping the sandbox…');
  await sandbox.stop();
  return 0;
}
