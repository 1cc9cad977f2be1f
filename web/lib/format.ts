// Numbers, figures, changes and dates written one way on every page, in the reader's language: numbers by the
// same rules as feeds and email (functions/core/number-format.ts), so that a figure reads alike everywhere.
import {
  formatFigure as formatFigureIn,
  formatFigures,
  formatNumber,
  formatPercentChange,
  formatQuantity,
  formatSignedQuantity,
  signed,
} from '../../functions/core/number-format.ts';
import type { ChangeEvent, ChangeType, Observation } from './api.ts';
import { lang, locale, type MessageKey, t } from './i18n.ts';

/** A value with its unit as written: 2.85%, 6万人, 4.29亿元. */
export function formatValue(value: number, unit: string): string {
  return formatQuantity(value, unit, lang());
}

const qualifierKeys: Record<Observation['qualifier'], MessageKey> = {
  exact: 'qualifierExact',
  approx: 'qualifierApprox',
  over: 'qualifierOver',
  under: 'qualifierUnder',
};

export function qualifierWord(qualifier: Observation['qualifier']): string {
  return t(qualifierKeys[qualifier]);
}

type Stated = Pick<Observation, 'value' | 'unit' | 'qualifier'>;

/** The value as a reader says it: 约4.29亿元, about 429 million 元. */
export function formatFigure(figure: Stated): string {
  return formatFigureIn(figure, lang());
}

/**
 * A change's previous and current figure on one scale, read side by side: 51,268人 and 61,200人 rather than
 * 51,268人 and 6.12万人. The previous one is absent for a first value.
 */
export function formatChangeFigures(data: ChangeEvent['data']): { current: string; previous?: string } {
  if (data.previous === null) return { current: formatFigure(data.current) };
  const [previous = '', current = ''] = formatFigures([data.previous, data.current], lang());
  return { current, previous };
}

/** The move of a change: +0.06个百分点, +8,732人 (+17.0%); nothing for a first value. */
export function formatDelta(data: ChangeEvent['data']): string | undefined {
  if (data.delta === null) return undefined;
  if (data.deltaPoints !== null) {
    const points = formatNumber(Math.abs(data.deltaPoints), lang());
    return signed(
      data.deltaPoints,
      lang() === 'zh' ? `${points}${t('pointsUnit')}` : `${points} ${t('pointsUnit')}`,
    );
  }
  const delta = formatSignedQuantity(data.delta, data.unit, lang());
  if (data.deltaPercent === null) return delta;
  return `${delta} (${formatPercentChange(data.deltaPercent, lang())})`;
}

/** An ISO day (as-of dates) in the reader's language, without any time zone shifting it. */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Days along an axis: without the year when they all share one (5月11日, 6月10日). */
export function formatAxisDays(days: string[]): string[] {
  const sameYear = new Set(days.map((day) => day.slice(0, 4))).size <= 1;
  const format = new Intl.DateTimeFormat(locale(), {
    ...(sameYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return days.map((day) => format.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)));
}

/** A moment (recording time) in the reader's time zone. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const typeKeys: Record<ChangeType, MessageKey> = {
  'figure.added': 'typeAdded',
  'figure.changed': 'typeChanged',
  'figure.revised': 'typeRevised',
  'figure.backfilled': 'typeBackfilled',
};

export function typeName(type: ChangeType): string {
  return t(typeKeys[type]);
}

/** CSS class suffix of a change type: added, changed, revised, backfilled. */
export function typeSlug(type: ChangeType): string {
  return type.slice('figure.'.length);
}
