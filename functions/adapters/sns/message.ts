// What a change, or a brief revision's digest, becomes on the topic: the per-protocol message, its subject and the
// attributes subscribers filter on, sized as SNS counts them.
import { changeEmailText, changeHeadline, digestEmailText, digestHeadline } from '../../core/change-text.ts';
import type { RevisionDigest } from '../../core/digest.ts';
import { type ChangeEvent, DIGEST_EVENT_TYPE, toDigestEvent } from '../../core/events.ts';
import { toSingleLine, toXmlSafeText } from '../../core/feeds/sanitize.ts';
import type { Change } from '../../core/model.ts';
import {
  isValidSubject,
  maxMessageBytes,
  maxSubjectChars,
  messageSizeBytes,
  numericMatching,
} from './limits.ts';

export interface MessageAttribute {
  DataType: 'String' | 'Number' | 'String.Array';
  StringValue: string;
}
export type MessageAttributes = Record<string, MessageAttribute>;

export interface MessageOptions {
  /** The public site: the email text then links to the metric's page (and a digest to the brief's). */
  linkBase?: string | undefined;
}

/** Everything one Publish or PublishBatch entry carries, computed once. */
export interface SnsMessage {
  /** For `MessageStructure: 'json'`: a JSON object of one string per protocol. */
  message: string;
  subject: string;
  attributes: MessageAttributes;
  /** What SNS counts against its size limit. */
  bytes: number;
}

export class SnsMessageTooLargeError extends Error {
  override name = 'SnsMessageTooLargeError';
}

/** SNS numbers: plain decimals, five places at most; beyond 1e9 every `>=` threshold SNS accepts still holds. */
function snsNumber(value: number): string {
  return String(Number(Math.min(value, numericMatching.max).toFixed(numericMatching.decimals)));
}

function absChangePercentOf(changes: readonly Change[]): MessageAttributes {
  const percents = changes
    .map((change) => change.deltaPercent)
    .filter((percent): percent is number => percent !== null && Number.isFinite(percent))
    .map(Math.abs);
  if (percents.length === 0) return {};
  return { absChangePercent: { DataType: 'Number', StringValue: snsNumber(Math.max(...percents)) } };
}

/** What subscribers filter on; an attribute without a value is left out, as SNS rejects empty strings. */
export function messageAttributesFor(change: Change): MessageAttributes {
  const strings: [string, string | null][] = [
    ['type', change.type],
    ['metric', change.metric],
    ['region', change.current.region],
    ['direction', change.direction],
    ['kind', change.current.kind],
  ];
  const attributes: MessageAttributes = {};
  for (const [name, value] of strings) {
    const clean = value === null ? '' : toXmlSafeText(value);
    if (clean !== '') attributes[name] = { DataType: 'String', StringValue: clean };
  }
  return { ...attributes, ...absChangePercentOf([change]) };
}

/** The distinct non-empty values, cleaned, as a String.Array attribute; none when there are none. */
function stringArray(name: string, values: readonly string[]): MessageAttributes {
  const clean = [...new Set(values.map(toXmlSafeText))].filter((value) => value !== '');
  return clean.length === 0
    ? {}
    : { [name]: { DataType: 'String.Array', StringValue: JSON.stringify(clean) } };
}

/**
 * A digest's attributes, named as a change's, so that one filter serves both: the metrics and regions of all of
 * its changes (SNS matches a String.Array when any element matches), their types as `changeType` (`type` says
 * digest), and the largest absolute change in percent. Every change counts, also those the text leaves out.
 */
export function digestAttributesFor(digest: RevisionDigest): MessageAttributes {
  return {
    type: { DataType: 'String', StringValue: DIGEST_EVENT_TYPE },
    ...stringArray(
      'metric',
      digest.changes.map((change) => change.metric),
    ),
    ...stringArray(
      'region',
      digest.changes.map((change) => change.current.region),
    ),
    ...stringArray(
      'changeType',
      digest.changes.map((change) => change.type),
    ),
    ...absChangePercentOf(digest.changes),
  };
}

/** A subject SNS takes: the text when it is one, else the identity given, else the event type alone. */
function subjectOf(text: string, identity: string, type: string): string {
  if (isValidSubject(text)) return text;
  const fallback = `updates-feed: ${type} ${toSingleLine(identity)}`.slice(0, maxSubjectChars).trimEnd();
  return isValidSubject(fallback) ? fallback : `updates-feed: ${type}`;
}

/** The text built for at most `maxSubjectChars` characters, built shorter while SNS's UTF-16 count says too long. */
function withinSubjectLimit(build: (maxChars: number) => string): string {
  let text = build(maxSubjectChars);
  // Characters beyond the Basic Multilingual Plane (emoji) count twice in UTF-16.
  for (let max = maxSubjectChars - 1; text.length > maxSubjectChars && max > 0; max--) text = build(max);
  return text;
}

/** The headline in the brief's language, its label shortened to fit: `城镇登记失业率 2.79% → 2.85%（+0.06个百分点）`. */
export function subjectFor(change: Change): string {
  return subjectOf(
    withinSubjectLimit((max) => changeHeadline(change, max)),
    change.metric,
    change.type,
  );
}

/** The brief's headline and the number of its changes: `大连城镇新增就业突破5万人（3项变化）`. */
export function digestSubjectFor(digest: RevisionDigest): string {
  return subjectOf(
    withinSubjectLimit((max) => digestHeadline(digest, max)),
    digest.briefId,
    DIGEST_EVENT_TYPE,
  );
}

const utf8 = new TextEncoder();
const TRUNCATION_MARK = '\n[truncated]\n';

/** The longest prefix of `text` within `maxBytes` of UTF-8; encodeInto writes whole characters only. */
function truncateToBytes(text: string, maxBytes: number): string {
  const { read } = utf8.encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

/**
 * People get the text, every other protocol the event: SNS sends `default` to each protocol without a key of its
 * own, so the event is in the message once rather than once per machine protocol, a sixth of the size limit each.
 */
function perProtocolMessage(eventJson: string, emailText: string): string {
  // Values must be strings: SNS parses them.
  return JSON.stringify({ default: eventJson, email: emailText });
}

/**
 * The change as SNS carries it. When the message would pass SNS's size limit, the email text, meant for people,
 * is cut short and marked `[truncated]`; if the event alone is too large, SnsMessageTooLargeError.
 */
export function snsMessageFor(change: Change, event: ChangeEvent, options: MessageOptions = {}): SnsMessage {
  const eventJson = JSON.stringify(event);
  const email = changeEmailText(change, options.linkBase);
  const attributes = messageAttributesFor(change);
  const subject = subjectFor(change);
  const message = perProtocolMessage(eventJson, email);
  const bytes = messageSizeBytes(message, attributes);
  const excess = bytes - maxMessageBytes;
  if (excess <= 0) return { message, subject, attributes, bytes };
  // JSON escaping never shrinks text, so cutting `excess` raw bytes cuts at least as many serialized ones.
  const kept = utf8.encode(email).length - excess - utf8.encode(JSON.stringify(TRUNCATION_MARK)).length;
  if (kept < 0) {
    throw new SnsMessageTooLargeError(
      `event ${change.eventId} does not fit in one sns message: ${excess} bytes over ${maxMessageBytes} ` +
        'even without its email text',
    );
  }
  const truncated = perProtocolMessage(eventJson, `${truncateToBytes(email, kept)}${TRUNCATION_MARK}`);
  return { message: truncated, subject, attributes, bytes: messageSizeBytes(truncated, attributes) };
}

/**
 * The digest as SNS carries it, listing as many of its changes as fit in one message, in the event and in the
 * text alike; the text then says how many are left out and links to the brief's page, which shows them all.
 * SnsMessageTooLargeError when not even the digest without any change listed fits.
 */
export function snsDigestMessageFor(digest: RevisionDigest, options: MessageOptions = {}): SnsMessage {
  const attributes = digestAttributesFor(digest);
  const subject = digestSubjectFor(digest);
  const listing = (listed: number): SnsMessage => {
    const message = perProtocolMessage(
      JSON.stringify(toDigestEvent(digest, listed)),
      digestEmailText(digest, listed, options.linkBase),
    );
    return { message, subject, attributes, bytes: messageSizeBytes(message, attributes) };
  };
  const all = listing(digest.changes.length);
  if (all.bytes <= maxMessageBytes) return all;
  // The size grows with every change listed: the largest count that fits, by bisection.
  let fits = -1;
  let tooMany = digest.changes.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (listing(middle).bytes <= maxMessageBytes) fits = middle;
    else tooMany = middle;
  }
  if (fits < 0) {
    throw new SnsMessageTooLargeError(
      `digest ${digest.id} does not fit in one sns message even without any of its ` +
        `${digest.changes.length} changes listed: ${listing(0).bytes} bytes, at most ${maxMessageBytes}`,
    );
  }
  return listing(fits);
}
