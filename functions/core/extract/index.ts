// The figure extractor's public surface.
//
// Decisions a reader of the figures should know:
// - Ratios: 1:10 and 1∶10 have value 10 (right over left), unit 'ratio', as has a ratio named before its bare value
//   (城乡居民收入比为2.10). A colon reads as a ratio only after 比
//   or with the ratio sign ∶; 10:30 is a time. Parts that make a whole (三次产业结构为4.1：38.6：57.3) are one
//   percent share per part.
// - Units as written, scale folded: 公斤 stays 公斤, a rate keeps its denominator (万吨/日 → 吨/日), but a price
//   of produce or land written with 每 (每斤1.38元, 每亩补贴80元) is in 元 (its key keeps the rate); a price is
//   money; index points (3200点) are 'other'; a count with no unit word (300余万) has unit ''.
// - Currencies: 元 stays '元' (scale folded: 4.29亿元 → 429000000 元); foreign currencies are ISO codes,
//   美元 and $ alike → 'USD', except in a rate, which keeps both words as written (美元/标准箱).
// - Basis points (个基点, 基点) are unit '个基点', like 个百分点 a difference of rates: kind growth_rate.
// - Percent: % and 百分之N → '%'; N成 → N×10 '%', N成M → N×10+M '%'; 半数, and 半 or 一半 framed as a share (占比接近一半, 过半) → 50 '%'; 个百分点 → unit '个百分点', kind growth_rate (a difference
//   of rates). A % is a growth_rate when a growth verb (增长, 下降, 减…) or noun (增速, 增幅…) names it;
//   一倍 and 翻一番 are a growth of 100%.
// - Declines keep the value as written (下降2.3% → 2.3) with the verb in the label, so growth and decline
//   are separate series rather than one series with flipped meaning.
// - Ranges: value is the lower bound, valueMax the upper; 3至5万 → 30000–50000. Vague amounts are approximate
//   ranges: 五六百 → 500–600, 几千 → 1000–10000, 数十亿 → 10亿–100亿.
// - As-of: the period or 截至 date that locates the figure (一季度 → 03-31, 1-5月, 上半年, 前4个月, 2022年,
//   in the first quarter), carried through its paragraph until 目前 or a new period; 去年同期 and "a year
//   earlier" are the same series one year before. A headline figure that restates a body figure takes its key
//   and as-of. 今年以来 and "now" are of now; what is reported done is never dated by a day still to come (今年…
//   任务已完成76公里); a price takes a period from its own sentence only; an amount per item (单个项目奖励) is a
//   standard, undated; a survey of the year under way (今年…监测结果显示) dates nothing.
// - Labels name the series: subject and measure plus what tells it from its neighbours (see tests/fixtures/extract/labeled/README.md); two
//   different figures of one text never share a key at one as-of unless nothing tells them apart, and then both
//   carry a 'collision' warning.
// - Not figures: dates and times, durations (20天, 3个月, 十几年, 三年行动计划), ordinals, codes (5G),
//   numbers in 《titles》, bare numbers without a unit (十三五, 六稳), a lone 一 (an article), other lone
//   numerals unless a measure unit or a qualifier goes with them (三人 and 近百只 are figures, 两项新政策 is
//   wording), 百/千/万 alone (百名干部), bounds that define a group (月收入在8000元以上的, 近半数受访者每周锻炼
//   不足3次, 5000万元以上产业项目150个), ages ("aged over 60"), 两位数, and the number of kinds a price is averaged
//   over (28种重点监测蔬菜均价).
// - Qualifiers before, inside or after the figure (约, 余, 以上, about…) are part of its span.
export { type ExtractContext, extractFigures } from './extract.ts';
export { parseChineseNumber, toChineseNumeral } from './numerals.ts';
