// A price's unit carried to the figures that only restate it: the next item of its list (每吨分别降低130元和125元) and
// its change (每吨15210元，较前一周下跌286元), which write the amount without the quantity it is per.
import { isPhysicalQuantity, type RawFigure } from './read-figure.ts';
import { chineseUnits } from './units.ts';

const LIST_JOINS = new Set(['和', '、', '及', '与', '或']);
/** Change and comparison words a price's change is written after (下跌286元, 低于主营单位约200元). */
const CHANGE_WORD = /上涨|下跌|下降|上升|降低|提高|上调|下调|回落|减少|增加|低于|高于|便宜|涨|跌|降/;
const DIGIT = /[0-9０-９]/;
/** How far after the price its change may stand (，较前一周下跌). */
const BETWEEN_REACH = 12;

/** The price figures of one sentence, for the amounts after them that leave out what they are per. */
export class RateMemory {
  private price: RawFigure | undefined;
  private previous: RawFigure | undefined;

  /** A new sentence: nothing before it is carried. */
  reset() {
    this.price = undefined;
    this.previous = undefined;
  }

  /** Gives `raw` the unit (and the leading qualifier) of the price it restates, then remembers it. */
  carry(text: string, raw: RawFigure): RawFigure {
    const carried = this.carried(text, raw);
    this.previous = carried;
    if (carried.unit.kind === 'money' && carried.unit.unit.includes('/')) this.price = carried;
    else if (carried.unit.kind === 'money') this.price = undefined;
    return carried;
  }

  private carried(text: string, raw: RawFigure): RawFigure {
    if (raw.english || raw.unit.kind !== 'money' || raw.unit.unit.includes('/')) return raw;
    const { previous, price } = this;
    if (
      previous !== undefined &&
      isListNext(text, previous, raw) &&
      sameNumerator(previous, raw) &&
      perQuantity(previous)
    ) {
      // 每吨上调约150元和145元: 约 before the first item bounds the list.
      const leading = previous.qualifier !== 'exact' && !startsWithNumber(text, previous.start);
      const qualifier = raw.qualifier === 'exact' && leading ? previous.qualifier : raw.qualifier;
      return { ...raw, unit: previous.unit, qualifier };
    }
    if (price !== undefined && sameNumerator(price, raw) && raw.valueMax === undefined) {
      const between = text.slice(price.end, raw.start);
      if (between.length <= BETWEEN_REACH && !DIGIT.test(between) && CHANGE_WORD.test(between))
        return { ...raw, unit: price.unit };
    }
    return raw;
  }
}

/** 元/吨, 元/升, 美元/标准箱: a price of a quantity, not a standard per head or per month (每月1050元和860元). */
function perQuantity(price: RawFigure): boolean {
  const denominator = price.unit.unit.slice(price.unit.unit.indexOf('/') + 1);
  const unit = chineseUnits.match(denominator, 0);
  return unit !== undefined && unit.word === denominator && isPhysicalQuantity(unit.entry);
}

function isListNext(text: string, previous: RawFigure, raw: RawFigure): boolean {
  return raw.start - previous.end === 1 && LIST_JOINS.has(text.charAt(previous.end));
}

/** 元/吨 and 元, 美元/标准箱 and 美元: one currency. */
function sameNumerator(price: RawFigure, raw: RawFigure): boolean {
  const slash = price.unit.unit.indexOf('/');
  return slash > 0 && price.unit.unit.slice(0, slash) === raw.unit.unit;
}

function startsWithNumber(text: string, index: number): boolean {
  return /[0-9０-９一二三四五六七八九十两百千万]/.test(text.charAt(index));
}
