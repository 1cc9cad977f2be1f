// `updates-feed upload FILE…`: sends briefs to a sandbox or a deployed API, one request per brief.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIo } from './io.ts';

function briefsIn(file: string): unknown[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return Array.isArray(parsed) ? parsed : [parsed];
}

function defaultToken(): string | undefined {
  const file = join('.sandbox', 'editor-token');
  return process.env.UPDATES_FEED_TOKEN ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
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
  let failures = 0;
  for (const file of positionals) {
    let briefs: unknown[];
    try {
      briefs = briefsIn(file);
    } catch (error) {
      io.stderr(`${file}: ${(error as Error).message}`);
      failures++;
      continue;
    }
    for (const brief of briefs) {
      const response = await fetch(`${values.url.replace(/\/$/, '')}/briefs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(brief),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (!response.ok) failures++;
      io.stdout(`${file}: ${response.status} ${text}`);
    }
  }
  return failures === 0 ? 0 : 1;
}
