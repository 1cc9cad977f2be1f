import { describe, expect, it } from 'vitest';
import { isValidSubject, maxMessageBytes, messageSizeBytes } from '../../functions/adapters/sns/limits.ts';
import {
  digestAttributesFor,
  digestSubjectFor,
  messageAttributesFor,
  SnsMessageTooLargeError,
  snsDigestMessageFor,
  snsMessageFor,
  subjectFor,
} from '../../functions/adapters/sns/message.ts';
import { changeEmailText, digestEmailText } from '../../functions/core/change-text.ts';
import { parseDigestEvent, toCloudEvent, toDigestEvent } from '../../functions/core/events.ts';
import type { Change } from '../../functions/core/model.ts';
import {
  addedChange,
  change,
  dalianJobsDigest,
  digest,
  hostileText,
  observation,
  unwantedCodePoints,
} from './feed-fixtures.ts';

/** SNS attribute names: letters, digits, `_-.`, no leading/trailing/double dot, no AWS./Amazon. prefix. */
const legalAttributeName = /^(?!AWS\.|Amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/;

function withLabel(label: string): Change {
  const base = change();
  return change({ current: { ...base.current, label } });
}

const jobsAdded = addedChange({
  current: observation({ label: 'jobs added', unit: 'people', value: 42303, surface: '', language: 'en' }),
});

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

describe('subjectFor', () => {
  it('is the headline in the brief’s language, Chinese included', () => {
    expect(subjectFor(change())).toBe('城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
    expect(subjectFor(jobsAdded)).toBe('jobs added 42,303 people (new)');
  });

  it('always gives a subject SNS accepts, whatever the label, keeping the move', () => {
    for (const label of ['very long label '.repeat(30), hostileText, '😀'.repeat(120), '率'.repeat(200)]) {
      const subject = subjectFor(withLabel(label));
      expect(isValidSubject(subject), subject).toBe(true);
      expect(subject).toContain('2.79% → 2.95%');
    }
  });
});

describe('isValidSubject', () => {
  it('takes UTF-8 text under 100 characters without line breaks or control characters', () => {
    expect(isValidSubject('城镇登记失业率 2.79% → 2.85%（+0.06个百分点）')).toBe(true);
    expect(isValidSubject('x'.repeat(99))).toBe(true);
    expect(isValidSubject('x'.repeat(100))).toBe(false);
    expect(isValidSubject('😀'.repeat(50))).toBe(false);
    for (const bad of ['', ' leading space', 'a\nb', 'a\u2028b', 'tab\there', 'lone \ud800']) {
      expect(isValidSubject(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('snsMessageFor', () => {
  it('gives people the text and every other protocol the event, once, as JSON strings', () => {
    const subject = change();
    const event = toCloudEvent(subject);
    const { message } = snsMessageFor(subject, event, { linkBase: 'https://x.example' });
    const bodies = JSON.parse(message);
    expect(Object.keys(bodies).sort()).toEqual(['default', 'email']);
    expect(JSON.parse(bodies.default)).toEqual(event);
    expect(bodies.email).toBe(changeEmailText(subject, 'https://x.example'));
  });

  it('carries the subject, the attributes and the size SNS counts, computed together', () => {
    const prepared = snsMessageFor(change(), toCloudEvent(change()));
    expect(prepared.subject).toBe(subjectFor(change()));
    expect(prepared.attributes).toEqual(messageAttributesFor(change()));
    expect(prepared.bytes).toBe(messageSizeBytes(prepared.message, prepared.attributes));
  });

  it('cuts the email text short, and says so, when the whole message would pass 256 KiB', () => {
    // Each character is 3 bytes in UTF-8: the event (label and metric once each) fits, the email text not with it.
    const oversized = withLabel('率'.repeat(50_000));
    const { message, attributes, bytes } = snsMessageFor(oversized, toCloudEvent(oversized));
    expect(messageSizeBytes(message, attributes)).toBe(bytes);
    expect(bytes).toBeLessThanOrEqual(maxMessageBytes);
    const parsed = JSON.parse(message);
    expect(parsed.email.endsWith('[truncated]\n')).toBe(true);
    expect(JSON.parse(parsed.default)).toEqual(toCloudEvent(oversized));
  });

  it('refuses an event that cannot fit even without its email text', () => {
    const huge = withLabel('率'.repeat(90_000));
    expect(() => snsMessageFor(huge, toCloudEvent(huge))).toThrow(SnsMessageTooLargeError);
    expect(() => snsMessageFor(huge, toCloudEvent(huge))).toThrow(/0f3c2a9be1d84c55a7e6b1c2d3e4f501/);
  });
});

describe('messageSizeBytes', () => {
  it('counts UTF-8 bytes of the body and of each attribute name, type and value', () => {
    const attributes = { type: { DataType: 'String', StringValue: 'é' } };
    expect(messageSizeBytes('率', attributes)).toBe(3 + 4 + 6 + 2);
  });
});

const digestOf = (changes: Change[]) => digest(changes, dalianJobsDigest);

/** `count` changes of distinct metrics, figure by figure, as a long brief would make them. */
function manyChanges(count: number): Change[] {
  return Array.from({ length: count }, (_, index) =>
    change({
      eventId: `dalian-jobs-2020-06.1.${index}`,
      metric: `大连:规模以上工业企业复工率${index}:%`,
      current: observation({
        ...change().current,
        label: `规模以上工业企业复工率${index}`,
        region: '大连',
        figureIndex: index,
      }),
    }),
  );
}

describe('digestAttributesFor', () => {
  it('says digest, and carries the metrics, regions and types of all its changes and the largest move', () => {
    const fall = change({
      metric: 'cn:jobs:people',
      deltaPercent: -12.5,
      direction: 'down',
      current: observation({ region: '大连' }),
    });
    expect(digestAttributesFor(digestOf([change(), addedChange(), fall]))).toEqual({
      type: { DataType: 'String', StringValue: 'brief.digest' },
      metric: {
        DataType: 'String.Array',
        StringValue: JSON.stringify(['cn:城镇登记失业率:%', 'cn:jobs:people']),
      },
      region: { DataType: 'String.Array', StringValue: JSON.stringify(['cn', '大连']) },
      changeType: {
        DataType: 'String.Array',
        StringValue: JSON.stringify(['figure.changed', 'figure.added']),
      },
      absChangePercent: { DataType: 'Number', StringValue: '12.5' },
    });
  });

  it('has no absolute change when every change is a first value, as a single figure.added has none', () => {
    expect(digestAttributesFor(digestOf([addedChange()])).absChangePercent).toBeUndefined();
  });
});

describe('snsDigestMessageFor', () => {
  it('names the brief and the number of its changes in the subject', () => {
    expect(digestSubjectFor(digestOf(manyChanges(3)))).toBe('大连城镇新增就业突破5万人（3项变化）');
    const long = { ...digestOf(manyChanges(3)), headline: '很长的标题'.repeat(100) };
    expect(isValidSubject(digestSubjectFor(long))).toBe(true);
    expect(digestSubjectFor(long).endsWith('…（3项变化）')).toBe(true);
  });

  it('lists every change of a small revision, to people and to machines', () => {
    const digest = digestOf(manyChanges(3));
    const { message } = snsDigestMessageFor(digest, { linkBase: 'https://news.example.org' });
    const bodies = JSON.parse(message);
    expect(Object.keys(bodies).sort()).toEqual(['default', 'email']);
    expect(parseDigestEvent(JSON.parse(bodies.default))).toEqual(toDigestEvent(digest));
    expect(bodies.email).toBe(digestEmailText(digest, 3, 'https://news.example.org'));
  });

  it('fits a revision of 500 changes in one message, listing as many as fit and saying how many do not', () => {
    const digest = digestOf(manyChanges(500));
    const prepared = snsDigestMessageFor(digest, { linkBase: 'https://news.example.org' });
    expect(prepared.bytes).toBeLessThanOrEqual(maxMessageBytes);
    expect(prepared.bytes).toBe(messageSizeBytes(prepared.message, prepared.attributes));
    const bodies = JSON.parse(prepared.message);
    const event = parseDigestEvent(JSON.parse(bodies.default));
    const listed = event.data.changes.length;
    expect(event.data.changeCount).toBe(500);
    expect(listed).toBeGreaterThan(100);
    expect(listed).toBeLessThan(500);
    expect(event.data.changes.map((entry) => entry.id)).toEqual(
      digest.changes.slice(0, listed).map((entry) => entry.eventId),
    );
    expect(bodies.email).toBe(digestEmailText(digest, listed, 'https://news.example.org'));
    expect(bodies.email).toContain(`另有${500 - listed}项变化未列出。`);
    expect(bodies.email).toContain('https://news.example.org/brief/dalian-jobs-2020-06');
    // Filtering sees every change, also those the message does not list.
    expect(JSON.parse(prepared.attributes.metric?.StringValue ?? '[]')).toHaveLength(500);
    // One more change listed would not have fitted.
    expect(
      messageSizeBytes(
        JSON.stringify({
          default: JSON.stringify(toDigestEvent(digest, listed + 1)),
          email: digestEmailText(digest, listed + 1, 'https://news.example.org'),
        }),
        prepared.attributes,
      ),
    ).toBeGreaterThan(maxMessageBytes);
  });

  it('refuses a digest that cannot fit even with no change listed', () => {
    const huge = digestOf(
      manyChanges(200).map((each, index) => ({ ...each, metric: `${'率'.repeat(500)}${index}` })),
    );
    expect(() => snsDigestMessageFor(huge)).toThrow(SnsMessageTooLargeError);
    expect(() => snsDigestMessageFor(huge)).toThrow(/digest dalian-jobs-2020-06\.1\.digest .* 200 changes/);
  });
});
