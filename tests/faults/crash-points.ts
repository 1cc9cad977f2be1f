// Preloaded into the sandbox process by the crash loop (node --import). A timed kill rarely lands between two
// steps that belong together; these land exactly there, by the process SIGKILLing itself:
// - FAULT_CRASH_AFTER_WRITES=n: the moment DynamoDB answers the n-th write (committed, nothing after it ran);
// - FAULT_CRASH_AFTER_CHECKPOINTS=n: the moment the n-th stream-runner checkpoint reaches its file.

import fs from 'node:fs/promises';
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';

const writeActions = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

function armed(variable: string): { count: () => boolean } | undefined {
  const limit = Number(process.env[variable]);
  if (!Number.isInteger(limit) || limit <= 0) return undefined;
  let left = limit;
  return { count: () => --left === 0 };
}

function crash(): void {
  process.kill(process.pid, 'SIGKILL');
}

function targetOf(headers: unknown): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-amz-target' && typeof value === 'string') return value;
  }
  return undefined;
}

const writes = armed('FAULT_CRASH_AFTER_WRITES');
if (writes !== undefined) {
  const request = http.request;
  // The SDK's NodeHttpHandler reads `request` off node:http when it first sends, after this module ran.
  http.request = ((...args: Parameters<typeof http.request>) => {
    const outgoing = request(...args);
    const [first, second] = args;
    const options = typeof first === 'object' && !(first instanceof URL) ? first : second;
    const action = targetOf(typeof options === 'object' ? options.headers : undefined)?.split('.')[1];
    if (action !== undefined && writeActions.has(action)) {
      outgoing.once('response', (response) => {
        if (response.statusCode === 200 && writes.count()) crash();
      });
    }
    return outgoing;
  }) as typeof http.request;
}

const checkpoints = armed('FAULT_CRASH_AFTER_CHECKPOINTS');
if (checkpoints !== undefined) {
  const rename = fs.rename;
  // The checkpoint store imports `rename` by name: the ES module bindings must be re-synced to see the wrapper.
  fs.rename = async (from, to) => {
    await rename(from, to);
    if (String(to).includes('/checkpoints/') && checkpoints.count()) crash();
  };
  syncBuiltinESMExports();
}
