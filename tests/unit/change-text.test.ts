import { describe, expect, it } from 'vitest';
import {
  briefPageUrl,
  changeDetails,
  changeEmailText,
  changeHeadline,
  digestEmailText,
  digestHeadline,
  metricPageUrl,
} from '../../functions/core/change-text.ts';
import type { RevisionDigest } from '../../functions/core/digest.ts';
import type { Change } from '../../functions/core/model.ts';
import {
  addedChange,
  change,
  dalianJobsDigest,
  digest as digestOf,
  hostileText,
  observation,
  unwantedCodePoints,
} from './feed-fixtures.ts';

/** 城镇新增就业 42303人 → 51268人, as the second sample edition moves it. */
function jobsChange(overrides: Partial<Change> = {}): Change {
  const jobs = { label: '城镇新增就业', unit: '人', kind: 'count' as const, metric: '大连:城镇新增就业:人' };
  return change({
    metric: jobs.metric,
    previous: observation({ ...jobs, value: 42303, surface: '42303人' }),
    current: observation({ ...jobs, value: 51268, surface: '51268人', asOf: '2020-06-10' }),
    delta: 8965,
    deltaPercent: 21.1167,
    deltaPoints: null,
    ...overrides,
  });
}

function inEnglish(subject: Change): Change {
  return {
    ...subject,
    current: { ...subject.current, language: 'en' },
    ...(subject.previous === null ? {} : { previous: { ...subject.previous, language: 'en' as const } }),
  };
}

function digest(changes: Change[], overrides: Partial<RevisionDigest> = {}): RevisionDigest {
  return digestOf(changes, { ...dalianJobsDigest, ...overrides });
}

describe('changeHeadline', () => {
  it('names the figure and its move in percentage points, in Chinese for a Chinese brief', () => {
    expect(changeHeadline(change())).toBe('城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
  });

  it('writes every number of a count one way, with a percent change of sensible precision', () => {
    expect(changeHeadline(jobsChange())).toBe('城镇新增就业 42,303人 → 51,268人（+8,965人，+21.1%）');
  });

  it('writes the same change in English for an English brief', () => {
    expect(changeHeadline(inEnglish(change()))).toBe('城镇登记失业率 2.79% → 2.95% (+0.16 pts)');
    const jobs = inEnglish(
      jobsChange({
        previous: observation({ label: 'jobs added', unit: 'people', value: 40000 }),
        current: observation({ label: 'jobs added', unit: 'people', value: 42303, qualifier: 'over' }),
        delta: 2303,
        deltaPercent: 5.7575,
      }),
    );
    expect(changeHeadline(jobs)).toBe('jobs added 40,000 people → over 42,303 people (+2,303 people, +5.8%)');
  });

  it('writes both sides of a move on the scale a newsroom uses, where neither loses a digit', () => {
    const money = jobsChange({
      previous: observation({ label: '社保费免减', unit: '元', value: 2735000000, qualifier: 'approx' }),
      current: observation({ label: '社保费免减', unit: '元', value: 3012345678 }),
      delta: 277345678,
      deltaPercent: 10.1406,
    });
    expect(changeHeadline(money)).toBe(
      '社保费免减 约2,735,000,000元 → 3,012,345,678元（+277,345,678元，+10.1%）',
    );
    const households = jobsChange({
      previous: observation({ label: '惠及居民', unit: '户', value: 72600 }),
      current: observation({ label: '惠及居民', unit: '户', value: 81000 }),
      delta: 8400,
      deltaPercent: 11.5702,
    });
    expect(changeHeadline(households)).toBe('惠及居民 7.26万户 → 8.1万户（+8,400户，+11.6%）');
    const jobs = jobsChange({
      previous: observation({ label: '城镇新增就业', unit: '人', value: 51268 }),
      current: observation({ label: '城镇新增就业', unit: '人', value: 61200 }),
      delta: 9932,
      deltaPercent: 19.3727,
    });
    expect(changeHeadline(jobs)).toBe('城镇新增就业 51,268人 → 61,200人（+9,932人，+19.4%）');
    const billions = jobsChange({
      previous: observation({ label: 'fees waived', unit: 'USD', value: 2735000000, qualifier: 'approx' }),
      current: observation({ label: 'fees waived', unit: 'USD', value: 3000000000 }),
      delta: 265000000,
      deltaPercent: 9.6892,
    });
    expect(changeHeadline(inEnglish(billions))).toBe(
      'fees waived about 2,735 million USD → 3,000 million USD (+265 million USD, +9.7%)',
    );
  });

  it('keeps two significant digits of a move under one percent, and a true minus sign for a fall', () => {
    const fall = jobsChange({ delta: -12, deltaPercent: -0.02834, direction: 'down' });
    expect(changeHeadline(fall)).toContain('（−12人，−0.028%）');
  });

  it('marks a first value, a revision and a backfill in the brief’s language', () => {
    expect(changeHeadline(addedChange())).toBe('城镇登记失业率 2.95%（新增）');
    expect(changeHeadline(change({ type: 'figure.revised' }))).toContain('修订，截至2020-05-31）');
    expect(changeHeadline(change({ type: 'figure.backfilled' }))).toContain('回补，截至2020-05-31）');
    expect(changeHeadline(inEnglish(addedChange()))).toBe('城镇登记失业率 2.95% (new)');
    expect(changeHeadline(inEnglish(change({ type: 'figure.revised' })))).toContain(
      '(+0.16 pts, revised, as of 2020-05-31)',
    );
  });

  it('shortens a long label first, so that the move still shows within the limit', () => {
    const long = change({
      current: observation({ ...change().current, label: '很长的指标名称'.repeat(20) }),
    });
    const headline = changeHeadline(long, 60);
    expect(Array.from(headline)).toHaveLength(60);
    expect(headline).toMatch(/^很长的指标名称.*… 2\.79% → 2\.95%（\+0\.16个百分点）$/);
  });

  it('stays one clean line whatever the label says', () => {
    const headline = changeHeadline(change({ current: observation({ label: hostileText }) }));
    expect(unwantedCodePoints(headline)).toEqual([]);
    expect(headline).not.toMatch(/[\u2028\u2029]/);
    expect(headline.isWellFormed()).toBe(true);
  });
});

describe('changeDetails', () => {
  it('lists both values with their as-of dates and briefs, and the move, in Chinese', () => {
    expect(changeDetails(jobsChange())).toEqual([
      '城镇新增就业 42,303人 → 51,268人（+8,965人，+21.1%）',
      '',
      '地区：cn',
      '本期：51,268人，截至2020-06-10，2020-05-15发布（简报 brief-april 第1版）',
      '上期：42,303人，截至2020-04-30，2020-05-15发布（简报 brief-april 第1版）',
      '变化：+8,965人，+21.1%',
      '指标：大连:城镇新增就业:人',
      '事件类型：figure.changed',
    ]);
  });

  it('says the same in English for an English brief', () => {
    expect(changeDetails(inEnglish(change()))).toEqual([
      '城镇登记失业率 2.79% → 2.95% (+0.16 pts)',
      '',
      'Region: cn',
      'Now: 2.95%, as of 2020-05-31, published 2020-06-15 (brief brief-may, revision 1)',
      'Before: 2.79%, as of 2020-04-30, published 2020-05-15 (brief brief-april, revision 1)',
      'Change: +0.16 pts',
      'Metric: cn:城镇登记失业率:%',
      'Event type: figure.changed',
    ]);
  });

  it('leaves out what a first value in no region does not have', () => {
    const details = changeDetails(addedChange({ current: observation({ region: '' }) }));
    expect(details.some((line) => /^(上期|地区|变化)：/.test(line))).toBe(false);
  });
});

describe('changeEmailText', () => {
  it('gives the facts, the metric page of the public site and the event id', () => {
    const text = changeEmailText(change(), 'https://news.example.org/');
    expect(text.startsWith(changeDetails(change()).join('\n'))).toBe(true);
    expect(text).toContain(
      `指标页面：https://news.example.org/metric/${encodeURIComponent('cn:城镇登记失业率:%')}`,
    );
    expect(text).toContain('事件 ID：0f3c2a9be1d84c55a7e6b1c2d3e4f501');
    expect(changeEmailText(inEnglish(change()), 'https://news.example.org')).toContain(
      'Metric page: https://',
    );
    expect(changeEmailText(change(), undefined)).not.toContain('指标页面');
  });
});

describe('digest texts', () => {
  it('name the brief and how many changes it made, in its language', () => {
    expect(digestHeadline(digest([change(), jobsChange()]))).toBe('大连城镇新增就业突破5万人（2项变化）');
    const english = digest([inEnglish(change())], { language: 'en', headline: 'Dalian adds 51,268 jobs' });
    expect(digestHeadline(english)).toBe('Dalian adds 51,268 jobs (1 change)');
    expect(digestHeadline({ ...english, changes: [change(), change()] })).toBe(
      'Dalian adds 51,268 jobs (2 changes)',
    );
  });

  it('shorten the headline, never the count, to fit', () => {
    const long = digest([change(), jobsChange()], { headline: '很长的标题'.repeat(30) });
    const headline = digestHeadline(long, 40);
    expect(Array.from(headline)).toHaveLength(40);
    expect(headline.endsWith('…（2项变化）')).toBe(true);
  });

  it('list every change with its metric page, then the brief page and the digest id', () => {
    const text = digestEmailText(digest([change(), jobsChange()]), 2, 'https://news.example.org');
    expect(text.split('\n')).toEqual([
      '大连城镇新增就业突破5万人（2项变化）',
      '简报 dalian-jobs-2020-06 第1版，2020-06-15发布，大连',
      '',
      '1. 城镇登记失业率 2.79% → 2.95%（+0.16个百分点）',
      `   ${metricPageUrl('https://news.example.org', 'cn:城镇登记失业率:%')}`,
      '2. 城镇新增就业 42,303人 → 51,268人（+8,965人，+21.1%）',
      `   ${metricPageUrl('https://news.example.org', '大连:城镇新增就业:人')}`,
      '',
      `简报全文及全部变化：${briefPageUrl('https://news.example.org', 'dalian-jobs-2020-06')}`,
      '',
      '事件 ID：dalian-jobs-2020-06.1.digest',
      '',
    ]);
  });

  it('say how many changes are left out when not all are listed', () => {
    const english = digest([inEnglish(change()), inEnglish(jobsChange()), inEnglish(change())], {
      language: 'en',
    });
    expect(digestEmailText(digest([change(), jobsChange(), change()]), 1, undefined)).toContain(
      '\n另有2项变化未列出。\n',
    );
    expect(digestEmailText(english, 2, undefined)).toContain('\n1 more change is not listed.\n');
    expect(digestEmailText(english, 0, undefined)).toContain('\n3 more changes are not listed.\n');
  });
});

describe('page links', () => {
  it('link to the public pages under the base, whatever slashes the base ends with', () => {
    expect(metricPageUrl('https://news.example.org//', 'cn:城镇登记失业率:%')).toBe(
      `https://news.example.org/metric/${encodeURIComponent('cn:城镇登记失业率:%')}`,
    );
    expect(briefPageUrl('https://news.example.org/', 'a.b')).toBe('https://news.example.org/brief/a.b');
  });
});
