// The corrections routes and the merged metric's read through their make*Handler seams, on requests in API
// Gateway's HTTP API shape (tests/events/apigateway), with in-memory ports: the statuses and bodies promised.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { Alias, AliasStore, ChangeLog } from '../../functions/core/ports.ts';
import { recordObservation } from '../../functions/core/record-observation.ts';
import { makeCorrectionsHandler } from '../../functions/handlers/corrections.ts';
import { makeReadHandler } from '../../functions/handlers/read-api.ts';
import postBriefs from '../events/apigateway/post-briefs.json' with { type: 'json' };
import { observation } from '../support/fixtures.ts';
import { MemoryBriefStore } from '../support/memory-brief-store.ts';
import { MemoryMetricStore } from '../support/memory-metric-store.ts';

vi.hoisted(() => {
  // The handler modules wire their production dependencies when imported; these make that wiring possible.
  process.env.TABLE_NAME = 'corrections-handler-tests';
});

class MemoryAliasStore implements AliasStore {
  readonly aliases = new Map<string, Alias>();
  async listAliases() {
    return [...this.aliases.values()];
  }
  async putAlias(alias: Alias) {
    const before = this.aliases.get(alias.from)?.to;
    this.aliases.set(alias.from, alias);
    return before;
  }
  async deleteAlias(from: string) {
    return this.aliases.delete(from);
  }
}

function request(
  routeKey: string,
  options: { body?: unknown; path?: Record<string, string>; query?: string } = {},
): APIGatewayProxyEventV2 {
  const [method = 'GET'] = routeKey.split(' ');
  return {
    ...postBriefs,
    routeKey,
    rawQueryString: options.query ?? '',
    ...(options.body === undefined ? { body: undefined } : { body: JSON.stringify(options.body) }),
    ...(options.path === undefined ? {} : { pathParameters: options.path }),
    requestContext: {
      ...postBriefs.requestContext,
      routeKey,
      http: { ...postBriefs.requestContext.http, method },
    },
  } as APIGatewayProxyEventV2;
}

const now = () => new Date('2020-07-15T00:00:01Z');
const noChanges: ChangeLog = { changesAfter: async () => ({ items: [] }), latestChanges: async () => [] };
const A = '大连:登记失业率:percent';
const B = '大连:城镇登记失业率:percent';

async function corrections() {
  const metrics = new MemoryMetricStore();
  const aliases = new MemoryAliasStore();
  await recordObservation(metrics, observation({ metric: A, label: '登记失业率' }), now);
  await recordObservation(metrics, observation({ metric: B, asOf: '2020-06-30', value: 2.85 }), now);
  const handler = makeCorrectionsHandler({
    aliases,
    defaultAliases: { 新增就业: '城镇新增就业' },
    metrics,
    now,
  });
  const send = async (routeKey: string, options: Parameters<typeof request>[1] = {}) => {
    const answer = await handler(request(routeKey, options));
    return {
      status: answer.statusCode,
      body: answer.body === undefined ? undefined : JSON.parse(answer.body),
    };
  };
  return { metrics, aliases, send };
}

describe('the alias routes', () => {
  it('answer 201 for a new alias, 200 for one replaced, and list the stored beside the shipped ones', async () => {
    const { send } = await corrections();
    expect((await send('POST /aliases', { body: { from: '固投', to: '固定资产投资' } })).status).toBe(201);
    expect((await send('POST /aliases', { body: { from: '固投', to: '全社会固定资产投资' } })).status).toBe(
      200,
    );
    expect((await send('GET /aliases')).body).toEqual({
      aliases: [{ from: '固投', to: '全社会固定资产投资', updatedAt: now().toISOString() }],
      defaults: [{ from: '新增就业', to: '城镇新增就业' }],
    });
  });

  it('delete a stored alias with 204, and answer 404 saying a shipped one stays', async () => {
    const { send, aliases } = await corrections();
    await send('POST /aliases', { body: { from: '固投', to: '固定资产投资' } });
    expect((await send('DELETE /aliases/{from}', { path: { from: '固投' } })).status).toBe(204);
    expect(aliases.aliases.size).toBe(0);
    const shipped = await send('DELETE /aliases/{from}', { path: { from: '新增就业' } });
    expect(shipped.status).toBe(404);
    expect(shipped.body.error.message).toContain('data/aliases.json');
  });
});

describe('the metric routes', () => {
  it('merge, answering the metric that holds the series now, and 409 for a second target', async () => {
    const { send, metrics } = await corrections();
    await recordObservation(metrics, observation({ metric: '大连:失业率:percent', asOf: '2020-04-30' }), now);
    const merged = await send('POST /metrics/{key}/merge', {
      path: { key: A },
      body: { into: B },
    });
    expect(merged).toMatchObject({ status: 200, body: { from: A, into: B, copied: 1 } });
    expect(merged.body.metric).not.toHaveProperty('pending');
    const elsewhere = await send('POST /metrics/{key}/merge', {
      path: { key: A },
      body: { into: '大连:失业率:percent' },
    });
    expect(elsewhere.status).toBe(409);
  });

  it('rename a metric stored under a key an upgrade has since folded (比例 → 占比): its history joins the new key', async () => {
    const { send, metrics } = await corrections();
    const folded = '大连:空气质量优良天数比例:percent';
    await recordObservation(metrics, observation({ metric: folded, asOf: '2020-04-30' }), now);
    // The first brief after the upgrade has already opened the new key.
    await recordObservation(
      metrics,
      observation({ metric: '大连:空气质量优良天数占比:percent', asOf: '2020-05-31' }),
      now,
    );
    const renamed = await send('POST /metrics/{key}/rename', {
      path: { key: folded },
      body: { label: '空气质量优良天数比例' },
    });
    expect(renamed).toMatchObject({
      status: 200,
      body: { from: folded, into: '大连:空气质量优良天数占比:percent', copied: 1 },
    });
  });

  it('rename a metric whose new name keeps its key: named, nothing copied', async () => {
    const { send, metrics } = await corrections();
    const renamed = await send('POST /metrics/{key}/rename', {
      path: { key: B },
      body: { label: '城镇登记失业率（%）' },
    });
    expect(renamed).toMatchObject({ status: 200, body: { from: B, into: B, copied: 0 } });
    expect(await metrics.getHead(B)).toMatchObject({
      label: '城镇登记失业率（%）',
      name: '城镇登记失业率（%）',
    });
  });
});

describe('GET /metrics/{key} of a merged metric', () => {
  it('answers 308 to the metric it was merged into, query kept', async () => {
    const { send, metrics } = await corrections();
    await send('POST /metrics/{key}/merge', { path: { key: A }, body: { into: B } });
    const read = makeReadHandler({ briefs: new MemoryBriefStore(), metrics, changes: noChanges });

    const answer = await read(request('GET /metrics/{key}', { path: { key: A }, query: 'limit=5' }));

    const location = `/metrics/${encodeURIComponent(B)}?limit=5`;
    expect(answer.statusCode).toBe(308);
    expect(answer.headers?.location).toBe(location);
    expect(JSON.parse(answer.body ?? '')).toEqual({ metric: A, mergedInto: B, location });
  });
});
