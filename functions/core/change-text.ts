// The words people read about a change, the same in feeds and in email, in the language of the brief it came from.
import type { RevisionDigest } from './digest.ts';
import { toSingleLine } from './feeds/sanitize.ts';
import { type Change, defaultLanguage, type Language, type Observation } from './model.ts';
import {
  formatFigure,
  formatFigures,
  formatNumber,
  formatPercentChange,
  formatSignedQuantity,
  signed,
} from './number-format.ts';

interface Words {
  comma: string;
  /** Notes after a headline: `（+0.06个百分点）`, ` (+0.06 pts)`. */
  notes: (notes: string[]) => string;
  points: (magnitude: string) => string;
  typeNote: Record<Change['type'], (asOf: string) => string | undefined>;
  region: string;
  current: string;
  previous: string;
  change: string;
  metric: string;
  event: string;
  eventId: string;
  observed: (asOf: string, publishedOn: string, briefId: string, revision: number) => string;
  metricPage: string;
  digestSubject: (headline: string, count: number) => string;
  digestSummary: (briefId: string, revision: number, publishedOn: string, region: string) => string;
  omitted: (count: number) => string;
  briefPage: string;
  label: (text: string) => string;
}

const words: Record<Language, Words> = {
  zh: {
    comma: '，',
    notes: (notes) => `（${notes.join('，')}）`,
    points: (magnitude) => `${magnitude}个百分点`,
    typeNote: {
      'figure.added': () => '新增',
      'figure.changed': () => undefined,
      'figure.revised': (asOf) => `修订，截至${asOf}`,
      'figure.backfilled': (asOf) => `回补，截至${asOf}`,
    },
    region: '地区',
    current: '本期',
    previous: '上期',
    change: '变化',
    metric: '指标',
    event: '事件类型',
    eventId: '事件 ID',
    observed: (asOf, publishedOn, briefId, revision) =>
      `截至${asOf}，${publishedOn}发布（简报 ${briefId} 第${revision}版）`,
    metricPage: '指标页面',
    digestSubject: (headline, count) => `${headline}（${count}项变化）`,
    digestSummary: (briefId, revision, publishedOn, region) =>
      `简报 ${briefId} 第${revision}版，${publishedOn}发布${region === '' ? '' : `，${region}`}`,
    omitted: (count) => `另有${count}项变化未列出。`,
    briefPage: '简报全文及全部变化',
    label: (text) => `${text}：`,
  },
  en: {
    comma: ', ',
    notes: (notes) => ` (${notes.join(', ')})`,
    points: (magnitude) => `${magnitude} pts`,
    typeNote: {
      'figure.added': () => 'new',
      'figure.changed': () => undefined,
      'figure.revised': (asOf) => `revised, as of ${asOf}`,
      'figure.backfilled': (asOf) => `backfilled, as of ${asOf}`,
    },
    region: 'Region',
    current: 'Now',
    previous: 'Before',
    change: 'Change',
    metric: 'Metric',
    event: 'Event type',
    eventId: 'Event id',
    observed: (asOf, publishedOn, briefId, revision) =>
      `as of ${asOf}, published ${publishedOn} (brief ${briefId}, revision ${revision})`,
    metricPage: 'Metric page',
    digestSubject: (headline, count) => `${headline} (${count} ${count === 1 ? 'change' : 'changes'})`,
    digestSummary: (briefId, revision, publishedOn, region) =>
      `Brief ${briefId}, revision ${revision}, published ${publishedOn}${region === '' ? '' : `, ${region}`}`,
    omitted: (count) => `${count} more ${count === 1 ? 'change is' : 'changes are'} not listed.`,
    briefPage: 'The brief and all its changes',
    label: (text) => `${text}: `,
  },
};

/** What people read about a change is written in its brief's language. */
export function languageOf(change: Change): Language {
  return change.current.language ?? defaultLanguage;
}

/** The day a publication names: the date as written, whether or not a time and offset follow it. */
const dayOf = (publishedAt: string) => publishedAt.slice(0, 10);

/** The move: `+0.06个百分点`, or `+8,965人` and `+21.2%`; nothing for a first value. */
function moveNotes(change: Change, language: Language): string[] {
  if (change.delta === null) return [];
  if (change.deltaPoints !== null) {
    return [
      signed(
        change.deltaPoints,
        words[language].points(formatNumber(Math.abs(change.deltaPoints), language)),
      ),
    ];
  }
  const absolute = formatSignedQuantity(change.delta, change.current.unit, language);
  return change.deltaPercent === null
    ? [absolute]
    : [absolute, formatPercentChange(change.deltaPercent, language)];
}

/** Cuts text to `max` characters (code points), ending in `…` when cut. */
function clip(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * One line saying what moved: `城镇登记失业率 2.79% → 2.85%（+0.06个百分点）`. With `maxChars`, the label is
 * shortened first, so that the move always shows.
 */
export function changeHeadline(change: Change, maxChars = Number.POSITIVE_INFINITY): string {
  const language = languageOf(change);
  const { previous, current } = change;
  const values =
    previous === null
      ? formatFigure(current, language)
      : formatFigures([previous, current], language).join(' → ');
  const notes = [...moveNotes(change, language), words[language].typeNote[change.type](current.asOf)].filter(
    (note) => note !== undefined,
  );
  // Units come from the brief's text as much as labels do.
  const tail = toSingleLine(`${values}${notes.length === 0 ? '' : words[language].notes(notes)}`);
  const label = toSingleLine(current.label);
  if (label === '') return clip(tail, maxChars);
  const room = maxChars - Array.from(tail).length - 1;
  return room < 2 ? clip(`${label} ${tail}`, maxChars) : `${clip(label, room)} ${tail}`;
}

function observationLine(title: string, observation: Observation, language: Language): string {
  const said = words[language];
  const { asOf, publishedAt, briefId, revision } = observation;
  const observed = said.observed(asOf, dayOf(publishedAt), briefId, revision);
  return toSingleLine(`${said.label(title)}${formatFigure(observation, language)}${said.comma}${observed}`);
}

/** The facts of a change, one per line, for email bodies and feed item contents. */
export function changeDetails(change: Change): string[] {
  const language = languageOf(change);
  const said = words[language];
  const moves = moveNotes(change, language);
  return [
    changeHeadline(change),
    '',
    ...(change.current.region === ''
      ? []
      : [toSingleLine(`${said.label(said.region)}${change.current.region}`)]),
    observationLine(said.current, change.current, language),
    ...(change.previous === null ? [] : [observationLine(said.previous, change.previous, language)]),
    ...(moves.length === 0 ? [] : [toSingleLine(`${said.label(said.change)}${moves.join(said.comma)}`)]),
    toSingleLine(`${said.label(said.metric)}${change.metric}`),
    `${said.label(said.event)}${change.type}`,
  ];
}

const trimmedBase = (linkBase: string) => linkBase.replace(/\/+$/, '');

/** The public page of a metric, where people read its history. */
export function metricPageUrl(linkBase: string, metric: string): string {
  return `${trimmedBase(linkBase)}/metric/${encodeURIComponent(metric.toWellFormed())}`;
}

/** The public page of a brief, with its figures and the changes they made. */
export function briefPageUrl(linkBase: string, briefId: string): string {
  return `${trimmedBase(linkBase)}/brief/${encodeURIComponent(briefId)}`;
}

/** The email text of one change: its facts, its metric's page when the site's address is known, its event id. */
export function changeEmailText(change: Change, linkBase: string | undefined): string {
  const said = words[languageOf(change)];
  return [
    ...changeDetails(change),
    ...(linkBase === undefined
      ? []
      : ['', `${said.label(said.metricPage)}${metricPageUrl(linkBase, change.metric)}`]),
    '',
    toSingleLine(`${said.label(said.eventId)}${change.eventId}`),
    '',
  ].join('\n');
}

/** A digest's subject: the brief's headline and how many changes it made, the count kept whatever is cut. */
export function digestHeadline(digest: RevisionDigest, maxChars = Number.POSITIVE_INFINITY): string {
  const said = words[digest.language];
  const count = digest.changes.length;
  const frame = Array.from(said.digestSubject('', count)).length;
  return said.digestSubject(clip(toSingleLine(digest.headline), Math.max(1, maxChars - frame)), count);
}

/**
 * The email text of a digest: the brief, then the first `listed` changes, one headline each with its metric's
 * page, and how many more there are, with the brief's page that shows them all.
 */
export function digestEmailText(
  digest: RevisionDigest,
  listed: number,
  linkBase: string | undefined,
): string {
  const said = words[digest.language];
  const shown = digest.changes.slice(0, listed);
  const omitted = digest.changes.length - shown.length;
  const entries = shown.flatMap((change, index) => [
    `${index + 1}. ${changeHeadline(change)}`,
    ...(linkBase === undefined ? [] : [`   ${metricPageUrl(linkBase, change.metric)}`]),
  ]);
  return [
    digestHeadline(digest),
    toSingleLine(
      said.digestSummary(digest.briefId, digest.revision, dayOf(digest.publishedAt), digest.region),
    ),
    '',
    ...entries,
    ...(omitted === 0 ? [] : ['', said.omitted(omitted)]),
    ...(linkBase === undefined
      ? []
      : ['', `${said.label(said.briefPage)}${briefPageUrl(linkBase, digest.briefId)}`]),
    '',
    toSingleLine(`${said.label(said.eventId)}${digest.id}`),
    '',
  ].join('\n');
}
