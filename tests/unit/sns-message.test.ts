import { describe, expect, it } from 'vitest';
import { toCloudEvent } from '../../functions/core/events.ts';
import type { Change } from '../../functions/core/model.ts';
import {
  assertSnsMessageSize,
  changeHeadline,
  emailTextFor,
  FilterPolicyError,
  filterPolicyFor,
  messageAttributesFor,
  SNS_MAX_MESSAGE_BYTES,
  SnsMessageTooLargeError,
  snsMessageFor,
  snsPublishBytes,
} from '../../functions/core/notification.ts';
import { addedChange, change, hostileText, observation, unwantedCodePoints } from './feed-fixtures.ts';

/** SNS attribute names: letters, digits, `_-.`, no leading/trailing/double dot, no AWS./Amazon. prefix. */
const legalAttributeName = /^(?!AWS\.|Amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/;

function withLabel(label: string): Change {
  const base = change();
  return change({ current: { ...base.current, label } });
}

describe('messageAttributesFor', () => {
  it('carries what subscribers filter on for a change', () => {
    expect(messageAttributesFor(change())).toEqual({
      type: { DataType: 'String', StringValue: 'figure.changed' },
      metric: { DataType: 'String', StringValue: 'cn:城镇登记失业率:%' },
      region: { DataType: 'String', StringValue: 'cn' },
      direction: { DataType: 'String', StringValue: 'up' },
      kind: { DataType: 'String', StringValue: 'percent' },
      absChangePercent: { DataType: 'Number', StringValue: '5.7348' },
    });
  });

  it('leaves out what a first value cannot have, and an empty region, instead of sending empty strings', () => {
    const attributes = messageAttributesFor(addedChange({ current: observation({ region: '' }) }));
    expect(Object.keys(attributes).sort()).toEqual(['kind', 'metric', 'type']);
  });

  it('gives the absolute change for a fall', () => {
    const fall = change({ delta: -0.16, deltaPercent: -5.7348, deltaPoints: -0.16, direction: 'down' });
    expect(messageAttributesFor(fall).absChangePercent?.StringValue).toBe('5.7348');
    expect(messageAttributesFor(fall).direction?.StringValue).toBe('down');
  });

  it('keeps numbers inside what SNS numeric matching understands', () => {
    expect(messageAttributesFor(change({ deltaPercent: 123456789012.5 })).absChangePercent?.StringValue).toBe(
      '1000000000',
    );
    expect(messageAttributesFor(change({ deltaPercent: 1.23456789 })).absChangePercent?.StringValue).toBe(
      '1.23457',
    );
  });

  it('uses only attribute names and values SNS accepts, even from hostile text', () => {
    const hostile = change({ metric: hostileText, current: observation({ region: hostileText }) });
    const attributes = messageAttributesFor(hostile);
    expect(Object.keys(attributes).length).toBeLessThanOrEqual(10);
    for (const [name, attribute] of Object.entries(attributes)) {
      expect(name).toMatch(legalAttributeName);
      expect(attribute.StringValue).not.toBe('');
      expect(attribute.StringValue.isWellFormed()).toBe(true);
      expect(
        unwantedCodePoints(attribute.StringValue).filter(
          (code) => code !== 0x09 && code !== 0x0a && code !== 0x0d,
        ),
      ).toEqual([]);
    }
  });
});

describe('emailTextFor', () => {
  it('says in the subject what moved, by how much', () => {
    expect(emailTextFor(change()).subject).toBe('城镇登记失业率 2.79% → 2.95% (+0.16 pp)');
  });

  it('marks a first value, a revision and a backfill in the subject', () => {
    expect(emailTextFor(addedChange()).subject).toBe('城镇登记失业率 2.95% (new)');
    expect(emailTextFor(change({ type: 'figure.revised' })).subject).toContain('revised, as of 2020-05-31');
    expect(emailTextFor(change({ type: 'figure.backfilled' })).subject).toContain(
      'backfilled, as of 2020-05-31',
    );
  });

  it('gives counts the absolute and the relative change', () => {
    const jobs = change({
      current: observation({ label: 'jobs added', unit: 'people', value: 42303, surface: '' }),
      previous: observation({ label: 'jobs added', unit: 'people', value: 40000, surface: '' }),
      delta: 2303,
      deltaPercent: 5.7575,
      deltaPoints: null,
    });
    expect(emailTextFor(jobs).subject).toBe(
      'jobs added 40,000 people → 42,303 people (+2,303 people, +5.7575%)',
    );
  });

  it('keeps the subject under 100 characters on one line, whatever the label', () => {
    for (const label of [`${'很长的指标名称'.repeat(30)}`, hostileText, `${'😀'.repeat(120)}`]) {
      const { subject } = emailTextFor(withLabel(label));
      expect(subject.length).toBeLessThan(100);
      expect(subject.length).toBeGreaterThan(0);
      expect(unwantedCodePoints(subject)).toEqual([]);
      expect(subject).not.toMatch(/[\u2028\u2029]/);
      expect(subject.isWellFormed()).toBe(true);
    }
    expect(emailTextFor(withLabel('很长'.repeat(80))).subject.endsWith('…')).toBe(true);
  });

  it('puts both values with their as-of dates, the briefs, the event id and the link in the body', () => {
    const { body } = emailTextFor(change(), { linkBase: 'https://feeds.example.org/' });
    expect(body).toContain('Previous: 2.79% (as of 2020-04-30');
    expect(body).toContain('Current: 2.95% (as of 2020-05-31');
    expect(body).toContain('brief brief-april revision 1');
    expect(body).toContain('brief brief-may revision 1');
    expect(body).toContain('Change: +0.16 pp');
    expect(body).toContain('0f3c2a9be1d84c55a7e6b1c2d3e4f501');
    expect(body).toContain(`https://feeds.example.org/metrics/${encodeURIComponent('cn:城镇登记失业率:%')}`);
    expect(emailTextFor(change()).body).not.toContain('Details:');
  });
});

describe('snsMessageFor', () => {
  it('gives people the text and machines the event, as JSON strings per protocol', () => {
    const subject = change();
    const event = toCloudEvent(subject);
    const message = JSON.parse(snsMessageFor(subject, event, { linkBase: 'https://x.example' }));
    expect(Object.keys(message).sort()).toEqual(
      ['default', 'email', 'email-json', 'http', 'https', 'lambda', 'sqs'].sort(),
    );
    for (const protocol of ['default', 'email-json', 'http', 'https', 'lambda', 'sqs']) {
      expect(JSON.parse(message[protocol])).toEqual(event);
    }
    expect(message.email).toBe(emailTextFor(subject, { linkBase: 'https://x.example' }).body);
  });

  it('cuts the email text short, and says so, when the whole message would pass 256 KiB', () => {
    // Each character is 3 bytes in UTF-8: six copies of the event fit, the seventh (the email text) does not.
    const oversized = withLabel('率'.repeat(13_500));
    const message = snsMessageFor(oversized, toCloudEvent(oversized));
    const attributes = messageAttributesFor(oversized);
    const subject = emailTextFor(oversized).subject;
    expect(snsPublishBytes(message, attributes, subject)).toBeLessThanOrEqual(SNS_MAX_MESSAGE_BYTES);
    const parsed = JSON.parse(message);
    expect(parsed.email.endsWith('[truncated]\n')).toBe(true);
    expect(JSON.parse(parsed.sqs)).toEqual(toCloudEvent(oversized));
  });

  it('refuses an event that cannot fit even without its email text', () => {
    const huge = withLabel('率'.repeat(15_000));
    expect(() => snsMessageFor(huge, toCloudEvent(huge))).toThrow(SnsMessageTooLargeError);
    expect(() => snsMessageFor(huge, toCloudEvent(huge))).toThrow(/0f3c2a9be1d84c55a7e6b1c2d3e4f501/);
  });

  it('counts UTF-8 bytes, attributes and subject included', () => {
    const attributes = { type: { DataType: 'String' as const, StringValue: 'é' } };
    expect(snsPublishBytes('率', attributes, 'ab')).toBe(3 + 2 + 4 + 6 + 2);
    expect(() => assertSnsMessageSize('x'.repeat(SNS_MAX_MESSAGE_BYTES), attributes)).toThrow(/262144/);
    expect(() => assertSnsMessageSize('x'.repeat(SNS_MAX_MESSAGE_BYTES - 20), attributes)).not.toThrow();
  });
});

describe('filterPolicyFor', () => {
  it('maps each filter field to the message attribute it matches', () => {
    expect(
      filterPolicyFor({
        metrics: ['cn:城镇登记失业率:%', 'cn:城镇登记失业率:%'],
        regions: ['cn'],
        types: ['figure.changed', 'figure.revised'],
        minAbsChangePercent: 2.5,
      }),
    ).toEqual({
      metric: ['cn:城镇登记失业率:%'],
      region: ['cn'],
      type: ['figure.changed', 'figure.revised'],
      absChangePercent: [{ numeric: ['>=', 2.5] }],
    });
  });

  it('filters on attributes the publisher actually sets', () => {
    const policy = filterPolicyFor({
      metrics: ['m'],
      regions: ['r'],
      types: ['figure.added'],
      minAbsChangePercent: 1,
    });
    const attributeNames = Object.keys(messageAttributesFor(change()));
    for (const key of Object.keys(policy)) expect(attributeNames).toContain(key);
  });

  it('gives an empty policy, meaning no filter, for an empty filter', () => {
    expect(filterPolicyFor({})).toEqual({});
  });

  it('accepts exactly 150 value combinations and refuses 151 or more, naming the fields', () => {
    const values = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    expect(() => filterPolicyFor({ metrics: values('m', 50), regions: values('r', 3) })).not.toThrow();
    const tooMany = () => filterPolicyFor({ metrics: values('m', 16), regions: values('r', 10) });
    expect(tooMany).toThrow(FilterPolicyError);
    expect(tooMany).toThrow(/160 value combinations \(16 metrics × 10 regions\)/);
  });

  it.each([
    [{ metrics: [] }, 'filter.metrics'],
    [{ regions: ['  '] }, 'filter.regions'],
    [{ minAbsChangePercent: -1 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: Number.NaN }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 0.123456 }, 'filter.minAbsChangePercent'],
    [{ minAbsChangePercent: 2e9 }, 'filter.minAbsChangePercent'],
  ])('refuses %j, naming %s', (filter, field) => {
    const attempt = () => filterPolicyFor(filter);
    expect(attempt).toThrow(FilterPolicyError);
    expect(attempt).toThrow(field);
  });

  it('refuses an unknown event type with the value received', () => {
    const filter = JSON.parse('{"types":["figure.deleted"]}');
    expect(() => filterPolicyFor(filter)).toThrow(/filter\.types.*figure\.deleted/);
  });
});

describe('changeHeadline', () => {
  it('reads the same as the email subject when short', () => {
    expect(changeHeadline(change())).toBe(emailTextFor(change()).subject);
  });
});
