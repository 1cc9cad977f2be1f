import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../functions/core/extract/index.ts';
import { briefText } from '../../functions/core/ingest.ts';
import { briefSegments } from '../../web/lib/highlight.ts';

function marked(brief: { headline: string; body: string }) {
  const figures = extractFigures(briefText({ headline: brief.headline.trim(), body: brief.body.trim() }), {
    region: '大连',
    publishedAt: '2020-06-15T08:00:00+08:00',
  });
  const segments = briefSegments(brief, figures);
  const marks = (part: typeof segments.headline) =>
    part.filter((segment) => segment.figure !== undefined).map((segment) => segment.text);
  return { figures, segments, headline: marks(segments.headline), body: marks(segments.body) };
}

describe('marking figures in a brief', () => {
  it('marks each figure where the extractor found it, in the headline and in the body', () => {
    const { headline, body } = marked({
      headline: '大连城镇新增就业突破5万人',
      body: '截至6月10日，全市城镇新增就业51268人，城镇登记失业率控制在2.85%。',
    });
    expect(headline).toEqual(['突破5万人']);
    expect(body).toEqual(['51268人', '2.85%']);
  });

  it('keeps every character of the text, in order, around the marks', () => {
    const brief = {
      headline: '大连城镇新增就业突破5万人',
      body: '全市城镇新增就业51268人，\n\n约4.29亿元。',
    };
    const { segments } = marked(brief);
    expect(segments.headline.map((segment) => segment.text).join('')).toBe(brief.headline);
    expect(segments.body.map((segment) => segment.text).join('')).toBe(brief.body);
  });

  it('counts offsets from the trimmed text, as the API extracts from it', () => {
    const { body } = marked({ headline: '  标题  ', body: '\n  全市城镇新增就业51268人。  \n' });
    expect(body).toEqual(['51268人']);
  });

  it('leaves out a figure that does not fit the text rather than mark the wrong characters', () => {
    const segments = briefSegments({ headline: '标题', body: '正文2.85%' }, [
      {
        offset: 40,
        length: 5,
        surface: '2.85%',
        value: 2.85,
        unit: '%',
        qualifier: 'exact',
        label: '失业率',
        kind: 'percent',
        metric: 'x:失业率:percent',
      },
    ]);
    expect(segments.body).toEqual([{ text: '正文2.85%' }]);
  });
});
