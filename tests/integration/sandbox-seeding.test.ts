// The sample editions reach a new user's feed even when the first start was stopped while it seeded them.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleEditions } from '../../infra/sandbox/sample-data.ts';
import { type Sandbox, startSandbox } from '../../infra/sandbox/sandbox.ts';

let sandbox: Sandbox;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'updates-feed-seeding-'));
  // What a first start leaves when it is stopped while seeding: a data dir that is no longer fresh, and the marker.
  mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
  writeFileSync(join(dataDir, 'seeding'), '');
  sandbox = await startSandbox({ port: 0, dataDir, token: 'seeding-token', seed: true });
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('finishes the seeding an earlier start began, and says so by removing the marker', async () => {
  const ids = sampleEditions().flatMap((edition) =>
    edition.briefs.map((brief) => (brief as { id: string }).id),
  );
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect((await fetch(`${sandbox.url}/briefs/${id}`)).status, id).toBe(200);
  expect(existsSync(join(dataDir, 'seeding'))).toBe(false);
});
