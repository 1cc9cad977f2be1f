// The limits, with clear answers, through the sandbox: a brief with 500 figures is stored and diffed (500
// events on the topic), and figures past one DynamoDB item are split and read back whole. The 256 KiB body cap is in reliability-bad-input; SNS's 256 KB message limit cannot
// be reached through a brief (events are small and the email text is truncated) and is tested at the adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxItemBytes } from '../../functions/adapters/dynamodb/index.ts';
import type { Figure } from '../../functions/core/model.ts';
import {
  type Answer,
  briefWithOneFigure as brief,
  type Harness,
  startHarness,
} from '../support/sandbox-harness.ts';

interface UploadAnswer {
  brief: { id: string; revision: number };
  figures: Figure[];
}

let harness: Harness;

async function upload(body: unknown): Promise<Answer<UploadAnswer>> {
  return harness.post('/briefs', body);
}

beforeAll(async () => {
  harness = await startHarness('limits');
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('briefs at the limits', () => {
  it('stores and diffs a brief with 500 figures: 500 figure.added on the topic', async () => {
    // Two CJK characters per granary name: 500 distinct labels, so 500 distinct metrics.
    const granary = (index: number) =>
      String.fromCodePoint(0x5c71 + (index % 50), 0x6c34 + Math.floor(index / 50));
    const lines = Array.from(
      { length: 500 },
      (_, index) => `${granary(index)}仓库存粮${(index + 1) * 7}吨。`,
    );
    const published = harness.published().length;
    const answer = await upload(brief('five-hundred', { headline: '指标公布', body: lines.join('') }));
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.figures).toHaveLength(500);
    await harness.settled(60_000);
    const stored = await harness.request<UploadAnswer>('/briefs/five-hundred');
    expect(stored.body.figures).toHaveLength(500);
    const fresh = harness.published().slice(published);
    expect(fresh.filter((event) => event.type === 'figure.added')).toHaveLength(500);
    expect(new Set(fresh.map((event) => event.id)).size).toBe(500);
    expect(harness.failures('publisher')).toEqual([]);
  }, 90_000);

  it('splits figures that exceed one DynamoDB item and reads them all back', async () => {
    // The same metric repeated: one observation, but thousands of figures to store with the brief.
    const body = Array.from({ length: 5000 }, (_, index) => `城镇新增就业${1000 + index}人。`).join('');
    const answer = await upload(brief('many-figures', { headline: '重复的数字', body }));
    expect(answer.status, answer.text).toBe(201);
    expect(Buffer.byteLength(JSON.stringify(answer.body.figures))).toBeGreaterThan(maxItemBytes);
    await harness.settled(60_000);
    const stored = await harness.request<UploadAnswer>('/briefs/many-figures');
    expect(stored.status).toBe(200);
    expect(stored.body.figures).toEqual(answer.body.figures);
    expect(harness.failures('pipeline')).toEqual([]);
    const changes = await harness.changes();
    expect(changes.filter((event) => event.data.region === '区-many-figures')).toHaveLength(1);
  }, 90_000);
});
