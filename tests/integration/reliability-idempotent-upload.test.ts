// docs/reliability.md, guarantee 6: the same brief twice → one revision, the same answer, one set of events; the same id
// with new content → a new revision whose changes are computed against the previous revision's values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../functions/core/model.ts';
import { type Harness, startHarness, type TopicEvent } from '../support/sandbox-harness.ts';

interface UploadAnswer {
  brief: { id: string; revision: number; contentHash: string };
  figures: Figure[];
}

interface StoredRevision {
  briefId: string;
  revision: number;
  brief: { body: string };
}

const region = '幂等市';

function jobsBrief(id: string, body: string): Record<string, unknown> {
  return { id, headline: `${region}就业情况`, body, publishedAt: '2020-05-14T08:00:00+08:00', region };
}

const firstVersion = jobsBrief(
  'idempotent-jobs',
  '截至5月11日，全市城镇登记失业率为2.79%，城镇新增就业42303人。',
);
const correctedVersion = jobsBrief(
  'idempotent-jobs',
  '截至5月11日，全市城镇登记失业率为2.81%，城镇新增就业42303人，新增市场主体1520户。',
);

let harness: Harness;

function eventsOf(briefId: string): TopicEvent[] {
  return harness.published().filter((event) => event.data.current.briefId === briefId);
}

beforeAll(async () => {
  harness = await startHarness('idempotent');
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('uploading the same brief again', () => {
  it('answers 201 then 200 with an identical body, keeps one revision and publishes one set of events', async () => {
    const first = await harness.post<UploadAnswer>('/briefs', firstVersion);
    expect(first.status).toBe(201);
    await harness.settled();
    const eventsAfterFirst = eventsOf('idempotent-jobs');
    expect(eventsAfterFirst.map((event) => event.type).sort()).toEqual(['figure.added', 'figure.added']);

    const published = harness.published().length;
    const again = await harness.post<UploadAnswer>('/briefs', { ...firstVersion });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    await harness.settled();
    expect(harness.published().length).toBe(published);
    const stored = await harness.request<StoredRevision>('/briefs/idempotent-jobs');
    expect(stored.body.revision).toBe(1);
  });

  it('treats a re-upload with its fields in another order as the same brief', async () => {
    const reordered = Object.fromEntries(Object.entries(firstVersion).reverse());
    const again = await harness.post<UploadAnswer>('/briefs', reordered);
    expect(again.status).toBe(200);
    expect(again.body.brief.revision).toBe(1);
  });

  it('lets only one of many simultaneous identical uploads create the revision', async () => {
    const brief = jobsBrief('idempotent-race', '截至5月12日，全市城镇新增就业1234人。');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => harness.post<UploadAnswer>('/briefs', brief)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);
    await harness.settled();
    expect(eventsOf('idempotent-race')).toHaveLength(1);
  });
});

describe('uploading new content under the same id', () => {
  it('stores revision 2 and diffs it against revision 1: revised, unchanged and added figures', async () => {
    const published = harness.published().length;
    const corrected = await harness.post<UploadAnswer>('/briefs', correctedVersion);
    expect(corrected.status).toBe(201);
    expect(corrected.body.brief.revision).toBe(2);
    await harness.settled();
    const fresh = eventsOf('idempotent-jobs').filter((event) => event.data.current.revision === 2);
    expect(harness.published().length - published).toBe(fresh.length);
    const byType = (type: string) => fresh.filter((event) => event.type === type);
    // The unemployment rate of the same as-of date was corrected from revision 1's 2.79%.
    expect(
      byType('figure.revised').map((event) => [event.data.previous?.value, event.data.current.value]),
    ).toEqual([[2.79, 2.81]]);
    const revised = byType('figure.revised')[0];
    expect(revised?.data.previous).toMatchObject({ briefId: 'idempotent-jobs', revision: 1 });
    expect(revised?.data.current).toMatchObject({ briefId: 'idempotent-jobs', revision: 2 });
    // New jobs kept its value: no event. The new metric appears once.
    expect(byType('figure.added').map((event) => event.data.current.value)).toEqual([1520]);
    expect(fresh).toHaveLength(2);
    const stored = await harness.request<StoredRevision>('/briefs/idempotent-jobs');
    expect(stored.body.revision).toBe(2);
    expect(stored.body.brief.body).toBe(correctedVersion.body);
  });

  it('gives concurrent different versions of one id distinct revision numbers, none lost', async () => {
    const versions = Array.from({ length: 6 }, (_, index) =>
      jobsBrief('idempotent-versions', `截至5月13日，全市城镇新增就业${2000 + index}人。`),
    );
    const answers = await Promise.all(
      versions.map((version) => harness.post<UploadAnswer>('/briefs', version)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(versions.map(() => 201));
    expect(answers.map((answer) => answer.body.brief.revision).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    await harness.settled();
    const latest = await harness.request<StoredRevision>('/briefs/idempotent-versions');
    expect(latest.body.revision).toBe(6);
  });
});
