// Chinese and Arabic numerals: character tables, the positional grammar, and exact decimal scaling.

/** Digit value of a Chinese numeral character, or -1. 零 and 〇 are 0; 两 is 2. */
const CHINESE_DIGIT = new Int8Array(0x10000).fill(-1);
/** Power of ten of a Chinese unit character (十 1, 百 2, 千 3, 万 4, 亿 8), or 0. */
const CHINESE_POWER = new Uint8Array(0x10000);

const DIGIT_CHARS = [
  ['零〇', 0],
  ['一壹', 1],
  ['二两貳贰', 2],
  ['三叁', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆', 6],
  ['七柒', 7],
  ['八捌', 8],
  ['九玖', 9],
] as const;
const POWER_CHARS = [
  ['十拾', 1],
  ['百佰', 2],
  ['千仟', 3],
  ['万萬', 4],
  ['亿億', 8],
] as const;
for (const [chars, digit] of DIGIT_CHARS) {
  for (const char of chars) CHINESE_DIGIT[char.charCodeAt(0)] = digit;
}
for (const [chars, power] of POWER_CHARS) {
  for (const char of chars) CHINESE_POWER[char.charCodeAt(0)] = power;
}

/** Every character that isChineseNumeral or arabicDigit accepts, for tables built without testing every code. */
export const NUMERAL_CHARS = `0123456789０１２３４５６７８９${[...DIGIT_CHARS, ...POWER_CHARS].map(([chars]) => chars).join('')}`;

const DECIMAL_POINT_CHINESE = '点'.charCodeAt(0);
const NEGATIVE_CHINESE = '负'.charCodeAt(0);
const ZERO_CHINESE = '零'.charCodeAt(0);

export function chineseDigit(code: number): number {
  return CHINESE_DIGIT[code] ?? -1;
}

export function chinesePower(code: number): number {
  return CHINESE_POWER[code] ?? 0;
}

export function isChineseNumeral(code: number): boolean {
  return chineseDigit(code) >= 0 || chinesePower(code) > 0;
}

/** 0–9 for ASCII and full-width digits, else -1. */
export function arabicDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/**
 * The exact double nearest to `integerDigits.fractionDigits × 10^exponent`, computed by the
 * decimal parser rather than by float multiplication, so 4.29亿 is 429000000 and not 428999999.99999994.
 */
export function scaledDecimal(integerDigits: string, fractionDigits: string, exponent: number): number {
  const mantissa = fractionDigits === '' ? integerDigits || '0' : `${integerDigits || '0'}.${fractionDigits}`;
  return Number(exponent === 0 ? mantissa : `${mantissa}e${exponent}`);
}

/** A Chinese numeral read by the grammar: its integer part exactly, fraction digits and trailing scale. */
export interface ChineseNumeral {
  /** Index after the last character consumed. */
  end: number;
  integer: bigint;
  fractionDigits: string;
  /** Power of ten applied after a decimal part (三点五亿 → 8). */
  exponent: number;
  /** Characters of the numeral, for telling 三 from 三万四千 and 百 from 一百. */
  length: number;
  /** Ended on a unit character (十, 万, 亿), so a following 余/多 qualifies the whole. */
  endsOnUnit: boolean;
}

/**
 * Reads the longest valid Chinese numeral starting at `start` (positional grammar with 零 gaps, 万亿,
 * abbreviated tails like 三万五 = 35000, and 点 decimals); undefined when none starts there.
 * It stops before a second digit in a row: callers treat such digit strings (二〇二〇, 十三五) as non-numerals.
 */
export function readChineseNumeral(
  text: string,
  start: number,
  limit = text.length,
): ChineseNumeral | undefined {
  let total = 0n; // sum of completed 亿 groups
  let tenThousands = 0n; // value before a 万 waiting for a possible 亿 (三万亿)
  let section = 0n; // below 10^4
  let pending = -1; // a digit not yet multiplied by a unit
  let lastPower = 0; // the smallest unit seen so far, for abbreviated tails and ordering
  let sectionPower = 5; // units within a section must decrease: 三千五百
  let zeroGap = false;
  let sawWan = false;
  let endsOnUnit = false;
  let index = start;
  let lastGood = -1;
  let snapshot: bigint = 0n;

  for (; index < limit; index++) {
    const code = text.charCodeAt(index);
    const digit = chineseDigit(code);
    if (digit >= 0) {
      if (code === ZERO_CHINESE || digit === 0) {
        // 零 marks a gap (一千零五); two digits in a row are a digit string, not a numeral.
        if (pending >= 0) break;
        if (index === start) break;
        zeroGap = true;
        continue;
      }
      if (pending >= 0) break;
      pending = digit;
      endsOnUnit = false;
      lastGood = index + 1;
      snapshot = total + tenThousands + section + pendingTail(pending, zeroGap, lastPower);
      continue;
    }
    const power = chinesePower(code);
    if (power === 0) break;
    if (power < 4) {
      if (power >= sectionPower) break;
      const multiplier = pending >= 0 ? BigInt(pending) : 1n;
      section += multiplier * 10n ** BigInt(power);
      sectionPower = power;
    } else if (power === 4) {
      if (sawWan) break;
      const group = section + (pending >= 0 ? BigInt(pending) : 0n);
      tenThousands = (group === 0n && total === 0n ? 1n : group) * 10000n;
      section = 0n;
      sectionPower = 5;
      sawWan = true;
    } else {
      const group = tenThousands + section + (pending >= 0 ? BigInt(pending) : 0n);
      total = (total + (group === 0n && total === 0n ? 1n : group)) * 100000000n;
      tenThousands = 0n;
      section = 0n;
      sectionPower = 5;
      sawWan = false;
    }
    pending = -1;
    zeroGap = false;
    lastPower = power;
    endsOnUnit = true;
    lastGood = index + 1;
    snapshot = total + tenThousands + section + pendingTail(pending, zeroGap, lastPower);
  }
  if (lastGood < 0) return undefined;
  const integer = snapshot;
  let end = lastGood;
  let fractionDigits = '';
  let exponent = 0;
  if (
    text.charCodeAt(end) === DECIMAL_POINT_CHINESE &&
    end + 1 < limit &&
    chineseDigit(text.charCodeAt(end + 1)) >= 0
  ) {
    let cursor = end + 1;
    while (cursor < limit && chineseDigit(text.charCodeAt(cursor)) >= 0) {
      fractionDigits += String(chineseDigit(text.charCodeAt(cursor)));
      cursor++;
    }
    while (cursor < limit && chinesePower(text.charCodeAt(cursor)) >= 4) {
      exponent += chinesePower(text.charCodeAt(cursor));
      cursor++;
    }
    end = cursor;
    endsOnUnit = exponent > 0;
  }
  return { end, integer, fractionDigits, exponent, length: end - start, endsOnUnit };
}

/** A digit not yet multiplied by a unit: an abbreviated tail (三万五 = 35000) or a plain last digit. */
function pendingTail(pending: number, zeroGap: boolean, lastPower: number): bigint {
  if (pending < 0) return 0n;
  const tailPower = zeroGap || lastPower === 0 ? 0 : lastPower - 1;
  return BigInt(pending) * 10n ** BigInt(tailPower);
}

/** The value of a whole Chinese numeral ('三万四千五百' → 34500, '负三点五' → -3.5); undefined if not one. */
export function parseChineseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const negative = trimmed.charCodeAt(0) === NEGATIVE_CHINESE;
  const body = negative ? trimmed.slice(1) : trimmed;
  if (body === '') return undefined;
  const numeral = readChineseNumeral(body, 0) ?? readZero(body);
  if (numeral === undefined || numeral.end !== body.length) return undefined;
  const magnitude = scaledDecimal(numeral.integer.toString(), numeral.fractionDigits, numeral.exponent);
  return negative ? -magnitude : magnitude;
}

/** 零 alone, or 零点五: the grammar above treats a leading 零 as a gap, so zero is read here. */
function readZero(text: string): ChineseNumeral | undefined {
  if (chineseDigit(text.charCodeAt(0)) !== 0) return undefined;
  let fractionDigits = '';
  let end = 1;
  if (text.charCodeAt(1) === DECIMAL_POINT_CHINESE) {
    for (end = 2; end < text.length && chineseDigit(text.charCodeAt(end)) >= 0; end++) {
      fractionDigits += String(chineseDigit(text.charCodeAt(end)));
    }
    if (fractionDigits === '') return undefined;
  }
  return { end, integer: 0n, fractionDigits, exponent: 0, length: end, endsOnUnit: false };
}

const DIGIT_NAMES = '零一二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];
const TEN_POW_16 = 10n ** 16n;

/** Reads a section below 10^4; `leading` drops the 一 of 一十 at the very start (十五, not 一十五). */
function sectionNumeral(value: number, leading: boolean): string {
  let out = '';
  let gap = false;
  for (let power = 3; power >= 0; power--) {
    const digit = Math.floor(value / 10 ** power) % 10;
    if (digit === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    const omitOne = leading && out === '' && power === 1 && digit === 1;
    out += (omitOne ? '' : (DIGIT_NAMES[digit] ?? '')) + (SMALL_UNITS[power] ?? '');
  }
  return out;
}

/** A positive integer below 10^16 as 亿, 万 and unit groups, with 零 where a group or its leading digits are empty. */
function groupedNumeral(integer: bigint): string {
  const groups: [bigint, string][] = [
    [integer / 100000000n, '亿'],
    [(integer / 10000n) % 10000n, '万'],
    [integer % 10000n, ''],
  ];
  let out = '';
  let skipped = false;
  for (const [group, suffix] of groups) {
    if (group === 0n) {
      skipped = out !== '';
      continue;
    }
    const head = group >= 10000n ? groupedNumeral(group) : '';
    const section = head === '' ? Number(group) : 0;
    if (out !== '' && (skipped || group < 1000n)) out += '零';
    skipped = false;
    out += (head === '' ? sectionNumeral(section, out === '') : head) + suffix;
  }
  return out;
}

/** Plain decimal digits of a finite number, without exponent notation (1e-7 → '0.0000001'). */
function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const digits = `${match[1]}${match[2] ?? ''}`;
  const pointAt = (match[1] ?? '').length + Number(match[3]);
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** The Chinese numeral of a finite number below 10^16 in magnitude (34500 → '三万四千五百', 3.25 → '三点二五'). */
export function toChineseNumeral(value: number): string {
  if (!Number.isFinite(value))
    throw new RangeError(`toChineseNumeral: value must be finite, received ${value}`);
  const negative = value < 0 || Object.is(value, -0);
  const [integerText = '0', fractionText = ''] = plainDecimal(Math.abs(value)).split('.');
  const integer = BigInt(integerText);
  if (integer >= TEN_POW_16) {
    throw new RangeError(`toChineseNumeral: |value| must be below 10^16, received ${value}`);
  }
  const integerNumeral = integer === 0n ? '零' : groupedNumeral(integer);
  const fraction = [...fractionText].map((digit) => DIGIT_NAMES[Number(digit)]).join('');
  return `${negative && value !== 0 ? '负' : ''}${integerNumeral}${fraction === '' ? '' : `点${fraction}`}`;
}
