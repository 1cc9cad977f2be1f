// The domain's vocabulary, shared by the extractor, the diff, the stores and the events.

export const qualifiers = ['exact', 'approx', 'over', 'under'] as const;
export type Qualifier = (typeof qualifiers)[number];

/** The languages briefs are written in; a brief that names none is Chinese, the newsroom's language. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh';

export const figureKinds = [
  'count',
  'money',
  'percent',
  'growth_rate',
  'area',
  'volume',
  'ratio',
  'other',
] as const;
export type FigureKind = (typeof figureKinds)[number];

/**
 * Why an editor should look at a figure before trusting its metric: `collision` (another figure of the brief has
 * the same key and as-of but a different value), `weak-label` (named from a fallback rather than the text's own
 * words), `unit-missing` (no unit written: 达300余万), `unit-guessed` (the unit was inferred from the sentence).
 */
export const figureWarningCodes = ['collision', 'weak-label', 'unit-missing', 'unit-guessed'] as const;
export type FigureWarningCode = (typeof figureWarningCodes)[number];

export interface FigureWarning {
  code: FigureWarningCode;
  /** For the editor, in the brief's terms (which other figure, which fallback). */
  message: string;
}

/** One figure found in a text; offsets are JavaScript string indices into that text. */
export interface Figure {
  offset: number;
  length: number;
  surface: string;
  /** Normalized: 4.29亿元 → 429000000, 98.4% → 98.4; for a range, its lower bound. */
  value: number;
  /** Upper bound of a range (3至5万 → 50000), absent for a single value. */
  valueMax?: number;
  /** Base unit without scale: 元, 人, 户, %, 个百分点, 公顷, USD, people… */
  unit: string;
  qualifier: Qualifier;
  label: string;
  kind: FigureKind;
  metric: string;
  /** ISO date (YYYY-MM-DD) when the text locates the figure (截至5月11日, 一季度, 去年同期). */
  asOf?: string;
  /** Present only when there is something to check. */
  warnings?: FigureWarning[];
}

/** A figure as one point of a metric's series: what the diff compares. */
export interface Observation {
  metric: string;
  /** Sortable identity within the metric: as-of, then publication, then brief and revision. */
  key: string;
  asOf: string;
  publishedAt: string;
  briefId: string;
  revision: number;
  /** Index, in its revision's figure list, of the figure this observation was taken from. */
  figureIndex: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  label: string;
  kind: FigureKind;
  region: string;
  surface: string;
  /**
   * The brief's language, in which people read about this observation's change; absent for the default (Chinese),
   * so that stored items and answers of Chinese briefs stay as they were.
   */
  language?: Language;
}

export const changeTypes = ['figure.added', 'figure.changed', 'figure.revised', 'figure.backfilled'] as const;
export type ChangeType = (typeof changeTypes)[number];

export type Direction = 'up' | 'down';

export interface Change {
  type: ChangeType;
  /** Deterministic: the same observation always yields the same id (see eventIdOf). */
  eventId: string;
  metric: string;
  previous: Observation | null;
  current: Observation;
  delta: number | null;
  deltaPercent: number | null;
  /** For percent-valued metrics, the move in percentage points. */
  deltaPoints: number | null;
  direction: Direction | null;
  /** When the change was computed: the event's `time`. */
  recordedAt: string;
}
