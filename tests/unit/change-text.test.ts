import { describe, expect, it } from 'vitest';
import { changeDetails, changeHeadline, metricUrl } from '../../functions/core/change-text.ts';
import { addedChange, change, hostileText, observation, unwantedCodePoints } from './feed-fixtures.ts';

describe('changeHeadline', () => {
  it('says what moved, by how much', () => {
    expect(changeHeadline(change())).toBe('城镇登记失业率 2.79% → 2.95% (+0.16 pp)');
  });

  it('marks a first value, a revision and a backfill', () => {
    expect(changeHeadline(addedChange())).toBe('城镇登记失业率 2.95% (new)');
    expect(changeHeadline(change({ type: 'figure.revised' }))).toContain('revised, as of 2020-05-31');
    expect(changeHeadline(change({ type: 'figure.backfilled' }))).toContain('backfilled, as of 2020-05-31');
  });

  it('gives counts the absolute and the relative change, Latin units as words', () => {
    const jobs = change({
      current: observation({ label: 'jobs added', unit: 'people', value: 42303, surface: '' }),
      previous: observation({ label: 'jobs added', unit: 'people', value: 40000, surface: '' }),
      delta: 2303,
      deltaPercent: 5.7575,
      deltaPoints: null,
    });
    expect(changeHeadline(jobs)).toBe('jobs added 40,000 people → 42,303 people (+2,303 people, +5.7575%)');
  });

  it('stays one clean line whatever the label says', () => {
    const headline = changeHeadline(change({ current: observation({ label: hostileText }) }));
    expect(unwantedCodePoints(headline)).toEqual([]);
    expect(headline).not.toMatch(/[\u2028\u2029]/);
    expect(headline.isWellFormed()).toBe(true);
  });
});

describe('changeDetails', () => {
  it('lists both values with their as-of dates and briefs, and the change', () => {
    const details = changeDetails(change());
    expect(details[0]).toBe(changeHeadline(change()));
    expect(details).toContain('Metric: cn:城镇登记失业率:%');
    expect(details).toContain('Region: cn');
    expect(details).toContain('Event: figure.changed');
    expect(details.find((line) => line.startsWith('Previous: 2.79% (as of 2020-04-30'))).toContain(
      'brief brief-april revision 1',
    );
    expect(details.find((line) => line.startsWith('Current: 2.95% (as of 2020-05-31'))).toContain(
      'brief brief-may revision 1',
    );
    expect(details.at(-1)).toBe('Change: +0.16 pp');
  });

  it('leaves out what a first value in no region does not have', () => {
    const details = changeDetails(addedChange({ current: observation({ region: '' }) }));
    expect(details.some((line) => /^(Previous|Region|Change):/.test(line))).toBe(false);
  });
});

describe('metricUrl', () => {
  it('links to the metric’s page under the base, whatever slashes the base ends with', () => {
    expect(metricUrl('https://feeds.example.org//', 'cn:城镇登记失业率:%')).toBe(
      `https://feeds.example.org/metric/${encodeURIComponent('cn:城镇登记失业率:%')}`,
    );
  });
});
