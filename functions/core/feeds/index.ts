// The feeds' public surface, as the feeds handler imports it.
export { type ConditionalHeaders, feedEtag, isNotModified, lastModified } from './etag.ts';
export {
  type FeedFormat,
  type FeedOptions,
  feedItemId,
  feedTitle,
  type RenderedFeed,
  renderFeed,
} from './render.ts';
