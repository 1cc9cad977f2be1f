// Numbers, figures, changes and dates written one way on every page, in the reader's language.
import type { ChangeEvent, ChangeType, Observation } from './api.ts';
import { type Lang, lang, locale, type MessageKey, t } from './i18n.ts';

/** Scales a newsroom writes large figures in, largest first: 4.29亿元, 7.26万户; 429 million. */
const scales: Record<Lang, [number, string][]> = {
  zh: [
    [1e8, '亿'],
    [1e4, '万'],
  ],
  en: [
    [1e9, ' billion'],
    [1e6, ' million'],
  ],
};

/** A scale is used only when it loses nothing: 51268 stays 51,268, 60000 becomes 6万. */
function scaled(value: number, of: Lang): string {
  const magnitude = Math.abs(value);
  for (const [scale, word] of scales[of]) {
    const inScale = value / scale;
    if (magnitude >= scale && Math.abs(Math.round(inScale * 100) - inScale * 100) < 1e-6) {
      return `${new Intl.NumberFormat(locale(of), { maximumFractionDigits: 2 }).format(inScale)}${word}`;
    }
  }
  return new Intl.NumberFormat(locale(of), { maximumFractionDigits: 4 }).format(value);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 4 }).format(value);
}

/** A value with its unit as written: 2.85%, 6万人, 4.29亿元. */
export function formatValue(value: number, unit: string): string {
  const number = scaled(value, lang());
  if (unit === '%' || unit === '') return `${number}${unit}`;
  // Chinese units sit against the number; words of other scripts get a space.
  return /^[\u3400-\u9fff]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
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

/** The value as a reader says it: 约4.29亿元, about 429 million 元. */
export function formatFigure(figure: Pick<Observation, 'value' | 'unit' | 'qualifier'>): string {
  const word = qualifierWord(figure.qualifier);
  const value = formatValue(figure.value, figure.unit);
  if (word === '') return value;
  return lang() === 'zh' ? `${word}${value}` : `${word} ${value}`;
}

function signed(value: number, text: string): string {
  // A true minus sign: a hyphen reads as a dash in running text.
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The move of a change: +0.06个百分点, +8,732人 (+17.0%); nothing for a first value. */
export function formatDelta(data: ChangeEvent['data']): string | undefined {
  if (data.delta === null) return undefined;
  if (data.deltaPoints !== null) {
    const points = formatNumber(Math.abs(data.deltaPoints));
    return signed(
      data.deltaPoints,
      lang() === 'zh' ? `${points}${t('pointsUnit')}` : `${points} ${t('pointsUnit')}`,
    );
  }
  const delta = signed(data.delta, formatValue(Math.abs(data.delta), data.unit));
  if (data.deltaPercent === null) return delta;
  const magnitude = Math.abs(data.deltaPercent);
  // One decimal (+21.2%), but a small move keeps two significant digits (+0.029%) rather than reading +0.0%.
  const percent = new Intl.NumberFormat(
    locale(),
    magnitude < 1 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1, minimumFractionDigits: 1 },
  ).format(magnitude);
  return `${delta} (${signed(data.deltaPercent, `${percent}%`)})`;
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
