// docs/reliability.md, guarantee 9, with the sandbox's share of the security checks: every editors' route refuses
// a missing, wrong or malformed token with 401 and writes nothing; public routes are read-only; the token is never
// logged nor written anywhere but its own file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions, type HttpRoute } from '../../infra/topology.ts';
import { briefWithOneFigure, type Harness, startHarness } from '../support/sandbox-harness.ts';

const allRoutes: HttpRoute[] = Object.values(functions).flatMap((spec) =>
  'routes' in spec ? [...spec.routes] : [],
);
const editorsRoutes = allRoutes.filter((route) => route.auth);
const publicReads = allRoutes.filter((route) => !route.auth && route.method === 'GET');
const publicWrites = allRoutes.filter((route) => !route.auth && route.method !== 'GET');

let harness: Harness;
const logged: string[] = [];
const restoreOutput: (() => void)[] = [];

/** Keeps a copy of everything the process writes, so the test can search it for the token. */
function captureOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof stream.write;
  restoreOutput.push(() => {
    stream.write = write;
  });
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The metric of each brief prepareFor uploaded, by its id. */
const metricOf = new Map<string, string>();
const metricNamed = (id: string) => metricOf.get(id) ?? `区-${id}:城镇新增就业:people`;
/** The subscription prepareFor created for a marker: what DELETE /subscriptions/{id} names. */
const subscriptionIdOf = new Map<string, string>();

/** A subscription of the sandbox's topic that is confirmed at once. */
async function queueSubscriptionId(): Promise<string> {
  const endpoint = `arn:aws:sqs:us-east-1:000000000000:auth-${harness.sandbox.sns.subscriptions().length}`;
  const answer = await harness.post<{ subscriptionArn: string }>('/subscriptions', {
    protocol: 'sqs',
    endpoint,
  });
  return answer.body.subscriptionArn.slice(harness.sandbox.topicArn.length + 1);
}

/** The path and body each editors' route would accept with the right token, naming what it would write. */
function acceptableRequest(route: HttpRoute, marker: string): { path: string; body?: unknown } {
  const path = route.path
    .replace('{from}', encodeURIComponent(`${marker}-label`))
    .replace('{key}', encodeURIComponent(metricNamed(marker)))
    .replace('{id}', encodeURIComponent(subscriptionIdOf.get(marker) ?? marker));
  switch (route.path) {
    case '/subscriptions':
      return route.method === 'GET'
        ? { path }
        : { path, body: { protocol: 'email', endpoint: `${marker}@example.com` } };
    case '/subscriptions/{id}':
      return { path };
    case '/aliases':
      return route.method === 'GET' ? { path } : { path, body: { from: `${marker}-label`, to: marker } };
    case '/aliases/{from}':
      return { path };
    case '/metrics/{key}/rename':
      return { path, body: { label: `${marker}-renamed` } };
    case '/metrics/{key}/merge':
      return { path, body: { into: metricNamed(`${marker}-into`) } };
    default:
      return { path, body: briefWithOneFigure(marker) };
  }
}

/** What an accepted request needs to find: the metrics a rename or merge names, the alias a delete removes. */
async function prepareFor(route: HttpRoute, marker: string): Promise<void> {
  if (route.path.startsWith('/metrics/')) {
    for (const id of [marker, `${marker}-into`]) {
      const answer = await harness.post<{ figures: { metric: string }[] }>('/briefs', briefWithOneFigure(id));
      expect(answer.status).toBe(201);
      metricOf.set(id, answer.body.figures[0]?.metric ?? '');
    }
    await harness.settled();
  }
  if (route.path === '/subscriptions/{id}') subscriptionIdOf.set(marker, await queueSubscriptionId());
  if (route.path === '/aliases/{from}')
    expect((await harness.post('/aliases', { from: `${marker}-label`, to: marker })).status).toBe(201);
}

function send(route: HttpRoute, marker: string, headers: Record<string, string>) {
  const { path, body } = acceptableRequest(route, marker);
  return harness.request<{ error: { code: string } }>(path, {
    method: route.method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const withToken = () => ({ authorization: `Bearer ${harness.token}` });

function badAuthorizations(token: string): [string, Record<string, string>][] {
  return [
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-editors-token' }],
    [
      'Basic credentials carrying the token',
      { authorization: `Basic ${Buffer.from(`editor:${token}`).toString('base64')}` },
    ],
    ['Basic with the bare token', { authorization: `Basic ${token}` }],
    ['an empty Bearer token', { authorization: 'Bearer ' }],
    ['the bare scheme', { authorization: 'Bearer' }],
    ['the token without a scheme', { authorization: token }],
    ['lowercase bearer', { authorization: `bearer ${token}` }],
    ['two spaces after Bearer', { authorization: `Bearer  ${token}` }],
    ['the token with a character appended', { authorization: `Bearer ${token}x` }],
    ['the token missing its last character', { authorization: `Bearer ${token.slice(0, -1)}` }],
    ['the token twice, space-separated', { authorization: `Bearer ${token} ${token}` }],
    ['the token twice, concatenated', { authorization: `Bearer ${token}${token}` }],
    ['two Bearer credentials in one header', { authorization: `Bearer ${token}, Bearer ${token}` }],
    ['the token in another header', { 'x-api-key': token, 'x-authorization': `Bearer ${token}` }],
    ['a very long token', { authorization: `Bearer ${'a'.repeat(4096)}` }],
  ];
}

beforeAll(async () => {
  captureOutput(process.stdout);
  captureOutput(process.stderr);
  // The most the handlers ever log, so that a token slipping into any log line would show.
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  // No token given: the sandbox generates one and keeps it in its data dir, the one file allowed to hold it.
  harness = await startHarness('auth', { log: (line) => logged.push(line) });
}, 60_000);

afterAll(async () => {
  for (const restore of restoreOutput) restore();
  await harness?.stop();
});

describe("the editors' routes", () => {
  it('are the upload, preview, subscription and correction routes of the topology', () => {
    expect(editorsRoutes.map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'DELETE /aliases/{from}',
      'DELETE /subscriptions/{id}',
      'GET /aliases',
      'GET /subscriptions',
      'POST /aliases',
      'POST /briefs',
      'POST /briefs/preview',
      'POST /metrics/{key}/merge',
      'POST /metrics/{key}/rename',
      'POST /subscriptions',
    ]);
  });

  for (const route of editorsRoutes) {
    it(`${route.method} ${route.path} answers 401 to every bad credential and writes nothing`, async () => {
      await harness.settled();
      const items = await harness.itemCount();
      const subscriptions = harness.sandbox.sns.subscriptions().length;
      for (const [name, headers] of badAuthorizations(harness.token)) {
        const marker = `unauthorized-${route.path.replace(/\W/g, '')}-${name.replace(/\W/g, '-')}`.slice(
          0,
          100,
        );
        // A real subscription, so that a delete with the wrong credential would have something to remove.
        if (route.path === '/subscriptions/{id}') subscriptionIdOf.set(marker, await queueSubscriptionId());
        const answer = await send(route, marker, headers);
        expect(answer.status, name).toBe(401);
        expect(answer.body.error.code, name).toBe('unauthorized');
        expect(answer.headers.get('www-authenticate'), name).toMatch(/^Bearer/);
        expect((await harness.request(`/briefs/${marker}`)).status, name).toBe(404);
      }
      await harness.settled();
      expect(await harness.itemCount()).toBe(items);
      // Each delete of a subscription subscribed one queue with the right token, to name it with the wrong one.
      const named = route.path === '/subscriptions/{id}' ? badAuthorizations(harness.token).length : 0;
      expect(harness.sandbox.sns.subscriptions()).toHaveLength(subscriptions + named);
    });

    it(`${route.method} ${route.path} accepts the right token`, async () => {
      const marker = `authorized-${route.method}-${route.path.replace(/\W/g, '')}`;
      await prepareFor(route, marker);
      const answer = await send(route, marker, withToken());
      expect([200, 201, 204], answer.text).toContain(answer.status);
    });
  }
});

describe('the public routes', () => {
  it('answer without a token', async () => {
    const brief = await harness.post('/briefs', briefWithOneFigure('public-read'));
    expect(brief.status).toBe(201);
    await harness.settled();
    const [event] = await harness.changes();
    const metric = event?.subject ?? '';
    for (const route of publicReads) {
      const id = route.path.startsWith('/changes/') ? (event?.id ?? '') : 'public-read';
      const path = route.path
        .replace('{id}', id)
        .replace('{key}', encodeURIComponent(metric))
        .replace('{revision}', '1');
      expect((await harness.request(path)).status, path).toBe(200);
    }
  });

  it('are read-only: POST, PUT, PATCH and DELETE answer 404 or 405 and change nothing', async () => {
    const items = await harness.itemCount();
    const changes = await harness.changes();
    for (const route of publicReads) {
      const path = route.path.replace('{id}', 'public-read').replace('{key}', 'some-metric');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const answer = await harness.request(path, {
          method,
          headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(briefWithOneFigure('written-through-a-public-route')),
        });
        expect([404, 405], `${method} ${path}`).toContain(answer.status);
      }
    }
    await harness.settled();
    expect(await harness.itemCount()).toBe(items);
    expect(await harness.changes()).toEqual(changes);
    expect((await harness.request('/briefs/public-read')).status).toBe(200);
  });

  it('send no CORS grant on the editors’ routes', async () => {
    for (const route of editorsRoutes) {
      const answer = await send(route, 'cors-probe', { ...withToken(), origin: 'https://elsewhere.example' });
      expect(answer.headers.get('access-control-allow-origin'), route.path).toBeNull();
    }
  });

  it('write only through the readers’ email subscription, which takes an email address and nothing else', async () => {
    expect(publicWrites.map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /email-subscriptions',
    ]);
    // The earlier tests' uploads are recorded first, so that the count below is this test's alone.
    await harness.settled();
    const items = await harness.itemCount();
    const subscriptions = harness.sandbox.sns.subscriptions().length;
    const refused = [
      { protocol: 'https', endpoint: 'https://hooks.example.com/x' },
      { protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:000000000000:q' },
      briefWithOneFigure('written-through-the-readers-route'),
    ];
    for (const body of refused) {
      expect((await harness.post('/email-subscriptions', body, {})).status, JSON.stringify(body)).toBe(400);
    }
    const accepted = await harness.post(
      '/email-subscriptions',
      { protocol: 'email', endpoint: 'r@example.com' },
      {},
    );
    expect(accepted.status).toBe(202);
    await harness.settled();
    expect(await harness.itemCount()).toBe(items);
    expect(harness.sandbox.sns.subscriptions().slice(subscriptions)).toMatchObject([
      { protocol: 'email', endpoint: 'r@example.com', confirmed: false },
    ]);
  });
});

describe("the editors' token", () => {
  it('lives in its own file, readable by its owner only', () => {
    const file = join(harness.dataDir, 'editor-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(harness.token);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('appears in nothing the sandbox logged or wrote, except that file', async () => {
    await harness.post('/briefs', '{"broken": ');
    await harness.settled();
    const handlerLogs = harness.logged().map((line) => JSON.stringify(line));
    expect([...logged, ...handlerLogs].filter((line) => line.includes(harness.token))).toEqual([]);
    const holders = filesUnder(harness.dataDir).filter(
      (file) => !file.endsWith('editor-token') && readFileSync(file).includes(harness.token),
    );
    expect(holders).toEqual([]);
  });
});

describe('repeated Authorization lines', () => {
  it('refuse the request even when the first line carries the right token', async () => {
    const url = new URL('/briefs', harness.url);
    const body = JSON.stringify(briefWithOneFigure('repeated-authorization'));
    // Written by hand: HTTP clients fold a repeated header into one line.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), '127.0.0.1', () => {
        socket.end(
          [
            `POST ${url.pathname} HTTP/1.1`,
            `host: 127.0.0.1:${url.port}`,
            'content-type: application/json',
            `content-length: ${Buffer.byteLength(body)}`,
            `authorization: Bearer ${harness.token}`,
            'authorization: Bearer something-else',
            'connection: close',
            '',
            body,
          ].join('\r\n'),
        );
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect((await fetch(`${harness.url}/briefs/repeated-authorization`)).status).toBe(404);
  });
});
