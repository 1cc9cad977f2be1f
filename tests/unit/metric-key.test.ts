import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { metricKey, normalizeLabel, unitFamily } from '../../functions/core/metric-key.ts';

describe('unitFamily', () => {
  it.each([
    ['元', 'money:CNY'],
    ['USD', 'money:USD'],
    ['%', 'percent'],
    ['个百分点', 'points'],
    ['人', 'people'],
    ['名', 'people'],
    ['户', 'households'],
    ['人次', 'person-times'],
    ['个', 'count'],
    ['家', 'count'],
    ['公顷', 'area:ha'],
    ['平方米', 'area:m2'],
    ['立方米', 'volume:m3'],
    ['ratio', 'ratio'],
    ['jobs', 'count:jobs'],
  ])('puts %s in the family %s', (unit, family) => {
    expect(unitFamily(unit)).toBe(family);
  });
});

describe('normalizeLabel', () => {
  it('drops wording that differs between briefs but not what is measured', () => {
    expect(normalizeLabel('今年计划开展人工造林')).toBe(normalizeLabel('计划人工造林'));
    expect(normalizeLabel('“四旁”植树')).toBe('四旁植树');
    expect(normalizeLabel('复工率达到')).toBe('复工率');
  });

  it('treats light verbs and the year-on-year base as wording, but keeps rates and other bases', () => {
    expect(normalizeLabel('完成交通固定资产投资')).toBe(normalizeLabel('交通固定资产投资'));
    expect(normalizeLabel('规模以上工业企业实现营业收入')).toBe(normalizeLabel('规模以上工业企业营业收入'));
    expect(normalizeLabel('森林面积比上年增加')).toBe(normalizeLabel('森林面积同比增加'));
    expect(normalizeLabel('存款余额较年初增加')).toBe(normalizeLabel('存款余额增加'));
    expect(normalizeLabel('完成率')).toBe('完成率');
    expect(normalizeLabel('涨幅比上月回落')).not.toBe(normalizeLabel('涨幅回落'));
  });

  it('applies the editors aliases', () => {
    expect(normalizeLabel('登记失业率', defaultAliases)).toBe('城镇登记失业率');
    expect(normalizeLabel('规上工业企业复工率', defaultAliases)).toBe('规模以上工业企业复工率');
  });

  it('does not take Object.prototype members for aliases', () => {
    expect(normalizeLabel('constructor', defaultAliases)).toBe('constructor');
    expect(unitFamily('toString')).toBe('count:tostring');
  });

  it('spells synonyms one way (规上, 营收, 增速) and puts the verb before its object', () => {
    expect(normalizeLabel('规上工业增加值增长')).toBe(normalizeLabel('规模以上工业增加值增长'));
    expect(normalizeLabel('营收增长')).toBe(normalizeLabel('营业收入增速'));
    expect(normalizeLabel('老旧小区改造')).toBe(normalizeLabel('改造老旧小区'));
  });

  it('drops stage words from the key across briefs but keeps them in the strict key', () => {
    expect(normalizeLabel('计划改造老旧小区')).toBe(normalizeLabel('老旧小区改造任务'));
    expect(normalizeLabel('已改造老旧小区', {}, { strict: true })).not.toBe(
      normalizeLabel('计划改造老旧小区', {}, { strict: true }),
    );
  });

  it('folds full-width letters and capitals', () => {
    expect(normalizeLabel('ＧＤＰ增长')).toBe(normalizeLabel('gdp增长'));
  });
});

describe('metricKey', () => {
  it('joins region, normalized label and unit family', () => {
    expect(metricKey({ region: '大连', label: '城镇登记失业率', unit: '%' })).toBe(
      '大连:城镇登记失业率:percent',
    );
  });

  it('gives a headline and its body the same key when only the counted noun differs', () => {
    expect(metricKey({ region: '大连', label: '惠及居民', unit: '户' })).toBe(
      metricKey({ region: '大连', label: '惠及', unit: '户' }),
    );
  });

  it('keeps a rate and its growth apart', () => {
    expect(metricKey({ label: '工业用电量增长', unit: '%' })).not.toBe(
      metricKey({ label: '工业用电量', unit: '%' }),
    );
  });

  it('never contains characters that break a URL path', () => {
    const key = metricKey({ region: 'a/b?c', label: '元/平方米 #1 %', unit: '元/平方米' });
    expect(key).not.toMatch(/[/?#]/);
  });
});
