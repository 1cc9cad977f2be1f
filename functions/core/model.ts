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
  /** ISO date (YYYY-MM-DD) when the sentence states one (截至5月11日). */
  asOf?: string;
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
