// What one change becomes on the topic: the per-protocol message, its subject and the attributes subscribers
// filter on, sized as SNS counts them.
import { changeDetails, changeHeadline, metricUrl } from '../../core/change-text.ts';
import type { ChangeEvent } from '../../core/events.ts';
import { toSingleLine, toXmlSafeText } from '../../core/feeds/sanitize.ts';
import type { Change } from '../../core/model.ts';
import {
  isPortableSubject,
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
  /** Where the API is published: the email text then links to the metric's page. */
  linkBase?: string | undefined;
}

/** Everything one Publish or PublishBatch entry carries for a change, computed once. */
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
  if (change.deltaPercent !== null && Number.isFinite(change.deltaPercent)) {
    attributes.absChangePercent = {
      DataType: 'Number',
      StringValue: snsNumber(Math.abs(change.deltaPercent)),
    };
  }
  return attributes;
}

/**
 * The headline when it passes SNS's strictest subject rule (ASCII, no control characters, under 100 characters);
 * otherwise (Chinese, say) an ASCII one, and readers find the readable headline in the email body instead.
 */
export function subjectFor(change: Change): string {
  const headline = changeHeadline(change);
  if (isPortableSubject(headline)) return headline;
  const fallback = `updates-feed: ${change.type} ${change.metric}`.slice(0, maxSubjectChars).trimEnd();
  return isPortableSubject(fallback) ? fallback : `updates-feed: ${change.type} ${change.eventId}`;
}

/** The text email subscribers read: the facts, the metric's page when the API's address is known, the event id. */
export function emailBody(change: Change, options: MessageOptions = {}): string {
  const link =
    options.linkBase === undefined ? [] : ['', `Details: ${metricUrl(options.linkBase, change.metric)}`];
  return [...changeDetails(change), ...link, '', `Event id: ${toSingleLine(change.eventId)}`, ''].join('\n');
}

const utf8 = new TextEncoder();
const TRUNCATION_MARK = '\n[truncated]\n';

/** The longest prefix of `text` within `maxBytes` of UTF-8; encodeInto writes whole characters only. */
function truncateToBytes(text: string, maxBytes: number): string {
  const { read } = utf8.encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

function perProtocolMessage(eventJson: string, emailText: string): string {
  // Values must be strings (SNS parses them); every machine protocol gets the event itself.
  return JSON.stringify({
    default: eventJson,
    email: emailText,
    'email-json': eventJson,
    http: eventJson,
    https: eventJson,
    sqs: eventJson,
    lambda: eventJson,
  });
}

/**
 * The change as SNS carries it. When the message would pass SNS's size limit, the email text, meant for people,
 * is cut short and marked `[truncated]`; if the event alone is too large, SnsMessageTooLargeError.
 */
export function snsMessageFor(change: Change, event: ChangeEvent, options: MessageOptions = {}): SnsMessage {
  const eventJson = JSON.stringify(event);
  const email = emailBody(change, options);
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
