// The JSON Feed extension of updates-feed, apart from the renderer so that the pages read it without the library.
import type { ChangeEvent } from '../events.ts';

/**
 * Every item of /feed.json carries this object (JSON Feed 1.1 lets a publisher add objects whose names start with
 * `_`; readers that do not know one ignore it): the item's change as the very CloudEvent the topic and
 * GET /changes carry, so a program reads the newest changes, newest first, without parsing text meant for people.
 */
export const feedExtension = '_updates_feed';

export interface FeedExtension {
  event: ChangeEvent;
}
