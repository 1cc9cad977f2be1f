// docs/reliability.md, guarantee 8: hostile text in briefs → RSS and Atom that libxml2 parses strictly with no injected
// element, and a JSON Feed that parses; control characters a brief may not hold are refused at the door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, xmllint, xpathNumber } from '../support/sandbox-harness.ts';

interface JsonFeed {
  version: string;
  items: { id: string; title: string; content_text?: string }[];
}

const hostile = {
  cdataEnd: ']]>still text]]>',
  script: '<script>alert(1)</script>',
  markup: '&amp; & &lt; "双引号" \'单引号\' <b>粗</b> <![CDATA[x]]>',
  allowedControls: '制表\t换行\n回车\r',
  nonCharacter: '\uFFFE\uFFFF',
  bidiAndEmoji: '\u202Eשלום مرحبا\u202C 😀👩‍👩‍👧',
};

/** Hostile text placed where the extractor takes labels from, so it travels into events and feed items. */
const hostileBriefs = Object.entries(hostile).map(([name, text], index) => ({
  id: `hostile-${name}`,
  headline: `${text}城镇新增就业${1000 + index}人${text}`,
  body: `${text}截至6月30日，${text}城镇新增就业${1000 + index}人。${text}失业率为${(3 + index / 10).toFixed(1)}%。${text}`,
  publishedAt: '2020-07-01T08:00:00+08:00',
  region: `${text}区`.replace(/[\t\n\r]/g, ' ').trim(),
}));

let harness: Harness;
const feeds = new Map<string, string>();

beforeAll(async () => {
  harness = await startHarness('feed-safety');
  for (const brief of hostileBriefs) {
    const answer = await harness.post('/briefs', brief);
    expect(answer.status, `${brief.id}: ${answer.text}`).toBe(201);
  }
  await harness.settled();
  for (const path of ['/feed.rss', '/feed.atom', '/feed.json']) {
    const feed = await harness.request(`${path}?limit=200`);
    expect(feed.status, path).toBe(200);
    feeds.set(path, feed.text);
  }
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('feeds of briefs full of hostile text', () => {
  it('holds an item for every change the hostile briefs caused', async () => {
    const changes = await harness.changes();
    expect(changes.length).toBeGreaterThanOrEqual(hostileBriefs.length * 2);
    for (const feed of feeds.values()) {
      for (const event of changes) expect(feed).toContain(`urn:updates-feed:event:${event.id}`);
    }
  });

  it.each(['/feed.rss', '/feed.atom'])('%s parses with xmllint and holds no injected element', (path) => {
    const document = feeds.get(path) ?? '';
    expect(() => xmllint(document)).not.toThrow();
    expect(xpathNumber(document, 'count(//*[local-name()="script"])')).toBe(0);
    expect(xpathNumber(document, 'count(//*[local-name()="b"])')).toBe(0);
    // Titles and descriptions are HTML inside CDATA: a reader renders that HTML, so it must hold no markup either.
    const html = document.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    expect(html).not.toMatch(/<script|<b>/i);
    // The hostile text is kept as text, escaped, not dropped.
    expect(document).toContain('alert(1)');
  });

  it('serves a JSON Feed that parses and keeps the text as text', () => {
    const feed = JSON.parse(feeds.get('/feed.json') ?? '') as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.length).toBeGreaterThanOrEqual(hostileBriefs.length * 2);
    expect(JSON.stringify(feed.items)).toContain('<script>alert(1)</script>');
    // Plain text only: no item offers HTML a reader would render.
    expect(feed.items.filter((item) => 'content_html' in item)).toEqual([]);
  });

  it('refuses every C0 control character but tab, newline and return, and DEL, with 400 naming it', async () => {
    const refused = [
      ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
      0x7f,
    ];
    for (const code of refused) {
      const character = String.fromCharCode(code);
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      const answer = await harness.post<{ error: { message: string } }>('/briefs', {
        id: `control-${code}`,
        headline: `就业${character}1000人`,
        body: `城镇新增就业${character}1000人。`,
        publishedAt: '2020-07-01T08:00:00+08:00',
      });
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.message, name).toContain(name);
      expect((await harness.request(`/briefs/control-${code}`)).status, name).toBe(404);
    }
  });

  it('refuses lone surrogates with 400', async () => {
    const answer = await harness.post(
      '/briefs',
      '{"id":"lone-surrogate","headline":"\\udc00就业1000人","body":"就业1000人\\ud800","publishedAt":"2020-07-01T08:00:00Z"}',
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/surrogate/);
  });
});
