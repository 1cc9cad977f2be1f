// `updates-feed upload` against a stand-in for the API: what a person at a terminal sees, what a pipe gets, and
// what the exit code says.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../bin/commands/io.ts';
import { uploadCommand } from '../../bin/commands/upload.ts';

/** Answers as the API does: 400 for a brief without a headline, 200 for `unchanged-*`, 201 otherwise. */
function startApi(refuseToken = false) {
  const received: { id: string; authorization: string | undefined }[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const brief = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; headline?: string };
    received.push({ id: brief.id, authorization: request.headers.authorization });
    const reply = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (refuseToken) return reply(401, { error: { code: 'unauthorized', message: 'bad token', issues: [] } });
    if (brief.headline === undefined) {
      return reply(400, {
        error: {
          code: 'invalid_request',
          message:
            'invalid brief: headline: Invalid input: expected string, received undefined (received nothing)',
          issues: [{ path: 'headline', message: 'expected string' }],
        },
      });
    }
    const revision = brief.id.startsWith('revised-') ? 2 : 1;
    reply(brief.id.startsWith('unchanged-') ? 200 : 201, { brief: { id: brief.id, revision }, figures: [] });
  });
  return new Promise<{ server: Server; url: string; received: typeof received }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    });
  });
}

/** The command's output as a pipe gets it, or, with `terminal`, with the status line a terminal shows. */
function capture(terminal: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const status: string[] = [];
  let done = 0;
  const io: CommandIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    ...(terminal ? { status: { update: (line) => status.push(line), done: () => void done++ } } : {}),
  };
  return { io, out, err, status, done: () => done };
}

const dir = mkdtempSync(join(tmpdir(), 'upload-command-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const brief = (id: string) => ({ id, headline: '大连', body: '失业率2.79%', publishedAt: '2020-05-14' });
const files = {
  created: file('created.json', brief('created-1')),
  headless: file('headless.json', { id: 'headless', body: 'x', publishedAt: '2020-05-14' }),
  broken: file('broken.json', '{"id": "broken",'),
  several: file('several.json', [brief('unchanged-1'), { id: 'headless-2' }, brief('revised-1')]),
};
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  api = await startApi();
});

afterAll(() => {
  api.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('updates-feed upload', () => {
  it("names each failed file with the API's error, sends every other brief in order, and exits 1", async () => {
    const { io, out, err } = capture(false);
    const before = api.received.length;
    const code = await uploadCommand(
      ['--url', api.url, '--token', 't0ken', files.created, files.headless, files.broken, files.several],
      io,
    );

    expect(code).toBe(1);
    expect(api.received.slice(before).map((request) => request.id)).toEqual([
      'created-1',
      'headless',
      'unchanged-1',
      'headless-2',
      'revised-1',
    ]);
    expect(api.received.at(-1)?.authorization).toBe('Bearer t0ken');
    expect(err).toEqual([
      `${files.headless}: 400 invalid brief: headline: Invalid input: expected string, received undefined (received nothing)`,
      expect.stringMatching(new RegExp(`^${files.broken}: .*JSON`)),
      `${files.several}[1]: 400 invalid brief: headline: Invalid input: expected string, received undefined (received nothing)`,
    ]);
    expect(out).toEqual([]);
  });

  it('says nothing and exits 0 when piped and every brief is taken', async () => {
    const clean = file('clean.json', [brief('created-2'), brief('unchanged-2')]);
    const { io, out, err } = capture(false);
    expect(await uploadCommand(['--url', api.url, '--token', 't', files.created, clean], io)).toBe(0);
    expect([...out, ...err]).toEqual([]);
  });

  it('shows files, briefs, rate and failures on a terminal, and leaves a summary there', async () => {
    const { io, err, status, done } = capture(true);
    const code = await uploadCommand(
      ['--url', api.url, '--token', 't', files.created, files.headless, files.several],
      io,
    );

    expect(code).toBe(1);
    expect(status.length).toBeGreaterThanOrEqual(3);
    for (const line of status.slice(0, -1)) {
      expect(line).toMatch(/^uploading: [0-3]\/3 files, [1-5] briefs, \d+\.\d briefs\/s, [0-2] failed$/);
    }
    // The line is redrawn at most ten times a second, but at once after a failure, under its message.
    const running = status.filter((line) => line.startsWith('uploading:'));
    expect(running.some((line) => line.endsWith(', 1 failed'))).toBe(true);
    expect(running.some((line) => line.endsWith(', 2 failed'))).toBe(true);
    expect(status.at(-1)).toMatch(
      /^5 briefs from 3 files in \d+\.\d s: 1 created, 1 new revisions, 1 unchanged, 2 failed$/,
    );
    expect(done()).toBe(1);
    expect(err).toHaveLength(2);
  });

  it('stops at the first refusal of the token, as every other brief would be refused alike', async () => {
    const refusing = await startApi(true);
    const { io, err } = capture(false);
    const code = await uploadCommand(
      ['--url', refusing.url, '--token', 'wrong', files.created, files.several],
      io,
    );
    refusing.server.close();

    expect(code).toBe(1);
    expect(refusing.received).toHaveLength(1);
    expect(err).toEqual(['the API refused the token (401 bad token); nothing more was sent']);
  });

  it('names the file an unreachable API could not take, and goes on to the next', async () => {
    const { io, err } = capture(false);
    const code = await uploadCommand(
      ['--url', 'http://127.0.0.1:9', '--token', 't', files.created, files.created],
      io,
    );
    expect(code).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(new RegExp(`^${files.created}: no answer from http://127.0.0.1:9: `));
  });

  it('refuses to start without a file or a token, with exit code 2', async () => {
    const { io, err } = capture(false);
    expect(await uploadCommand(['--url', api.url, '--token', 't'], io)).toBe(2);
    expect(err[0]).toContain('at least one FILE');
  });
});
