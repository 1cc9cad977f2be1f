import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { briefSchema } from '../../functions/core/brief.ts';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { extractFigures } from '../../functions/core/extract/index.ts';
import { briefText } from '../../functions/core/ingest.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { loadBriefs, weeklyReports } from '../support/synthetic-briefs.ts';

describe('the load benchmark briefs', () => {
  it('stay byte for byte what earlier benchmark runs measured, so their figures stay comparable', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify(loadBriefs(1000)))
      .digest('hex');
    expect(digest).toBe('58b692618f27d108420952faec63a5e6b195bd520e3c5b90c5f763971269a965');
  });

  it('are briefs the upload accepts, with three to eight figures each', () => {
    for (const brief of loadBriefs(50, 7)) {
      expect(() => briefSchema.parse(brief)).not.toThrow();
      const figures = extractFigures(briefText(brief), {
        region: brief.region,
        publishedAt: brief.publishedAt,
      });
      expect(figures.length, brief.body).toBeGreaterThanOrEqual(3);
      expect(figures.length, brief.body).toBeLessThanOrEqual(8);
    }
  });

  // The bench's metric count and write units rest on this; a label rule that borrows a neighbour's subject
  // (放流鱼苗完成造林面积) shows here as a metric too many.
  it('read as one metric per region and indicator: 16 regions x 22 indicators', () => {
    const metrics = new Set<string>();
    for (const brief of loadBriefs(1000)) {
      for (const figure of extractFigures(briefText(brief), {
        region: brief.region,
        publishedAt: brief.publishedAt,
        aliases: defaultAliases,
      }))
        metrics.add(figure.metric);
    }
    expect(metrics.size).toBe(16 * 22);
  });
});

describe('the weekly reports of the crash loop', () => {
  const uploads = weeklyReports(seededRandom(20210201));
  const asOfOf = (brief: (typeof uploads)[number]) =>
    extractFigures(briefText(brief), { region: brief.region, publishedAt: brief.publishedAt }).map(
      (figure) => figure.asOf,
    );

  it('are the same uploads, in the same order, for the same seed', () => {
    expect(weeklyReports(seededRandom(20210201))).toEqual(uploads);
  });

  it('are briefs the upload accepts, each figure dated by the report', () => {
    for (const brief of uploads) {
      expect(() => briefSchema.parse(brief)).not.toThrow();
      const dates = asOfOf(brief);
      expect(dates.length, brief.body).toBeGreaterThanOrEqual(2);
      expect(new Set(dates).size, brief.body).toBe(1);
      expect(dates[0], brief.body).toMatch(/^2021-\d\d-\d\d$/);
    }
  });

  it('re-issue some reports with a corrected figure under the same id', () => {
    const contents = new Map<string, Set<string>>();
    for (const brief of uploads)
      contents.set(brief.id, (contents.get(brief.id) ?? new Set()).add(brief.body));
    expect([...contents.values()].filter((bodies) => bodies.size > 1)).toHaveLength(6);
  });

  it('upload some briefs twice unchanged', () => {
    const texts = uploads.map((brief) => JSON.stringify(brief));
    expect(texts.length - new Set(texts).size).toBe(4);
  });

  it('deliver some reports after a later report of the same district (backfills)', () => {
    const latest = new Map<string, string>();
    let late = 0;
    for (const brief of uploads) {
      const asOf = asOfOf(brief)[0] ?? '';
      if (asOf < (latest.get(brief.region) ?? '')) late++;
      if (asOf > (latest.get(brief.region) ?? '')) latest.set(brief.region, asOf);
    }
    expect(late).toBeGreaterThan(0);
  });
});
