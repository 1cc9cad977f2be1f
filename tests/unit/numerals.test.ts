import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, toChineseNumeral } from '../../functions/core/extract/index.ts';
import { arabicDigit, isChineseNumeral, NUMERAL_CHARS } from '../../functions/core/extract/numerals.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['三万四千五百', 34500],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零五', 1005],
    ['十万零一十', 100010],
    ['两千', 2000],
    ['三万五', 35000],
    ['一千二', 1200],
    ['一亿二千万', 120000000],
    ['一亿零一万', 100010000],
    ['三万亿', 3000000000000],
    ['一万二千亿', 1200000000000],
    ['〇', 0],
    ['零', 0],
    ['零点五', 0.5],
    ['三点一四', 3.14],
    ['四点二九亿', 429000000],
    ['负三点五', -3.5],
    ['叁万肆仟伍佰', 34500],
  ])('reads %s as %s', (numeral, value) => {
    expect(parseChineseNumber(numeral)).toBe(value);
  });

  it.each(['十三五', '二〇二〇', '一二三', '十十', '万万', '', '三个', 'abc'])(
    'rejects %s, which is not one positional numeral',
    (text) => {
      expect(parseChineseNumber(text)).toBeUndefined();
    },
  );
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [10, '十'],
    [15, '十五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [100010, '十万零一十'],
    [10000001, '一千万零一'],
    [100000001, '一亿零一'],
    [1234567800000000, '一千二百三十四万五千六百七十八亿'],
    [3.25, '三点二五'],
    [-7, '负七'],
  ])('writes %s as %s', (value, numeral) => {
    expect(toChineseNumeral(value)).toBe(numeral);
  });

  it('refuses values it cannot write, naming the value', () => {
    expect(() => toChineseNumeral(1e16)).toThrow(/10\^16, received 10000000000000000/);
    expect(() => toChineseNumeral(Number.NaN)).toThrow(/finite, received NaN/);
  });

  it('round-trips every integer below 10^16 through parseChineseNumber', () => {
    fc.assert(
      fc.property(
        fc
          .bigInt({ min: 0n, max: 10n ** 16n - 1n })
          .map(Number)
          .filter((value) => value < 1e16),
        (value) => parseChineseNumber(toChineseNumeral(value)) === value,
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips small integers exhaustively enough to cover every 零 gap pattern', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        (value) => parseChineseNumber(toChineseNumeral(value)) === value,
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips decimals and negatives', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
        (value) => parseChineseNumber(toChineseNumeral(value)) === (Object.is(value, -0) ? 0 : value),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the numeral characters', () => {
  it('are exactly the codes read as an Arabic digit or a Chinese numeral', () => {
    const accepted = Array.from({ length: 0x10000 }, (_, code) => code).filter(
      (code) => arabicDigit(code) >= 0 || isChineseNumeral(code),
    );
    const listed = [...NUMERAL_CHARS].map((char) => char.charCodeAt(0)).sort((left, right) => left - right);
    expect(listed).toEqual(accepted);
  });
});
