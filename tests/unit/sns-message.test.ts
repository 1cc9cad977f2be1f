import { describe, expect, it } from 'vitest';
import { isPortableSubject, maxMessageBytes, messageSizeBytes } from '../../functions/adapters/sns/limits.ts';
import {
  emailBody,
  messageAttributesFor,
  SnsMessageTooLargeError,
  snsMessageFor,
  subjectFor,
} from '../../functions/adapters/sns/message.ts';
import { changeDetails } from '../../functions/core/change-text.ts';
import { toCloudEvent } from '../../functions/core/events.ts';
import type { Change } from '../../functions/core/model.ts';
import { addedChange, change, hostileText, observation, unwantedCodePoints } from './feed-fixtures.ts';

/** SNS attribute names: letters, digits, `_-.`, no leading/trailing/double dot, no AWS./Amazon. prefix. */
const legalAttributeName = /^(?!AWS\.|Amazon\.)(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/;

function withLabel(label: string): Change {
  const base = change();
  return change({ current: { ...base.current, label } });
}

const jobsAdded = addedChange({
  current: observation({ label: 'jobs added', unit: 'people', value: 42303, surface: '' }),
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
  it('keeps a printable ASCII headline as it is', () => {
    expect(subjectFor(jobsAdded)).toBe('jobs added 42,303 people (new)');
  });

  it('replaces a non-ASCII headline with the event type and an ASCII identity', () => {
    expect(subjectFor(change({ metric: 'us:jobs:people' }))).toBe(
      'updates-feed: figure.changed us:jobs:people',
    );
    expect(subjectFor(change())).toBe(`updates-feed: figure.changed ${change().eventId}`);
  });

  it('always gives a subject SNS accepts, whatever the label', () => {
    for (const label of ['very long label '.repeat(30), hostileText, '😀'.repeat(120)]) {
      expect(isPortableSubject(subjectFor(withLabel(label)))).toBe(true);
    }
  });
});

describe('emailBody', () => {
  it('gives the facts, the event id and, when the API is known, the link to the metric’s page', () => {
    const body = emailBody(change(), { linkBase: 'https://feeds.example.org/' });
    expect(body.startsWith(changeDetails(change()).join('\n'))).toBe(true);
    expect(body).toContain('Event id: 0f3c2a9be1d84c55a7e6b1c2d3e4f501');
    expect(body).toContain(
      `Details: https://feeds.example.org/metric/${encodeURIComponent('cn:城镇登记失业率:%')}`,
    );
    expect(emailBody(change())).not.toContain('Details:');
  });
});

describe('snsMessageFor', () => {
  it('gives people the text and machines the event, as JSON strings per protocol', () => {
    const subject = change();
    const event = toCloudEvent(subject);
    const { message } = snsMessageFor(subject, event, { linkBase: 'https://x.example' });
    const bodies = JSON.parse(message);
    expect(Object.keys(bodies).sort()).toEqual(
      ['default', 'email', 'email-json', 'http', 'https', 'lambda', 'sqs'].sort(),
    );
    for (const protocol of ['default', 'email-json', 'http', 'https', 'lambda', 'sqs']) {
      expect(JSON.parse(bodies[protocol])).toEqual(event);
    }
    expect(bodies.email).toBe(emailBody(subject, { linkBase: 'https://x.example' }));
  });

  it('carries the subject, the attributes and the size SNS counts, computed together', () => {
    const prepared = snsMessageFor(change(), toCloudEvent(change()));
    expect(prepared.subject).toBe(subjectFor(change()));
    expect(prepared.attributes).toEqual(messageAttributesFor(change()));
    expect(prepared.bytes).toBe(messageSizeBytes(prepared.message, prepared.attributes));
  });

  it('cuts the email text short, and says so, when the whole message would pass 256 KiB', () => {
    // Each character is 3 bytes in UTF-8: six copies of the event fit, the seventh (the email text) does not.
    const oversized = withLabel('率'.repeat(13_500));
    const { message, attributes, bytes } = snsMessageFor(oversized, toCloudEvent(oversized));
    expect(messageSizeBytes(message, attributes)).toBe(bytes);
    expect(bytes).toBeLessThanOrEqual(maxMessageBytes);
    const parsed = JSON.parse(message);
    expect(parsed.email.endsWith('[truncated]\n')).toBe(true);
    expect(JSON.parse(parsed.sqs)).toEqual(toCloudEvent(oversized));
  });

  it('refuses an event that cannot fit even without its email text', () => {
    const huge = withLabel('率'.repeat(15_000));
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
