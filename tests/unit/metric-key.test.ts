import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { metricKey, normalizeLabel, unitFamily } from '../../functions/core/metric-key.ts';

/** Assertions that two labels of one unit give one metric key, or two, in a region (or in another given place). */
const keysIn = (region: string) => {
  const keys = (left: string, right: string, unit: string, place: string) => [
    metricKey({ region: place, label: left, unit }),
    metricKey({ region: place, label: right, unit }),
  ];
  return {
    same: (left: string, right: string, unit = '%', place = region) => {
      const [one, other] = keys(left, right, unit, place);
      expect(one).toBe(other);
    },
    apart: (left: string, right: string, unit = '%', place = region) => {
      const [one, other] = keys(left, right, unit, place);
      expect(one).not.toBe(other);
    },
  };
};

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

describe('identity of round 7', () => {
  const { same } = keysIn('临川');

  it('reads a total, visitors received and 实施 as the same series as the plain name', () => {
    same('景区门票总收入', '景区门票收入', '元');
    same('新能源公交车总数', '新能源公交车', '辆');
    same('接待境内外游客', '游客量', '人次');
    same('实施危房改造', '危房改造', '户');
  });

  it('reads 经济总量 and 经济增长 as the output of the region and its growth', () => {
    same('经济总量', '地区生产总值', '亿元');
    same('经济增长', '地区生产总值增长');
  });

  it('spells a price one way, however averaged or shortened, but keeps an average over years', () => {
    same('大蒜批发均价', '大蒜批发价');
    same('鸡蛋零售平均价格', '鸡蛋零售价格', '元/千克');
    same('土地成交平均溢价率', '土地成交溢价率');
    expect(normalizeLabel('两年平均增长')).not.toBe(normalizeLabel('两年增长'));
  });

  it('reads 新建 as 建设, 百强 as top100 and a survey sample however it was asked', () => {
    same('新建口袋公园', '建设口袋公园', '个');
    same('top100物业企业营业收入', '百强物业企业营业收入', '元');
    same('访问外卖骑手', '受访外卖骑手', '人');
    same('对社区食堂感到满意受访老人占比', '对社区食堂满意老人占比');
    same('拿到实习机会学生占比', '获实习机会学生占比');
  });

  it('reads English changes, verbs and nouns of one series in either wording', () => {
    same('growth in parcels delivered', 'parcels delivered growth');
    same('share of companies expecting orders to rise', 'share of firms expecting orders to increase');
    same('jobless rate', 'unemployment rate');
    same('gross domestic product growth', 'economic growth');
    same('share of surveyed shops open on weekends', 'share of shops open on weekends');
  });

  it("drops the key's own place from an English label, never from a Chinese one", () => {
    same(
      "share of Dunmore's households with broadband",
      'share of households with broadband',
      '%',
      'Dunmore',
    );
    expect(metricKey({ region: '江州', label: '江州港吞吐量', unit: '吨' })).not.toBe(
      metricKey({ region: '江州', label: '港吞吐量', unit: '吨' }),
    );
  });
});

describe('identity of round 8', () => {
  const { same, apart } = keysIn('白沙');

  it('puts the verb of a handout, a redemption or a harvest first, as it does for works', () => {
    same('养老补贴领取', '领取养老补贴', '人');
    same('文旅消费券核销', '核销文旅消费券', '元');
    same('晚稻收获', '收获晚稻', '亩');
    same('城市道路新改建', '新建改建城市道路', '公里');
  });

  it('reads 面积 as said by an area unit, and the verb of what is left first', () => {
    same('小麦收获面积', '收获小麦', '亩');
    same('退耕还林面积', '退耕还林', '公顷');
    apart('小麦收获面积', '收获小麦', '吨');
  });

  it('reads a sales total as the sales, and 规上工业增长 as the growth of its value added', () => {
    same('重点车企销售总额', '重点车企销售额', '元');
    same('重点车企销售总额下降', '重点车企销售额下降');
    same('规上工业增长', '规模以上工业增加值增长');
    expect(normalizeLabel('社会消费品零售总额')).toBe('社会消费品零售总额');
  });

  it('reads 水平 of a -化 rate as the rate, and 主要 before the counted as wording', () => {
    same('林下经济机械化水平', '林下经济机械化率');
    same('主要河流断面水质达标率', '河流断面水质达标率');
  });

  it('reads 单月 as 当月, IPO融资 as IPO募资 and 募资额 as 募资', () => {
    same('单月新能源汽车销量', '当月新能源汽车销量', '辆');
    same('单月ipo融资', '当月ipo募资额', '元');
    same('科创板首发融资额', '科创板首发募资', '元');
  });

  it('reads English names of one series in either wording', () => {
    same('retail sales of consumer goods growth', 'retail sales growth');
    same('value-added industrial output growth', 'industrial output growth');
    same('containers handled', 'container traffic', 'containers');
    same('passengers served growth', 'passenger throughput growth');
    same('new energy vehicles exported', 'NEV exports', 'vehicles');
    same('new energy vehicles sent overseas growth', 'NEV exports growth');
    same('tourist visits', 'visitors', 'visits');
    expect(metricKey({ region: 'Tarn', label: 'tourist visits', unit: 'visits' })).toBe(
      metricKey({ region: 'Tarn', label: 'visitors', unit: 'visitors' }),
    );
    apart('trips', 'visitors', 'trips');
  });

  it('counts the noun an English label names when the number was written without a unit', () => {
    expect(metricKey({ region: 'Tarn', label: 'passenger throughput', unit: '' })).toBe(
      metricKey({ region: 'Tarn', label: 'passengers served', unit: 'passengers' }),
    );
    expect(metricKey({ region: 'Tarn', label: 'median age', unit: '' })).toBe('tarn:median-age:number');
  });
});
