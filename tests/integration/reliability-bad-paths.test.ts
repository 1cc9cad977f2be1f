// docs/reliability.md, guarantee 7 for paths and query strings: every public route answers a malformed path
// parameter or query with a 4xx naming the problem, never a 5xx. API Gateway has already decoded path parameters
// when a function sees them, as the sandbox's gateway has, so a key's own `%` must not be decoded a second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FunctionSpec, functions } from '../../infra/topology.ts';
import { briefWithOneFigure, type Harness, startHarness } from '../support/sandbox-harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('bad-paths');
  // Something to find, so that a read that goes wrong has data to go wrong on.
  expect((await harness.post('/briefs', briefWithOneFigure('bad-paths'))).status).toBe(201);
  await harness.settled();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

/** Path parameters no key is made of, as a client would send them (already percent-encoded). */
const badParameters = {
  'a percent sign of its own': '100%25',
  'a lone percent sign': '100%',
  'an escape that is not hex': '%ZZ',
  'a truncated UTF-8 escape': '%E0%A4%A',
  'an encoded lone surrogate': '%ED%A0%80',
  'a NUL byte': 'a%00b',
  'an encoded slash and dots': '..%2F..%2Fetc',
  'a key of 3,000 characters': 'k'.repeat(3000),
  'a key of 700 encoded Chinese characters': encodeURIComponent('指'.repeat(700)),
};

const parameterRoutes = (Object.values(functions) as FunctionSpec[])
  .flatMap((spec) => spec.routes ?? [])
  .filter((route) => route.method === 'GET' && route.path.includes('{'));

const pathCases = parameterRoutes.flatMap((route) =>
  Object.entries(badParameters).map(
    ([what, parameter]) => [`${route.path} with ${what}`, route.path.replace(/\{\w+\}/g, parameter)] as const,
  ),
);

const queryCases = [
  ['/changes?limit=0', 'limit'],
  ['/changes?limit=abc', 'limit'],
  ['/changes?after=not%20a%20cursor', 'after'],
  [`/changes?after=${'A'.repeat(3000)}`, 'after'],
  ['/changes?type=figure.deleted', 'type'],
  [`/changes?metric=${'m'.repeat(600)}`, 'metric'],
  ['/metrics?limit=1e3', 'limit'],
  ['/metrics?after=%ZZ', 'after'],
  ['/metrics/x?before=%E0%A4%A', 'before'],
  ['/metrics/x?limit=-1', 'limit'],
  ['/feed.rss?limit=201', 'limit'],
  ['/feed.atom?region=', 'region'],
  ['/briefs/bad-paths/revisions?limit=500', 'limit'],
  ['/briefs/bad-paths/revisions?before=abc', 'before'],
  ['/feed.json?type=%00', 'type'],
] as const;

describe('malformed paths and queries', () => {
  it('covers every public route with a path parameter', () => {
    expect(parameterRoutes.map((route) => route.path).sort()).toEqual(
      [
        '/briefs/{id}',
        '/briefs/{id}/revisions',
        '/briefs/{id}/revisions/{revision}',
        '/changes/{id}',
        '/metrics/{key}',
      ].sort(),
    );
  });

  it.each(pathCases)('answers %s with a 4xx and a JSON error', async (_, path) => {
    const answer = await harness.request<{ error?: { code: string; message: string } }>(path);
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text).toBeLessThan(500);
    expect(answer.body.error?.message).toEqual(expect.any(String));
  });

  it.each(queryCases)('answers %s with a 400 that names %s', async (path, field) => {
    const answer = await harness.request<{ error?: { message: string } }>(path);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error?.message).toContain(field);
  });

  it('finds a metric whose key holds a percent sign by its key, decoded once', async () => {
    const answer = await harness.request<{ error?: { message: string } }>('/metrics/100%25');
    expect(answer.status).toBe(404);
    expect(answer.body.error?.message).toContain('"100%"');
  });

  it('logs no error for any of them', () => {
    expect(harness.logged().filter((line) => line.level === 'ERROR')).toEqual([]);
  });
});
