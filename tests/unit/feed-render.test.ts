import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { parseChangeEvent, toCloudEvent } from '../../functions/core/events.ts';
import { feedExtension } from '../../functions/core/feeds/extension.ts';
import { type FeedFormat, feedItemId, renderFeed } from '../../functions/core/feeds/index.ts';
import { assertSafeXmlDocument, FeedRenderError } from '../../functions/core/feeds/sanitize.ts';
import type { Change } from '../../functions/core/model.ts';
import {
  addedChange,
  change,
  hostileChange,
  hostileText,
  observation,
  unwantedCodePoints,
} from './feed-fixtures.ts';

const XMLLINT = '/usr/bin/xmllint';
const options = { baseUrl: 'https://feeds.example.org/prod', selfPath: '/feed.rss?metric=a&region=b' };

function xmllint(xml: string, ...args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync(XMLLINT, [...args, '-'], { input: xml, encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

function xpath(xml: string, expression: string): string {
  const result = xmllint(xml, '--xpath', expression);
  if (!result.ok) throw new Error(`xmllint --xpath ${expression} failed: ${result.stderr}`);
  return result.stdout.trim();
}

function expectStrictlyWellFormed(xml: string): void {
  const result = xmllint(xml, '--noout');
  expect(result.stderr).toBe('');
  expect(result.ok).toBe(true);
}

const injectedElements = 'count(//*[local-name()="script" or local-name()="img" or local-name()="iframe"])';

const xmlFormats = ['rss', 'atom'] as const;

const hostileChanges: Change[] = [
  hostileChange('e-hostile-1', '2024-03-01T10:00:00Z'),
  hostileChange('e-hostile-2]]>\uD800', '2024-03-01T11:00:00Z'),
];

describe.each(xmlFormats)('%s under hostile text', (format) => {
  const rendered = renderFeed(format, hostileChanges, {
    ...options,
    title: hostileText,
    filter: { metric: hostileText },
  });

  it('is a document a strict XML parser accepts', () => {
    expectStrictlyWellFormed(rendered.body);
  });

  it('contains no element the text tried to inject', () => {
    expect(xpath(rendered.body, injectedElements)).toBe('0');
  });

  it('keeps the readable parts of the text: RTL scripts, emoji, the escaped markup', () => {
    const titles = xpath(
      rendered.body,
      'string((//*[local-name()="item" or local-name()="entry"])[1]/*[local-name()="title"])',
    );
    expect(titles).toContain('مرحبا بالعالم');
    expect(titles).toContain('עברית');
    expect(titles).toContain('😀🇨🇳');
    expect(titles).toContain('&lt;script&gt;');
    expect(titles).toContain('x]]&gt;y]]&gt;z');
    expect(titles).toContain('\uFFFD');
  });

  it('has exactly one item per change', () => {
    expect(xpath(rendered.body, 'count(//*[local-name()="item" or local-name()="entry"])')).toBe('2');
  });
});

describe('every C0 control character, one at a time', () => {
  it.each(xmlFormats)('leaves %s well-formed', (format) => {
    for (let code = 0; code < 0x20; code++) {
      const text = `before${String.fromCharCode(code)}after`;
      const subject = change({ current: observation({ label: text, surface: text, region: text }) });
      const { body } = renderFeed(format, [subject], { ...options, title: text });
      const result = xmllint(body, '--noout');
      expect(result.ok, `U+${code.toString(16).padStart(4, '0')}: ${result.stderr}`).toBe(true);
    }
  });
});

describe('random UTF-16 text, lone surrogates and all', () => {
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const anyText = fc.string({ unit: codeUnit, maxLength: 40 });

  it('always renders documents xmllint accepts', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom(...xmlFormats), (label, surface, format) => {
        const subject = change({ current: observation({ label, surface, briefId: surface }) });
        const { body } = renderFeed(format, [subject], { ...options, title: label });
        expect(xmllint(body, '--noout').stderr).toBe('');
      }),
      { numRuns: 60 },
    );
  });
});

describe('the feed package on its own', () => {
  it('produces a document xmllint rejects, which is why everything passes the sanitizer first', () => {
    const feed = new Feed({ title: 'raw', id: 'urn:raw', link: 'https://example.org' });
    feed.addItem({
      title: 'a ]]> b ]]> <script>x</script>\u0001',
      link: 'https://example.org/1',
      date: new Date(0),
    });
    const raw = feed.rss2();
    expect(xmllint(raw, '--noout').ok).toBe(false);
    expect(() => assertSafeXmlDocument(raw)).toThrow(FeedRenderError);
  });
});

describe('JSON Feed', () => {
  const rendered = renderFeed('json', hostileChanges, { ...options, title: hostileText });
  const feed = JSON.parse(rendered.body);

  it('is JSON Feed 1.1 with one item per change', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(2);
    expect(rendered.contentType).toBe('application/feed+json; charset=utf-8');
  });

  it('carries plain, well-formed text without control characters', () => {
    for (const item of feed.items) {
      expect(typeof item.content_text).toBe('string');
      expect(item.content_text.isWellFormed()).toBe(true);
      expect(unwantedCodePoints(item.title)).toEqual([]);
      expect(item.content_text).toContain('<script>');
    }
  });

  it('carries each item’s change as the CloudEvent the topic carries, in the _updates_feed extension', () => {
    const events = feed.items.map((item: Record<string, { event: unknown }>) => item[feedExtension]?.event);
    // Newest first, like the items; the event parses as the contract says, hostile text and all.
    expect(events).toEqual([...hostileChanges].reverse().map(toCloudEvent));
    for (const event of events) expect(parseChangeEvent(event)).toEqual(event);
    expect(feedExtension).toMatch(/^_[a-z]/);
  });

  it('keeps RSS and Atom free of the extension', () => {
    for (const format of xmlFormats)
      expect(renderFeed(format, hostileChanges, options).body).not.toContain(feedExtension);
  });
});

describe('items', () => {
  const changes = [
    change({ eventId: 'older', recordedAt: '2024-01-01T00:00:00Z' }),
    addedChange({ eventId: 'newest', recordedAt: '2024-02-01T00:00:00Z', metric: 'cn:新增就业:人' }),
  ];

  function idsOf(format: FeedFormat, input: Change[]): string[] {
    const { body } = renderFeed(format, input, options);
    if (format === 'json') return JSON.parse(body).items.map((item: { id: string }) => item.id);
    const element = format === 'rss' ? 'guid' : 'id';
    const count = Number(xpath(body, 'count(//*[local-name()="item" or local-name()="entry"])'));
    return Array.from({ length: count }, (_, index) =>
      xpath(
        body,
        `string((//*[local-name()="item" or local-name()="entry"])[${index + 1}]/*[local-name()="${element}"])`,
      ),
    );
  }

  it('have the same stable id in all three formats, newest first', () => {
    const expected = ['urn:updates-feed:event:newest', 'urn:updates-feed:event:older'];
    expect(idsOf('rss', changes)).toEqual(expected);
    expect(idsOf('atom', changes)).toEqual(expected);
    expect(idsOf('json', changes)).toEqual(expected);
  });

  it('keep their ids when other changes arrive', () => {
    const later = [change({ eventId: 'later', recordedAt: '2024-03-01T00:00:00Z' }), ...changes];
    expect(idsOf('atom', later).slice(1)).toEqual(idsOf('atom', changes));
  });

  it('escape an event id that is not URI-safe', () => {
    expect(feedItemId(change({ eventId: 'a b/c' }))).toBe('urn:updates-feed:event:a%20b%2Fc');
  });

  it('link to the metric’s page, not its JSON, and say what moved in the title', () => {
    const feed = JSON.parse(renderFeed('json', changes, options).body);
    expect(feed.items[1].url).toBe(
      `https://feeds.example.org/prod/metric/${encodeURIComponent('cn:城镇登记失业率:%')}`,
    );
    expect(feed.items[1].title).toBe('城镇登记失业率 2.79% → 2.95%（+0.16个百分点）');
    expect(feed.items[1].date_published).toBe('2024-01-01T00:00:00.000Z');
    expect(feed.items[1].tags).toEqual(['figure.changed']);
  });
});

describe('the feed document', () => {
  const changes = [
    change({ eventId: 'a', recordedAt: '2024-01-01T00:00:00Z' }),
    change({ eventId: 'b', recordedAt: '2024-02-01T08:30:00Z' }),
  ];

  it('is the same byte for byte on every render of the same changes, in any input order', () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect(renderFeed(format, changes, options).body).toBe(
        renderFeed(format, [...changes].reverse(), options).body,
      );
    }
  });

  it('dates itself by its newest change, not by the clock', () => {
    const atom = renderFeed('atom', changes, options).body;
    expect(xpath(atom, 'string(/*[local-name()="feed"]/*[local-name()="updated"])')).toBe(
      '2024-02-01T08:30:00.000Z',
    );
    const rss = renderFeed('rss', changes, options).body;
    expect(xpath(rss, 'string(//lastBuildDate)')).toBe('Thu, 01 Feb 2024 08:30:00 GMT');
    const empty = renderFeed('atom', [], options).body;
    expect(xpath(empty, 'string(/*[local-name()="feed"]/*[local-name()="updated"])')).toBe(
      '1970-01-01T00:00:00.000Z',
    );
  });

  it('links to itself and names its filter in the title', () => {
    const atom = renderFeed('atom', changes, {
      ...options,
      filter: { region: 'cn', type: 'figure.changed' },
    }).body;
    expect(xpath(atom, 'string(//*[local-name()="link"][@rel="self"]/@href)')).toBe(
      'https://feeds.example.org/prod/feed.rss?metric=a&region=b',
    );
    expect(xpath(atom, 'string(/*[local-name()="feed"]/*[local-name()="title"])')).toBe(
      'updates-feed: figure changes (region cn, type figure.changed)',
    );
  });

  it('answers with the content type of its format', () => {
    expect(renderFeed('rss', [], options).contentType).toBe('application/rss+xml; charset=utf-8');
    expect(renderFeed('atom', [], options).contentType).toBe('application/atom+xml; charset=utf-8');
  });

  it('refuses a base URL that is not absolute http(s), naming it', () => {
    expect(() => renderFeed('rss', changes, { ...options, baseUrl: '/relative' })).toThrow(
      /baseUrl.*\/relative/,
    );
    expect(() => renderFeed('rss', changes, { ...options, baseUrl: 'javascript:alert(1)' })).toThrow(
      FeedRenderError,
    );
  });

  it('refuses a change whose recordedAt is not a date, naming the event', () => {
    expect(() => renderFeed('rss', [change({ recordedAt: 'soon' })], options)).toThrow(/recordedAt "soon"/);
  });
});
