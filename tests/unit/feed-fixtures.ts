// Hand-built changes for the event, notification and feed tests.
import type { RevisionDigest } from '../../functions/core/digest.ts';
import type { Change, Observation } from '../../functions/core/model.ts';

export function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    metric: 'cn:城镇登记失业率:%',
    key: '2020-04-30#2020-05-15T02:00:00Z#brief-april#000001',
    asOf: '2020-04-30',
    publishedAt: '2020-05-15T02:00:00Z',
    briefId: 'brief-april',
    revision: 1,
    figureIndex: 0,
    value: 2.79,
    unit: '%',
    qualifier: 'exact',
    label: '城镇登记失业率',
    kind: 'percent',
    region: 'cn',
    surface: '2.79%',
    ...overrides,
  };
}

/** A figure.changed of the unemployment rate from 2.79% to 2.95%, unless overridden. */
export function change(overrides: Partial<Change> = {}): Change {
  return {
    type: 'figure.changed',
    eventId: '0f3c2a9be1d84c55a7e6b1c2d3e4f501',
    metric: 'cn:城镇登记失业率:%',
    previous: observation(),
    current: observation({
      key: '2020-05-31#2020-06-15T02:00:00Z#brief-may#000001',
      asOf: '2020-05-31',
      publishedAt: '2020-06-15T02:00:00Z',
      briefId: 'brief-may',
      value: 2.95,
      surface: '2.95%',
    }),
    delta: 0.16,
    deltaPercent: 5.7348,
    deltaPoints: 0.16,
    direction: 'up',
    recordedAt: '2020-06-15T02:00:01.250Z',
    ...overrides,
  };
}

/** A first value: no previous observation, nothing to compare. */
export function addedChange(overrides: Partial<Change> = {}): Change {
  return change({
    type: 'figure.added',
    previous: null,
    delta: null,
    deltaPercent: null,
    deltaPoints: null,
    direction: null,
    ...overrides,
  });
}

function allC0Controls(): string {
  return Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');
}

/** Everything guarantee 8 of docs/reliability.md throws at a feed, in one string. */
export const hostileText = [
  'x]]>y]]>z',
  '<script>alert("pwned")</script>',
  'Tom & Jerry\'s "quote"',
  allC0Controls(),
  '\uFFFE\uFFFF',
  'lone \uD800 high, lone \uDC00 low',
  'مرحبا بالعالم \u202Eevil\u202C עברית',
  '😀🇨🇳',
].join(' | ');

/** A change whose every free-text field is hostile. */
export function hostileChange(eventId: string, recordedAt: string): Change {
  const hostile = {
    label: hostileText,
    region: hostileText,
    surface: hostileText,
    briefId: hostileText,
    unit: hostileText,
    metric: hostileText,
  };
  return change({
    eventId,
    recordedAt,
    metric: hostileText,
    previous: observation(hostile),
    current: observation({ ...hostile, value: 2.95, asOf: '2020-05-31' }),
  });
}

/** Code points of `text` that no feed, subject or attribute should carry: C0 (tab, newline too), DEL, C1, U+FFFE/F. */
export function unwantedCodePoints(text: string): number[] {
  return [...text]
    .map((character) => character.codePointAt(0) ?? 0)
    .filter((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff);
}

/** The digest of a brief revision that made these changes: by default the May brief of the fixtures' metric. */
export function digest(changes: Change[], overrides: Partial<RevisionDigest> = {}): RevisionDigest {
  return {
    id: 'brief-may.1.digest',
    briefId: 'brief-may',
    revision: 1,
    headline: '城镇登记失业率升至2.95%',
    language: 'zh',
    region: 'cn',
    publishedAt: '2020-06-15',
    changes,
    time: '2020-06-15T02:00:01.250Z',
    ...overrides,
  };
}

/** The second sample edition's digest, as its readers get it. */
export const dalianJobsDigest = {
  id: 'dalian-jobs-2020-06.1.digest',
  briefId: 'dalian-jobs-2020-06',
  headline: '大连城镇新增就业突破5万人',
  region: '大连',
  publishedAt: '2020-06-15T08:00:00+08:00',
  time: '2020-06-15T00:00:02.000Z',
} satisfies Partial<RevisionDigest>;
