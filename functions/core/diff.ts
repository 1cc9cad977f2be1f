// The diff rules: how a new observation relates to a metric's history, by as-of date.
import { isPublicationDay } from './brief.ts';
import type { Change, Observation } from './model.ts';

/**
 * Orders a metric's observations: as-of date, then publication (in UTC, so offsets compare), then brief and
 * revision. A publication given as a day must be resolved to its instant first (publicationInstant), since that
 * takes the newsroom's time zone.
 */
export function observationKey(
  parts: Pick<Observation, 'asOf' | 'publishedAt' | 'briefId' | 'revision'>,
): string {
  if (isPublicationDay(parts.publishedAt)) {
    throw new TypeError(
      `observationKey needs a publication instant, received the day ${parts.publishedAt}: resolve it with publicationInstant`,
    );
  }
  const published = new Date(parts.publishedAt).toISOString();
  return `${parts.asOf}#${published}#${parts.briefId}#${String(parts.revision).padStart(6, '0')}`;
}

/**
 * `<briefId>.<revision>.<figureIndex>`: the figure of a stored revision that made the observation. One figure
 * makes at most one observation, so the id is unique, and the same observation always gets it.
 */
export function eventIdOf(observation: Pick<Observation, 'briefId' | 'revision' | 'figureIndex'>): string {
  return `${observation.briefId}.${observation.revision}.${observation.figureIndex}`;
}

const eventIdShape =
  /^(?<briefId>[A-Za-z0-9][A-Za-z0-9._-]*)\.(?<revision>[1-9]\d{0,5})\.(?<figureIndex>0|[1-9]\d{0,5})$/;

/** The parts of an id eventIdOf made; undefined for anything else. Brief ids may hold dots: read from the right. */
export function parseEventId(
  id: string,
): Pick<Observation, 'briefId' | 'revision' | 'figureIndex'> | undefined {
  const parts = eventIdShape.exec(id)?.groups;
  if (parts?.briefId === undefined) return undefined;
  return { briefId: parts.briefId, revision: Number(parts.revision), figureIndex: Number(parts.figureIndex) };
}

function decimalsOf(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Subtraction without binary noise for figures written in decimal (2.95 − 2.79 is 0.16, not 0.16000000000000014). */
export function exactDifference(current: number, previous: number): number {
  const decimals = Math.min(15, Math.max(decimalsOf(current), decimalsOf(previous)));
  const scale = 10 ** decimals;
  const scaled = Math.round(current * scale) - Math.round(previous * scale);
  return Number.isSafeInteger(scaled) ? scaled / scale : current - previous;
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface ChangeInput {
  current: Observation;
  /** The observation immediately before `current` in the metric's order, if any. */
  previous: Observation | undefined;
  /** True when the metric already has an observation after `current`: a late, older figure. */
  hasLater: boolean;
  recordedAt: string;
}

/**
 * Equal values give no change; otherwise added, changed, revised or backfilled. One key holds one unit family, its
 * values in one base unit, so a unit spelled another way (每斤1.38元 read as 元 beside 1.38元/斤) changes nothing.
 */
export function classifyChange({ current, previous, hasLater, recordedAt }: ChangeInput): Change | null {
  if (previous !== undefined && previous.value === current.value) return null;
  const type: Change['type'] = hasLater
    ? 'figure.backfilled'
    : previous === undefined
      ? 'figure.added'
      : previous.asOf === current.asOf
        ? 'figure.revised'
        : 'figure.changed';
  const delta = previous === undefined ? null : exactDifference(current.value, previous.value);
  const deltaPercent =
    delta === null || previous === undefined || previous.value === 0
      ? null
      : roundTo((delta / Math.abs(previous.value)) * 100, 4);
  return {
    type,
    eventId: eventIdOf(current),
    metric: current.metric,
    previous: previous ?? null,
    current,
    delta,
    deltaPercent,
    deltaPoints: delta !== null && current.unit === '%' ? delta : null,
    direction: delta === null || delta === 0 ? null : delta > 0 ? 'up' : 'down',
    recordedAt,
  };
}
