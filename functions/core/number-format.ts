// Numbers as people read them in a brief's language, one way for every value, move and percentage: the same rules
// as the pages (web/lib/format.ts), so that a figure reads alike on the site, in feeds and in email.
import type { Language, Qualifier } from './model.ts';

const locales: Record<Language, string> = { zh: 'zh-CN', en: 'en-US' };

/** Scales a newsroom writes large figures in, largest first: 4.29亿元, 7.26万户; 4.29 billion. */
const scales: Record<Language, readonly (readonly [number, string])[]> = {
  zh: [
    [1e8, '亿'],
    [1e4, '万'],
  ],
  en: [
    [1e9, ' billion'],
    [1e6, ' million'],
  ],
};

const qualifierWords: Record<Language, Record<Qualifier, string>> = {
  zh: { exact: '', approx: '约', over: '超', under: '不到' },
  en: { exact: '', approx: 'about', over: 'over', under: 'under' },
};

const formats = new Map<string, Intl.NumberFormat>();

function formatWith(language: Language, options: Intl.NumberFormatOptions, value: number): string {
  const id = `${language}:${JSON.stringify(options)}`;
  let format = formats.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(locales[language], options);
    formats.set(id, format);
  }
  return format.format(value);
}

/** A true minus sign: a hyphen reads as a dash in running text. */
export function signed(value: number, magnitudeText: string): string {
  return value > 0 ? `+${magnitudeText}` : value < 0 ? `−${magnitudeText}` : magnitudeText;
}

/** Grouped digits, at most four decimals: 42,303; 2.85; 0.0625. */
export function formatNumber(value: number, language: Language): string {
  return formatWith(language, { maximumFractionDigits: 4 }, value);
}

/** A scale only where it loses nothing at two decimals: 429000000 is 4.29亿, 51268 stays 51,268. */
function scaleOf(values: readonly number[], language: Language): readonly [number, string] | undefined {
  return scales[language].find(([scale]) =>
    values.every((value) => {
      const hundredths = (value / scale) * 100;
      return Math.abs(value) >= scale && Math.abs(Math.round(hundredths) - hundredths) < 1e-6;
    }),
  );
}

function scaledNumber(
  value: number,
  language: Language,
  scale: readonly [number, string] | undefined,
): string {
  if (scale === undefined) return formatNumber(value, language);
  const [factor, word] = scale;
  return `${formatWith(language, { maximumFractionDigits: 2 }, value / factor)}${word}`;
}

function quantityText(
  value: number,
  unit: string,
  language: Language,
  scale: readonly [number, string] | undefined,
): string {
  const number = scaledNumber(value, language, scale);
  return unit === '' || unit === '%' || /^[\u3000-\u9fff\uff00-\uffef]/u.test(unit)
    ? `${number}${unit}`
    : `${number} ${unit}`;
}

/** A number with its unit as written: 2.85%, 7.26万户, 42,303 people; CJK units and % sit against the number. */
export function formatQuantity(value: number, unit: string, language: Language): string {
  return quantityText(value, unit, language, scaleOf([value], language));
}

type Stated = { value: number; unit: string; qualifier: Qualifier };

function formatScaledFigure(
  figure: Stated,
  language: Language,
  scale: readonly [number, string] | undefined,
): string {
  const word = qualifierWords[language][figure.qualifier];
  const quantity = quantityText(figure.value, figure.unit, language, scale);
  if (word === '') return quantity;
  return language === 'zh' ? `${word}${quantity}` : `${word} ${quantity}`;
}

/** A figure as the brief stated it: 约4.29亿元, about 4.29 billion USD. */
export function formatFigure(figure: Stated, language: Language): string {
  return formatScaledFigure(figure, language, scaleOf([figure.value], language));
}

/**
 * Figures read side by side, written on one scale: 51,268人 → 61,200人 rather than 51,268人 → 6.12万人, and
 * 4.29亿元 → 4.5亿元 where both allow it.
 */
export function formatFigures(figures: readonly Stated[], language: Language): string[] {
  const scale = scaleOf(
    figures.map((figure) => figure.value),
    language,
  );
  return figures.map((figure) => formatScaledFigure(figure, language, scale));
}

/** A signed move in a unit: +8,965人, −0.5 USD. */
export function formatSignedQuantity(value: number, unit: string, language: Language): string {
  return signed(value, formatQuantity(Math.abs(value), unit, language));
}

/** A relative move: one decimal (+21.2%), but two significant digits below 1% (+0.029%) rather than +0.0%. */
export function formatPercentChange(percent: number, language: Language): string {
  const magnitude = Math.abs(percent);
  const options: Intl.NumberFormatOptions =
    magnitude < 1 ? { maximumSignificantDigits: 2 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return signed(percent, `${formatWith(language, options, magnitude)}%`);
}
