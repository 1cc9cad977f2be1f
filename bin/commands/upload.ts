// `updates-feed upload FILE…`: sends briefs to a sandbox or a deployed API, one request per brief, in order.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIo } from './io.ts';
import { type Outcome, UploadTally } from './upload-progress.ts';

function briefsIn(file: string): unknown[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(parsed) ? parsed : [parsed];
}

function defaultToken(): string | undefined {
  const file = join('.sandbox', 'editor-token');
  return process.env.UPDATES_FEED_TOKEN ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
}

/** The API's own words for a refusal (`error.message`), or what came back when it sent none. */
function apiError(status: number, text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return `${status} ${message}`;
  } catch {
    // Not the API's JSON: a proxy's page, say. Its start is what there is to show.
  }
  return `${status} ${text.slice(0, 200)}`;
}

class TokenRefusedError extends Error {
  override name = 'TokenRefusedError';
}

async function upload(url: string, token: string, brief: unknown): Promise<Outcome | { error: string }> {
  let response: Response;
  try {
    response = await fetch(`${url.replace(/\/$/, '')}/briefs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(brief),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason = error as Error & { cause?: { message?: string } };
    return { error: `no answer from ${url}: ${reason.cause?.message ?? reason.message}` };
  }
  const text = await response.text();
  if (response.status === 401) throw new TokenRefusedError(apiError(response.status, text));
  if (!response.ok) return { error: apiError(response.status, text) };
  if (response.status === 200) return 'unchanged';
  const revision = (JSON.parse(text) as { brief?: { revision?: number } }).brief?.revision;
  return revision === undefined || revision === 1 ? 'created' : 'revised';
}

export async function uploadCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.UPDATES_FEED_URL ?? 'http://localhost:3000' },
      token: { type: 'string' },
    },
  });
  const token = values.token ?? defaultToken();
  if (positionals.length === 0) {
    io.stderr('upload needs at least one FILE (a JSON brief or an array of briefs)');
    return 2;
  }
  if (token === undefined) {
    io.stderr(
      'no token: pass --token, set UPDATES_FEED_TOKEN, or run from the directory of a sandbox (.sandbox/editor-token)',
    );
    return 2;
  }
  const tally = new UploadTally(positionals.length, io.status);
  // A failure is said at once, on a line of its own above the status line; the other files go on.
  const fail = (where: string, error: string, filesDone: number) => {
    io.stderr(`${where}: ${error}`);
    tally.record('failed', filesDone);
  };
  try {
    for (const [index, file] of positionals.entries()) {
      let briefs: unknown[];
      try {
        briefs = briefsIn(file);
      } catch (error) {
        fail(file, (error as Error).message, index + 1);
        continue;
      }
      for (const [position, brief] of briefs.entries()) {
        const where = briefs.length === 1 ? file : `${file}[${position}]`;
        const outcome = await upload(values.url, token, brief);
        const filesDone = position === briefs.length - 1 ? index + 1 : index;
        if (typeof outcome === 'string') tally.record(outcome, filesDone);
        else fail(where, outcome.error, filesDone);
      }
    }
  } catch (error) {
    if (!(error instanceof TokenRefusedError)) throw error;
    // Every other brief would be refused alike.
    io.stderr(`the API refused the token (${error.message}); nothing more was sent`);
    tally.finish();
    return 1;
  }
  tally.finish();
  return tally.failed === 0 ? 0 : 1;
}
