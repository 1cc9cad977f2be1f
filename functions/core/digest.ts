// One brief revision's changes as one message: what digest subscribers receive instead of each change.
import { type Change, defaultLanguage, type Language } from './model.ts';
import type { BriefRevision, StoredObservation } from './ports.ts';

export interface RevisionDigest {
  /** Deterministic, so a retry publishes the same digest again and subscribers de-duplicate it (digestIdOf). */
  id: string;
  briefId: string;
  revision: number;
  headline: string;
  language: Language;
  region: string;
  publishedAt: string;
  /** Every change the revision made, in the order of its figures. */
  changes: Change[];
  /** When its last change was recorded: the same on every retry, unlike the moment it is published. */
  time: string;
}

/**
 * `<briefId>.<revision>.digest`. Never the id of a change: those end in a figure index, a number (diff.ts eventIdOf),
 * so consumers may de-duplicate both kinds of event in one set of ids.
 */
export function digestIdOf(briefId: string, revision: number): string {
  return `${briefId}.${revision}.digest`;
}

/**
 * The digest of a revision from what recording its observations stored, on the first attempt or on a retry (the
 * recorder then gives back what it stored before); undefined when the revision changed nothing.
 */
export function digestOf(
  revision: BriefRevision,
  recorded: readonly StoredObservation[],
): RevisionDigest | undefined {
  const changes = recorded
    .flatMap(({ change }) => (change === null ? [] : [change]))
    .filter(({ current }) => current.briefId === revision.briefId && current.revision === revision.revision)
    .sort((a, b) => a.current.figureIndex - b.current.figureIndex);
  if (changes.length === 0) return undefined;
  const { brief } = revision;
  return {
    id: digestIdOf(revision.briefId, revision.revision),
    briefId: revision.briefId,
    revision: revision.revision,
    headline: brief.headline,
    language: brief.language ?? defaultLanguage,
    region: brief.region ?? '',
    publishedAt: brief.publishedAt,
    changes,
    // Recording times are ISO instants in UTC: as text they sort in time order.
    time:
      changes
        .map((change) => change.recordedAt)
        .sort()
        .at(-1) ?? revision.storedAt,
  };
}
