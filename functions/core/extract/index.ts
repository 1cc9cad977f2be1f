// The figure extractor's public surface.
//
// Decisions a reader of the figures should know:
// - Ratios: 1:10 and 1∶10 have value 10 (right over left), unit 'ratio'. A colon reads as a ratio only after 比
//   or with the ratio sign ∶; 10:30 is a time.
// - Currencies: 元 stays '元' (scale folded: 4.29亿元 → 429000000 元); foreign currencies are ISO codes,
//   美元 and $ alike → 'USD'.
// - Percent: % and 百分之N → '%'; N成 → N×10 '%'; 个百分点 → unit '个百分点', kind growth_rate (a difference
//   of rates). A % is a growth_rate when a growth verb (增长, 下降…) or noun (增速, 增幅…) names it.
// - Declines keep the value as written (下降2.3% → 2.3) with the verb in the label, so growth and decline
//   are separate series rather than one series with flipped meaning.
// - Ranges: value is the lower bound, valueMax the upper; 3至5万 → 30000–50000.
// - Not figures: dates and times, durations (20天, 3个月, 十几年, 三年行动计划), ordinals, codes (5G),
//   numbers in 《titles》, bare numbers without a unit (十三五, 六稳), a lone 一 (an article), other lone
//   numerals unless a measure unit follows (三人 is a figure, 两项新政策 is wording), and 百/千/万 alone (百名干部).
// - Qualifiers before, inside or after the figure (约, 余, 以上, about…) are part of its span.
export { type ExtractContext, extractFigures } from './extract.ts';
export { parseChineseNumber, toChineseNumeral } from './numerals.ts';
