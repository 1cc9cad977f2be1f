// The words people read about a change, the same in feeds and in email: a one-line headline and the facts.
import { toSingleLine } from './feeds/sanitize.ts';
import type { Change, Observation } from './model.ts';

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

/** The metric's page, where people follow a link from a feed item or a mail (the JSON is at /metrics/{key}). */
export function metricUrl(linkBase: string, metric: string): string {
  return `${linkBase.replace(/\/+$/, '')}/metric/${encodeURIComponent(metric.toWellFormed())}`;
}
