// What kind of figure a labelled figure is, where its unit alone does not say: a share or a change, a count or a
// rate per head of a population.
import type { FigureKind } from '../model.ts';
import { sentenceOpening } from './chars.ts';
import type { RawFigure } from './read-figure.ts';

/** 的受访者占73.8%, 占比为: a share of a whole, whatever change words the group it counts is defined by. */
const SHARE_BEFORE = /(?:占|占比|所占比重|占比重)(?:了|为|达|达到|约|近|超过?)?$/;
/** 增产约一成, 减收12%, 成交额放大15%, 降幅收窄: change verbs the label does not list, right before the figure. */
const CHANGE_BEFORE =
  /(?:增产|减产|增收|减收|扩大|缩小|放大|收窄|放缓|加快|增长了|涨了|跌了|(?:同比|环比)(?:增|减|降|涨|跌|升))$/;
/** 分别增长9.3%和11.6%: the next item of a list of changes is a change too. */
const LIST_JOIN = /^[和、及与]$/;
/** 比市场价低三到四成: a difference from what it is compared with. */
const COMPARED_BEFORE = /比[^，。；、比较]{1,10}(?:低|高)(?:了)?(?:约|近|超过?)?$/;
/** 每千人口执业医师数, 每万名老年人拥有: a number per so many people or households. */
const PER_POPULATION = /每[十百千万]+(?:名|个|位)?(?:人|户|家|老年人|儿童|常住人口|居民)/;
/** "1.8 village doctors for every 1,000 rural residents", "4.2 beds per 1,000 people": a rate per population. */
const PER_POPULATION_AFTER = /^ (?:for every|for each|per|to every) \d/;
/** English nouns after a percent that make it a change (a 9.2% pace, a 5 percent increase). */
const CHANGE_AFTER =
  /^ (?:pace|growth|increase|rise|gain|jump|expansion|decline|drop|fall|decrease|slump|surge|plunge)\b/;
/** "a growth target of around 5%": a target for a growth is a growth rate. */
const GROWTH_TARGET = /\bgrowth target$/;
/** "climb 9.2%": a growth the label reading does not take as one. */
const ENGLISH_CHANGE_BEFORE =
  /\b(?:climb|climbs|advance|advanced|advances|gain|gained|gains|growth (?:came in at|was|stood at|reached|hit|of))\s*$/;
/** "quickening from 4.1% in the first half", "slowing from 9.2%": the earlier pace a growth changed from. */
const PACE_FROM_BEFORE =
  /\b(?:quicken(?:s|ed|ing)?|accelerat(?:es|ed|ing)|slow(?:s|ed|ing)|decelerat(?:es|ed|ing)|picking up|picked up) from $/;
/** "rose 0.94 percentage points to 66.16 percent": the level a change of points led to. */
const LEVEL_AFTER_POINTS = /^ to (?:a record )?$/;

export interface KindContext {
  text: string;
  label: string;
  /** The figure before in the same sentence. */
  previous: { end: number; unit: string; kind?: FigureKind } | undefined;
}

/** The kind of `raw` given whether its label speaks of a change (`growth`). */
export function kindOf(raw: RawFigure, growth: boolean, { text, label, previous }: KindContext): FigureKind {
  const { kind } = raw.unit;
  // "3.4 times oversubscribed", "11.8 times forward earnings": an English multiple written as one number.
  if (raw.english && raw.unit.unit === 'times') return 'ratio';
  if (kind === 'percent')
    return percentKind(raw, growth || GROWTH_TARGET.test(label), text, previous) ? 'growth_rate' : 'percent';
  // 每千人口执业医师3.1人, 每万人拥有床位75张: a rate per population, not a count, whether or not it is whole.
  if (
    kind === 'count' &&
    (PER_POPULATION.test(label) ||
      perPopulationBefore(text, raw) ||
      (raw.english && PER_POPULATION_AFTER.test(text.slice(raw.end, raw.end + 16))))
  )
    return 'other';
  return kind;
}

function percentKind(
  raw: RawFigure,
  growth: boolean,
  text: string,
  previous: KindContext['previous'],
): boolean {
  const before = text.slice(Math.max(0, raw.start - 24), raw.start);
  if (raw.english) {
    if (
      previous?.unit === 'percentage points' &&
      LEVEL_AFTER_POINTS.test(text.slice(previous.end, raw.start))
    )
      return false;
    return (
      growth ||
      CHANGE_AFTER.test(text.slice(raw.end, raw.end + 12)) ||
      ENGLISH_CHANGE_BEFORE.test(before) ||
      PACE_FROM_BEFORE.test(before)
    );
  }
  if (SHARE_BEFORE.test(before)) return false;
  const listed =
    previous?.kind === 'growth_rate' &&
    previous.unit === raw.unit.unit &&
    LIST_JOIN.test(text.slice(previous.end, raw.start));
  return growth || listed || CHANGE_BEFORE.test(before) || COMPARED_BEFORE.test(before);
}

/** 每千人口…比2020年末增加0.8人: the per-population measure named earlier in the sentence. */
const PER_POPULATION_REACH = 40;
function perPopulationBefore(text: string, raw: RawFigure): boolean {
  return PER_POPULATION.test(text.slice(sentenceOpening(text, raw.start, PER_POPULATION_REACH), raw.start));
}
