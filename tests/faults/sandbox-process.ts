// The sandbox as `npm start` runs it, in a child process of its own, so that a SIGKILL ends it abruptly.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimumSettleMs } from '../../functions/adapters/dynamodb/index.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';

export interface SandboxStartOptions {
  port: number;
  dataDir: string;
  /** Crash (SIGKILL itself) when DynamoDB has answered this many writes; see crash-points.ts. */
  crashAfterWrites?: number;
  /** Crash (SIGKILL itself) when this many stream-runner checkpoints are on disk; see crash-points.ts. */
  crashAfterCheckpoints?: number;
}

export interface Ready {
  url: string;
  token: string;
  /** Seconds, as the sandbox reports them. */
  startupSeconds: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SandboxProcess {
  pid: number;
  /** Resolves when the sandbox serves; resolves undefined if it exits first. */
  ready: Promise<Ready | undefined>;
  exited: Promise<Exit>;
  isRunning(): boolean;
  /** Standard output and error so far (the tail), for diagnostics and for what the start logged. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

export class SandboxProcessError extends Error {
  override name = 'SandboxProcessError';
}

const crashPoints = pathToFileURL(join(projectRoot, 'tests', 'faults', 'crash-points.ts')).href;
const readyLine = /updates-feed sandbox ready in ([\d.]+) s/;
const tokenLine = /editors' token {2}(\S+)/;
const urlLine = /API {10}(\S+)/;

export function startSandboxProcess(options: SandboxStartOptions): SandboxProcess {
  const args = ['--import', 'tsx', '--import', crashPoints, 'bin/updates-feed.ts', 'sandbox'];
  args.push('--port', String(options.port), '--data-dir', options.dataDir);
  const env = {
    ...process.env,
    // The shortest sound window: every check of /changes waits it out, twenty times over.
    CHANGES_SETTLE_MS: String(minimumSettleMs),
    FAULT_CRASH_AFTER_WRITES: String(options.crashAfterWrites ?? 0),
    FAULT_CRASH_AFTER_CHECKPOINTS: String(options.crashAfterCheckpoints ?? 0),
  };
  // Node itself, not an npx or tsx wrapper: the signal must reach the process that runs the sandbox.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined)
    throw new SandboxProcessError(`the sandbox did not start (node ${args.join(' ')})`);
  let stdout = '';
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-20_000);
  };
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal: signal as NodeJS.Signals | null })),
  );
  const ready = new Promise<Ready | undefined>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      stdout += chunk.toString();
      const started = readyLine.exec(stdout);
      const token = tokenLine.exec(stdout)?.[1];
      const url = urlLine.exec(stdout)?.[1];
      if (started?.[1] !== undefined && token !== undefined && url !== undefined)
        resolve({ url, token, startupSeconds: Number(started[1]) });
    });
    void exited.then(() => resolve(undefined));
  });
  child.stderr?.on('data', keep);
  return {
    pid: child.pid,
    ready,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    output: () => tail,
    kill: (signal) => {
      child.kill(signal);
    },
  };
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** The DynamoDB Local processes serving files under `dataDir`, orphans included. */
export function dynamoDbLocalProcesses(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const commandLine = commandLineOf(pid);
      return commandLine?.includes('DynamoDBLocal.jar') === true && commandLine.includes(dataDir);
    });
}

/** The DynamoDB Local of the sandbox on `dataDir`, as its pid file names it, if it is still alive. */
export function dynamoDbLocalOf(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'dynamodb', 'dynamodb-local.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  return dynamoDbLocalProcesses(dataDir).includes(pid) ? pid : undefined;
}
