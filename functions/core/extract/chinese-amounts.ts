// Chinese scale words after a number (万, 亿, 千万) and the vague amounts built on them, read as ranges:
// 五六百 (500–600), 几千 (1000–10000), 数十亿 (10亿–100亿), 十几万 (10万–20万), as JioNLP's money parser reads them.
import { chineseDigit, chinesePower, readChineseNumeral } from './numerals.ts';
import { chineseUnits } from './units.ts';

/** Chinese scale characters after a number (万, 亿, 千万, 万亿), stopping where a unit starts (千米, 百分点). */
export function readChineseScale(text: string, index: number): { end: number; exponent: number } {
  let cursor = index;
  let exponent = 0;
  let lastPower = 99;
  let wanSeen = false;
  while (cursor < text.length) {
    const power = chinesePower(text.charCodeAt(cursor));
    if (power === 0) break;
    const unit = chineseUnits.match(text, cursor);
    if (unit !== undefined && unit.word.length > 1) break;
    const allowed =
      power < 4 ? lastPower === 99 : power === 4 ? !wanSeen && lastPower !== 8 : lastPower !== 8;
    if (!allowed) break;
    if (power === 4) wanSeen = true;
    exponent += power;
    lastPower = power;
    cursor++;
  }
  return { end: cursor, exponent };
}

/** A vague amount: both bounds as integer digits, and where its words end. */
export interface VagueAmount {
  lower: bigint;
  upper: bigint;
  end: number;
  /** Two digits without a scale (七八成, 三四家): like a lone numeral, a figure only before a measure unit. */
  lone: boolean;
}

const JI = 0x51e0; // 几
/** How far into a numeral a 几 may stand (三十几, 一百二十几). */
const NUMERAL_REACH = 8;
const SHU = 0x6570; // 数

/** Whether `code` may open a vague amount that is not a numeral: 几千, 数十亿. */
export function opensVagueAmount(code: number, next: number): boolean {
  return (code === JI || code === SHU) && chinesePower(next) > 0;
}

/** 几千, 数十亿: from one to ten of the scale. */
function someOfScale(text: string, index: number): VagueAmount | undefined {
  if (!opensVagueAmount(text.charCodeAt(index), text.charCodeAt(index + 1))) return undefined;
  const scale = readChineseScale(text, index + 1);
  if (scale.exponent === 0) return undefined;
  const lower = 10n ** BigInt(scale.exponent);
  return { lower, upper: lower * 10n, end: scale.end, lone: false };
}

/** 五六百, 三五百, 八九亿, 七八成: two rising digits sharing the scale after the second. */
function digitPair(text: string, index: number): VagueAmount | undefined {
  const low = chineseDigit(text.charCodeAt(index));
  const high = chineseDigit(text.charCodeAt(index + 1));
  if (low < 1 || high <= low) return undefined;
  const upper = readChineseNumeral(text, index + 1);
  if (upper === undefined || upper.fractionDigits !== '' || chineseDigit(text.charCodeAt(upper.end)) >= 0) {
    return undefined;
  }
  let scale = 1n;
  while (scale * BigInt(high) < upper.integer) scale *= 10n;
  if (scale * BigInt(high) !== upper.integer) return undefined;
  return { lower: scale * BigInt(low), upper: upper.integer, end: upper.end, lone: upper.length === 1 };
}

/** 十几万, 三十几: a numeral ending on a unit character, then 几, then an optional scale. */
function unitThenSome(text: string, index: number): VagueAmount | undefined {
  // Most numerals have no 几 after them: look before reading the numeral.
  const limit = Math.min(text.length, index + NUMERAL_REACH);
  let ji = index + 1;
  while (ji < limit && text.charCodeAt(ji) !== JI) ji++;
  if (ji === limit) return undefined;
  const numeral = readChineseNumeral(text, index);
  if (numeral === undefined || !numeral.endsOnUnit || numeral.fractionDigits !== '') return undefined;
  if (text.charCodeAt(numeral.end) !== JI) return undefined;
  const step = 10n ** BigInt(chinesePower(text.charCodeAt(numeral.end - 1)));
  const scale = readChineseScale(text, numeral.end + 1);
  if (scale.exponent > 0 && scale.exponent < 4) return undefined;
  const factor = 10n ** BigInt(scale.exponent);
  return {
    lower: numeral.integer * factor,
    upper: (numeral.integer + step) * factor,
    end: scale.end,
    lone: false,
  };
}

/** The vague amount starting at `index`, if one does. */
export function vagueAmountAt(text: string, index: number): VagueAmount | undefined {
  return someOfScale(text, index) ?? digitPair(text, index) ?? unitThenSome(text, index);
}
