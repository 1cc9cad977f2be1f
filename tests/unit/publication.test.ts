import { describe, expect, it } from 'vitest';
import { readConfig } from '../../functions/config.ts';
import { briefSchema, publicationInstant, startOfDay } from '../../functions/core/brief.ts';
import { ValidationError } from '../../functions/core/errors.ts';
import { parseWith } from '../../functions/core/validate.ts';

const brief = (publishedAt: string) => ({
  headline: '某市新增就业1000人',
  body: '某市新增就业1000人。',
  publishedAt,
});

function refusal(publishedAt: string): ValidationError {
  try {
    parseWith(briefSchema, brief(publishedAt), 'brief');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`publishedAt ${publishedAt} was accepted`);
}

describe('publishedAt of a brief', () => {
  it.each(['2020-05-14', '2020-05-14T08:00:00+08:00', '2020-05-14T00:00:00Z', '2020-05-14T08:00:00.5-03:30'])(
    'accepts %s',
    (publishedAt) => {
      expect(parseWith(briefSchema, brief(publishedAt), 'brief').publishedAt).toBe(publishedAt);
    },
  );

  it.each(['2020-05-14T08:00:00', '2020-05-14 08:00:00+08:00', '2020-02-30', '14.05.2020', 'yesterday'])(
    'refuses %s, naming the field, the value and the accepted forms',
    (publishedAt) => {
      const error = refusal(publishedAt);
      expect(error.issues).toEqual([{ path: 'publishedAt', message: expect.stringContaining(publishedAt) }]);
      expect(error.message).toContain(`publishedAt: must be a date (2020-05-14`);
      expect(error.message).toContain('or a date-time with an offset (2020-05-14T08:00:00+08:00');
      expect(error.message).toContain(`(received "${publishedAt}")`);
    },
  );
});

describe('the instant of a publication', () => {
  it('keeps a date-time with an offset as it is', () => {
    expect(publicationInstant('2020-05-14T08:00:00+08:00', 'America/New_York').toISOString()).toBe(
      '2020-05-14T00:00:00.000Z',
    );
  });

  it('starts a day at midnight in the newsroom’s time zone', () => {
    expect(publicationInstant('2020-05-14', 'Asia/Shanghai').toISOString()).toBe('2020-05-13T16:00:00.000Z');
    expect(publicationInstant('2020-05-14', 'UTC').toISOString()).toBe('2020-05-14T00:00:00.000Z');
    expect(publicationInstant('2020-07-01', 'America/New_York').toISOString()).toBe(
      '2020-07-01T04:00:00.000Z',
    );
    expect(publicationInstant('2020-01-01', 'America/New_York').toISOString()).toBe(
      '2020-01-01T05:00:00.000Z',
    );
    expect(publicationInstant('2020-05-14', 'Pacific/Kiritimati').toISOString()).toBe(
      '2020-05-13T10:00:00.000Z',
    );
  });

  it('starts a day whose midnight a clock change skipped at the first instant that exists', () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
    expect(startOfDay('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('orders a day before every date-time of that day in the same zone', () => {
    const day = publicationInstant('2020-05-14', 'Asia/Shanghai').getTime();
    expect(day).toBeLessThan(publicationInstant('2020-05-14T00:00:01+08:00', 'Asia/Shanghai').getTime());
    expect(day).toBeGreaterThan(publicationInstant('2020-05-13T23:59:59+08:00', 'Asia/Shanghai').getTime());
  });
});

describe('the newsroom time zone setting', () => {
  it('defaults to Asia/Shanghai and takes any IANA zone', () => {
    expect(readConfig({}).NEWSROOM_TIME_ZONE).toBe('Asia/Shanghai');
    expect(readConfig({ NEWSROOM_TIME_ZONE: 'Europe/Berlin' }).NEWSROOM_TIME_ZONE).toBe('Europe/Berlin');
  });

  it('refuses a name that is no time zone, naming the key and the value', () => {
    expect(() => readConfig({ NEWSROOM_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /NEWSROOM_TIME_ZONE: must be an IANA time zone such as Asia\/Shanghai \(received "Mars\/Olympus"\)/,
    );
  });

  it('refuses a settle window shorter than a change put attempt can take', () => {
    expect(readConfig({}).CHANGES_SETTLE_MS).toBe(10_000);
    expect(() => readConfig({ CHANGES_SETTLE_MS: '0' })).toThrow(/CHANGES_SETTLE_MS: .*3000/);
  });
});
