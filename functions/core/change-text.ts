// What SNS carries for a change: filterable message attributes, the per-protocol message, and filter policies.
import { ValidationError } from './errors.ts';
import type { ChangeEvent } from './events.ts';
import { toSingleLine, toXmlSafeText } from './feeds/sanitize.ts';
import { type Change, changeTypes, type Observation } from './model.ts';
import type { SubscriptionFilter } from './ports.ts';

/** SNS's limit for one published message, in UTF-8 bytes, message attributes included. */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
/** SNS subjects must be shorter than 100 characters. */
export const SNS_MAX_SUBJECT_LENGTH = 99;
/** SNS numeric matching covers -1e9..1e9 with five decimals. */
const SNS_NUMERIC_MAX = 1_000_000_000;
const SNS_NUMERIC_DECIMALS = 5;
const SNS_MAX_FILTER_COMBINATIONS = 150;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const signedFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, signDisplay: 'exceptZero' });

function withUnit(formatted: string, unit: string): string {
  // Latin units read as words (42,303 people); CJK units and % attach (2.79%, 3万户).
  return /^[A-Za-z]/.test(unit) ? `${formatted} ${unit}` : `${formatted}${unit}`;
}

function valueText(observation: Observation): string {
  return (
    toSingleLine(observation.surface) || withUnit(numberFormat.format(observation.value), observation.unit)
  );
}

function deltaText(change: Change): string | undefined {
  if (change.deltaPoints !== null) return `${signedFormat.format(change.deltaPoints)} pp`;
  const percent = change.deltaPercent === null ? undefined : `${signedFormat.format(change.deltaPercent)}%`;
  if (change.delta === null) return percent;
  const absolute = withUnit(signedFormat.format(change.delta), change.current.unit);
  return percent === undefined ? absolute : `${absolute}, ${percent}`;
}

const typeNotes: Record<Change['type'], (change: Change) => string | undefined> = {
  'figure.added': () => 'new',
  'figure.changed': () => undefined,
  'figure.revised': (change) => `revised, as of ${change.current.asOf}`,
  'figure.backfilled': (change) => `backfilled, as of ${change.current.asOf}`,
};

/** One line saying what moved: `城镇登记失业率 2.79% → 2.95% (+0.16 pp)`. */
export function changeHeadline(change: Change): string {
  const { previous, current } = change;
  const values = previous === null ? valueText(current) : `${valueText(previous)} → ${valueText(current)}`;
  const notes = [deltaText(change), typeNotes[change.type](change)].filter((note) => note !== undefined);
  const label = toSingleLine(current.label);
  const headline = label === '' ? values : `${label} ${values}`;
  return toSingleLine(notes.length === 0 ? headline : `${headline} (${notes.join(', ')})`);
}

function observationLine(title: string, observation: Observation): string {
  return toSingleLine(
    `${title}: ${valueText(observation)} (as of ${observation.asOf}, published ${observation.publishedAt}, ` +
      `brief ${observation.briefId} revision ${observation.revision})`,
  );
}

/** The facts of a change, one per line, for email bodies and feed item contents. */
export function changeDetails(change: Change): string[] {
  const lines = [
    changeHeadline(change),
    '',
    toSingleLine(`Metric: ${change.metric}`),
    ...(change.current.region === '' ? [] : [toSingleLine(`Region: ${change.current.region}`)]),
    `Event: ${change.type}`,
    ...(change.previous === null ? [] : [observationLine('Previous', change.previous)]),
    observationLine('Current', change.current),
  ];
  const delta = deltaText(change);
  return delta === undefined ? lines : [...lines, `Change: ${delta}`];
}

export function metricUrl(linkBase: string, metric: string): string {
  return `${linkBase.replace(/\/+$/, '')}/metrics/${encodeURIComponent(metric.toWellFormed())}`;
}

function truncateToLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, maxLength - 1);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export interface EmailText {
  /** For SNS Publish's `Subject`: one line, fewer than 100 characters. */
  subject: string;
  body: string;
}

export function emailTextFor(change: Change, options: { linkBase?: string } = {}): EmailText {
  const details = changeDetails(change);
  const link =
    options.linkBase === undefined ? [] : ['', `Details: ${metricUrl(options.linkBase, change.metric)}`];
  return {
    subject: truncateToLength(changeHeadline(change), SNS_MAX_SUBJECT_LENGTH),
    body: [...details, ...link, '', `Event id: ${toSingleLine(change.eventId)}`, ''].join('\n'),
  };
}

export interface MessageAttribute {
  DataType: 'String' | 'Number' | 'String.Array';
  StringValue: string;
}
export type MessageAttributes = Record<string, MessageAttribute>;

/** SNS numbers: plain decimals, five places at most; beyond 1e9 every `>=` threshold SNS accepts still holds. */
function snsNumber(value: number): string {
  return String(Number(Math.min(value, SNS_NUMERIC_MAX).toFixed(SNS_NUMERIC_DECIMALS)));
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

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;

/** The size SNS counts: message, attribute names, types and values, and the subject. */
export function snsPublishBytes(message: string, attributes: MessageAttributes, subject = ''): number {
  let total = byteLength(message) + byteLength(subject);
  for (const [name, attribute] of Object.entries(attributes)) {
    total += byteLength(name) + byteLength(attribute.DataType) + byteLength(attribute.StringValue);
  }
  return total;
}

export class SnsMessageTooLargeError extends Error {
  override name = 'SnsMessageTooLargeError';
}

export function assertSnsMessageSize(message: string, attributes: MessageAttributes, subject = ''): void {
  const bytes = snsPublishBytes(message, attributes, subject);
  if (bytes > SNS_MAX_MESSAGE_BYTES) {
    throw new SnsMessageTooLargeError(
      `sns message is ${bytes} bytes with its attributes and subject, over the limit of ${SNS_MAX_MESSAGE_BYTES}`,
    );
  }
}

const TRUNCATION_MARK = '\n[truncated]\n';

/** The longest prefix of `text` within `maxBytes` of UTF-8; encodeInto writes whole characters only. */
function truncateToBytes(text: string, maxBytes: number): string {
  const { read } = utf8.encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

function perProtocolMessage(eventJson: string, emailBody: string): string {
  // Values must be strings (SNS parses them); every machine protocol gets the event itself.
  return JSON.stringify({
    default: eventJson,
    email: emailBody,
    'email-json': eventJson,
    http: eventJson,
    https: eventJson,
    sqs: eventJson,
    lambda: eventJson,
  });
}

/**
 * The Message for `MessageStructure: 'json'`. When it would pass SNS's size limit, the email text, meant for
 * people, is cut short and marked `[truncated]`; if the event alone is too large, SnsMessageTooLargeError.
 */
export function snsMessageFor(
  change: Change,
  event: ChangeEvent,
  options: { linkBase?: string } = {},
): string {
  const eventJson = JSON.stringify(event);
  const email = emailTextFor(change, options);
  const attributes = messageAttributesFor(change);
  const message = perProtocolMessage(eventJson, email.body);
  const excess = snsPublishBytes(message, attributes, email.subject) - SNS_MAX_MESSAGE_BYTES;
  if (excess <= 0) return message;
  // JSON escaping never shrinks text, so cutting `excess` raw bytes cuts at least as many serialized ones.
  const kept = byteLength(email.body) - excess - byteLength(JSON.stringify(TRUNCATION_MARK));
  if (kept < 0) {
    throw new SnsMessageTooLargeError(
      `event ${change.eventId} does not fit in one sns message: ${excess} bytes over ${SNS_MAX_MESSAGE_BYTES} ` +
        'even without its email text',
    );
  }
  const truncated = perProtocolMessage(eventJson, `${truncateToBytes(email.body, kept)}${TRUNCATION_MARK}`);
  assertSnsMessageSize(truncated, attributes, email.subject);
  return truncated;
}

export class FilterPolicyError extends ValidationError {
  override name = 'FilterPolicyError';
}

function filterValues(field: keyof SubscriptionFilter, values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  if (unique.length === 0) {
    throw new FilterPolicyError(`filter.${field} must list at least one value: received []`, [
      { path: `filter.${field}`, message: 'must list at least one value' },
    ]);
  }
  const blank = unique.find((value) => value.trim() === '');
  if (blank !== undefined) {
    throw new FilterPolicyError(
      `filter.${field} must not contain blank values: received ${JSON.stringify(blank)}`,
      [{ path: `filter.${field}`, message: 'must not contain blank values' }],
    );
  }
  return unique;
}

function thresholdOf(minAbsChangePercent: number): number {
  const valid =
    Number.isFinite(minAbsChangePercent) &&
    minAbsChangePercent >= 0 &&
    minAbsChangePercent <= SNS_NUMERIC_MAX &&
    Number(minAbsChangePercent.toFixed(SNS_NUMERIC_DECIMALS)) === minAbsChangePercent;
  if (!valid) {
    const message = `must be a number from 0 to ${SNS_NUMERIC_MAX} with at most ${SNS_NUMERIC_DECIMALS} decimals`;
    throw new FilterPolicyError(`filter.minAbsChangePercent ${message}: received ${minAbsChangePercent}`, [
      { path: 'filter.minAbsChangePercent', message },
    ]);
  }
  return minAbsChangePercent;
}

/**
 * The SNS filter policy (on message attributes) for a subscription filter; `{}` means no filter, so leave the
 * FilterPolicy attribute unset. At most four keys, under SNS's five; the value combinations are checked against 150.
 */
export function filterPolicyFor(filter: SubscriptionFilter): Record<string, unknown> {
  const policy: Record<string, unknown[]> = {};
  const counted: [keyof SubscriptionFilter, number][] = [];
  const listed: [keyof SubscriptionFilter, string, readonly string[] | undefined][] = [
    ['metrics', 'metric', filter.metrics],
    ['regions', 'region', filter.regions],
    ['types', 'type', filter.types],
  ];
  for (const [field, attribute, values] of listed) {
    if (values === undefined) continue;
    const unique = filterValues(field, values);
    policy[attribute] = unique;
    counted.push([field, unique.length]);
  }
  const unknownType = filter.types?.find((type) => !changeTypes.includes(type));
  if (unknownType !== undefined) {
    throw new FilterPolicyError(
      `filter.types must hold event types: received ${JSON.stringify(unknownType)}`,
      [{ path: 'filter.types', message: `must be one of ${changeTypes.join(', ')}` }],
    );
  }
  if (filter.minAbsChangePercent !== undefined) {
    policy.absChangePercent = [{ numeric: ['>=', thresholdOf(filter.minAbsChangePercent)] }];
  }
  const combinations = counted.reduce((product, [, count]) => product * count, 1);
  if (combinations > SNS_MAX_FILTER_COMBINATIONS) {
    const breakdown = counted.map(([field, count]) => `${count} ${field}`).join(' × ');
    throw new FilterPolicyError(
      `filter has ${combinations} value combinations (${breakdown}), over SNS's ${SNS_MAX_FILTER_COMBINATIONS}: ` +
        'list fewer metrics, regions or types',
      counted.map(([field, count]) => ({ path: `filter.${field}`, message: `${count} values` })),
    );
  }
  return policy;
}
