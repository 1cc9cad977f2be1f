// What every invocation leaves behind for operators: log lines with the Lambda context, and per-route metrics.
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../functions/core/errors.ts';
import { httpHandler, json } from '../../functions/handlers/http.ts';
import { httpMetricNames } from '../../functions/handlers/http-metrics.ts';
import { instrumented, logger, metrics } from '../../functions/observability.ts';
import postBriefs from '../events/apigateway/post-briefs.json' with { type: 'json' };

const context = {
  functionName: 'updates-feed-readApi',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:updates-feed-readApi',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
} as Context;

beforeEach(() => {
  // Metrics are off in tests (POWERTOOLS_METRICS_DISABLED), and say so when asked to publish none.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an instrumented handler', () => {
  it('logs with the request id, the function and whether the invocation was a cold start', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    await instrumented(async () => logger.error('something to say'))({}, context);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      message: 'something to say',
      function_request_id: context.awsRequestId,
      function_name: context.functionName,
      cold_start: expect.any(Boolean),
    });
  });

  it('writes its metrics out however the invocation ends', async () => {
    const publish = vi.spyOn(metrics, 'publishStoredMetrics');
    await expect(
      instrumented(async () => {
        metrics.addMetric('Attempted', 'Count', 1);
        throw new Error('boom');
      })({}, context),
    ).rejects.toThrow('boom');
    expect(publish).toHaveBeenCalledOnce();
  });

  it('writes nothing, and warns of nothing, when an overlapping invocation wrote its metrics already', async () => {
    const publish = vi.spyOn(metrics, 'publishStoredMetrics');
    await instrumented(async () => 'nothing counted')({}, context);
    expect(publish).not.toHaveBeenCalled();
  });
});

describe('an HTTP handler', () => {
  const request = (routeKey: string) => ({ ...postBriefs, routeKey }) as never;

  it.each([
    ['a success', async () => json(200, {}), { requests: 1, clientErrors: 0, serverErrors: 0 }],
    [
      'a 404',
      async () => {
        throw new NotFoundError('nothing here');
      },
      { requests: 1, clientErrors: 1, serverErrors: 0 },
    ],
    [
      'a failure',
      async () => {
        throw new Error('the table is gone');
      },
      { requests: 1, clientErrors: 0, serverErrors: 1 },
    ],
  ])('counts %s per route, with its latency', async (_, route, expected) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dimensions = vi.spyOn(metrics, 'addDimension');
    const added = vi.spyOn(metrics, 'addMetric');
    await httpHandler(route)(request('GET /metrics/{key}'), context);
    expect(dimensions).toHaveBeenCalledWith('route', 'GET /metrics/{key}');
    const value = (name: string) => added.mock.calls.find(([metric]) => metric === name)?.[2];
    expect({
      requests: value(httpMetricNames.requests),
      clientErrors: value(httpMetricNames.clientErrors),
      serverErrors: value(httpMetricNames.serverErrors),
    }).toEqual(expected);
    expect(value(httpMetricNames.latency)).toBeGreaterThanOrEqual(0);
  });
});
