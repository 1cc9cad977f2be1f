// The editors' corrections through the whole sandbox: aliases stored in the table and applied to later uploads,
// a metric renamed and merged through the API, and neither raising an event on the topic, in the feeds or in
// /changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricKey } from '../../functions/core/metric-key.ts';
import { type Harness, startHarness } from '../support/sandbox-harness.ts';

interface FigureAnswer {
  label: string;
  metric: string;
  unit: string;
  warnings?: { code: string; message: string }[];
}
interface UploadAnswer {
  figures: FigureAnswer[];
}
interface MergeAnswer {
  from: string;
  into: string;
  copied: number;
  metric: { metric: string; label: string; latest: { value: number } };
}
interface ErrorAnswer {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

let harness: Harness;

beforeAll(async () => {
  // Every upload reads the aliases afresh, so that a test sees an alias apply at once (30 s by default).
  process.env.ALIASES_CACHE_MS = '0';
  harness = await startHarness('corrections');
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

/** A brief whose one figure is `value`% of `label`, as of `asOf`, published the next day. */
function brief(id: string, region: string, label: string, value: number, asOf: string) {
  const [, month, day] = asOf.split('-').map(Number);
  const published = new Date(Date.parse(asOf) + 86_400_000).toISOString().slice(0, 10);
  return {
    id,
    headline: `${label}情况`,
    body: `截至${month}月${day}日，${label}为${value}%。`,
    publishedAt: `${published}T08:00:00+08:00`,
    region,
  };
}

async function upload(body: ReturnType<typeof brief>): Promise<FigureAnswer> {
  const answer = await harness.post<UploadAnswer>('/briefs', body);
  expect(answer.status, answer.text).toBe(201);
  const [figure] = answer.body.figures;
  if (figure === undefined) throw new Error(`no figure found in ${body.body}`);
  return figure;
}

const metricPath = (metric: string, action = '') => `/metrics/${encodeURIComponent(metric)}${action}`;

function send<T>(method: string, path: string, body?: unknown) {
  return harness.request<T>(path, {
    method,
    headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** What a merge must leave as it was: the events on the topic, in /changes and in the feed. */
async function eventsEverywhere() {
  await harness.settled();
  const feed = await harness.request<{ items: { id: string }[] }>('/feed.json?limit=200');
  return {
    topic: harness.published().map((event) => event.id),
    changes: (await harness.changes()).map((event) => event.id),
    feed: feed.body.items.map((item) => item.id),
  };
}

describe('aliases', () => {
  it('are stored, listed and deleted through the API, and shape the keys of later uploads', async () => {
    const region = '别名区';
    const first = await upload(brief('alias-1', region, '工业企业复工率', 97.5, '2020-06-30'));
    const listed = await send<{ aliases: unknown[]; defaults: { from: string; to: string }[] }>(
      'GET',
      '/aliases',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.aliases).toEqual([]);
    expect(listed.body.defaults).toContainEqual({ from: '新增就业', to: '城镇新增就业' });

    const created = await send<{ alias: { from: string; to: string } }>('POST', '/aliases', {
      from: first.label,
      to: '规模以上工业企业复工率',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.alias).toMatchObject({ from: first.label, to: '规模以上工业企业复工率' });
    expect((await send('POST', '/aliases', { from: first.label, to: '规模以上工业企业复工率' })).status).toBe(
      200,
    );
    expect((await send<{ aliases: unknown[] }>('GET', '/aliases')).body.aliases).toEqual([
      expect.objectContaining({ from: first.label, to: '规模以上工业企业复工率' }),
    ]);

    const aliased = await upload(brief('alias-2', region, '工业企业复工率', 98.0, '2020-07-31'));
    expect(aliased.label).toBe(first.label);
    expect(aliased.metric).toBe(metricKey({ region, label: '规模以上工业企业复工率', unit: '%' }));
    expect(aliased.metric).not.toBe(first.metric);

    expect((await send('DELETE', `/aliases/${encodeURIComponent(first.label)}`)).status).toBe(204);
    expect((await send('DELETE', `/aliases/${encodeURIComponent(first.label)}`)).status).toBe(404);
    expect((await send<{ aliases: unknown[] }>('GET', '/aliases')).body.aliases).toEqual([]);
    const unaliased = await upload(brief('alias-3', region, '工业企业复工率', 98.4, '2020-08-31'));
    expect(unaliased.metric).toBe(first.metric);
  });

  it('refuses an alias that would close a circle, with 409, and stores nothing', async () => {
    expect((await send('POST', '/aliases', { from: '甲指标', to: '乙指标' })).status).toBe(201);
    const circle = await send<ErrorAnswer>('POST', '/aliases', { from: '乙指标', to: '甲指标' });
    expect(circle.status).toBe(409);
    expect(circle.body.error.message).toContain('乙指标 → 甲指标 → 乙指标');
    expect((await send('DELETE', `/aliases/${encodeURIComponent('甲指标')}`)).status).toBe(204);
  });
});

describe('renaming a metric', () => {
  it('moves its history to the new name’s key, redirects the old one, and compares the next figure there', async () => {
    const region = '改名区';
    const may = await upload(brief('rename-05', region, '重点项目开工率', 85.0, '2020-05-31'));
    await upload(brief('rename-06', region, '重点项目开工率', 88.2, '2020-06-30'));
    const before = await eventsEverywhere();

    const renamed = await send<MergeAnswer>('POST', metricPath(may.metric, '/rename'), {
      label: '重大项目开工率',
    });

    const into = metricKey({ region, label: '重大项目开工率', unit: '%' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({
      from: may.metric,
      into,
      copied: 2,
      metric: { label: '重大项目开工率' },
    });
    const redirected = await harness.request<{ mergedInto: string }>(metricPath(may.metric), {
      redirect: 'manual',
    });
    expect(redirected.status).toBe(308);
    expect(redirected.headers.get('location')).toBe(metricPath(into));
    expect(redirected.body.mergedInto).toBe(into);
    expect(await harness.history(into)).toHaveLength(2);
    expect(await eventsEverywhere()).toEqual(before);

    const preview = await harness.post<UploadAnswer>(
      '/briefs/preview',
      brief('rename-07', region, '重点项目开工率', 90.1, '2020-07-31'),
    );
    expect(preview.body.figures[0]).toMatchObject({
      metric: into,
      warnings: [expect.objectContaining({ code: 'metric-merged' })],
    });
    await upload(brief('rename-07', region, '重点项目开工率', 90.1, '2020-07-31'));
    await harness.settled();
    const events = harness.published().filter((event) => !before.topic.includes(event.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'rename-07.1.0',
      type: 'figure.changed',
      subject: into,
      data: { previous: { value: 88.2 }, current: { value: 90.1 } },
    });
  });
});

describe('merging two metrics', () => {
  it('raises no event on the topic, in /changes or in the feed; the next figure of the old key raises one', async () => {
    const region = '合并区';
    const april = await upload(brief('merge-a-04', region, '工业用电量增长', 3.1, '2020-04-30'));
    const may = await upload(brief('merge-b-05', region, '全社会工业用电量增长', 4.2, '2020-05-31'));
    await upload(brief('merge-a-06', region, '工业用电量增长', 5.0, '2020-06-30'));
    await upload(brief('merge-b-07', region, '全社会工业用电量增长', 6.3, '2020-07-31'));
    const before = await eventsEverywhere();
    expect(before.changes.filter((id) => id.startsWith('merge-'))).toHaveLength(4);

    const merged = await send<MergeAnswer>('POST', metricPath(april.metric, '/merge'), { into: may.metric });

    expect(merged.status, merged.text).toBe(200);
    expect(merged.body).toMatchObject({ from: april.metric, into: may.metric, copied: 2 });
    expect(merged.body.metric.latest.value).toBe(6.3);
    expect((await harness.history(may.metric)).map((entry) => entry.observation.value)).toEqual([
      6.3, 5.0, 4.2, 3.1,
    ]);
    expect(await eventsEverywhere()).toEqual(before);
    expect((await send('POST', metricPath(april.metric, '/merge'), { into: may.metric })).status).toBe(200);

    await upload(brief('merge-a-08', region, '工业用电量增长', 6.8, '2020-08-31'));
    const after = await eventsEverywhere();
    expect(after.changes.filter((id) => !before.changes.includes(id))).toEqual(['merge-a-08.1.0']);
    expect((await harness.changes()).at(-1)).toMatchObject({
      type: 'figure.changed',
      subject: may.metric,
      data: { previous: { value: 6.3 } },
    });
  });
});

describe('bad input', () => {
  it.each([
    ['POST', '/aliases', { from: '新增就业' }, 'to'],
    ['POST', '/aliases', { from: '新增就业', to: '新增就业' }, 'to'],
    ['POST', '/aliases', { from: 7, to: '城镇新增就业' }, 'from'],
    ['POST', metricPath(':某指标:percent', '/rename'), { name: '新名称' }, '(root)'],
    ['POST', metricPath(':某指标:percent', '/rename'), { label: '' }, 'label'],
    ['POST', metricPath(':某指标:percent', '/merge'), { into: 5 }, 'into'],
  ])('%s %s %j answers 400 naming %s, and writes nothing', async (method, path, body, field) => {
    await harness.settled();
    const items = await harness.itemCount();
    const answer = await send<ErrorAnswer>(method, path, body);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error.issues.map((issue) => issue.path)).toContain(field);
    expect(answer.body.error.message).toContain('received');
    expect(await harness.itemCount()).toBe(items);
  });

  it('answers 400 naming into and its value for a merge into no metric, and 404 for no source', async () => {
    const metric = (await upload(brief('bad-merge', '错误区', '工业企业复工率', 97.5, '2020-06-30'))).metric;
    await harness.settled();
    const items = await harness.itemCount();
    const nowhere = await send<ErrorAnswer>('POST', metricPath(metric, '/merge'), { into: ':没有:percent' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.issues).toEqual([
      { path: 'into', message: 'no metric has this key (received ":没有:percent")' },
    ]);
    const unknown = await send<ErrorAnswer>('POST', metricPath(':没有:percent', '/merge'), { into: metric });
    expect(unknown.status).toBe(404);
    expect(await harness.itemCount()).toBe(items);
  });
});
