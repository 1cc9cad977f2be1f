// Ports: what the core needs from the outside world. Adapters in functions/adapters implement them.

import type { Brief } from './brief.ts';
import type { RevisionDigest } from './digest.ts';
import type { Change, Figure, Observation } from './model.ts';

/** One stored revision of a brief, with the figures found in it. */
export interface BriefRevision {
  briefId: string;
  revision: number;
  contentHash: string;
  brief: Brief;
  figures: Figure[];
  storedAt: string;
  /** The newsroom's time zone when the revision was stored: a publication given as a day is that day there. */
  timeZone: string;
}

/** What a list of a brief's revisions shows of each: enough to choose one, without its body or figures. */
export interface RevisionSummary {
  briefId: string;
  revision: number;
  contentHash: string;
  storedAt: string;
  headline: string;
  publishedAt: string;
}

export interface BriefStore {
  /** The latest revision of a brief, read consistently. */
  latestRevision(briefId: string): Promise<BriefRevision | undefined>;
  /**
   * Stores a revision unless that revision number is taken; 'taken' means another writer won the race.
   * Large figure lists are split across items, written before the revision item that commits them.
   */
  putRevision(revision: BriefRevision): Promise<'stored' | 'taken'>;
  getRevision(briefId: string, revision: number): Promise<BriefRevision | undefined>;
  /**
   * A brief's revisions, newest first, those below `before` when given; the cursor is the revision number to pass
   * as `before` for the next page. One query on the brief's own items: no index, no item per listing.
   */
  revisions(briefId: string, options: { limit: number; before?: number }): Promise<Page<RevisionSummary>>;
}

/** The per-metric serialization point: the latest observation and the one being committed. */
export interface MetricHead {
  metric: string;
  version: number;
  label: string;
  unit: string;
  kind: Observation['kind'];
  region: string;
  latest: Observation;
  /** Written ahead of its observation item so that a crash between the two writes can be rolled forward. */
  pending?: StoredObservation;
  updatedAt: string;
  /** The editors' name for the metric, given by a rename: its label, whatever the latest figure calls it. */
  name?: string;
  /** Set once the metric was merged into another: its writers and readers follow it there. */
  mergedInto?: string;
  /** The longest chain of merged metrics that leads here: a merge that would make it too long is refused. */
  mergeDepth?: number;
}

/** An observation with the change it caused, if any: the unit of history and of the feed. */
export interface StoredObservation {
  observation: Observation;
  change: Change | null;
  recordedAt: string;
}

export interface MetricStore {
  getHead(metric: string): Promise<MetricHead | undefined>;
  /**
   * The heads of many metrics at once (absent metrics are missing from the map), with each head's pending
   * observation dropped where its item is already committed: what a batch needs before it writes.
   */
  getCommittedHeads(metrics: readonly string[]): Promise<Map<string, MetricHead>>;
  /** Conditional write: succeeds only if the head's version is still `expectedVersion` (undefined: absent). */
  claimHead(head: MetricHead, expectedVersion: number | undefined): Promise<boolean>;
  getObservation(metric: string, key: string): Promise<StoredObservation | undefined>;
  /** Idempotent: an observation's key fixes its content, so storing it again changes nothing. */
  putObservation(stored: StoredObservation): Promise<void>;
  /** The observation immediately before `key` in the metric's order, if any. */
  previousObservation(metric: string, key: string): Promise<StoredObservation | undefined>;
  /** Observations of one metric, newest first. */
  history(metric: string, options: { limit: number; before?: string }): Promise<Page<StoredObservation>>;
  /** Heads of the metrics that hold a series, in key order: merged ones are left out. */
  listHeads(options: { limit: number; after?: string }): Promise<Page<MetricHead>>;
  /**
   * Copies every observation of `from` into the series of `into` as history: as an observation of `into`,
   * without its change (so it raises no event), never over an observation `into` holds. A writer of `into` that
   * commits an observation under the same key replaces the copy. Idempotent; answers how many it copied.
   */
  copyHistory(from: string, into: string): Promise<number>;
}

/** An editors' alias: a label variant and the canonical label it stands for. */
export interface Alias {
  from: string;
  to: string;
  updatedAt: string;
}

export interface AliasStore {
  listAliases(): Promise<Alias[]>;
  /** Stores or replaces the alias of `from`; answers the label it stood for before, if any. */
  putAlias(alias: Alias): Promise<string | undefined>;
  /** False when no stored alias has that `from`. */
  deleteAlias(from: string): Promise<boolean>;
}

export interface ChangeFilter {
  metric?: string;
  region?: string;
  type?: Change['type'];
}

export interface ChangeLog {
  /**
   * Changes in commit order, only those old enough that none can still commit before them; `after` is an opaque
   * cursor from a previous page. The cursor is absent only when nothing after `after` has settled yet: poll
   * again later with the same `after`.
   */
  changesAfter(options: { after?: string; limit: number } & ChangeFilter): Promise<Page<Change>>;
  /** Newest changes first, for feeds. */
  latestChanges(options: { limit: number } & ChangeFilter): Promise<Change[]>;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

export interface ChangePublisher {
  /** At least once; subscribers de-duplicate on the event id. */
  publish(changes: Change[]): Promise<void>;
}

export interface DigestPublisher {
  /** At least once, under the digest's deterministic id. */
  publishDigest(digest: RevisionDigest): Promise<void>;
}

export type SubscriptionProtocol = 'email' | 'http' | 'https' | 'sqs';

/** Each change as its own message, or one digest per brief revision listing all of its changes. */
export const deliveries = ['each', 'digest'] as const;
export type Delivery = (typeof deliveries)[number];

export interface SubscriptionFilter {
  metrics?: string[];
  regions?: string[];
  types?: Change['type'][];
  minAbsChangePercent?: number;
}

export interface SubscriptionRequest {
  protocol: SubscriptionProtocol;
  endpoint: string;
  filter?: SubscriptionFilter;
  delivery: Delivery;
}

export interface Subscriber {
  /** Returns the subscription ARN, or 'pending confirmation'. */
  subscribe(request: SubscriptionRequest): Promise<{ subscriptionArn: string }>;
}

/** The stream consumers, whose failed records are kept for replay. */
export type Consumer = 'pipeline' | 'publisher';

/**
 * A stream record a consumer could not process, kept beyond the stream's 24 hours: the table keys of the item
 * whose new image the record carried (processing it again starts from the item), and what names it for people.
 */
export interface FailedRecord {
  consumer: Consumer;
  keys: { pk: string; sk: string };
  /** The pipeline's: the brief revision. */
  brief?: { id: string; revision: number };
  /** The publisher's: the change's event id, when the item could be read. */
  eventId?: string;
  error: string;
}

export interface StoredFailure extends FailedRecord {
  /** How many invocations failed it since it was first kept. */
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

export interface FailureStore {
  /** Idempotent per record: the same record failing again counts one more attempt. */
  record(failure: FailedRecord, at: Date): Promise<void>;
  list(consumer: Consumer): Promise<StoredFailure[]>;
  clear(failure: Pick<FailedRecord, 'consumer' | 'keys'>): Promise<void>;
}

/** A subscription as the topic holds it. */
export interface SubscriptionSummary {
  /** Its id on the topic; absent while it awaits confirmation, as the topic names no subscription before. */
  id?: string;
  protocol: string;
  endpoint: string;
  confirmed: boolean;
  /** Absent while pending: the topic tells nothing more of a subscription before it is confirmed. */
  delivery?: Delivery;
  filter?: SubscriptionFilter;
}

export interface SubscriptionDirectory {
  list(options: { after?: string }): Promise<Page<SubscriptionSummary>>;
  /** Deletes a confirmed subscription of the topic; 'not_found' when the topic has none of that id. */
  unsubscribe(id: string): Promise<'deleted' | 'not_found'>;
}
