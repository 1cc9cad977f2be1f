// RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents of figure changes; every string passes the sanitizer first.
import { Feed, type Item } from 'feed';
import { changeDetails, changeHeadline, metricPageUrl } from '../change-text.ts';
import { toCloudEvent } from '../events.ts';
import type { Change } from '../model.ts';
import type { ChangeFilter } from '../ports.ts';
import { type FeedExtension, feedExtension } from './extension.ts';
import {
  assertSafeXmlDocument,
  escapeHtml,
  FeedRenderError,
  toSingleLine,
  toXmlSafeText,
} from './sanitize.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedOptions {
  /** Absolute http(s) URL the routes live under, without a trailing slash (a stage path is fine). */
  baseUrl: string;
  /** Path and query of the feed itself, e.g. `/feed.atom?metric=x`. */
  selfPath: string;
  /** Replaces the default title 'updates-feed: figure changes'. */
  title?: string;
  /** Described in the title, so that a filtered feed says what it holds. */
  filter?: ChangeFilter;
}

export interface RenderedFeed {
  body: string;
  contentType: string;
}

const DEFAULT_TITLE = 'updates-feed: figure changes';
const AUTHOR = { name: 'updates-feed' };
const DESCRIPTION =
  'Figures extracted from news briefs, as they are added, change, are revised or backfilled';
/** An empty feed's `updated`: a fixed instant keeps its body, and so its ETag, the same on every request. */
const EPOCH = new Date(0);

const contentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The item id, the same in all three formats and across renders. */
export function feedItemId(change: Change): string {
  return `urn:updates-feed:event:${encodeURIComponent(change.eventId.toWellFormed())}`;
}

export function feedTitle(options: Pick<FeedOptions, 'title' | 'filter'>): string {
  const base = options.title ?? DEFAULT_TITLE;
  const filter = options.filter ?? {};
  const parts = [
    filter.metric === undefined ? undefined : `metric ${filter.metric}`,
    filter.region === undefined ? undefined : `region ${filter.region}`,
    filter.type === undefined ? undefined : `type ${filter.type}`,
  ].filter((part) => part !== undefined);
  return toSingleLine(parts.length === 0 ? base : `${base} (${parts.join(', ')})`);
}

function absoluteBaseUrl(baseUrl: string): string {
  const parsed = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new FeedRenderError(`baseUrl must be an absolute http(s) URL: received ${JSON.stringify(baseUrl)}`);
  }
  return baseUrl.replace(/\/+$/, '');
}

function timeOf(change: Change): Date {
  const time = new Date(change.recordedAt);
  if (Number.isNaN(time.getTime())) {
    throw new FeedRenderError(
      `change ${change.eventId} has recordedAt ${JSON.stringify(change.recordedAt)}, not an ISO date-time`,
    );
  }
  return time;
}

interface FeedEntry {
  id: string;
  url: string;
  title: string;
  text: string;
  date: Date;
  type: Change['type'];
  change: Change;
}

function entriesOf(changes: Change[], baseUrl: string): FeedEntry[] {
  return changes
    .map((change) => ({
      id: feedItemId(change),
      url: metricPageUrl(baseUrl, change.metric),
      title: changeHeadline(change),
      text: toXmlSafeText(changeDetails(change).join('\n')),
      date: timeOf(change),
      type: change.type,
      change,
    }))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function htmlParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br/>')}</p>`)
    .join('');
}

function xmlFeed(
  format: 'rss' | 'atom',
  entries: FeedEntry[],
  title: string,
  baseUrl: string,
  selfUrl: string,
) {
  const feed = new Feed({
    id: selfUrl,
    title,
    link: baseUrl,
    feed: selfUrl,
    updated: entries[0]?.date ?? EPOCH,
    generator: 'updates-feed',
    author: AUTHOR,
    description: DESCRIPTION,
  });
  for (const entry of entries) {
    // The library puts titles and descriptions in CDATA and marks them as HTML: escaped, they hold no markup
    // and no `]]>`.
    const item: Item = {
      id: entry.id,
      link: entry.url,
      title: escapeHtml(entry.title),
      description: htmlParagraphs(entry.text),
      date: entry.date,
      category: [{ name: entry.type, term: entry.type }],
    };
    feed.addItem(item);
  }
  return assertSafeXmlDocument(format === 'rss' ? feed.rss2() : feed.atom1());
}

/**
 * JSON Feed 1.1 written directly: the library's json1() declares version 1 and offers only content_html,
 * where these items are plain text.
 */
function jsonFeed(entries: FeedEntry[], title: string, baseUrl: string, selfUrl: string): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title,
      home_page_url: baseUrl,
      feed_url: selfUrl,
      description: DESCRIPTION,
      authors: [AUTHOR],
      items: entries.map((entry) => ({
        id: entry.id,
        url: entry.url,
        title: entry.title,
        content_text: entry.text,
        date_published: entry.date.toISOString(),
        tags: [entry.type],
        [feedExtension]: { event: toCloudEvent(entry.change) } satisfies FeedExtension,
      })),
    },
    null,
    2,
  );
}

/** Newest change first; the document depends only on its inputs, never on the current time. */
export function renderFeed(format: FeedFormat, changes: Change[], options: FeedOptions): RenderedFeed {
  const baseUrl = absoluteBaseUrl(options.baseUrl);
  const selfUrl = new URL(`${baseUrl}${options.selfPath.startsWith('/') ? '' : '/'}${options.selfPath}`).href;
  const entries = entriesOf(changes, baseUrl);
  const title = feedTitle(options);
  const body =
    format === 'json'
      ? jsonFeed(entries, title, baseUrl, selfUrl)
      : xmlFeed(format, entries, title, baseUrl, selfUrl);
  return { body, contentType: contentTypes[format] };
}
