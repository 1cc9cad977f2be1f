import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { type ExtractContext, extractFigures } from '../../functions/core/extract/index.ts';
import { normalizeLabel } from '../../functions/core/metric-key.ts';
import ownLabels from '../fixtures/extract/own-labels.json' with { type: 'json' };

const dalian: ExtractContext = {
  region: '大连',
  publishedAt: '2020-05-14T08:00:00+08:00',
  aliases: defaultAliases,
};
const only = (text: string, context: ExtractContext = dalian) => {
  const figures = extractFigures(text, context);
  expect(figures).toHaveLength(1);
  const [figure] = figures;
  if (figure === undefined) throw new Error('no figure');
  return figure;
};

/** What a reader checks of each figure's reading: its surface, value (and upper bound), unit, qualifier and kind. */
const readings = (text: string) =>
  extractFigures(text, dalian).map(({ surface, value, valueMax, unit, qualifier, kind }) => ({
    surface,
    value,
    ...(valueMax === undefined ? {} : { valueMax }),
    unit,
    qualifier,
    kind,
  }));

/** [surface, as-of or null] of each figure, for briefs published on a given day unless one is given. */
const asOfReader =
  (usualPublishedAt: string) =>
  (text: string, publishedAt = usualPublishedAt) =>
    extractFigures(text, { publishedAt }).map((figure) => [figure.surface, figure.asOf ?? null]);

/** [surface, label] of each figure, for briefs published on a given day, in a region when one is given. */
const labelReader =
  (publishedAt: string, aliases?: ExtractContext['aliases']) => (text: string, region?: string) =>
    extractFigures(text, {
      publishedAt,
      ...(aliases === undefined ? {} : { aliases }),
      ...(region === undefined ? {} : { region }),
    }).map((figure) => [figure.surface, figure.label]);

describe('numbers', () => {
  it('reads 约4.29亿元 as approx 429000000 元, exactly', () => {
    expect(only('总投资约4.29亿元。')).toMatchObject({
      value: 429000000,
      unit: '元',
      qualifier: 'approx',
      kind: 'money',
    });
  });

  it('reads 30.844亿尾 without float noise', () => {
    expect(only('放流30.844亿尾鱼苗').value).toBe(3084400000);
  });

  it('reads Chinese numerals with 零 gaps and 万亿', () => {
    expect(only('新增就业三万零五百人').value).toBe(30500);
    expect(only('规模达到一万二千亿元').value).toBe(1200000000000);
  });

  it('reads 十余万名 as over 100000 名', () => {
    expect(only('十余万名志愿者')).toMatchObject({ value: 100000, unit: '名', qualifier: 'over' });
  });

  it('reads 1300多公顷 and 3亿多元 as over', () => {
    expect(only('造林1300多公顷')).toMatchObject({ value: 1300, unit: '公顷', qualifier: 'over' });
    expect(only('投入资金3亿多元')).toMatchObject({ value: 300000000, unit: '元', qualifier: 'over' });
  });

  it('reads full-width digits and punctuation', () => {
    expect(only('林地面积达５０．４６万公顷')).toMatchObject({ value: 504600, unit: '公顷' });
    expect(only('失业率为２．７９％')).toMatchObject({ value: 2.79, unit: '%' });
  });

  it('reads thousands separators, 百分之 and 成', () => {
    expect(only('新增就业42,303人').value).toBe(42303);
    expect(only('降水偏多百分之九十八点四')).toMatchObject({ value: 98.4, unit: '%' });
    expect(only('较去年增加三成')).toMatchObject({ value: 30, unit: '%' });
  });

  it('reads 个百分点 as percentage points, a growth rate', () => {
    expect(only('增速回落0.5个百分点')).toMatchObject({ value: 0.5, unit: '个百分点', kind: 'growth_rate' });
  });

  it('reads 接近1:10 as an approximate ratio of 10 (right over left)', () => {
    expect(only('投入产出比接近1:10')).toMatchObject({
      value: 10,
      unit: 'ratio',
      qualifier: 'approx',
      kind: 'ratio',
    });
    expect(only('比例为1∶10').value).toBe(10);
  });

  it('reads ranges with the scale of their upper bound', () => {
    expect(only('占地3至5万平方米')).toMatchObject({ value: 30000, valueMax: 50000, unit: '平方米' });
    expect(only('增长3-5%')).toMatchObject({ value: 3, valueMax: 5, unit: '%' });
  });

  it('reads English numbers, scales and dollars', () => {
    expect(only('Exports reached $4.29 billion.')).toMatchObject({
      value: 4290000000,
      unit: 'USD',
      kind: 'money',
    });
    expect(only('about 3.5 million people')).toMatchObject({
      value: 3500000,
      unit: 'people',
      qualifier: 'approx',
    });
    expect(only('The rate was 12%.')).toMatchObject({ value: 12, unit: '%', label: 'rate' });
    expect(only('more than 42,303 jobs')).toMatchObject({ value: 42303, unit: 'jobs', qualifier: 'over' });
  });
});

describe('qualifiers wherever they stand', () => {
  it.each([
    ['近2200个次', 'approx'],
    ['3万余户', 'over'],
    ['3.4万余名', 'over'],
    ['超30亿尾', 'over'],
    ['逾4万人', 'over'],
    ['5%以上', 'over'],
    ['不到300人', 'under'],
    ['1000人以下', 'under'],
    ['1500人左右', 'approx'],
    ['不低于420亿元', 'over'],
    ['不高于3%', 'under'],
  ])('reads %s as %s', (surface, qualifier) => {
    const figure = only(`共计${surface}。`);
    expect(figure.qualifier).toBe(qualifier);
    expect(figure.surface).toBe(surface);
  });
});

describe('not figures', () => {
  it.each([
    '5月12日，瓦轴集团开工',
    '大连市2020年老旧小区改造',
    '预计将于7月底结束',
    '今年一季度，订单充足',
    '“十三五”规划收官之年',
    '扎实抓好“六稳”工作、落实“六保”任务',
    '落实“四早”“四集中”要求',
    '增速居全省第一位',
    '加快5G商用步伐',
    '全市一盘棋，冲到一线',
    '千方百计扩大有效投资，把招商引资作为“一号工程”',
    '实现了零的突破，加强与“一带一路”沿线国家合作',
    '实施三年行动计划，十几年来持续开展',
    '开展“百名干部进千企”活动，出台两项新政策',
    '启动一级响应，仅用20天完成任务，用了3个月',
    '《2020年工作方案》',
    'The plan started on May 12 in 2020.',
    '一名工作人员表示，坚持五位一体总体布局',
    'G20峰会与5A级景区，拨打12345热线',
    '网络书店遥遥领先，实体书店和图书馆分列二、三位',
  ])('finds nothing in %s', (text) => {
    expect(extractFigures(text, dalian)).toEqual([]);
  });
});

describe('page layout', () => {
  it('joins a figure the layout broke across lines', () => {
    const text = '认定市级创业孵化平台23家，将发放补贴2200\n\n万元。';
    const figures = extractFigures(text, dalian);
    expect(figures.map((figure) => [figure.surface, figure.value, figure.unit])).toEqual([
      ['23家', 23, '家'],
      ['2200\n\n万元', 22000000, '元'],
    ]);
    expect(text.slice(figures[1]?.offset, (figures[1]?.offset ?? 0) + (figures[1]?.length ?? 0))).toBe(
      '2200\n\n万元',
    );
  });
});

describe('labels and metric identity', () => {
  it('names what is measured', () => {
    expect(only('截至5月11日，大连城镇新增就业42303人。').label).toBe('城镇新增就业');
    expect(only('城镇登记失业率控制在2.79%。').label).toBe('城镇登记失业率');
    expect(only('全市737个社区党组织值守').label).toBe('社区党组织');
  });

  it('splits 分别 over a contracted pair', () => {
    const figures = extractFigures('一季度全市金融机构本外币存贷款余额分别增长4.7%和5.6%。', dalian);
    expect(figures.map((figure) => [figure.label, figure.value, figure.kind])).toEqual([
      ['存款余额增长', 4.7, 'growth_rate'],
      ['贷款余额增长', 5.6, 'growth_rate'],
    ]);
  });

  it('splits 分别 over an enumeration', () => {
    const labels = extractFigures('粮食、蔬菜播种面积分别为120万亩、35万亩。', dalian).map(
      (figure) => figure.label,
    );
    expect(labels).toEqual(['粮食播种面积', '蔬菜播种面积']);
  });

  it('completes a modifier-only 其中 sub-total with the noun of its total', () => {
    const labels = extractFigures('森林公园14处，其中国家级10个，市级4个。', dalian).map(
      (figure) => figure.label,
    );
    expect(labels).toEqual(['森林公园', '国家级森林公园', '市级森林公园']);
  });

  it('gives 达到98.4% in a headline and 达98.4% in the body one metric key', () => {
    const headline = only('规模以上工业企业复工率达到98.4%');
    const body = only('目前，全市规模以上工业企业复工率达98.4%。');
    expect(headline.metric).toBe(body.metric);
    expect(headline.metric).toBe('大连:规模以上工业企业复工率:percent');
  });

  it('names a share of a target by the phrase before 的', () => {
    expect(only('完成全年目标的52%。')).toMatchObject({
      value: 52,
      label: '完成全年目标比例',
      kind: 'percent',
    });
  });

  it('reads a rate whose denominator stands before the number', () => {
    expect(only('城区人口密度为每平方公里1.2万人。')).toMatchObject({
      value: 12000,
      unit: '人/平方公里',
      label: '城区人口密度',
    });
  });

  it('reads a standard per head and per year as a plain amount named without its denominators', () => {
    expect(only('个人缴费标准为每人每年380元。')).toMatchObject({ unit: '元', label: '个人缴费标准' });
  });

  it('makes 增长5% a growth rate and 复工率98.4% a percent', () => {
    expect(only('订单增长5%').kind).toBe('growth_rate');
    expect(only('复工率98.4%').kind).toBe('percent');
  });

  it('dates figures by 截至 in their sentence only, with the year of publication', () => {
    const figures = extractFigures('截至5月11日，新增就业42303人。目前已培训75782人次。', dalian);
    expect(figures.map((figure) => figure.asOf)).toEqual(['2020-05-11', undefined]);
  });

  it('names a counted subject by what it does (7.26万户企业享受社保费免减), not by the bare noun', () => {
    const [households, money] = extractFigures('全市已有7.26万户企业享受社保费免减27.35亿元。', dalian);
    expect(households?.label).toBe('享受社保费免减企业');
    expect(money?.label).toBe('企业享受社保费免减');
    // The object of a preposition or an item of a list keeps its noun.
    expect(only('已为1.63万户企业返还').label).toBe('企业');
    expect(extractFigures('737个社区党组织、8147名社区工作者值守一线', dalian).map((f) => f.label)).toEqual([
      '社区党组织',
      '社区工作者',
    ]);
  });

  it('names counts by the word a reader uses (楼栋) and the count a bare verb implies (户数)', () => {
    const figures = extractFigures('涉及663栋楼，惠及34911户，总投资约4.29亿元。', dalian);
    expect(figures.map((figure) => figure.label)).toEqual(['涉及楼栋', '惠及户数', '总投资']);
    expect(figures[1]?.metric).toBe(only('老旧小区改造惠及3万余户居民').metric);
  });

  it('leaves the year-on-year base out of the label of a change, and keeps any other base', () => {
    const [level, change] = extractFigures('计划增殖放流鱼苗30.844亿尾，比去年增加4000万尾。', dalian);
    expect(level?.label).toBe('计划增殖放流鱼苗');
    expect(change?.label).toBe('计划增殖放流鱼苗增加');
    expect(change?.metric).toBe(only('计划增殖放流鱼苗增加4000万尾').metric);
    expect(only('工业增加值增速比一季度提高0.5个百分点').label).toBe('工业增加值增速比一季度提高');
  });

  it('distributes a 分别 without a subject over the figures before it', () => {
    const figures = extractFigures(
      '港口货物吞吐量2.36亿吨，集装箱吞吐量512万标箱，同比分别增长4.1%和9.6%。',
      dalian,
    );
    expect(figures.map((figure) => figure.label)).toEqual([
      '港口货物吞吐量',
      '集装箱吞吐量',
      '港口货物吞吐量增长',
      '集装箱吞吐量增长',
    ]);
  });

  it('keeps a term (1年期) in the name, and reads a rate a change reached as the rate', () => {
    const figures = extractFigures(
      '7月22日1年期贷款市场报价利率为3.35%，5年期以上LPR为3.85%，同样下调0.1个百分点。央行此前已将7天期逆回购操作利率下调0.1个百分点至1.7%。',
      { publishedAt: '2024-07-23' },
    );
    expect(figures.map((figure) => figure.label)).toEqual([
      '1年期贷款市场报价利率',
      '5年期以上LPR',
      '5年期以上LPR下调',
      '7天期逆回购操作利率下调',
      '7天期逆回购操作利率',
    ]);
    expect(figures[0]?.asOf).toBe('2024-07-22');
  });

  it('gives a clause that names no subject the subject of the clause before', () => {
    const labels = (text: string) => extractFigures(text, dalian).map((figure) => figure.label);
    expect(labels('杨梅种植面积6.8万亩，预计总产量5.2万吨，产值9亿元。')).toEqual([
      '杨梅种植面积',
      '预计杨梅总产量',
      '杨梅产值',
    ]);
    expect(labels('新能源车零售67.5万辆，零售渗透率达43.5%。')).toEqual([
      '新能源车零售',
      '新能源车零售渗透率',
    ]);
    expect(labels('本科生平均期望月薪为6850元，硕士生为9420元。')).toEqual([
      '本科生平均期望月薪',
      '硕士生平均期望月薪',
    ]);
    expect(labels('涉及663栋楼，惠及34911户，总投资约4.29亿元。')).toEqual([
      '涉及楼栋',
      '惠及户数',
      '总投资',
    ]);
  });

  it('leaves out the company a brief reports on, quantifiers, 通过 and 另有', () => {
    const labels = (text: string) => extractFigures(text, {}).map((figure) => figure.label);
    expect(labels('青岚科技三季度营收同比增长12.5%\n\n青岚科技10月28日披露三季报，营收为8.3亿元。')).toEqual([
      '营收增长',
      '营收',
    ]);
    expect(labels('多家连锁药店布洛芬零售价为25元，另有待验收桥梁12座，通过直播间卖出茶叶3.4万斤。')).toEqual(
      ['连锁药店布洛芬零售价', '待验收桥梁', '直播间卖出茶叶'],
    );
    expect(only('云溪镇投资2.6亿元建设污水处理厂。', { region: '云溪镇' }).label).toBe('污水处理厂投资');
  });

  it('gives each choice of a listed share its verb and the population the clause opens on', () => {
    const labels = (text: string) => extractFigures(text, {}).map((figure) => figure.label);
    expect(
      labels(
        '受访家长中希望孩子报读理科、文科和艺术类专业的比例分别为41.2%、35.5%和9.8%，另有7.1%表示尚未决定。',
      ),
    ).toEqual([
      '希望孩子报读理科的受访家长比例',
      '希望孩子报读文科的受访家长比例',
      '希望孩子报读艺术类专业的受访家长比例',
      '表示尚未决定的受访家长比例',
    ]);
  });

  it('keeps a 的 phrase that is a term, a stage or a bound defining the group', () => {
    const labels = (text: string) => extractFigures(text, {}).map((figure) => figure.label);
    expect(
      labels(
        '投资活动产生的现金流量净额为2.4亿元。新成立的债券型基金九十只。集体经济收入超过30万元的村有12个。',
      ),
    ).toEqual(['投资活动产生的现金流量净额', '新成立的债券型基金', '集体经济收入超过30万元的村']);
  });

  it('gives every thing of a 分别 list the actions listed before the first', () => {
    expect(
      extractFigures('新建、扩建养老院和日间照料中心分别为6所、15个。', {}).map((figure) => figure.label),
    ).toEqual(['新建扩建养老院', '新建扩建日间照料中心']);
  });

  it('reads a sample past the cohort that opens it', () => {
    expect(extractFigures('某机构对全国3200名2025届高校毕业生开展问卷调查。', {})[0]?.label).toBe(
      '受访高校毕业生',
    );
  });

  it('names people counted by what they did after the population, and a share of a plan by what was done', () => {
    const labels = (text: string) => extractFigures(text, {}).map((figure) => figure.label);
    expect(labels('受访职工中，七成已参加培训。在已报名的320人中，女性占六成。')).toEqual([
      '已参加培训的受访职工比例',
      '已报名的受访职工',
      '女性占比',
    ]);
    expect(labels('在已报名的320人中，女性占六成。')[0]).toBe('已报名人数');
    // Round 5: the share of the plan names the subject of what was done, as the writers of every split do.
    expect(labels('前三季度完成造林面积8.2万亩，为全年计划的91%。')[1]).toBe('造林面积完成全年计划比例');
  });

  it('reads a share after a reporting word, with the bound that says which people it counts as no figure', () => {
    expect(
      extractFigures('调查称近半数受访者每年在外就餐花费在3000元以下', {}).map((figure) => figure.label),
    ).toEqual(['每年在外就餐花费在3000元以下的受访者比例']);
  });

  it('keeps 已, the stage, in what a population has done', () => {
    expect(only('超六成受访职工已获得加薪。', {}).label).toBe('已获得加薪的受访职工比例');
  });

  it('keeps compounds of divisions, words ending in 约 and what a month alone did; drops 平均 after a measure', () => {
    const labels = (text: string, region = '青溪') =>
      extractFigures(text, { region, publishedAt: '2024-07-10' }).map((figure) => figure.label);
    expect(labels('青溪省市重点项目完成投资58.4亿元，螺纹钢期货合约收报3560元/吨。')).toEqual([
      '省市重点项目完成投资',
      // 合约 keeps its 约; the price it closed at (收报) is its closing price.
      '螺纹钢期货合约收盘价',
    ]);
    expect(labels('受访者平均月薪平均为5200元。')).toEqual(['受访者平均月薪']);
    expect(labels('1-6月，新能源车销量为498万辆。6月单月，新能源车销量为98.2万辆，环比下降3.2%。')).toEqual([
      '新能源车销量',
      '新能源车单月销量',
      '新能源车单月销量环比下降',
    ]);
  });

  it('reads what is hoped for as a forecast, a change against the month start as its subject’s, no holiday', () => {
    const labels = (text: string) =>
      extractFigures(text, { region: '青溪', publishedAt: '2024-07-10' }).map((figure) => figure.label);
    expect(labels('樱桃种植面积2.1万亩，产值有望突破5亿元。')).toEqual(['樱桃种植面积', '预计樱桃产值']);
    expect(labels('蔬菜报价升至8元/公斤，较月初上涨约1元/公斤。')).toEqual([
      '蔬菜报价',
      '蔬菜报价较月初上涨',
    ]);
    expect(labels('春节期间景区客流量增长12%。本次调查共回收有效问卷3200份。')).toEqual([
      '景区客流量增长',
      '回收有效问卷',
    ]);
    expect(labels('在1200名受访职工中，六成表示满意。')[0]).toBe('受访职工');
  });

  it('drops the adverbs between a subject and its verb or figure', () => {
    expect(
      extractFigures(
        '猪肉价格则上涨5.7%，茶叶产量首次突破1万吨，优良天数比例连续五年保持在95%以上。',
        dalian,
      ).map((figure) => figure.label),
    ).toEqual(['猪肉价格上涨', '茶叶产量', '优良天数比例']);
  });

  it('reads a level reached (扩大至, fell to) as a level, not a change', () => {
    expect(only('贸易顺差扩大至356.1亿元。')).toMatchObject({ label: '贸易顺差', kind: 'money' });
    expect(only('The unemployment rate fell to 3.9% in June.')).toMatchObject({
      label: 'unemployment rate',
      kind: 'percent',
    });
  });

  it('counts days and hours where the text counts them, and not elsewhere', () => {
    expect(only('全年优良天数为312天。')).toMatchObject({ value: 312, unit: '天', label: '优良天数' });
    expect(only('服务时长超过1200万小时。')).toMatchObject({
      value: 12000000,
      unit: '小时',
      qualifier: 'over',
    });
    expect(extractFigures('仅用20天完成任务，为期3天。', dalian)).toEqual([]);
  });

  it('takes 截至12月31日 in a January brief as last year', () => {
    const figure = only('截至12月31日，新增就业5万人。', { publishedAt: '2021-01-05T08:00:00Z' });
    expect(figure.asOf).toBe('2020-12-31');
  });

  it('dates 全年 by the year a clause it opens speaks of, a planned year, or in spring the year before', () => {
    const march = { publishedAt: '2023-03-10T08:00:00Z' };
    const asOf = (text: string, context: ExtractContext = march) =>
      extractFigures(text, context).map((figure) => figure.asOf);
    expect(asOf('全年全区办理不动产登记4.2万件，同比增长6.5%。')).toEqual(['2022-12-31', '2022-12-31']);
    expect(asOf('全年力争新开工保障房800套。')).toEqual(['2023-12-31']);
    expect(asOf('2021年，全县新建公厕32座。全年改造农村道路58公里。')).toEqual(['2021-12-31', '2021-12-31']);
    // In May, a year reached may be last year's or this one's.
    expect(asOf('全年办理不动产登记4.2万件。', dalian)).toEqual([undefined]);
    expect(asOf('全年计划办理不动产登记5万件。', dalian)).toEqual(['2020-12-31']);
    // Inside a clause it only says when: 农户全年增收 is no date.
    expect(asOf('有61.2%的农户全年增收。')).toEqual([undefined]);
  });

  it('reads figures since a start, or of an earlier release, as of now; a base compared with dates nothing', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('一季度新开工项目12个。自2016年开展整治以来，累计整治河道40条。')).toEqual([
      '2020-03-31',
      undefined,
    ]);
    expect(asOf('4月新开工项目12个。该局此前已将补贴标准提高至600元。')).toEqual(['2020-04-30', undefined]);
    expect(asOf('上半年客运量下降21.4%，降幅比1-4月收窄3.2个百分点。')).toEqual(['2020-06-30', '2020-06-30']);
  });

  it('dates a plan for this year (今年将…, 2020年某县将…) by the year, and 今年 inside a clause otherwise not', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('全市今年将新增城镇就业6万人以上。')).toEqual(['2020-12-31']);
    expect(asOf('报告对今年工作作出部署：城镇新增就业6万人以上。')).toEqual(['2020-12-31']);
    expect(asOf('报告提出，2020年长海县将新建村级养老服务站46个。')).toEqual(['2020-12-31']);
    expect(asOf('孵化平台今年已吸纳入驻团队212个。')).toEqual([undefined]);
    expect(asOf('另有在建电梯41部，预计年内全区加装电梯总数将突破800部。')).toEqual([
      undefined,
      '2020-12-31',
    ]);
    expect(asOf('年内将新建口袋公园12个。全市年内已新增绿地80公顷。')).toEqual(['2020-12-31', undefined]);
    expect(asOf('截至4月底，全县今年1.2万亩造林任务已完成8000亩。')).toEqual(['2020-12-31', '2020-04-30']);
  });

  it('dates by a period with 的 only the figure right after it (由2018年末的40.2%提高到…)', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('2019年，全市森林覆盖率由2017年末的40.2%提高到42.5%。')).toEqual([
      '2017-12-31',
      '2019-12-31',
    ]);
    expect(asOf('截至2019年底，全市共有养老机构52家。')).toEqual(['2019-12-31']);
  });

  it('dates figures by a day set off before what was measured on it, not before a report or a thing made', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('5月8日，铜期货主力合约收报4.2万元/吨。')).toEqual(['2020-05-08']);
    expect(asOf('5月8日，记者从市商务局获悉，全市网络零售额达12亿元。')).toEqual([undefined]);
    expect(asOf('5月8日，船厂交付的2艘散货船下水。')).toEqual([undefined]);
  });

  it('dates by a day, the period of survey findings or a holiday only their sentence; by a day also those going on about it', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('截至4月底，全区建成公共充电桩820个。全区电动汽车保有量约3万辆。')).toEqual([
      '2020-04-30',
      undefined,
    ]);
    expect(asOf('截至5月6日，全市发放消费券900万元。其中，餐饮券300万元。另有120万元尚未领取。')).toEqual([
      '2020-05-06',
      '2020-05-06',
      '2020-05-06',
    ]);
    expect(
      asOf('5月8日，铜期货收报4.2万元/吨。铝期货当日收报1.4万元/吨。锌期货报价在2万元/吨左右。'),
    ).toEqual(['2020-05-08', '2020-05-08', undefined]);
    expect(asOf('截至5月6日，参保企业3200家。参保职工4.1万人，较去年同期增加2100人。')).toEqual([
      '2020-05-06',
      '2020-05-06',
      '2020-05-06',
    ]);
    expect(asOf('5月20日起，多家银行下调存款利率。其中，活期存款利率降至0.2%。')).toEqual(['2020-05-20']);
    expect(asOf('调查显示，2019年居民人均阅读图书4.6本。综合阅读率为82.7%。')).toEqual([
      '2019-12-31',
      undefined,
    ]);
    expect(asOf('一季度接待游客120万人次。“五一”假期，景区日均接待游客3万人次。门票收入1.2亿元。')).toEqual([
      '2020-03-31',
      undefined,
      '2020-03-31',
    ]);
  });

  it('leaves an amount stated per unit undated, as a standard', () => {
    const asOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.asOf);
    expect(asOf('一季度，全市发放护理补贴1200万元，补贴标准为每人每月300元，每户最高补助5000元。')).toEqual([
      '2020-03-31',
      undefined,
      undefined,
    ]);
  });
});

describe('English labels', () => {
  const kelso = { region: 'Kelso', publishedAt: '2024-08-12', aliases: defaultAliases };
  const read = (text: string) =>
    extractFigures(text, kelso).map((figure) => [figure.label, figure.kind, figure.asOf ?? '']);

  it('names a counted object by the measuring verb, as headlines and bodies write it', () => {
    expect(
      read(
        'Kelso airport handles a record 2.3 million travellers\n\n' +
          'The airport handled 2.3 million travellers in the first half, up 11 percent from a year earlier. ' +
          'Kelso sold 5,200 tractors abroad in July.',
      ),
    ).toEqual([
      ['travellers handled', 'count', '2024-06-30'],
      ['travellers handled', 'count', '2024-06-30'],
      ['growth in travellers handled', 'growth_rate', '2024-06-30'],
      ['tractors sold abroad', 'count', '2024-07-31'],
    ]);
  });

  it('reads a share of a whole, whatever change word its verb holds, and the whole it is of', () => {
    expect(
      read(
        'Wool made up 44 percent of the total. Rail takes 18 percent of freight volume. ' +
          'Exports accounted for 30 percent of farm output.',
      ).map(([label]) => label),
    ).toEqual(['wool share', 'rail share of freight volume', 'exports share of farm output']);
  });

  it('reads multiples and shares written in words', () => {
    const figures = extractFigures(
      "Kelso's wool exports nearly tripled in May. The number of ferry calls at Port Kelso doubled. " +
        'One in four Kelso farmers own a tractor, and fewer than one in ten said they would sell land. ' +
        'Double-digit growth is no figure.',
      kelso,
    );
    expect(
      figures.map(({ surface, value, unit, qualifier, kind, label }) => [
        surface,
        value,
        unit,
        qualifier,
        kind,
        label,
      ]),
    ).toEqual([
      ['nearly tripled', 200, '%', 'approx', 'growth_rate', 'wool exports growth'],
      ['doubled', 100, '%', 'exact', 'growth_rate', 'ferry calls growth'],
      ['One in four', 25, '%', 'exact', 'percent', 'share of farmers owning a tractor'],
      ['fewer than one in ten', 10, '%', 'under', 'percent', 'share of farmers saying they would sell land'],
    ]);
  });

  it('reads the subject beyond an aside, a value worth, a change written after its figure and a venue', () => {
    expect(
      read(
        'Wool exports, including yarn, rose 9 percent to 3,400 tonnes, worth 41 million yuan. ' +
          'Freight at Kelso Airport reached 2.1 million tonnes, 6.5 percent higher than a year earlier. ' +
          'Wool exports were 1,200 tonnes.',
      ).map(([label]) => label),
    ).toEqual([
      'wool exports growth',
      'wool exports',
      // Round 10: "value of …", as the writers of later splits name it.
      'value of wool exports',
      'freight',
      'freight growth',
      'wool exports',
    ]);
  });

  it('dates figures by the day they run up to (through, as of, at the end of)', () => {
    expect(
      read(
        'Wool exports climbed 8 percent through July. As of March 31, 2024, the county had 41,000 registered firms. ' +
          'Deposits stood at 3.2 billion yuan at the end of June.',
      ).map(([, , asOf]) => asOf),
    ).toEqual(['2024-07-31', '2024-03-31', '2024-06-30']);
  });

  it('dates a base written with last year a year before, and dates nothing after it by it', () => {
    expect(
      read(
        'A poll of 900 drivers found 52.5 percent plan to buy a hybrid, up from 41 percent last year. ' +
          'The average budget was 150,000 yuan.',
      ).map(([, , asOf]) => asOf),
    ).toEqual(['', '', '2023-08-12', '']);
  });

  it('dates English figures by the paragraph, not a base compared with, an average, or a forecast of the year', () => {
    const asOf = (text: string) => extractFigures(text, kelso).map((figure) => figure.asOf);
    expect(
      asOf(
        'Kelso port handled 4.1 million containers in the first half. Average waiting time fell to 20 hours. ' +
          'Exports made up 55 percent of the volume.',
      ),
    ).toEqual(['2024-06-30', undefined, '2024-06-30']);
    expect(
      asOf("The new budget is 3.2 percent larger than last year's. Salaries take 60 percent of it."),
    ).toEqual([undefined, undefined]);
    expect(asOf('The airport expects to exceed 9 million passengers this year.')).toEqual(['2024-12-31']);
    expect(asOf('Exports rose 5 percent from January to April.')).toEqual(['2024-04-30']);
    expect(
      asOf('Loans stood at 900 billion yuan at end-March. Deposits rose 8 percent as of end-June.'),
    ).toEqual(['2024-03-31', '2024-06-30']);
    expect(asOf('A survey found that 61.8 percent of firms expect sales to rise this year.')).toEqual([
      undefined,
    ]);
  });
});

describe('own labeled briefs', () => {
  const context = ownLabels.context;
  it.each(ownLabels.cases.map((brief) => [brief.text.slice(0, 24), brief] as const))(
    'extracts the expected figures from %s…',
    (_, brief) => {
      const figures = extractFigures(brief.text, { ...context, aliases: defaultAliases });
      expect(
        figures.map(({ surface, value, valueMax, unit, qualifier, label, kind, asOf }) => ({
          surface,
          value,
          ...(valueMax === undefined ? {} : { valueMax }),
          unit,
          qualifier,
          label: normalizeLabel(label, defaultAliases),
          kind,
          ...(asOf === undefined ? {} : { asOf }),
        })),
      ).toEqual(
        brief.figures.map((figure) => ({ ...figure, label: normalizeLabel(figure.label, defaultAliases) })),
      );
      for (const nonFigure of 'nonFigures' in brief ? brief.nonFigures : []) {
        const at = brief.text.indexOf(nonFigure);
        expect(
          figures.some(
            (figure) => figure.offset < at + nonFigure.length && at < figure.offset + figure.length,
          ),
        ).toBe(false);
      }
    },
  );
});

describe('the misses, units and kinds of issue 8', () => {
  const read = readings;

  it.each([
    ['出口额增长一倍。', { surface: '一倍', value: 100, unit: '%', qualifier: 'exact', kind: 'growth_rate' }],
    [
      '收入比2010年翻一番。',
      { surface: '翻一番', value: 100, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ],
    ['占比约一成。', { surface: '约一成', value: 10, unit: '%', qualifier: 'approx', kind: 'percent' }],
    [
      '上证指数收于3200点。',
      { surface: '3200点', value: 3200, unit: '点', qualifier: 'exact', kind: 'other' },
    ],
    [
      '服务人次达300余万。',
      { surface: '300余万', value: 3000000, unit: '', qualifier: 'over', kind: 'count' },
    ],
    [
      '两市超过了80只个股涨停。',
      { surface: '超过了80只', value: 80, unit: '只', qualifier: 'over', kind: 'count' },
    ],
    [
      '收费五六百元。',
      { surface: '五六百元', value: 500, valueMax: 600, unit: '元', qualifier: 'approx', kind: 'money' },
    ],
    [
      '花费几千元。',
      { surface: '几千元', value: 1000, valueMax: 10000, unit: '元', qualifier: 'approx', kind: 'money' },
    ],
    [
      '规模多在数十亿元。',
      { surface: '数十亿元', value: 1e9, valueMax: 1e10, unit: '元', qualifier: 'approx', kind: 'money' },
    ],
    ['售价仅三块五毛。', { surface: '三块五毛', value: 3.5, unit: '元', qualifier: 'exact', kind: 'money' }],
    [
      '资助100万元（含）以上。',
      { surface: '100万元（含）以上', value: 1000000, unit: '元', qualifier: 'over', kind: 'money' },
    ],
    [
      '处理规模为8万吨/日。',
      { surface: '8万吨/日', value: 80000, unit: '吨/日', qualifier: 'exact', kind: 'other' },
    ],
    [
      '均价为20.8元/公斤。',
      { surface: '20.8元/公斤', value: 20.8, unit: '元/公斤', qualifier: 'exact', kind: 'money' },
    ],
    [
      '金价一度触及2400美元/盎司。',
      { surface: '2400美元/盎司', value: 2400, unit: '美元/盎司', qualifier: 'exact', kind: 'money' },
    ],
    [
      '报价升至703元/克至708元/克。',
      {
        surface: '703元/克至708元/克',
        value: 703,
        valueMax: 708,
        unit: '元/克',
        qualifier: 'exact',
        kind: 'money',
      },
    ],
    [
      '预计回购股份约658万股至1316万股。',
      {
        surface: '约658万股至1316万股',
        value: 6580000,
        valueMax: 13160000,
        unit: '股',
        qualifier: 'approx',
        kind: 'count',
      },
    ],
    ['新开工加装电梯63部。', { surface: '63部', value: 63, unit: '部', qualifier: 'exact', kind: 'count' }],
    [
      '近半数受访者表示满意。',
      { surface: '近半数', value: 50, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
    [
      '四成多表示愿意降低薪资预期。',
      { surface: '四成多', value: 40, unit: '%', qualifier: 'over', kind: 'percent' },
    ],
    [
      '人均阅读量为4.6本，外借图书68.9万册次。',
      { surface: '4.6本', value: 4.6, unit: '本', qualifier: 'exact', kind: 'count' },
      { surface: '68.9万册次', value: 689000, unit: '册次', qualifier: 'exact', kind: 'count' },
    ],
    [
      '投诉量同比减七成。',
      { surface: '七成', value: 70, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ],
  ])('reads %s', (text, ...figures) => {
    expect(read(text)).toEqual(figures);
  });

  it('reads a bound that defines the group a figure right after it counts or shares as no figure', () => {
    expect(read('超过50万元的村有十一个，500元至1000元的占31.2%。').map((figure) => figure.surface)).toEqual([
      '十一个',
      '31.2%',
    ]);
  });

  it('reads the first item of a list whose unit and scale come once, at its end', () => {
    expect(read('城镇、农村居民收入增速分别提高0.9、1.4个百分点。').map((figure) => figure.value)).toEqual([
      0.9, 1.4,
    ]);
    expect(read('沪市、深市成交额分别为3820、4690亿元。').map((figure) => figure.value)).toEqual([
      382e9, 469e9,
    ]);
  });

  it('reads a structure of shares as one share per part', () => {
    const figures = extractFigures('轻重工业结构为40.5：59.5。', dalian);
    expect(figures.map(({ value, unit, kind, label }) => ({ value, unit, kind, label }))).toEqual([
      { value: 40.5, unit: '%', kind: 'percent', label: '轻工业占比' },
      { value: 59.5, unit: '%', kind: 'percent', label: '重工业占比' },
    ]);
  });

  it('names the hard shapes the labelling guide lists', () => {
    const label = (text: string) => extractFigures(text, dalian).map((figure) => figure.label);
    expect(label('受访企业中，63.5%的企业表示订单已恢复。')).toEqual(['表示订单已恢复的企业比例']);
    expect(label('其中，民营企业完成投资120亿元，占全部投资的41.2%。')[1]).toBe('民营企业投资占比');
    expect(label('约七成居民支持垃圾分类。')).toEqual(['支持垃圾分类的居民比例']);
    expect(label('第一、二、三产业增加值分别增长3.1%、6.4%和7.7%。')).toEqual([
      '第一产业增加值增长',
      '第二产业增加值增长',
      '第三产业增加值增长',
    ]);
    expect(label('今年安排专项资金5亿元用于棚户区改造。')).toEqual(['棚户区改造专项资金']);
    expect(label('关闭污染严重的小造纸厂37家。')).toEqual(['关闭小造纸厂']);
    expect(label('城市、农村自来水覆盖率分别达到98%和85%。')).toEqual([
      '城市自来水覆盖率',
      '农村自来水覆盖率',
    ]);
  });

  it('warns of a missing unit, a unit read from the list end and a label borrowed from a weak cue', () => {
    const codes = (text: string) =>
      extractFigures(text, dalian).map((figure) => figure.warnings?.map((warning) => warning.code) ?? []);
    expect(codes('服务人次达300余万。')).toEqual([['unit-missing']]);
    expect(codes('分别提高0.9、1.4个百分点。')[0]).toContain('unit-guessed');
    expect(codes('约三项。')).toEqual([['weak-label']]);
    expect(codes('城镇登记失业率控制在2.79%。')).toEqual([[]]);
  });
});

describe('metric identity within and across briefs (issue 8 acceptance)', () => {
  const may = { region: '青州', publishedAt: '2023-05-20T08:00:00+08:00', aliases: defaultAliases };
  const june = { ...may, publishedAt: '2023-06-20T08:00:00+08:00' };

  it('gives a plan and its rewording a month later one key (计划改造老旧小区 / 老旧小区改造计划调整为…)', () => {
    const [planned] = extractFigures('计划改造老旧小区76个。', may);
    const [revised] = extractFigures('老旧小区改造计划调整为改造老旧小区八十个。', june);
    expect(revised?.value).toBe(80);
    expect(revised?.metric).toBe(planned?.metric);
  });

  it('gives a headline figure and its body restatement one key and one as-of', () => {
    const figures = extractFigures('前4个月新增就业3.86万人\n\n截至4月30日，全市新增就业3.86万人。', may);
    expect(figures.map((figure) => [figure.metric, figure.asOf])).toEqual([
      ['青州:城镇新增就业:people', '2023-04-30'],
      ['青州:城镇新增就业:people', '2023-04-30'],
    ]);
  });

  it('joins a headline figure to the body figure of its name, not to another of the same value', () => {
    const figures = extractFigures(
      '青州今年地区生产总值增长目标定为6%左右\n\n今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率6%左右。',
      may,
    );
    expect(figures.map((figure) => [figure.label, figure.kind, figure.metric])).toEqual([
      ['地区生产总值增长目标', 'growth_rate', '青州:地区生产总值增长目标:percent'],
      ['地区生产总值增长目标', 'growth_rate', '青州:地区生产总值增长目标:percent'],
      ['城镇调查失业率目标', 'percent', '青州:城镇调查失业率目标:percent'],
    ]);
  });

  it('dates an undated headline figure that restates none by the lead of the body', () => {
    const figures = extractFigures(
      '公共充电桩总数超过6000个\n\n截至4月底，全市已建成公共充电桩6218个。',
      may,
    );
    expect(figures.map((figure) => figure.asOf)).toEqual(['2023-04-30', '2023-04-30']);
  });

  it('keeps firms that got a subsidy apart from firms that may apply for it', () => {
    const [got, may_apply] = extractFigures('已获补贴企业1.2万户，可申请补贴企业1.5万户。', may);
    expect(got?.label).toBe('已获补贴企业');
    expect(may_apply?.label).toBe('可申请补贴企业');
    expect(got?.metric).not.toBe(may_apply?.metric);
  });

  it('keeps a result apart from its plan in one brief', () => {
    const [plan, done] = extractFigures('计划改造老旧小区76个，已改造老旧小区30个。', may);
    expect(plan?.metric).not.toBe(done?.metric);
  });

  it('dates a 去年同期 figure one year earlier on the same series', () => {
    const [now, before] = extractFigures('截至4月底，新增就业5.1万人，去年同期为4.7万人。', may);
    expect(before?.metric).toBe(now?.metric);
    expect([now?.asOf, before?.asOf]).toEqual(['2023-04-30', '2022-04-30']);
  });

  it('tells figures of one key apart by what the counted ones did, and flags what it cannot', () => {
    const [eligible, , refunded] = extractFigures(
      '全市有1.8万户企业，可享受返还5亿元，已为1.63万户企业返还3.56亿元。',
      may,
    );
    expect([eligible?.label, refunded?.label]).toEqual(['可享受返还的企业', '已返还企业']);
    expect(eligible?.metric).not.toBe(refunded?.metric);
    const flagged = extractFigures('企业1.8万户。企业1.6万户。', may);
    expect(flagged.map((figure) => figure.warnings?.map((warning) => warning.code))).toEqual([
      ['collision'],
      ['collision'],
    ]);
  });

  it('names the programme of each of two job counts', () => {
    const figures = extractFigures(
      '启动“2023年高校毕业生招聘月”，提供就业岗位2.8万余个。创业孵化平台47家，在孵企业2399家，提供就业岗位11040个。',
      may,
    );
    const jobs = figures.filter((figure) => figure.label.endsWith('提供就业岗位'));
    expect(jobs.map((figure) => figure.label)).toEqual([
      '高校毕业生招聘月提供就业岗位',
      '创业孵化平台提供就业岗位',
    ]);
  });
});

describe('robustness on arbitrary text', () => {
  const alphabet = fc.constantFrom(
    ...'0123456789０１２３４５６７８９.,:∶-至到万亿千百十余多几约近超逾左右以上下零〇一二两三四五六七八九%％个人名户元美$第每分别其中截至年月日，。；\n “”()（）abcGkm '.split(
      '',
    ),
  );
  const chineseLike = fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join(''));
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    chineseLike,
  );

  it('never throws, never overlaps spans, reports finite values and offsets into the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const figures = extractFigures(text, dalian);
        let previousEnd = 0;
        for (const figure of figures) {
          if (figure.offset < previousEnd || figure.length <= 0) return false;
          if (
            !Number.isFinite(figure.value) ||
            (figure.valueMax !== undefined && !Number.isFinite(figure.valueMax))
          ) {
            return false;
          }
          if (text.slice(figure.offset, figure.offset + figure.length) !== figure.surface) return false;
          if (/[/?#]/.test(figure.metric)) return false;
          previousEnd = figure.offset + figure.length;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  // A liveness guard, not a benchmark: a walk back over every blank line before each one made this body take
  // about 45 s (quadratic); read linearly it takes milliseconds, far inside the test's timeout.
  it('reads a body of 256 KiB of blank lines, the largest the API takes, and finds nothing in it', () => {
    expect(extractFigures('\n\n'.repeat(128 * 1024), dalian)).toEqual([]);
  });

  it('still reads a line break after a long line that ends mid-word as a wrap of the running sentence', () => {
    const wrapped =
      '全市推进老旧小区改造工作并同步实施管网更新改造和加装电梯等配套工程，城镇新增就\n业4.2万人。';
    expect(extractFigures(wrapped, dalian).map((figure) => figure.label)).toEqual(['城镇新增就业']);
  });

  it('stays finite on absurd numbers', () => {
    const figures = extractFigures(`${'9'.repeat(400)}亿元，1e400人，${'9'.repeat(99)}.5%`, dalian);
    expect(figures.every((figure) => Number.isFinite(figure.value))).toBe(true);
  });
});

describe('labels after round 3 of issue 8', () => {
  const read = (text: string) =>
    extractFigures(text, { publishedAt: '2024-07-10' }).map((figure) => [
      figure.surface,
      figure.label,
      figure.qualifier,
      figure.unit,
    ]);

  it('reads 跌破 as a bound, not part of what is measured', () => {
    expect(read('本周螺纹钢现货价格跌破3100元/吨。')).toEqual([
      ['跌破3100元/吨', '螺纹钢现货价格', 'under', '元/吨'],
    ]);
  });

  it('keeps the phrase that defines a measure (扣除…后的净利润)', () => {
    expect(read('公司上半年扣除非经常性损益后的净利润为1.92亿元。')).toEqual([
      ['1.92亿元', '扣除非经常性损益后的净利润', 'exact', '元'],
    ]);
  });

  it('distributes 城乡…分别 over 城市 and 农村, so the two standards keep apart', () => {
    // An amount per month is 元, as the labeled README asks (round 6); only a written rate (元/月) is a rate.
    expect(read('全市城乡低保标准分别提高到每月980元和每月790元。')).toEqual([
      ['每月980元', '城市低保标准', 'exact', '元'],
      ['每月790元', '农村低保标准', 'exact', '元'],
    ]);
  });

  it('leaves a headline verb out of an English label, and names a money amount by the noun after it', () => {
    expect(read('The council adopted a $512 million operating budget for next year.')).toEqual([
      ['$512 million', 'operating budget', 'exact', 'USD'],
    ]);
  });

  it('reads "topped" as a lower bound and keeps tonnes as written', () => {
    expect(read('Exports topped 45,000 tonnes in the quarter.')).toEqual([
      ['topped 45,000 tonnes', 'exports', 'over', 'tonnes'],
    ]);
  });
});

describe('labels after round 4 of issue 8', () => {
  const read = (text: string) =>
    extractFigures(text, { publishedAt: '2024-07-10' }).map((figure) => [
      figure.surface,
      figure.label,
      figure.qualifier,
      figure.unit,
    ]);
  const key = (text: string) =>
    extractFigures(text, { publishedAt: '2024-07-10' }).map((figure) => figure.metric);

  it('keeps 较 as the writer spelled it, and the key still meets the 比 wording', () => {
    expect(read('本月面粉批发均价较上月下降0.3元/公斤。')).toEqual([
      ['0.3元/公斤', '面粉批发均价较上月下降', 'exact', '元/公斤'],
    ]);
    expect(key('本月面粉批发均价较上月下降0.3元/公斤。')).toEqual(
      key('本月面粉批发均价比上月下降0.3元/公斤。'),
    );
  });

  it('names a rate compared with another group by the subject the sentence just measured', () => {
    expect(read('上半年全区社会消费品零售总额增长6.2%，增速快于全市1.1个百分点。')).toEqual([
      ['6.2%', '社会消费品零售总额增长', 'exact', '%'],
      ['1.1个百分点', '社会消费品零售总额增速快于全市', 'exact', '个百分点'],
    ]);
  });

  it('leaves a bare time word that opens the clause (年末, 上周, 同期) out of the label', () => {
    expect(read('上周鲜鸡蛋零售均价为9.8元/公斤。')).toEqual([
      ['9.8元/公斤', '鲜鸡蛋零售均价', 'exact', '元/公斤'],
    ]);
    expect(read('年末全县农村自来水普及率为96.3%。')).toEqual([['96.3%', '农村自来水普及率', 'exact', '%']]);
  });

  it('leaves a weekday and the degree fused with 涨/跌 (大跌) out of an index label', () => {
    expect(read('周五恒生指数大跌2.1%，收报16320.5点。')).toEqual([
      ['2.1%', '恒生指数下跌', 'exact', '%'],
      ['16320.5点', '恒生指数', 'exact', '点'],
    ]);
  });

  it('names a price a contract closed at its closing price, without the exchange, and its change by the contract', () => {
    expect(read('上海期货交易所沪铜主力合约收于73560元/吨，下跌1.2%。')).toEqual([
      ['73560元/吨', '沪铜主力合约收盘价', 'exact', '元/吨'],
      ['1.2%', '沪铜主力合约下跌', 'exact', '%'],
    ]);
  });

  it("reads 对N名X的问卷调查 as a sample of X, who the survey's later counts and shares are of", () => {
    expect(
      read(
        '某协会对3100名快递员的问卷调查显示，超五成受访快递员日均工作时间在10小时以上，日均派件超过200件的有412人（占13.3%）。',
      ),
    ).toEqual([
      ['3100名', '受访快递员', 'exact', '名'],
      ['超五成', '日均工作时间在10小时以上的受访快递员比例', 'over', '%'],
      ['412人', '日均派件超过200件的受访快递员', 'exact', '人'],
      ['13.3%', '日均派件超过200件的受访快递员比例', 'exact', '%'],
    ]);
  });

  it('gives groups listed before a share (城镇、农村…的比例分别为) the rest of the last item, and reads 公共 whole', () => {
    expect(read('城镇、农村居民对公共服务满意的比例分别为81.2%和76.5%。')).toEqual([
      ['81.2%', '城镇居民对公共服务满意的比例', 'exact', '%'],
      ['76.5%', '农村居民对公共服务满意的比例', 'exact', '%'],
    ]);
    expect(read('男性、女性受访者吸烟的比例分别为36.4%和3.1%。')).toEqual([
      ['36.4%', '男性受访者吸烟的比例', 'exact', '%'],
      ['3.1%', '女性受访者吸烟的比例', 'exact', '%'],
    ]);
  });

  it('gives a bracket written as its bound alone the measure and population of the share before it', () => {
    expect(read('月通勤费用300元以下的受访者占41.6%，300元至600元的占38.2%，600元以上的占20.2%。')).toEqual([
      ['41.6%', '月通勤费用300元以下的受访者比例', 'exact', '%'],
      ['38.2%', '月通勤费用300元至600元的受访者比例', 'exact', '%'],
      ['20.2%', '月通勤费用600元以上的受访者比例', 'exact', '%'],
    ]);
  });

  it('completes the brackets of one 分别占 list with the measure before the first bound', () => {
    expect(
      read('受访者中，日均通勤时间不足30分钟、30至60分钟、60分钟以上的分别占45.1、38.7和16.2%。'),
    ).toEqual([
      ['45.1', '日均通勤时间不足30分钟的受访者比例', 'exact', '%'],
      ['38.7', '日均通勤时间30至60分钟的受访者比例', 'exact', '%'],
      ['16.2%', '日均通勤时间60分钟以上的受访者比例', 'exact', '%'],
    ]);
  });

  it('puts the domain a sentence opens on (从家政消费看，) into the measure of its brackets', () => {
    expect(read('从家政消费看，年支出不足2000元的家庭占47.2%，2000至5000元的占35.6%。')).toEqual([
      ['47.2%', '年家政支出不足2000元的家庭比例', 'exact', '%'],
      ['35.6%', '年家政支出2000至5000元的家庭比例', 'exact', '%'],
    ]);
  });

  it("keeps 当月 after a month (8月当月): the month's own figure is a series apart from the running total", () => {
    expect(
      read('1-8月全市社会消费品零售总额1520.3亿元，增长5.1%。其中8月当月零售额196.2亿元，增长6.3%。'),
    ).toEqual([
      ['1520.3亿元', '社会消费品零售总额', 'exact', '元'],
      ['5.1%', '社会消费品零售总额增长', 'exact', '%'],
      ['196.2亿元', '当月零售额', 'exact', '元'],
      ['6.3%', '当月零售额增长', 'exact', '%'],
    ]);
  });

  it("names the whole after a list of groups (全市平均为) by the groups' label without its group word", () => {
    expect(read('城镇、农村居民人均可支配收入分别为42308元和21975元，全市平均为35120元。')).toEqual([
      ['42308元', '城镇居民人均可支配收入', 'exact', '元'],
      ['21975元', '农村居民人均可支配收入', 'exact', '元'],
      ['35120元', '居民人均可支配收入', 'exact', '元'],
    ]);
    expect(read('城镇、农村受访者每天阅读纸质书的比例分别为24.1%和13.6%，全市平均为19.8%。').at(-1)).toEqual([
      '19.8%',
      '每天阅读纸质书的受访者比例',
      'exact',
      '%',
    ]);
  });

  it('leaves light and modal verbs out (完成 opening a measure, 可获 before a grant, 表示, 能有), keeps 有 that defines a population', () => {
    expect(read('全县完成地区生产总值356.2亿元，增长5.9%。')).toEqual([
      ['356.2亿元', '地区生产总值', 'exact', '元'],
      ['5.9%', '地区生产总值增长', 'exact', '%'],
    ]);
    expect(read('符合条件的家庭，每户最高可获补贴3万元。')).toEqual([
      ['3万元', '每户最高补贴', 'exact', '元'],
    ]);
    expect(read('不少商户表示节假日日均营业额能有两三千元。')).toEqual([
      ['两三千元', '商户节假日日均营业额', 'approx', '元'],
    ]);
    expect(read('有购房意向的受访家庭占21.4%。')).toEqual([
      ['21.4%', '有购房意向的受访家庭比例', 'exact', '%'],
    ]);
    expect(read('另有2.3万名登记失业人员正在接受技能培训。')).toEqual([
      ['2.3万名', '登记失业人员', 'exact', '名'],
    ]);
  });

  it('names an amount written before its money noun by the noun and its purpose, or the verb that gave it', () => {
    expect(read('市里安排1.6亿元专项资金用于农村供水保障。')).toEqual([
      ['1.6亿元', '农村供水保障专项资金', 'exact', '元'],
    ]);
    expect(read('县文旅局发放的300万元消费券已全部核销。')).toEqual([
      ['300万元', '发放消费券', 'exact', '元'],
    ]);
  });

  it('names a share followed by 为 and a noun (约七成为餐饮摊位) by that part', () => {
    expect(read('园区共有入驻企业412家，其中近六成为科技型企业。')).toEqual([
      ['412家', '入驻企业', 'exact', '家'],
      ['近六成', '科技型企业占比', 'approx', '%'],
    ]);
  });

  it('names an English share by the state after its copula ("were satisfied with…"), of those a poll asked', () => {
    expect(
      read(
        'A poll of 1,800 commuters found that 61.2 percent were satisfied with bus punctuality, while 22 percent were unhappy with fares.',
      ),
    ).toEqual([
      ['1,800 commuters', 'surveyed commuters', 'exact', 'commuters'],
      ['61.2 percent', 'share of commuters satisfied with bus punctuality', 'exact', '%'],
      ['22 percent', 'share of commuters unhappy with fares', 'exact', '%'],
    ]);
  });

  it('leaves the place a 在 phrase names out of what was done there (在各街道新建14个口袋公园)', () => {
    expect(read('区里在各街道新建14个口袋公园。')).toEqual([['14个', '新建口袋公园', 'exact', '个']]);
    expect(read('在建加装电梯21部。')).toEqual([['21部', '在建加装电梯', 'exact', '部']]);
  });

  it('keeps a base of its own (比2015年) in a change that only names it, and leaves the year-on-year base out', () => {
    expect(read('全市农村居民人均可支配收入达到2.6万元，比2015年翻一番。')).toEqual([
      ['2.6万元', '农村居民人均可支配收入', 'exact', '元'],
      ['翻一番', '农村居民人均可支配收入比2015年增长', 'exact', '%'],
    ]);
    expect(read('全县粮食产量达到52万吨，比上年增长3%。').at(-1)?.[1]).toBe('粮食产量增长');
  });

  it('shares a market price head across a list (土豆、白菜批发价格) and leaves 合计 inside a label out', () => {
    expect(read('其中，土豆、白菜批发价格分别为2.6、1.8元/公斤。')).toEqual([
      ['2.6', '土豆批发价格', 'exact', '元/公斤'],
      ['1.8元/公斤', '白菜批发价格', 'exact', '元/公斤'],
    ]);
    expect(read('今年以来新发债券合计发行规模2360亿元，同比减少9.2%。')).toEqual([
      ['2360亿元', '新发债券发行规模', 'exact', '元'],
      ['9.2%', '新发债券发行规模减少', 'exact', '%'],
    ]);
  });
});

describe('as-of, kinds and non-figures after round 4 of issue 8', () => {
  const dated = asOfReader('2024-08-20');

  it('reads an English count with a scale and no unit noun as a count', () => {
    const [figure] = extractFigures('The city registered 2.35 million in the census.', {
      publishedAt: '2024-03-01',
    });
    expect(figure).toMatchObject({ value: 2350000, unit: '', kind: 'count' });
  });

  it('does not date what is reported done by a day still to come (今年…任务已完成)', () => {
    expect(dated('今年全区45所学校改造任务已完成29所，完成率64.4%。')).toEqual([
      ['45所', '2024-12-31'],
      ['29所', null],
      ['64.4%', null],
    ]);
  });

  it('dates an allocation of this year (某区今年安排…) by the year end, and its plans after it', () => {
    expect(dated('河西区今年安排补助资金600万元用于校舍维修，计划维修校舍35栋。', '2024-03-02')).toEqual([
      ['600万元', '2024-12-31'],
      ['35栋', '2024-12-31'],
    ]);
  });

  it('dates an English plan for this year by its end', () => {
    expect(
      dated('The county plans to repave 140 kilometers of rural roads this year.', '2024-02-10'),
    ).toEqual([['140 kilometers', '2024-12-31']]);
  });

  it('does not date the findings of a survey of the year under way by its end', () => {
    expect(dated('今年全省学生体质抽查结果显示，学生体质达标率为91.2%。', '2024-10-12')).toEqual([
      ['91.2%', null],
    ]);
  });

  it('does not carry a period to an English sentence of now', () => {
    expect(
      dated(
        'The library lent 1.2 million books in 2023. It now holds more than 400,000 titles.',
        '2024-01-20',
      ),
    ).toEqual([
      ['1.2 million books', '2023-12-31'],
      ['more than 400,000 titles', null],
    ]);
  });

  it('does not date an amount per single item, a standard', () => {
    expect(dated('2024年全市计划新建充电站80座，单个充电站补贴最高20万元。', '2024-01-15')).toEqual([
      ['80座', '2024-12-31'],
      ['20万元', null],
    ]);
  });

  it('dates a price by its own sentence or a day, not by the period of a sentence before', () => {
    expect(dated('上半年，全市生猪出栏52万头。受供给偏紧影响，活猪收购均价升至16.8元/公斤。')).toEqual([
      ['52万头', '2024-06-30'],
      ['16.8元/公斤', null],
    ]);
    expect(dated('上半年，全市活猪收购均价为16.8元/公斤。')).toEqual([['16.8元/公斤', '2024-06-30']]);
  });

  it('reads 今年以来 as up to now, not the period of the sentence before', () => {
    expect(dated('上半年，全县新增市场主体3200户。今年以来，全县新开工项目46个。')).toEqual([
      ['3200户', '2024-06-30'],
      ['46个', null],
    ]);
  });

  it('dates a price by 年末 in its own sentence, the end of the year the paragraph speaks of', () => {
    expect(dated('2023年，全市居民消费价格上涨0.5%。年末鸡蛋零售均价为9.8元/公斤。', '2024-02-20')).toEqual([
      ['0.5%', '2023-12-31'],
      ['9.8元/公斤', '2023-12-31'],
    ]);
  });
});

describe('numerals that are not figures, after round 4 of issue 8', () => {
  const surfaces = (text: string) =>
    extractFigures(text, { publishedAt: '2024-05-06' }).map((figure) => figure.surface);

  it('reads a bound after a share of people in its clause as the group the share counts', () => {
    expect(surfaces('近三成受访家庭每月外出就餐超过8次。')).toEqual(['近三成']);
    expect(surfaces('每月外出就餐超过8次的受访家庭比例为27.5%。')).toEqual(['27.5%']);
  });

  it('reads a bound right before the noun of a count as what defines the things counted', () => {
    expect(surfaces('全年计划引进1亿元以上产业项目25个。')).toEqual(['25个']);
  });

  it('reads an English age as no figure', () => {
    expect(surfaces('Among residents aged over 65, 58.2 percent had a flu shot.')).toEqual(['58.2 percent']);
  });

  it('reads 两位数 as wording', () => {
    expect(surfaces('一季度全市出口额保持两位数增长。')).toEqual([]);
  });

  it('reads the number of kinds a price is averaged over as part of its name', () => {
    const figures = extractFigures('本周30种重点监测水果平均批发价格为7.35元/公斤。', {
      publishedAt: '2024-05-06',
    });
    expect(figures.map((figure) => [figure.surface, figure.label])).toEqual([
      ['7.35元/公斤', '重点监测水果平均批发价格'],
    ]);
  });
});

describe('metric identity after round 4 of issue 8', () => {
  const keyed = (text: string, region: string, publishedAt = '2024-09-15') =>
    extractFigures(text, { region, publishedAt, aliases: defaultAliases }).map((figure) => [
      figure.surface,
      figure.label,
      figure.metric,
    ]);

  it('keeps a month’s own figure (当月) apart from the running total of the sentence before', () => {
    const [total, month] = keyed(
      '1-8月，江州市规上工业增加值同比增长6.3%。其中，8月份当月规上工业增加值增长4.8%。',
      '江州',
    );
    expect(total?.[2]).not.toBe(month?.[2]);
    expect(month?.[1]).toBe('当月规上工业增加值增长');
  });

  it('counts the ones that did what the figure after them measures (120家用人单位提供岗位4500个)', () => {
    const [units, jobs] = keyed('招聘会上，120家用人单位提供岗位4500个。', '江州');
    expect(units?.[1]).toBe('提供岗位用人单位');
    expect(units?.[2]).not.toBe(jobs?.[2]);
  });

  it('names an English share with no name of its own by its words, so two such shares keep apart', () => {
    const figures = keyed(
      'Nearly 60% of Linwood residents satisfied with bus service, poll shows\n\nAmong riders aged over 50, 66.3 percent rated the service as reliable.',
      'Linwood',
      '2024-03-01',
    );
    expect(figures.map(([surface]) => surface)).toEqual(['Nearly 60%', '66.3 percent']);
    expect(figures[0]?.[2]).not.toBe(figures[1]?.[2]);
  });

  it('gives each figure of a distribution the group of its place in the list, and one after the list the whole', () => {
    const figures = keyed(
      '上半年，城镇、农村居民人均消费支出分别为16230元和9870元，分别增长5.1%和7.3%，增速分别比一季度加快0.3、0.6个百分点。',
      '江州',
      '2024-07-20',
    );
    const [urban, rural] = figures.slice(-2);
    expect(urban?.[2]).not.toBe(rural?.[2]);
    expect(urban?.[1]).toMatch(/^城镇/);
    const shares = keyed(
      '监测显示，城镇、农村受访者每周参加体育锻炼的比例分别为41.2%和33.5%，全市平均为38.0%。',
      '江州',
    );
    expect(new Set(shares.map(([, , metric]) => metric)).size).toBe(3);
  });

  it('reads "A and B … respectively" for English amounts', () => {
    const figures = keyed(
      "Urban and rural households' average monthly spending stood at 4,120 yuan and 2,380 yuan, respectively.",
      'Linwood',
      '2024-03-01',
    );
    expect(figures.map(([, label]) => (label ?? '').replace(/'/g, ''))).toEqual([
      'urban households average monthly spending',
      'rural households average monthly spending',
    ]);
  });
});

describe('kinds and English as-of after round 4 of issue 8', () => {
  const read = (text: string, publishedAt = '2024-07-20') =>
    extractFigures(text, { publishedAt }).map((figure) => [figure.surface, figure.kind, figure.asOf ?? null]);

  it('dates a base compared with by its own year, which dates nothing after it, and reads "N percent growth" as growth', () => {
    expect(
      read(
        'Retail sales grew 4.1 percent in the first half of 2024, faster than the 3.6 percent growth for 2023. Per capita spending rose 3.2 percent to 14,200 yuan.',
      ),
    ).toEqual([
      ['4.1 percent', 'growth_rate', '2024-06-30'],
      ['3.6 percent', 'growth_rate', '2023-12-31'],
      ['3.2 percent', 'growth_rate', '2024-06-30'],
      ['14,200 yuan', 'money', '2024-06-30'],
    ]);
  });

  it('reads a comma that groups digits as no clause end when looking for the period after a figure', () => {
    expect(read('Rail freight doubled to 126,000 tonnes in the first half.')[0]).toEqual([
      'doubled',
      'growth_rate',
      '2024-06-30',
    ]);
  });

  it('reads the rate a change in points led to as a level', () => {
    expect(
      read('The forest cover rate rose 1.2 percentage points to 48.5 percent in 2023.', '2024-02-01'),
    ).toEqual([
      ['1.2 percentage points', 'growth_rate', '2023-12-31'],
      ['48.5 percent', 'percent', '2023-12-31'],
    ]);
  });

  it('reads a share a comparison says is lower or higher (比…低三成) as a change', () => {
    expect(read('社区食堂套餐价格比周边餐馆低两到三成。')[0]?.[1]).toBe('growth_rate');
  });

  it('reads a density per population (每万人拥有…) as other and dates it', () => {
    expect(
      read('2023年，全市每万人拥有公共文化设施面积达到1460平方米，每千人拥有执业医师3.4名。', '2024-02-01'),
    ).toEqual([
      ['1460平方米', 'area', '2023-12-31'],
      ['3.4名', 'other', '2023-12-31'],
    ]);
  });

  it('does not date an English price by the period of the sentence before', () => {
    expect(
      read(
        'Exports rose 8 percent in the first half. Wholesale coffee averaged $4.10 per kilogram, traders said.',
      ),
    ).toEqual([
      ['8 percent', 'growth_rate', '2024-06-30'],
      ['$4.10 per kilogram', 'money', null],
    ]);
  });

  it('counts wells in 眼', () => {
    expect(read('全市关闭自备水井85眼。')).toEqual([['85眼', 'count', null]]);
  });

  it('carries a year still under way to a later sentence only for what it plans', () => {
    expect(
      read(
        '2024年，全县新增城镇就业达到4200人。全县登记失业人员1800人。力争全年新增城镇就业6000人。',
        '2024-09-10',
      ).map(([surface, , asOf]) => [surface, asOf]),
    ).toEqual([
      ['4200人', '2024-12-31'],
      ['1800人', null],
      ['6000人', '2024-12-31'],
    ]);
  });

  it('dates the findings of a survey by the 截至 date after its verb, not the sample before it', () => {
    expect(
      read('某机构对2.4万名求职者的调查显示，截至6月底，61.2%的受访者已找到工作。').map(
        ([surface, , asOf]) => [surface, asOf],
      ),
    ).toEqual([
      ['2.4万名', null],
      ['61.2%', '2024-06-30'],
    ]);
  });

  it('reads 一半 framed as a share (占比接近一半, 一半以上) as 50 %, and leaves 一半 of wording alone', () => {
    expect(read('全市新能源公交车占比接近一半。', '2024-05-06')).toEqual([['接近一半', 'percent', null]]);
    expect(read('一半是志愿者，产量减少一半。', '2024-05-06')).toEqual([]);
  });

  it('dates English figures "at the end of 2023" by that year end', () => {
    expect(read('Registered residents numbered 2.35 million at the end of 2023.', '2024-02-01')).toEqual([
      ['2.35 million', 'count', '2023-12-31'],
    ]);
  });

  it('keeps the guards of those rules: a survey of a finished quarter is dated, 订单个数 is no amount per item', () => {
    expect(read('今年一季度抽样调查显示，全市居民满意率为91.2%。', '2024-06-01')).toEqual([
      ['91.2%', 'percent', '2024-03-31'],
    ]);
    expect(read('上半年，平台完成订单个数3.2万个。', '2024-07-10')).toEqual([
      ['3.2万个', 'count', '2024-06-30'],
    ]);
  });
});

describe('recall, units, qualifiers and kinds of round 4', () => {
  const read = readings;

  it.each([
    [
      '南美航线运价为每标准箱2150美元。',
      { surface: '每标准箱2150美元', value: 2150, unit: '美元/标准箱', qualifier: 'exact', kind: 'money' },
    ],
    [
      '贷款利率较上月下降12个基点。',
      { surface: '12个基点', value: 12, unit: '个基点', qualifier: 'exact', kind: 'growth_rate' },
    ],
    [
      '非遗工坊推出手作礼品64款。',
      { surface: '64款', value: 64, unit: '款', qualifier: 'exact', kind: 'count' },
    ],
    [
      '夜市客流首破20万人次。',
      { surface: '破20万人次', value: 200000, unit: '人次', qualifier: 'over', kind: 'count' },
    ],
    [
      '新建驿站每处面积不小于60平方米。',
      { surface: '不小于60平方米', value: 60, unit: '平方米', qualifier: 'over', kind: 'area' },
    ],
    [
      '参赛选手中，高校学生约占四成。',
      { surface: '四成', value: 40, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
    [
      '公寓租金不高于周边同类房源的90%。',
      { surface: '90%', value: 90, unit: '%', qualifier: 'under', kind: 'percent' },
    ],
    [
      '近半网购用户偏好次日达。',
      { surface: '近半', value: 50, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
    [
      '接近一半的商户已接入平台。',
      { surface: '接近一半', value: 50, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
    [
      '本轮调价后，尿素出厂价每吨分别上调40元和35元。',
      { surface: '40元', value: 40, unit: '元/吨', qualifier: 'exact', kind: 'money' },
      { surface: '35元', value: 35, unit: '元/吨', qualifier: 'exact', kind: 'money' },
    ],
    [
      '鲜奶收购价平均每公斤3.9元，比上月下跌0.2元。',
      // Round 10: a price per 公斤 written with 每 is reported in 元, as the labeled sets from test2 on write it.
      { surface: '每公斤3.9元', value: 3.9, unit: '元', qualifier: 'exact', kind: 'money' },
      { surface: '0.2元', value: 0.2, unit: '元', qualifier: 'exact', kind: 'money' },
    ],
    [
      '参训学员每人可获补贴800元。',
      { surface: '800元', value: 800, unit: '元', qualifier: 'exact', kind: 'money' },
    ],
    [
      'The terminal handled 2.6 million TEUs last year.',
      { surface: '2.6 million TEUs', value: 2600000, unit: 'TEUs', qualifier: 'exact', kind: 'count' },
    ],
    [
      'Offshore wind capacity reached 2.4 GW.',
      { surface: '2.4 GW', value: 2.4, unit: 'GW', qualifier: 'exact', kind: 'other' },
    ],
    [
      'The plant generated 95 million kilowatt-hours.',
      {
        surface: '95 million kilowatt-hours',
        value: 95000000,
        unit: 'kilowatt-hours',
        qualifier: 'exact',
        kind: 'volume',
      },
    ],
    [
      'Hostel beds cost 120 yuan a night.',
      { surface: '120 yuan a night', value: 120, unit: 'CNY/night', qualifier: 'exact', kind: 'money' },
    ],
    [
      'Farmers were paid $2.10 per bushel.',
      { surface: '$2.10 per bushel', value: 2.1, unit: 'USD/bushel', qualifier: 'exact', kind: 'money' },
    ],
    [
      'The airline launched 9 new direct intercontinental routes.',
      {
        surface: '9 new direct intercontinental routes',
        value: 9,
        unit: 'routes',
        qualifier: 'exact',
        kind: 'count',
      },
    ],
    [
      'The census counted 3.4 million in the county.',
      { surface: '3.4 million', value: 3400000, unit: '', qualifier: 'exact', kind: 'count' },
    ],
    [
      '全县每千人口注册护士数达到4.2人，比上年增加0.3人。',
      { surface: '4.2人', value: 4.2, unit: '人', qualifier: 'exact', kind: 'other' },
      { surface: '0.3人', value: 0.3, unit: '人', qualifier: 'exact', kind: 'other' },
    ],
    [
      '认为通勤涨幅可以接受的受访者占41.5%。',
      { surface: '41.5%', value: 41.5, unit: '%', qualifier: 'exact', kind: 'percent' },
    ],
    [
      '今年油菜籽增产约两成。',
      { surface: '约两成', value: 20, unit: '%', qualifier: 'approx', kind: 'growth_rate' },
    ],
    [
      '团餐价格比外卖低两成。',
      { surface: '两成', value: 20, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ],
    [
      '铁矿石运价较年初上涨超过一倍。',
      { surface: '超过一倍', value: 100, unit: '%', qualifier: 'over', kind: 'growth_rate' },
    ],
    [
      '项目投资杠杆率达到1：12。',
      { surface: '1：12', value: 12, unit: 'ratio', qualifier: 'exact', kind: 'ratio' },
    ],
    [
      '园区师生比约为8.5：1。',
      { surface: '约为8.5：1', value: 8.5, unit: 'ratio', qualifier: 'approx', kind: 'ratio' },
    ],
    [
      '新能源车约占全县销量的三成。',
      { surface: '三成', value: 30, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
    [
      'Retail sales posted a 4.1% gain in May.',
      { surface: '4.1%', value: 4.1, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ],
    [
      'Farm exports climb 7.5% in spring.',
      { surface: '7.5%', value: 7.5, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ],
    [
      'The coverage rate rose 1.2 percentage points to 81.4 percent.',
      {
        surface: '1.2 percentage points',
        value: 1.2,
        unit: 'percentage points',
        qualifier: 'exact',
        kind: 'growth_rate',
      },
      { surface: '81.4 percent', value: 81.4, unit: '%', qualifier: 'exact', kind: 'percent' },
    ],
    [
      'Mobile payments pass 80% of sales.',
      { surface: 'pass 80%', value: 80, unit: '%', qualifier: 'over', kind: 'percent' },
    ],
    [
      '市政热线平均接通时间为18秒。',
      { surface: '18秒', value: 18, unit: '秒', qualifier: 'exact', kind: 'other' },
    ],
    [
      '快递平均投递时长为26小时，比去年缩短4小时。',
      { surface: '26小时', value: 26, unit: '小时', qualifier: 'exact', kind: 'other' },
      { surface: '4小时', value: 4, unit: '小时', qualifier: 'exact', kind: 'other' },
    ],
    [
      '居民平均换车间隔约6.5年。',
      { surface: '约6.5年', value: 6.5, unit: '年', qualifier: 'approx', kind: 'other' },
    ],
    ['图书馆将把夜间开放时间延长1小时。'],
    [
      '乡村公交每日往返班车12趟。',
      { surface: '12趟', value: 12, unit: '趟', qualifier: 'exact', kind: 'count' },
    ],
    ['观光专列3趟已售罄。', { surface: '3趟', value: 3, unit: '趟', qualifier: 'exact', kind: 'count' }],
    [
      '风电场年发电量突破三百万千瓦时。',
      { surface: '突破三百万千瓦时', value: 3000000, unit: '千瓦时', qualifier: 'over', kind: 'volume' },
    ],
    [
      '铜价或运行在每吨7万至8万元的区间。',
      {
        surface: '每吨7万至8万元',
        value: 70000,
        valueMax: 80000,
        unit: '元/吨',
        qualifier: 'exact',
        kind: 'money',
      },
    ],
    ['新馆用时3年建成。'],
    [
      'Ferries now take 40 minutes, five minutes less than last year.',
      { surface: '40 minutes', value: 40, unit: 'minutes', qualifier: 'exact', kind: 'other' },
      { surface: 'five minutes', value: 5, unit: 'minutes', qualifier: 'exact', kind: 'other' },
    ],
    [
      'Forty-five rural libraries reopened.',
      {
        surface: 'Forty-five rural libraries',
        value: 45,
        unit: 'libraries',
        qualifier: 'exact',
        kind: 'count',
      },
    ],
    ['The council opened two ports.'],
    [
      'Coal imports fell by about a quarter, officials said.',
      { surface: 'about a quarter', value: 25, unit: '%', qualifier: 'approx', kind: 'growth_rate' },
    ],
    ['Sales rose for a third straight month.'],
    [
      'Bike-share trips reached almost four times the level of 2020.',
      { surface: 'almost four times', value: 300, unit: '%', qualifier: 'approx', kind: 'growth_rate' },
    ],
    [
      'Buses took 31 minutes, against 35 minutes a year earlier.',
      { surface: '31 minutes', value: 31, unit: 'minutes', qualifier: 'exact', kind: 'other' },
      { surface: '35 minutes', value: 35, unit: 'minutes', qualifier: 'exact', kind: 'other' },
    ],
    [
      '全县能源消费总量为412万吨标准煤。',
      { surface: '412万吨标准煤', value: 4120000, unit: '吨标准煤', qualifier: 'exact', kind: 'volume' },
    ],
    ['Orders grew in the first three quarters.'],
    ['确保实现“双过半”。'],
  ])('reads %s', (text, ...figures) => {
    expect(read(text)).toEqual(figures);
  });
});

describe('labels after round 5 of issue 8', () => {
  const read = labelReader('2024-07-10');

  it('keeps 预计 whole and names a forecast written after its subject 预计 first', () => {
    expect(read('全县茶叶总产量预计达到2.6万吨左右。')).toEqual([['2.6万吨左右', '预计茶叶总产量']]);
    expect(read('明年全市税收收入预计为48亿元。')).toEqual([['48亿元', '预计税收收入']]);
  });

  it('leaves adverbs of manner and span out (普遍, 统一, 或, 连续两日, 同日, 再)', () => {
    expect(read('菜市场鲜鱼售价普遍在每斤12元至15元之间。')).toEqual([['每斤12元至15元', '菜市场鲜鱼售价']]);
    expect(read('新线路票价统一为3元/人次。')).toEqual([['3元/人次', '新线路票价']]);
    expect(read('沪市成交额连续两日超五千亿元。')).toEqual([['超五千亿元', '沪市成交额']]);
    expect(read('5年期国债收益率同日下行3个基点至1.95%。')).toEqual([
      ['3个基点', '5年期国债收益率下行'],
      ['1.95%', '5年期国债收益率'],
    ]);
    expect(read('市级会议费再压减15%。')).toEqual([['15%', '市级会议费压减']]);
  });

  it('continues the subject before a change named by 延长, 缩短, 多出, 下行 or an accumulated 累计涨幅', () => {
    expect(read('企业货款平均回收周期为64天，较上年延长5天。')).toEqual([
      ['64天', '企业货款平均回收周期'],
      ['5天', '企业货款平均回收周期延长'],
    ]);
    expect(read('市民平均就医等候时间为25分钟，较上年缩短4分钟。')).toEqual([
      ['25分钟', '市民平均就医等候时间'],
      ['4分钟', '市民平均就医等候时间缩短'],
    ]);
    expect(read('白银现货报32.4美元/盎司，日内上涨1.1%，年内累计涨幅超过两成。')).toEqual([
      ['32.4美元/盎司', '白银现货价格'],
      ['1.1%', '白银现货价格上涨'],
      ['超过两成', '白银现货价格累计涨幅'],
    ]);
  });

  it('leaves the place words 县里, 区内, 国内 that open a clause out of the label', () => {
    expect(read('今年县里计划新建村级卫生室12个。', '桑河县')).toEqual([['12个', '计划新建村级卫生室']]);
    expect(read('区内民宿平均入住率接近八成。', '桑河区')).toEqual([['接近八成', '民宿平均入住率']]);
    expect(read('二季度国内智能手表出货量同比增长逾三成。')).toEqual([['逾三成', '智能手表出货量增长']]);
    expect(read('国内生产总值增长5.2%。')).toEqual([['5.2%', '国内生产总值增长']]);
  });

  it('names what was done of a plan by its stage when the clause names nothing else', () => {
    expect(read('今年计划完成河道清淤42公里，截至6月底已完成30公里。')).toEqual([
      ['42公里', '计划完成河道清淤'],
      ['30公里', '已完成河道清淤'],
    ]);
  });

  it('leaves a holiday that opens a clause out, and names a bare 增 增长', () => {
    expect(read('端午假期桑河区接待游客42.3万人次。', '桑河区')).toEqual([['42.3万人次', '接待游客']]);
    expect(read('春节黄金周桑河旅游收入同比增近两成。', '桑河区')).toEqual([['近两成', '旅游收入增长']]);
  });

  it('leaves 有所 and a span to come (未来半年) out of a share defined by what was said', () => {
    expect(read('调查显示，41.5%的受访商户表示未来半年将增加进货。')).toEqual([
      ['41.5%', '表示将增加进货的受访商户比例'],
    ]);
    expect(read('调查显示，36.2%的受访商户表示租金成本有所上升。')).toEqual([
      ['36.2%', '表示租金成本上升的受访商户比例'],
    ]);
  });

  it('leaves a body that acts or reports for others (部门, 馆方, 机构) out, and keeps a programme', () => {
    expect(read('市农业部门共发放农机购置补贴2860万元。')).toEqual([['2860万元', '发放农机购置补贴']]);
    expect(read('校方今年推出选修课程46个。')).toEqual([['46个', '推出选修课程']]);
    expect(read('分析机构预计今年全省油菜籽产量在80万至85万吨之间。')).toEqual([
      ['80万至85万吨', '预计油菜籽产量'],
    ]);
  });

  it('gives each choice of a 的…分别占 list the verb before the first and the tail after the last', () => {
    expect(
      read(
        '调查显示，44.1%的受访者表示将增加文化娱乐支出，打算增加餐饮外卖和家政服务支出的分别占21.3%和12.6%。',
      ),
    ).toEqual([
      ['44.1%', '表示将增加文化娱乐支出的受访者比例'],
      ['21.3%', '打算增加餐饮外卖支出的受访者比例'],
      ['12.6%', '打算增加家政服务支出的受访者比例'],
    ]);
    expect(read('选择骑行和步行上班的职工分别占12.4%和8.1%。')).toEqual([
      ['12.4%', '选择骑行上班的职工比例'],
      ['8.1%', '选择步行上班的职工比例'],
    ]);
  });

  it('takes the population of the share before for a 的 share that names none', () => {
    expect(read('计划扩大产能的受访企业占31%，计划缩减产能的占9.5%。')).toEqual([
      ['31%', '计划扩大产能的受访企业比例'],
      ['9.5%', '计划缩减产能的受访企业比例'],
    ]);
  });

  it('names the share of a population defined by a 的 phrase and counted in 成', () => {
    expect(read('认为停车难问题突出的居民约六成。')).toEqual([['约六成', '认为停车难问题突出的居民比例']]);
  });

  it('joins a headline share to a body share only when most of their wording is shared', () => {
    const figures = extractFigures(
      '超四成受访职工希望缩短通勤时间\n\n调查显示，希望增加带薪休假天数的受访职工占42.3%，另有55.6%的受访职工希望缩短通勤时间。',
      { publishedAt: '2024-07-10' },
    );
    const [headline, leave, commute] = figures;
    expect(headline?.metric).not.toBe(leave?.metric);
    expect(headline?.metric).toBe(commute?.metric);
  });

  it('reads 前一周 as a comparison base like 上周', () => {
    expect(read('纸浆价格指数报812.6点，较前一周上涨2.3%，较年初累计涨幅超过一成。')).toEqual([
      ['812.6点', '纸浆价格指数'],
      ['2.3%', '纸浆价格指数较前一周上涨'],
      ['超过一成', '纸浆价格指数较年初累计涨幅'],
    ]);
  });

  it('names what a population wants before the level it is taken to (延长至18时)', () => {
    expect(read('另有37.2%的居民希望将免费停车时长延长至2小时以上。')).toEqual([
      ['37.2%', '希望将免费停车时长延长的居民比例'],
    ]);
  });

  it('reads a comparable basis (按可比口径) like 同比, so 分别 distributes over the figures before it', () => {
    expect(read('全县共接待游客52.1万人次，实现旅游收入约4.6亿元，按可比口径分别增长7.2%和9.8%。')).toEqual([
      ['52.1万人次', '接待游客'],
      ['约4.6亿元', '旅游收入'],
      ['7.2%', '接待游客增长'],
      ['9.8%', '旅游收入增长'],
    ]);
  });

  it('tells a month of its own (a sentence opening on 5月份) from the running total on its key', () => {
    const figures = extractFigures(
      '1-5月，全县工业用水量1820万吨，同比增长3.1%。5月份，全县工业用水量402万吨，创单月新高。',
      { publishedAt: '2024-06-20' },
    );
    expect(figures.map((figure) => figure.label)).toEqual(['工业用水量', '工业用水量增长', '单月工业用水量']);
    expect(figures.some((figure) => figure.warnings !== undefined)).toBe(false);
  });

  it('reads an English passive (has been cut to) and a change written after its amount (4 hours shorter than)', () => {
    expect(
      read(
        'Average waiting time for permits has been cut to 26.5 hours, 3.5 hours shorter than a year earlier.',
      ),
    ).toEqual([
      ['26.5 hours', 'average waiting time for permits'],
      ['3.5 hours', 'average waiting time for permits decline'],
    ]);
  });

  it('names a share of a target by the subject of the amount before it, and a growth after the share by that amount', () => {
    expect(
      read('上半年，全县非税收入完成8.2亿元，为年度预算的47.5%，同比增长6.1%，其中罚没收入0.9亿元。'),
    ).toEqual([
      ['8.2亿元', '非税收入'],
      ['47.5%', '非税收入完成年度预算比例'],
      ['6.1%', '非税收入增长'],
      ['0.9亿元', '罚没收入'],
    ]);
    expect(read('全年农村劳动力转移就业3120人，完成年度目标的104%。')).toEqual([
      ['3120人', '农村劳动力转移就业'],
      ['104%', '农村劳动力转移就业完成年度目标比例'],
    ]);
    // What was done (累计完成投资) or a rate before names no other subject.
    expect(read('上半年累计完成投资36.4亿元，完成年度计划的52.1%。')).toEqual([
      ['36.4亿元', '累计完成投资'],
      ['52.1%', '完成年度计划比例'],
    ]);
  });

  it('reads 一般公共预算收入 as one measure, so a part after it (其中税收收入) takes no piece of it', () => {
    expect(read('全县一般公共预算收入增长4.2%，其中税收收入9.6亿元。')).toEqual([
      ['4.2%', '一般公共预算收入增长'],
      ['9.6亿元', '税收收入'],
    ]);
  });

  it('names the figures under 主要预期目标是： as targets (增长目标), 预期 only naming the frame', () => {
    expect(read('今年主要预期目标是：规模以上工业增加值增长7%左右，城镇调查失业率控制在5.5%以内。')).toEqual([
      ['7%左右', '规模以上工业增加值增长目标'],
      ['5.5%以内', '城镇调查失业率目标'],
    ]);
  });

  it('keeps the level a region name opens (桑河市级), and names a share of things by the state they reached', () => {
    expect(read('截至6月底桑河市级重点项目开工近九成。', '桑河')).toEqual([
      ['近九成', '市级重点项目开工比例'],
    ]);
    expect(read('全县八成以上在建项目复工。')).toEqual([['八成以上', '在建项目复工比例']]);
  });

  it('distributes an action after 分别 and a head shared by parallel 型 modifiers; 及 joins inside a listed name', () => {
    expect(read('货币型和债券型基金分别募集420亿份和385亿份。')).toEqual([
      ['420亿份', '货币型基金募集'],
      ['385亿份', '债券型基金募集'],
    ]);
    expect(read('农业、建筑业和交通运输及仓储业增加值分别增长3.2%、4.1%和5.6%。')).toEqual([
      ['3.2%', '农业增加值增长'],
      ['4.1%', '建筑业增加值增长'],
      ['5.6%', '交通运输及仓储业增加值增长'],
    ]);
  });

  it('names who an action listed after 、 reached by the whole action (改造…、惠及居民)', () => {
    expect(read('全年整治背街小巷38条、惠及居民2.6万户。')).toEqual([
      ['38条', '整治背街小巷'],
      ['2.6万户', '整治背街小巷惠及居民'],
    ]);
  });

  it('names the part measured among a whole measure (一般公共预算支出中卫生健康支出)', () => {
    expect(read('全县一般公共预算支出中卫生健康支出4.3亿元，占比达到9.8%。')).toEqual([
      ['4.3亿元', '卫生健康支出'],
      ['9.8%', '卫生健康支出占比'],
    ]);
  });

  it('keeps a bound written with 在…以上的 whole (no 在…上的 of money spent on)', () => {
    expect(read('其中，日薪在300元以上的零工岗位占比达到42%。')).toEqual([
      ['42%', '日薪在300元以上的零工岗位占比'],
    ]);
  });

  it('reads a week or a day before a growth noun (周涨幅) as no subject, so it continues the one before', () => {
    expect(read('华南线运价为每标准箱1260美元，周涨幅4.1%。')).toEqual([
      ['每标准箱1260美元', '华南线运价'],
      ['4.1%', '华南线运价周涨幅'],
    ]);
  });

  it('leaves a denominator with a quantity (每20英尺箱) and a place after 在 (在各社区) out of the label', () => {
    expect(read('东南亚航线运价为每20英尺箱1830美元，上涨6.2%。')).toEqual([
      ['1830美元', '东南亚航线运价'],
      ['6.2%', '东南亚航线运价上涨'],
    ]);
    expect(read('今年以来，全区在各社区举办健康讲座58场。')).toEqual([['58场', '举办健康讲座']]);
  });

  it('gives one key to one series in the spellings writers switch between (比例/占比, 沪深两市, GDP, 平均批发价格)', () => {
    expect(normalizeLabel('经常参加体育锻炼的人口比例')).toBe(normalizeLabel('经常参加体育锻炼人口占比'));
    expect(normalizeLabel('沪深两市成交额')).toBe(normalizeLabel('两市成交额'));
    expect(normalizeLabel('GDP增长')).toBe(normalizeLabel('地区生产总值增长'));
    expect(normalizeLabel('社零总额增长')).toBe(normalizeLabel('社会消费品零售总额增长'));
    expect(normalizeLabel('白菜平均批发价格')).toBe(normalizeLabel('白菜批发均价'));
    expect(normalizeLabel('白菜批发价格')).not.toBe(normalizeLabel('白菜零售价格'));
  });

  it('leaves English time phrases (in March, in the first five months, first-quarter) and places (at Halden port) out', () => {
    expect(read("Halden's first-quarter imports climb 4.1% to 52.3 billion yuan")).toEqual([
      ['4.1%', 'imports growth'],
      ['52.3 billion yuan', 'imports'],
    ]);
    expect(read('Average monthly rents in March rose 2.6 percent from a year earlier to $1,480.')).toEqual([
      ['2.6 percent', 'average monthly rent growth'],
      ['$1,480', 'average monthly rent'],
    ]);
    expect(
      read('Cargo throughput at Halden port reached 3.2 million tonnes in the first five months.'),
    ).toEqual([['3.2 million tonnes', 'cargo throughput']]);
    expect(read('Wind capacity in Halden reached 2.4 GW.')).toEqual([['2.4 GW', 'wind capacity']]);
  });

  it('reads a value compared with a year earlier (较去年同期的) as the same series one year before', () => {
    const figures = extractFigures('上半年，全县户均光伏发电收益约2860元，较去年同期的2410元有所增加。', {
      publishedAt: '2024-07-10',
    });
    expect(figures.map((figure) => [figure.surface, figure.label, figure.asOf])).toEqual([
      ['约2860元', '户均光伏发电收益', '2024-06-30'],
      ['2410元', '户均光伏发电收益', '2023-06-30'],
    ]);
    expect(figures[0]?.metric).toBe(figures[1]?.metric);
  });

  it('leaves examples closed by 等 and the quantifiers 各类, 各项 out of the label', () => {
    expect(read('今年以来，全区开展游泳培训、研学营等青少年活动120余场。')).toEqual([
      ['120余场', '青少年活动'],
    ]);
    expect(read('全年发放各类创业补贴2860万元。')).toEqual([['2860万元', '发放创业补贴']]);
  });
  it('gives a light verb (完成, 实现) the things counted before only when they are ones who act', () => {
    const labels = (text: string) => read(text).map(([, label]) => label);
    expect(labels('全县共有规上企业215家，实现营业收入98.3亿元。')).toEqual(['规上企业', '规上企业营业收入']);
    expect(labels('放流鱼苗300万尾，完成造林面积3000公顷。')).toEqual(['放流鱼苗', '造林面积']);
    expect(labels('高新技术企业数量达到3000家，完成造林面积3000公顷。')).toEqual([
      '高新技术企业数量',
      '造林面积',
    ]);
    expect(labels('全市新登记市场主体12345户，完成造林面积3000公顷。')).toEqual([
      '新登记市场主体',
      '造林面积',
    ]);
  });

  it("never gives a government's revenue the subject of the measure before it", () => {
    expect(read('固定资产投资增长5.1%，一般公共预算收入为300.2亿元。')).toEqual([
      ['5.1%', '固定资产投资增长'],
      ['300.2亿元', '一般公共预算收入'],
    ]);
    expect(
      read('进出口总额为500亿元，财政收入为86亿元，税收收入为61亿元。').map(([, label]) => label),
    ).toEqual(['进出口总额', '财政收入', '税收收入']);
  });
});

describe('as-of, recall, units and kinds of round 5', () => {
  const dated = asOfReader('2024-08-20');
  const read = readings;

  it('reads energy produced or used as a volume, in either language', () => {
    expect(read('水电站当年发电12.5亿千瓦时。')).toEqual([
      { surface: '12.5亿千瓦时', value: 1250000000, unit: '千瓦时', qualifier: 'exact', kind: 'volume' },
    ]);
    expect(read('The wind farm generated 86 million kilowatt-hours.')[0]?.kind).toBe('volume');
  });

  it('reads a whole rate per population as other, like a fractional one', () => {
    expect(read('全区每万人拥有养老床位42张。')).toEqual([
      { surface: '42张', value: 42, unit: '张', qualifier: 'exact', kind: 'other' },
    ]);
  });

  it('dates the figures of a span of days by its last day (5月1日至5日, 9月29日至10月6日)', () => {
    expect(dated('记者从市文旅局获悉，5月1日至5日，全市接待游客58.2万人次。', '2024-05-06')).toEqual([
      ['58.2万人次', '2024-05-05'],
    ]);
    expect(dated('9月29日至10月6日，景区共接待游客12万人次。', '2024-10-08')).toEqual([
      ['12万人次', '2024-10-06'],
    ]);
  });

  it("dates a year's targets (2025年主要预期目标是：) by that year's end, not the year looked back on", () => {
    expect(
      dated('过去一年，全县财政收入增长4.2%。2025年主要预期目标是：财政收入增长5%左右。', '2025-01-10'),
    ).toEqual([
      ['4.2%', '2024-12-31'],
      ['5%左右', '2025-12-31'],
    ]);
  });

  it('dates a target or forecast for the year (力争全年, 预计今年, 确保) by its end', () => {
    expect(dated('报告提出，力争全年完成造林面积3.5万亩。')).toEqual([['3.5万亩', '2024-12-31']]);
    expect(dated('协会预计今年茶叶产量在1.2万吨左右。')).toEqual([['1.2万吨左右', '2024-12-31']]);
    expect(
      dated('2025年，全市财政收入预计增长5%。会议要求，确保失业率控制在5.5%以内。', '2025-01-20'),
    ).toEqual([
      ['5%', '2025-12-31'],
      ['5.5%以内', '2025-12-31'],
    ]);
  });

  it('dates what 同日 reports by the day named before', () => {
    expect(
      dated('5月8日，5年期国债收益率下行3个基点。10年期国债收益率同日下行2个基点。', '2024-05-09'),
    ).toEqual([
      ['3个基点', '2024-05-08'],
      ['2个基点', '2024-05-08'],
    ]);
  });

  it('keeps the year under way for a part (其中…) of the total the sentence before gave', () => {
    expect(dated('2024年，全县蔬菜产量46.2万吨。其中，设施蔬菜产量18.5万吨。', '2024-12-18')).toEqual([
      ['46.2万吨', '2024-12-31'],
      ['18.5万吨', '2024-12-31'],
    ]);
  });

  it('reads none of an English base compared with (than in the same month last year) as a period', () => {
    expect(
      dated(
        'Imports in the first five months rose 4%. May imports were 6% lower than in the same month last year.',
        '2024-06-15',
      ),
    ).toEqual([
      ['4%', '2024-05-31'],
      ['6%', '2024-05-31'],
    ]);
  });

  it.each([
    [
      '全省工业生产者价格指数（PPI）为101.2。',
      { surface: '101.2', value: 101.2, unit: '', qualifier: 'exact', kind: 'other' },
    ],
    [
      '城乡居民收入比由上年的2.31缩小至2.27。',
      { surface: '2.31', value: 2.31, unit: 'ratio', qualifier: 'exact', kind: 'ratio' },
      { surface: '2.27', value: 2.27, unit: 'ratio', qualifier: 'exact', kind: 'ratio' },
    ],
    [
      'The regional services PMI rose 0.8 points to 51.3 in May.',
      { surface: '0.8 points', value: 0.8, unit: 'points', qualifier: 'exact', kind: 'other' },
      { surface: '51.3', value: 51.3, unit: '', qualifier: 'exact', kind: 'other' },
    ],
    [
      '全市三次产业结构调整为5.1：36.2：58.7。',
      { surface: '5.1', value: 5.1, unit: '%', qualifier: 'exact', kind: 'percent' },
      { surface: '36.2', value: 36.2, unit: '%', qualifier: 'exact', kind: 'percent' },
      { surface: '58.7', value: 58.7, unit: '%', qualifier: 'exact', kind: 'percent' },
    ],
    [
      '窗口服务满意度得分88.5分。',
      { surface: '88.5分', value: 88.5, unit: '分', qualifier: 'exact', kind: 'other' },
    ],
    [
      '游客平均停留2.4天，比上年延长0.2天，假期共7天。',
      { surface: '2.4天', value: 2.4, unit: '天', qualifier: 'exact', kind: 'other' },
      { surface: '0.2天', value: 0.2, unit: '天', qualifier: 'exact', kind: 'other' },
    ],
    [
      'Homes sold in a median of 31 days, down from 38 days, within 90 days of listing.',
      { surface: '31 days', value: 31, unit: 'days', qualifier: 'exact', kind: 'other' },
      { surface: '38 days', value: 38, unit: 'days', qualifier: 'exact', kind: 'other' },
    ],
    [
      'Buses carried 45,000 riders a day and charged 2 dollars a day.',
      { surface: '45,000 riders', value: 45000, unit: 'riders', qualifier: 'exact', kind: 'count' },
      { surface: '2 dollars a day', value: 2, unit: 'USD/day', qualifier: 'exact', kind: 'money' },
    ],
    [
      'Nearly half of the tenants moved in the second half of the year.',
      { surface: 'Nearly half', value: 50, unit: '%', qualifier: 'approx', kind: 'percent' },
    ],
  ])('reads %s (round 5)', (text, ...figures) => {
    expect(read(text)).toEqual(figures);
  });

  it('reads 上年 as the year before the one the paragraph speaks of', () => {
    expect(dated('2024年，全县城乡居民收入比由上年的2.31缩小至2.27。', '2025-02-26')).toEqual([
      ['2.31', '2023-12-31'],
      ['2.27', '2024-12-31'],
    ]);
  });

  it("dates a year's target written right before its figure (全年目标任务6000人) by the year's end", () => {
    expect(dated('1-7月，全县城镇新增就业3420人，完成全年目标任务6000人的57%。')).toEqual([
      ['3420人', '2024-07-31'],
      ['6000人', '2024-12-31'],
      ['57%', '2024-07-31'],
    ]);
  });

  it('carries a year still to come from a sentence of targets to the targets after it', () => {
    expect(dated('2025年全区财政收入预期增长5%。交通方面，新建公交首末站4座。', '2025-01-12')).toEqual([
      ['5%', '2025-12-31'],
      ['4座', '2025-12-31'],
    ]);
    expect(dated('2024年，全县参保人数达到28.1万人。全县领取待遇人员7.6万人。', '2024-10-12')).toEqual([
      ['28.1万人', '2024-12-31'],
      ['7.6万人', null],
    ]);
  });

  it('dates a base written as a figure after 较去年同期的 a year before the sentence, and an average per item by its period', () => {
    expect(
      dated('上半年，全市新设企业1.2万户，单户企业平均注册资本约86万元，较去年同期的92万元有所下降。'),
    ).toEqual([
      ['1.2万户', '2024-06-30'],
      ['约86万元', '2024-06-30'],
      ['92万元', '2023-06-30'],
    ]);
  });

  it('dates a rate per population by its period, unlike a standard per person', () => {
    expect(
      dated('2024年，全市每万人口拥有公共图书馆藏书1.9册，每千人口注册护士达到4.2人。', '2025-02-10'),
    ).toEqual([
      ['1.9册', '2024-12-31'],
      ['4.2人', '2024-12-31'],
    ]);
    expect(dated('2024年起，全市每名新生儿每年发放补贴1200元。', '2024-03-10')).toEqual([['1200元', null]]);
  });

  it('dates an English figure planned by a year (plans to open 9 clinics by 2027) by its end', () => {
    expect(
      dated('The county opened 4 clinics in 2024 and plans to open 9 more clinics by 2027.', '2025-03-01'),
    ).toEqual([
      ['4 clinics', '2024-12-31'],
      ['9 more clinics', '2027-12-31'],
    ]);
  });

  it.each([
    [
      '春茶采摘近八成 全县茶叶产量有望超万吨',
      { surface: '近八成', value: 80, unit: '%', qualifier: 'approx', kind: 'percent' },
      { surface: '超万吨', value: 10000, unit: '吨', qualifier: 'over', kind: 'volume' },
    ],
    [
      '十年间全区快递业务量翻了两番多。',
      { surface: '翻了两番多', value: 300, unit: '%', qualifier: 'over', kind: 'growth_rate' },
    ],
  ])('reads %s (round 5, qualifiers)', (text, ...figures) => {
    expect(read(text)).toEqual(figures);
  });

  it.each([
    [
      '全县民宿入住人次同比增近两成。',
      { surface: '近两成', value: 20, unit: '%', qualifier: 'approx', kind: 'growth_rate' },
    ],
  ])('reads %s (round 5, kinds)', (text, ...figures) => {
    expect(read(text)).toEqual(figures);
  });

  it('reads the next item of a list of changes as a change', () => {
    const kinds = read('全区接待游客86万人次，实现旅游收入7亿元，按可比口径分别增长5.2%和8.4%。').map(
      ({ surface, kind }) => [surface, kind],
    );
    expect(kinds).toEqual([
      ['86万人次', 'count'],
      ['7亿元', 'money'],
      ['5.2%', 'growth_rate'],
      ['8.4%', 'growth_rate'],
    ]);
  });

  it('reads an English month with its year written after it (in May 2024)', () => {
    expect(
      dated(
        'In April, loans took a median of 12 days to approve, down from 15 days in April 2023.',
        '2024-05-20',
      ),
    ).toEqual([
      ['12 days', '2024-04-30'],
      ['15 days', '2023-04-30'],
    ]);
  });

  it('does not read a bound that defines a group whose share follows its 的 (5次以上…的占比)', () => {
    expect(read('受访家庭中，一年出游5次以上的家庭占比为18.2%。').map(({ surface }) => surface)).toEqual([
      '18.2%',
    ]);
    expect(read('有过2次以上换工作经历的占比超过三成。').map(({ surface }) => surface)).toEqual(['超过三成']);
  });
});

describe('English of round 6', () => {
  const tarvik = { region: 'Tarvik', publishedAt: '2025-10-20', aliases: defaultAliases };
  const read = (text: string) =>
    extractFigures(text, tarvik).map((figure) => [
      figure.surface,
      figure.label,
      figure.unit,
      figure.kind,
      figure.asOf ?? '',
    ]);

  it('reads "U.S. dollars" as USD, and its initials end neither the sentence nor the clause', () => {
    expect(
      read(
        'Machinery exports totaled 3.2 billion U.S. dollars in the third quarter, the customs office said.',
      ),
    ).toEqual([['3.2 billion U.S. dollars', 'machinery exports', 'USD', 'money', '2025-09-30']]);
  });

  it('reads "pct" as percent', () => {
    expect(read('Tarvik retail sales up 3.1 pct in September')).toEqual([
      ['3.1 pct', 'retail sales growth', '%', 'growth_rate', '2025-09-30'],
    ]);
  });

  it('leaves every place out of a label, with a compass word before its name', () => {
    expect(read('Passenger traffic at Merrow airport in northern Fenland rose 4 percent.')).toEqual([
      ['4 percent', 'passenger traffic growth', '%', 'growth_rate', ''],
    ]);
  });

  it('keeps the measure before an "of" whose owner names a place (output of west Fenland\'s Corby county)', () => {
    expect(read("Timber output of west Fenland's Corby county fell 2 percent.")).toEqual([
      ['2 percent', 'timber output decline', '%', 'growth_rate', ''],
    ]);
  });

  it('leaves a year, a half-year term and a headline verb out of a label', () => {
    expect(read('Corby cuts 2026 growth target to about 4%\n\nTarvik H1 bookings jump 12%')).toEqual([
      ['about 4%', 'growth target', '%', 'growth_rate', '2026-12-31'],
      ['12%', 'bookings growth', '%', 'growth_rate', ''],
    ]);
  });

  it("drops a participle that opens a clause (beating analysts' estimates of…)", () => {
    expect(read("Orders came to 12,400 cars, beating analysts' estimates of about 11,000.")[1]?.[1]).toBe(
      "analysts' estimates",
    );
  });

  it('keeps a name joined by "and" whole, and what a trade is with', () => {
    expect(read('Trade with Bosnia and Herzegovina accounted for 12 percent of the total.')).toEqual([
      ['12 percent', 'trade with bosnia and herzegovina share', '%', 'percent', ''],
    ]);
  });

  it('keeps a participle that describes a noun after a preposition (investment in renovated hospitals)', () => {
    expect(read('Investment in renovated hospitals exceeded 3 billion yuan.')[0]?.[1]).toBe(
      'investment in renovated hospitals',
    );
  });

  it('names a rise in percentage points a rise, and the level it led to by its rate', () => {
    expect(
      read('The enrollment rate rose 1.5 percentage points to 88 percent.').map((row) => row[1]),
    ).toEqual(['enrollment rate rise', 'enrollment rate']);
  });

  it('names what was added by the verb, once new', () => {
    expect(read('The airline added 9 new routes.')[0]?.[1]).toBe('routes added');
  });

  it('reads HK$ as Hong Kong dollars', () => {
    expect(read('The stock ended at HK$18.40.').map((row) => [row[0], row[2], row[3]])).toEqual([
      ['HK$18.40', 'HKD', 'money'],
    ]);
  });

  it('names a change an article introduces by what changed after it ("a 7% drop in coal output")', () => {
    expect(
      read(
        'Power use rose 3.1%, helped by a 9.5% jump in data centre demand, while a 7% drop in coal output from a year earlier weighed on mining.',
      ).map((row) => row[1]),
    ).toEqual(['power use growth', 'data centre demand growth', 'coal output decline']);
  });

  it('takes "from the previous year" for no base of its own, and "slumped" for a decline', () => {
    expect(
      read(
        'Freight volume reached 5 million tonnes, up 6 percent from the previous year. Car sales slumped 8%.',
      ).map((row) => row[1]),
    ).toEqual(['freight volume', 'freight volume growth', 'car sales decline']);
  });
});

describe('as-of, recall, units and kinds of round 6', () => {
  const dated = asOfReader('2025-07-20');
  const read = readings;

  it('reads a score in a clause after the one that names it (比上年提高2.3分; 得分最低，为76.5分)', () => {
    expect(
      extractFigures('营商环境满意度得分为84.1分，比上年提高2.3分；政务服务得分最低，为76.5分。', dalian).map(
        ({ surface, unit, label }) => [surface, unit, label],
      ),
    ).toEqual([
      ['84.1分', '分', '营商环境满意度得分'],
      ['2.3分', '分', '营商环境满意度得分提高'],
      ['76.5分', '分', '政务服务得分'],
    ]);
  });

  it('reads a time level followed by another group’s (城区居民为1.6小时、郊区居民为0.9小时)', () => {
    expect(
      read('居民日均通勤时长为1.2小时，其中城区居民为1.6小时、郊区居民为0.9小时。').map(
        ({ surface }) => surface,
      ),
    ).toEqual(['1.2小时', '1.6小时', '0.9小时']);
  });

  it('reads sessions of a course held (举办讲座24期) but not a phase (二期工程)', () => {
    expect(read('今年全区已举办公益讲座24期，二期工程将于年底开工。')).toEqual([
      { surface: '24期', value: 24, unit: '期', qualifier: 'exact', kind: 'count' },
    ]);
  });

  it('reads a bound after a headline figure that a space parts from it (…0.5% 成交额不足7000亿元)', () => {
    expect(
      read('深成指收涨0.5% 两市成交额不足7000亿元').map(({ surface, qualifier }) => [surface, qualifier]),
    ).toEqual([
      ['0.5%', 'exact'],
      ['不足7000亿元', 'under'],
    ]);
  });

  it('reads an amount per hour or month as 元, a written rate as a rate', () => {
    expect(read('充电桩服务费为首小时3元，此后每小时1.5元；护理补贴每月300元；水价为2.8元/立方米。')).toEqual(
      [
        { surface: '3元', value: 3, unit: '元', qualifier: 'exact', kind: 'money' },
        { surface: '每小时1.5元', value: 1.5, unit: '元', qualifier: 'exact', kind: 'money' },
        { surface: '每月300元', value: 300, unit: '元', qualifier: 'exact', kind: 'money' },
        { surface: '2.8元/立方米', value: 2.8, unit: '元/立方米', qualifier: 'exact', kind: 'money' },
      ],
    );
  });

  it('dates a standard per month raised in the period its own sentence gives', () => {
    expect(
      dated('2024年，全县为困难群众发放救助金3100万元，补助标准提高到每人每月180元。', '2025-02-10'),
    ).toEqual([
      ['3100万元', '2024-12-31'],
      ['180元', '2024-12-31'],
    ]);
  });

  it('reads a change and the level it reached (增加2.1吨至310.5吨) as two figures, a range of rates as one', () => {
    expect(read('该基金持仓本周增加2.1吨至310.5吨。').map(({ surface, value }) => [surface, value])).toEqual([
      ['2.1吨', 2.1],
      ['310.5吨', 310.5],
    ]);
    expect(read('全年经济增长预期目标为增长4.5%至5%。')).toEqual([
      { surface: '4.5%至5%', value: 4.5, valueMax: 5, unit: '%', qualifier: 'exact', kind: 'growth_rate' },
    ]);
  });

  it("dates a year's budget (2025年一般公共预算收入安排…) by that year's end, not the year looked back on", () => {
    expect(
      dated(
        '2024年全区一般公共预算收入完成31.2亿元。2025年一般公共预算收入安排32.6亿元，增长4.5%。',
        '2025-01-12',
      ),
    ).toEqual([
      ['31.2亿元', '2024-12-31'],
      ['32.6亿元', '2025-12-31'],
      ['4.5%', '2025-12-31'],
    ]);
  });

  it('leaves undated a stock stated after a part of the year an earlier sentence gave, not after a whole year', () => {
    expect(
      dated(
        '1-5月，全县完成固定资产投资45.2亿元，增长6.1%。全县已建成5G基站1260个，森林覆盖率为61.2%。',
        '2025-06-20',
      ),
    ).toEqual([
      ['45.2亿元', '2025-05-31'],
      ['6.1%', '2025-05-31'],
      ['1260个', null],
      ['61.2%', null],
    ]);
    expect(dated('2024年，全县完成固定资产投资98.5亿元。全县已建成5G基站1260个。', '2025-02-20')).toEqual([
      ['98.5亿元', '2024-12-31'],
      ['1260个', '2024-12-31'],
    ]);
  });

  it('dates the answers of a survey named by its quarter, not by the horizon those asked expect or plan for', () => {
    expect(
      dated(
        '三季度企业经营状况调查显示，45.1%的受访企业预计四季度订单将增加，比上季度调查提高2.3个百分点。计划扩大招聘的企业占18%。',
        '2025-10-20',
      ),
    ).toEqual([
      ['45.1%', '2025-09-30'],
      ['2.3个百分点', '2025-09-30'],
      ['18%', null],
    ]);
    expect(dated('在投资方面，计划四季度扩大投资的受访企业占31%。', '2025-10-20')).toEqual([['31%', null]]);
  });

  it('dates a later sentence of a year reported in its last month (a bulletin of 12月18日), not in October', () => {
    const text = '2024年，全县油菜籽产量4.2万吨，增长3.1%。全县油菜单产182公斤/亩，提高2.2%。';
    expect(dated(text, '2024-12-18')).toEqual([
      ['4.2万吨', '2024-12-31'],
      ['3.1%', '2024-12-31'],
      ['182公斤/亩', '2024-12-31'],
      ['2.2%', '2024-12-31'],
    ]);
    expect(dated(text, '2024-10-18').slice(2)).toEqual([
      ['182公斤/亩', null],
      ['2.2%', null],
    ]);
  });

  it('leaves undated what a clause foresees after a period already past, and the month it foresees for', () => {
    expect(dated('上半年，全区新增养老床位620张；预计10月底前可再新增床位180张。', '2025-07-10')).toEqual([
      ['620张', '2025-06-30'],
      ['180张', null],
    ]);
  });

  it("dates a year's target named after its figure (完成全年下降2.5%的目标) and a further plan within the year (年内再…)", () => {
    expect(dated('前三季度，全市万元GDP用水量下降2.8%，已完成全年下降2.5%的目标。', '2025-10-20')).toEqual([
      ['2.8%', '2025-09-30'],
      ['2.5%', '2025-12-31'],
    ]);
    expect(dated('区住建局表示，年内再筹集人才公寓1500套。', '2025-08-20')).toEqual([
      ['1500套', '2025-12-31'],
    ]);
  });

  it('does not date by the month a survey is named by (结合今年4月…调查结果) or by the year of a planned total', () => {
    expect(dated('区民政局将结合今年4月养老需求调查结果，把助餐补贴提高到餐费的30%。', '2025-08-20')).toEqual(
      [['30%', null]],
    );
    expect(dated('截至8月底，全区今年计划新建的60个充电站已建成42个，建成率70%。', '2025-09-05')).toEqual([
      ['60个', '2025-12-31'],
      ['42个', '2025-08-31'],
      ['70%', '2025-08-31'],
    ]);
  });

  it('does not read a figure in a quoted slogan (“500米见园”), but reads one quoted alone (“8元”)', () => {
    expect(
      read('打造“500米见园”“10分钟健身圈”，公园服务半径覆盖率达88%，门票定为“8元”。').map(
        ({ surface }) => surface,
      ),
    ).toEqual(['88%', '8元']);
  });

  it('dates by a period in the answers of those asked only the sentence that reports them', () => {
    expect(
      dated(
        '受访商户中，认为三季度客流增加的占41.2%，持平的占37.5%。商户平均门店空置率为6.4%。',
        '2025-10-20',
      ),
    ).toEqual([
      ['41.2%', '2025-09-30'],
      ['37.5%', '2025-09-30'],
      ['6.4%', null],
    ]);
  });

  it('leaves periods out of a label: 前三季度, 前4个月, 年内, 年底前', () => {
    const labels = (text: string) => extractFigures(text, dalian).map(({ label }) => label);
    expect(labels('该券商前三季度营业收入下降3.2%')).toEqual(['券商营业收入下降']);
    expect(labels('全区前4个月出口额增长9.1%')).toEqual(['出口额增长']);
    expect(labels('市图书馆年内借阅量首破80万')).toEqual(['市图书馆借阅量']);
    expect(labels('全市计划年底前新建社区食堂35个')).toEqual(['计划新建社区食堂']);
  });

  it('reads 过 before a share as over (过七成), not a verb ending in 过 (通过)', () => {
    expect(
      read('受访商户中过七成表示客流回升。').map(({ surface, qualifier }) => [surface, qualifier]),
    ).toEqual([['过七成', 'over']]);
    expect(read('议案以八成赞成票通过，通过八成。').map(({ qualifier }) => qualifier)).not.toContain('over');
  });
});

describe('labels of round 6', () => {
  const read = labelReader('2025-08-12');

  it('keeps an average over years (两年平均增长) apart from the growth of one year', () => {
    expect(read('前三季度，全县农业总产值同比增长5.2%，三年平均增长4.4%。', '桐川县')).toEqual([
      ['5.2%', '农业总产值增长'],
      ['4.4%', '农业总产值三年平均增长'],
    ]);
  });

  it('gives a stage and its verb alone, or an action rate, the object the figure before named', () => {
    expect(read('全区列入年度计划的民生实事项目42个，已完工35个，完工率83.3%。', '桐川区')).toEqual([
      ['42个', '民生实事项目'],
      ['35个', '已完工民生实事项目'],
      ['83.3%', '民生实事项目完工率'],
    ]);
    expect(read('今年计划新建社区食堂30家，已建成12家，在建10家。')).toEqual([
      ['30家', '计划新建社区食堂'],
      ['12家', '已建成社区食堂'],
      ['10家', '在建社区食堂'],
    ]);
    expect(read('去年新建公交候车亭260座，今年计划再建180座。')).toEqual([
      ['260座', '新建公交候车亭'],
      ['180座', '计划新建公交候车亭'],
    ]);
    expect(read('全县计划整治农村黑臭水体60条，已开工52条，开工率86.7%，其中已完工30条。')).toEqual([
      ['60条', '计划整治农村黑臭水体'],
      ['52条', '已开工农村黑臭水体'],
      ['86.7%', '农村黑臭水体开工率'],
      ['30条', '已完工农村黑臭水体'],
    ]);
    expect(read('全市发放文旅惠民券1500万元，已核销1120万元。')).toEqual([
      ['1500万元', '发放文旅惠民券'],
      ['1120万元', '已核销文旅惠民券'],
    ]);
  });

  it('leaves a pronoun, 去年末, a means phrase, a beneficiary phrase and a 将 of what is to come out', () => {
    expect(read('去年，我们修缮农村危房1260户。')).toEqual([['1260户', '修缮农村危房']]);
    expect(read('去年末全县普惠小微贷款余额增长21.4%。')).toEqual([['21.4%', '普惠小微贷款余额增长']]);
    expect(read('全区利用闲置厂房、废旧仓库新建改建社区书房24个。')).toEqual([['24个', '新建改建社区书房']]);
    expect(read('今年为困难残疾人发放生活补贴2860万元。')).toEqual([['2860万元', '发放生活补贴']]);
    expect(read('景区预计，国庆期间将接待游客约30万人次。')).toEqual([['约30万人次', '接待游客']]);
  });

  it('leaves 前三季度, 前5个月 and 在未来三个月 out of a label, and names a 名义 or 实际 growth by its subject', () => {
    expect(read('桐川农商行前三季度营业收入增长6.2%')).toEqual([['6.2%', '桐川农商行营业收入增长']]);
    expect(read('全市前5个月港口货物吞吐量增长3.3%。')).toEqual([['3.3%', '港口货物吞吐量增长']]);
    expect(read('调查显示，计划在未来三个月购买新车的受访者占9.1%。')).toEqual([
      ['9.1%', '计划购买新车的受访者比例'],
    ]);
    expect(read('全县农村居民人均可支配收入16240元，同比实际增长6.9%。')).toEqual([
      ['16240元', '农村居民人均可支配收入'],
      ['6.9%', '农村居民人均可支配收入实际增长'],
    ]);
  });

  it('names what a survey or an assessment did without the survey (本次普查共登记…)', () => {
    expect(read('本次普查共登记文物点1436处。')).toEqual([['1436处', '登记文物点']]);
    expect(read('此次抽查共回收有效样本3020份。')).toEqual([['3020份', '回收有效样本']]);
  });

  it('gives a change with only a base before 分别 the subjects before it, keeping a base that is a period', () => {
    expect(read('城区、乡镇保洁员月薪分别提高到3200元和2600元，比调整前分别增加300元和200元。')).toEqual([
      ['3200元', '城区保洁员月薪'],
      ['2600元', '乡镇保洁员月薪'],
      ['300元', '城区保洁员月薪增加'],
      ['200元', '乡镇保洁员月薪增加'],
    ]);
    expect(read('东港、西港集装箱吞吐量分别为42万标箱和31万标箱，较一季度分别增长6%和4%。').slice(2)).toEqual(
      [
        ['6%', '东港集装箱吞吐量比一季度增长'],
        ['4%', '西港集装箱吞吐量比一季度增长'],
      ],
    );
  });

  it('gives each item of a 分别 list the rest of the last item after the word of its kind (制造业、服务业企业…)', () => {
    expect(read('批发零售业、住宿餐饮业企业的用工缺口率分别为6.4%、9.8%。')).toEqual([
      ['6.4%', '批发零售业企业的用工缺口率'],
      ['9.8%', '住宿餐饮业企业的用工缺口率'],
    ]);
  });

  it('gives a measure that opens on the verb before (成交面积, 发放标准) the object of that verb', () => {
    expect(read('上周全市二手住宅成交1260套，成交面积11.4万平方米，环比增长7%。')).toEqual([
      ['1260套', '二手住宅成交'],
      ['11.4万平方米', '二手住宅成交面积'],
      ['7%', '二手住宅成交面积环比增长'],
    ]);
    expect(read('全县发放困难职工生活补助860万元，发放标准为每人每月300元。')).toEqual([
      ['860万元', '发放困难职工生活补助'],
      ['300元', '困难职工生活补助发放标准'],
    ]);
  });

  it('puts a planned measure after the topic it continues (重点项目计划总投资)', () => {
    expect(read('全区纳入年度计划的重大项目54个，已开工40个，开工率74.1%；计划总投资380亿元。')).toEqual([
      ['54个', '重大项目'],
      ['40个', '已开工重大项目'],
      ['74.1%', '重大项目开工率'],
      ['380亿元', '重大项目计划总投资'],
    ]);
  });

  it('gives one share per population a frame lists when the shares come 分别, without 当前', () => {
    expect(read('男性职工和女性职工中，认为当前工作强度偏大的比例分别为38.2%和33.5%。')).toEqual([
      ['38.2%', '认为工作强度偏大的男性职工比例'],
      ['33.5%', '认为工作强度偏大的女性职工比例'],
    ]);
  });

  it('reads an answer alone as an answer to the question of the share before (增加的占…，持平的占…)', () => {
    expect(read('受访商户中，认为客流比去年增加的占28.4%，持平的占51.2%，减少的占20.4%。')).toEqual([
      ['28.4%', '认为客流增加的受访商户比例'],
      ['51.2%', '认为客流持平的受访商户比例'],
      ['20.4%', '认为客流减少的受访商户比例'],
    ]);
    expect(
      read('对520家外贸企业的调查显示，一季度订单同比增长的企业占44.6%，持平的占31.2%。').slice(1),
    ).toEqual([
      ['44.6%', '订单增长的企业比例'],
      ['31.2%', '订单持平的企业比例'],
    ]);
  });

  it('gives a measure 分别 the things the clause before listed (A、B…位居前列，得分分别为…)', () => {
    expect(read('十个测评项目中，窗口服务、网上办事便利度位居前两位，得分分别为92.4分和90.1分。')).toEqual([
      ['92.4分', '窗口服务便利度得分'],
      ['90.1分', '网上办事便利度得分'],
    ]);
  });

  it('gives a 的 share without a population the population of the share before it', () => {
    expect(
      read('计划报名夏令营的受访家长占34.2%，计划报名研学游的占21.5%，计划报名兴趣班的不到两成。'),
    ).toEqual([
      ['34.2%', '计划报名夏令营的受访家长比例'],
      ['21.5%', '计划报名研学游的受访家长比例'],
      ['不到两成', '计划报名兴趣班的受访家长比例'],
    ]);
  });

  it('names a survey sample without its ages, and reads 的人 as the sample the text set', () => {
    expect(read('在1960名受访的22至30岁职工中，41.2%的人有副业收入。')).toEqual([
      ['1960名', '受访职工'],
      ['41.2%', '有副业收入的受访职工比例'],
    ]);
    expect(read('研究会对800名65岁以上老人开展的问卷调查显示，52.6%的受访老人每天锻炼。')).toEqual([
      ['800名', '受访老人'],
      ['52.6%', '每天锻炼的受访老人比例'],
    ]);
  });

  it('names work on land measured in area by the area it covered (收获面积)', () => {
    expect(read('截至9月底，全市夏玉米已收获52.3万亩，其中机收41.8万亩。')).toEqual([
      ['52.3万亩', '夏玉米收获面积'],
      ['41.8万亩', '机收面积'],
    ]);
  });

  it('names a figure whose clause names nothing by what the clause before ranked (…最高，达到…，其次是…，占…)', () => {
    expect(
      read('家庭月均教育支出为2180元，其中课外培训支出占比最高，达到42.3%，其次是教辅资料支出，占18.6%。'),
    ).toEqual([
      ['2180元', '家庭月均教育支出'],
      ['42.3%', '课外培训支出占比'],
      ['18.6%', '教辅资料支出占比'],
    ]);
  });

  it('gives a rate change 分别 without a subject (增速分别比…加快) the subjects of the growths before', () => {
    expect(
      read('全县工业投资、民间投资分别增长5.2%和6.1%，增速分别比一季度加快0.4、0.9个百分点。').slice(2),
    ).toEqual([
      ['0.4', '工业投资增速比一季度加快'],
      ['0.9个百分点', '民间投资增速比一季度加快'],
    ]);
  });

  it('names what was done of a plan of equipment (计划更新电梯…，已更新…) and a survey by what it collected', () => {
    expect(read('今年计划加装电梯120部，上半年已加装57部。')).toEqual([
      ['120部', '计划加装电梯'],
      ['57部', '已加装电梯'],
    ]);
    expect(read('同期开展的居民出行意愿调查收回有效问卷5120份。')).toEqual([['5120份', '收回有效问卷']]);
  });

  it('reads a level a change started from and the level it reached as the same things (参与…由首批的…增加到…)', () => {
    expect(read('参与以旧换新的门店由首批的320家增加到860余家。')).toEqual([
      ['320家', '首批参与以旧换新的门店'],
      ['860余家', '参与以旧换新的门店'],
    ]);
    expect(read('全县专精特新企业由2021年的12家增加到2024年的47家。')).toEqual([
      ['12家', '专精特新企业'],
      ['47家', '专精特新企业'],
    ]);
  });

  it('keeps a work on equipment with its object when a building stage reports on it (完工加装电梯)', () => {
    expect(read('全区累计加装电梯412部，其中今年以来完工96部。')).toEqual([
      ['412部', '累计加装电梯'],
      ['96部', '完工加装电梯'],
    ]);
  });

  it('leaves a manner (分两批), a weekday and a survey round a year before out, and carries a subject to 进度 and 之比', () => {
    expect(read('全区分两批发放育儿补贴960万元。')).toEqual([['960万元', '发放育儿补贴']]);
    expect(read('布伦特原油期货周三上涨1.8%。')).toEqual([['1.8%', '布伦特原油期货上涨']]);
    expect(read('全县累计播种冬小麦41.2万亩，播种进度88.5%。')).toEqual([
      ['41.2万亩', '累计播种冬小麦'],
      ['88.5%', '冬小麦播种进度'],
    ]);
    expect(read('全区共有养老床位5200张，与老年人口之比约为1：12。').map(([, label]) => label)).toEqual([
      '养老床位',
      '养老床位与老年人口之比',
    ]);
    expect(read('46.2%的受访商户计划扩大经营，较去年同期调查上升5.1个百分点。')).toEqual([
      ['46.2%', '计划扩大经营的受访商户比例'],
      ['5.1个百分点', '计划扩大经营的受访商户比例上升'],
    ]);
  });

  it('never names a figure by a list item before it that states its own figure (城市…为3.1小时、农村…为)', () => {
    const labels = read('受访职工日均通勤时间为0.9小时，其中主城区职工为1.2小时、郊区职工为0.8小时。');
    expect(labels.find(([surface]) => surface === '0.8小时')).toEqual(['0.8小时', '郊区职工日均通勤时间']);
  });

  it('leaves a rate bare when the object is too generic or the work is another verb', () => {
    expect(read('目前已开工项目64个，开工率为80%。')).toEqual([
      ['64个', '已开工项目'],
      ['80%', '开工率'],
    ]);
    expect(read('已开工改造背街小巷31条，开工率为62%。')).toEqual([
      ['31条', '已开工改造背街小巷'],
      ['62%', '开工率'],
    ]);
  });
});

describe('labels of round 6b', () => {
  const read = labelReader('2025-09-03');

  it('ends the words after a share at a space, which joins two clauses of a headline', () => {
    expect(read('近六成受访家长支持延长课后服务 托管费用意愿升至48%\n\n正文。')[0]).toEqual([
      '近六成',
      '支持延长课后服务的受访家长比例',
    ]);
  });

  it('reads a share written right after its population and 中有 as a share of that population', () => {
    expect(read('受访商户中有42.7%计划下半年增加备货。')).toEqual([['42.7%', '计划增加备货的受访商户比例']]);
  });

  it('keeps a survey round written with 调查时 whole as the base of a change', () => {
    expect(read('计划换购新能源车的受访者占31.5%，比2023年调查时提高6.4个百分点。')).toEqual([
      ['31.5%', '计划换购新能源车的受访者比例'],
      ['6.4个百分点', '计划换购新能源车的受访者比例比2023年调查时提高'],
    ]);
  });

  it('names a share in brackets by the item before them, an answer when a list of answers opens on who gave them', () => {
    expect(read('家长最担心的三个问题依次为作业负担（52.3%）、近视（31.6%）和睡眠不足（16.1%）。')).toEqual([
      ['52.3%', '最担心作业负担的家长比例'],
      ['31.6%', '最担心近视的家长比例'],
      ['16.1%', '最担心睡眠不足的家长比例'],
    ]);
    expect(read('受访企业认为最紧缺的是技术工人（47.5%）。')).toEqual([
      ['47.5%', '认为技术工人最紧缺的受访企业比例'],
    ]);
    expect(read('各渠道中，直播带货（38.2%）增长最快。')).toEqual([['38.2%', '直播带货占比']]);
  });
});

describe('English of round 6b', () => {
  const tarvik = { region: 'Tarvik', publishedAt: '2025-10-20', aliases: defaultAliases };
  const labels = (text: string) => extractFigures(text, tarvik).map((figure) => figure.label);

  it('reads the verb after a modal as a verb, whatever its form (will receive, should reach)', () => {
    expect(labels('Road safety will receive about $40 million. Margins should reach 12 percent.')).toEqual([
      'road safety allocation',
      'margins',
    ]);
  });

  it('reads "held steady at" as a verb of a level', () => {
    expect(labels('The jobless rate held steady at 4.1 percent.')).toEqual(['jobless rate']);
  });

  it("reads a headline's present tense after the region as its verb (Tarvik adds 2,100 jobs)", () => {
    expect(labels('Tarvik adds 2,100 jobs in May')).toEqual(['jobs added']);
  });

  it('drops a participle that opens a clause ending in "to" (bringing total payroll employment to…)', () => {
    expect(labels('Hirers added 900 jobs, bringing total payroll employment to 2.2 million.')).toEqual([
      'jobs added',
      'total payroll employment',
    ]);
  });

  it('names a counted object of a planned infinitive "planned …" and of an aimed one "… target"', () => {
    expect(
      labels(
        'The town plans to add 300 school places by 2027 and to hire some 40 teachers. The county aims to create 5,000 new jobs.',
      ),
    ).toEqual(['planned school places', 'planned teachers', 'new jobs target']);
  });

  it('reads a headline\'s "to build N units of …" as a plan, named by what the units are of', () => {
    expect(labels('Tarvik to build 2,000 units of student housing')).toEqual([
      'planned student housing units',
    ]);
  });

  it('names a total that points back by what was counted before, new or not', () => {
    expect(labels('The port opened 5 new shipping routes, bringing its total to 60 routes.')).toEqual([
      'new shipping routes',
      'shipping routes',
    ]);
  });

  it("names a share set off after a figure, or opened by a participle, a share of the clause's subject", () => {
    expect(
      labels(
        "Road safety will receive about $40 million, roughly a fifth of the total. Some 2,000 small farms sold grain, contributing about 35 percent of the county's harvest.",
      ),
    ).toEqual(['road safety allocation', 'road safety share', 'small farms', 'small farms share of harvest']);
  });

  it('leaves a place named by its noun out of a label (at the port of Merrow, in the city)', () => {
    expect(
      labels('Container volume at the port of Merrow rose 4 percent. Rents in the city fell 2 percent.'),
    ).toEqual(['container volume growth', 'rents decline']);
  });

  it('names a change of "sales of new homes" by its compound (new home sales decline), not a share\'s', () => {
    expect(
      labels(
        'Sales of new homes slumped 30 percent. Exports of batteries more than doubled. The share of exports rose 2 percentage points.',
      ),
    ).toEqual(['new home sales decline', 'battery exports growth', 'share of exports rise']);
  });

  it('keeps a month-on-month base in the label of a change, and no year-ago base', () => {
    expect(
      labels(
        'Used car prices rose 0.6% in May from the previous month. Bread prices rose 3% from a year earlier.',
      ),
    ).toEqual(['used car prices month-on-month growth', 'bread prices growth']);
  });

  it('reads "16% to 18%" as one range, but not a change to a level or a base to a level', () => {
    const figures = extractFigures(
      'The firm expects a margin of 16% to 18% this year. Yields rose 2% to 5%. Rates went from 3% to 5%.',
      tarvik,
    );
    expect(figures.map((figure) => [figure.surface, figure.value, figure.valueMax])).toEqual([
      ['16% to 18%', 16, 18],
      ['2%', 2, undefined],
      ['5%', 5, undefined],
      ['3%', 3, undefined],
      ['5%', 5, undefined],
    ]);
  });

  it("names the people a place is home to its population, and a survey's people its sample", () => {
    expect(labels('Corby, a port city of 2.1 million people, ran a survey of 900 people.')).toEqual([
      'population',
      'surveyed people',
    ]);
  });

  it('names a rate compared with (slower than the 4.8 percent pace) by the growth measured before', () => {
    expect(labels('Timber output grew 4.1 percent, slower than the 4.8 percent pace of 2024.')).toEqual([
      'timber output growth',
      'timber output growth',
    ]);
  });

  it('names a whole a participle brings to a count (bringing its network to 40 routes) by what was counted', () => {
    expect(labels('The line opened 3 new routes, bringing its network to 40 routes.')).toEqual([
      'new routes',
      'routes',
    ]);
  });

  it('leaves the region out of a label after an article (The Tarvik index of consumer confidence)', () => {
    expect(labels('The Tarvik index of consumer confidence climbed to 104.2 in May.')[0]).toBe(
      'index of consumer confidence',
    );
  });

  it("names what a company's shares do by their price (share price rise, share price)", () => {
    expect(labels('Corby Bank shares rise 3%\n\nIts Fenland-listed shares fell 2.1% to $14.20.')).toEqual([
      'share price rise',
      'share price decline',
      'share price',
    ]);
  });

  it('keeps a participle that opens a sentence as an adjective of its subject (Approved projects fell…)', () => {
    expect(labels('Approved projects fell 3 percent to 212 projects.')).toEqual([
      'approved projects decline',
      'approved projects',
    ]);
  });

  it('leaves "now" out of the state a share is in, and reads "equal to N% of" as a share', () => {
    expect(
      labels(
        'Some 40 percent of flights are now booked online. Wind farms generated 300 million kilowatt-hours, equal to about 6% of local power use.',
      ),
    ).toEqual([
      'share of flights booked online',
      'wind power generation',
      'wind power generation share of local power use',
    ]);
  });

  it('dates a target by the year its name holds, and a base a year before it a year earlier', () => {
    expect(
      extractFigures(
        'Corby set its 2026 economic growth target at around 4%, down from 4.5% last year.',
        tarvik,
      ).map((figure) => [figure.label, figure.asOf]),
    ).toEqual([
      ['economic growth target', '2026-12-31'],
      ['economic growth target', '2025-12-31'],
    ]);
  });

  it('reads a share right after a reporting verb (a poll found 60 percent of drivers want…) as of respondents', () => {
    expect(labels('A poll found 60 percent of drivers want tolls.')).toEqual([
      'share of drivers wanting tolls',
    ]);
  });

  it('names a share of those by whom something was done in the active voice (share of shoppers naming…)', () => {
    expect(labels('Long queues were named by 41 percent of shoppers as their main complaint.')).toEqual([
      'share of shoppers naming long queues',
    ]);
  });

  it('reads "N percent of them were satisfied" as a share of those asked', () => {
    expect(labels('A survey of 900 visitors found that 30 percent of them were satisfied.')).toEqual([
      'surveyed visitors',
      'share of visitors satisfied',
    ]);
  });

  it('leaves the whole people of a place out of a label (income of Fenland households)', () => {
    expect(labels('Disposable income of Fenland households reached 31,200 yuan.')).toEqual([
      'disposable income',
    ]);
  });

  it('names a count that opens its sentence by what its things do, and a share they contribute by the things', () => {
    expect(
      labels(
        'Some 300 households are expected to receive rent assistance. Thirty-two clinics were upgraded with video links. Around 400 local firms reported export activity, contributing 12 percent of exports. Some 900 new jobs were created in May.',
      ),
    ).toEqual([
      'households receiving rent assistance',
      'clinics upgraded with video links',
      'local firms reporting export activity',
      'local firms share of exports',
      'new jobs',
    ]);
  });
});

describe('labels of round 7', () => {
  const read = labelReader('2025-09-03');

  it('names a bare count by what it does and by what the same counter counted before, never by a verb alone', () => {
    expect(read('本次推介会提供1800个岗位，约650个尚在洽谈；当天有420人达成签约意向。', '云岭县')).toEqual([
      ['1800个', '推介会提供岗位'],
      ['约650个', '尚在洽谈岗位'],
      ['420人', '达成签约意向'],
    ]);
    expect(read('全县26个便民驿站中，已投用19个；其余7个正在施工。', '云岭县')).toEqual([
      ['26个', '便民驿站'],
      ['19个', '已投用便民驿站'],
      ['7个', '正在施工便民驿站'],
    ]);
  });

  it('keeps the stage of a topic that was acted on (X已筹集N套), however long the topic, in the order 已筹集X', () => {
    expect(read('截至8月底，全县人才公寓保障性住房已筹集2400套，乡村道路已完工48公里。', '云岭县')).toEqual([
      ['2400套', '已筹集人才公寓保障性住房'],
      ['48公里', '已完工乡村道路'],
    ]);
  });
});

describe('English of round 7', () => {
  const corran = { region: 'Corran', publishedAt: '2026-03-09', aliases: defaultAliases };
  const labels = (text: string) => extractFigures(text, corran).map((figure) => figure.label);

  it('names an average or a median by the measure its verb or unit gives, not by the statistic alone', () => {
    expect(
      labels(
        'Each diner spent an average of $23 at the food fair. Couriers earn a median of $19.40 an hour. Callers waited an average of 7 minutes for an agent. Used vans spent a median of 52 days on the lot. The tram line carried an average of 6,100 riders a day.',
      ),
    ).toEqual([
      'average spending per diner',
      'median hourly earnings',
      'average waiting time for agent',
      'median days on lot',
      'average daily riders',
    ]);
  });

  it('reads who was asked past a number inside the group, and no reporting verb or frequency in a share', () => {
    expect(
      labels(
        'Four in five of the 620 polled cyclists want wider lanes. A poll of 780 tenants found 33 percent reported skipping repairs at least once a year.',
      ),
    ).toEqual([
      'share of polled cyclists wanting wider lanes',
      'polled cyclists',
      'surveyed tenants',
      'share of tenants skipping repairs',
    ]);
  });

  it('reads a verb after an adverb of time or before a particle, and no name of a company or place (Brenna Motors)', () => {
    expect(
      labels(
        'The ferry operator now runs 31 routes. Exports now stand at $3 billion. Brenna Motors deliveries rose 14% to 22,500 vehicles. Harlow Port cargo throughput climbed 2.6 percent.',
      ),
    ).toEqual(['routes', 'exports', 'deliveries growth', 'deliveries', 'cargo throughput growth']);
  });

  it('names an amount set aside for a purpose by the purpose, and money spent or earned by who did it', () => {
    expect(
      labels(
        'The budget sets aside $14 million for bus shelters. The board earmarked $6 million for library repairs. Anglers spent $9 million at the lake. The trust paid $2 million for the first time.',
      ),
    ).toEqual(['bus shelters funding', 'library repairs funding', 'angler spending', 'trust']);
  });

  it('reads "between N% and M%" as one range, named by what changed', () => {
    const figures = extractFigures('Bus fares rose between 3% and 6%.', corran);
    expect(figures.map(({ value, valueMax, label }) => ({ value, valueMax, label }))).toEqual([
      { value: 3, valueMax: 6, label: 'bus fares growth' },
    ]);
  });

  it('names each item of "sales of A and B … respectively" as a change names it (kettle sales growth)', () => {
    expect(labels('Sales of kettles and toasters rose 2% and 7% respectively.')).toEqual([
      'kettle sales growth',
      'toaster sales growth',
    ]);
  });

  it('names an amount of a measuring verb with the verb (grain produced), as it names a count', () => {
    expect(labels('The county produced 2.7 million tonnes of barley, 6% more than a year earlier.')).toEqual([
      'barley produced',
      'growth in barley produced',
    ]);
  });

  it('dates no figure by the year of a base a multiple is of (1.8 times the figure for 2019)', () => {
    const figures = extractFigures(
      'The museum drew 2.4 million visitors in the first half, 1.6 times the figure for 2019. Ticket revenue was $31 million.',
      corran,
    );
    expect(figures.map((figure) => figure.asOf)).toEqual(['2026-06-30', '2026-06-30', '2026-06-30']);
    const since = extractFigures(
      'Wind capacity is now 2.9 times what it was in 2021. The farms employ 1,200 people.',
      corran,
    );
    expect(since.map((figure) => figure.asOf)).toEqual([undefined, undefined]);
  });

  it('reads "made up" before an amount as the verb of a part, not as a growth', () => {
    expect(labels('Farm income was $80 million, of which dairy made up $35 million.')).toEqual([
      'farm income',
      'dairy',
    ]);
  });

  it('reads more verbs of change (dipped, eased, contracted, had grown) and "accounting for" as a share', () => {
    expect(
      labels(
        'Furniture exports dipped 1.9%. Cement output contracted 2.2 percent; it had grown 3 percent a year earlier. Bike sales reached 41,000 units, with e-bikes accounting for 27 percent. Lamb and beef sales eased 1% and 3% respectively.',
      ),
    ).toEqual([
      'furniture exports decline',
      'cement output decline',
      'cement output growth',
      'bike sales',
      'e-bikes share',
      'lamb sales decline',
      'beef sales decline',
    ]);
  });

  it('reads a part of what was just counted (42 percent of them from abroad), and no share unit for a count in millions', () => {
    const figures = extractFigures(
      'Cruise passengers numbered 1.9 million, 36 percent of them from overseas. The clinic has 640 staff, 22 percent of whom are aged over 60.',
      corran,
    );
    expect(figures.map(({ unit, label }) => [unit, label])).toEqual([
      ['', 'cruise passengers'],
      ['%', 'share of cruise passengers from overseas'],
      ['staff', 'staff'],
      ['%', 'share of staff aged over 60'],
    ]);
  });

  it('names a figure its subject "averaged" as an average, and leaves "in the town centre" out as a place', () => {
    expect(
      labels(
        'Office rents in the town centre averaged $31 a square foot. Bus ridership averages 9,400 passengers. Parking fees average $4.10 per hour.',
      ),
    ).toEqual(['average office rent', 'average bus ridership', 'average parking fee']);
  });

  it('names two counts that open a sentence together by what both do (joined the scheme)', () => {
    expect(labels('Some 2,300 farms and 41,000 growers joined the insurance pool.')).toEqual([
      'farms joining insurance pool',
      'growers joining insurance pool',
    ]);
  });

  it("keeps a base without a period apart from the level it is compared with, and leaves a base's period to the base", () => {
    const figures = extractFigures(
      'The budget gap narrowed to $2.2 billion from $2.9 billion. Wool output rose to 18,000 tonnes from 16,500 tonnes a year earlier.',
      corran,
    );
    expect(figures.map(({ label, asOf }) => [label, asOf])).toEqual([
      ['budget gap', undefined],
      ['previous budget gap', undefined],
      ['wool output', undefined],
      ['wool output', '2025-03-09'],
    ]);
  });

  it('names no figure by an adverb of its qualifier (well over, just under)', () => {
    const [cabins, voters] = labels(
      'Well over 700 cabins were sold. Just under 12 percent of voters abstained.',
    );
    expect(cabins).toBe('cabins');
    expect(voters).toMatch(/^share of voters/);
  });
});

describe('round 7b', () => {
  const read = (text: string, region?: string, publishedAt = '2025-09-03') =>
    extractFigures(text, { publishedAt, ...(region === undefined ? {} : { region }) }).map((figure) => [
      figure.surface,
      figure.label,
      figure.asOf,
    ]);

  it('names a bare 涨/跌 of an index 上涨/下跌 as writers do, and a span’s (周跌) by its 幅', () => {
    expect(read('北岸指数涨1.35%，报2210.4点；棉纱期货主力合约周跌2.2%。')).toEqual([
      ['1.35%', '北岸指数上涨', undefined],
      ['2210.4点', '北岸指数', undefined],
      ['2.2%', '棉纱期货主力合约周跌幅', undefined],
    ]);
  });

  it('dates the close by the trading day a sentence before named (截至收盘)', () => {
    expect(read('9月2日，北岸交易所两大指数小幅收高。截至收盘，北岸指数报2210.4点。')).toEqual([
      ['2210.4点', '北岸指数', '2025-09-02'],
    ]);
  });

  it('reads a year before a quoted name as part of the name, not as the period of its figures', () => {
    expect(read('9月1日，石湾区2025年“金秋招聘”专场活动共吸引企业88家，提供岗位3100余个。', '石湾')).toEqual([
      ['88家', '吸引企业', '2025-09-01'],
      ['3100余个', '提供岗位', '2025-09-01'],
    ]);
  });

  it('drops the brief’s own town or subdistrict (沙湾镇, 沙湾街道) from a label, as it drops its city', () => {
    expect(read('沙湾镇新建口袋公园14个，沙湾街道新增停车位620个。', '沙湾')).toEqual([
      ['14个', '新建口袋公园', undefined],
      ['620个', '新增停车位', undefined],
    ]);
  });
  it('names every figure of a long list of targets a target, and a clause that opens by striving (力争…) too', () => {
    expect(
      read(
        '今年的主要预期目标是：地区生产总值增长5%左右，城镇新增就业2万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，单位地区生产总值能耗下降2.5%左右。今年力争新增就业岗位3000个。',
        '石湾',
      ).map(([surface, label]) => [surface, label]),
    ).toEqual([
      ['5%左右', '地区生产总值增长目标'],
      ['2万人以上', '城镇新增就业目标'],
      ['5.5%以内', '城镇调查失业率目标'],
      ['3%左右', '居民消费价格涨幅目标'],
      ['2.5%左右', '单位地区生产总值能耗下降目标'],
      ['3000个', '新增就业岗位目标'],
    ]);
  });

  it('dates a figure by the deadline its clause sets (到2028年), leaving 到 out of its label', () => {
    expect(read('全市将新建绿道20公里，到2028年底城市污水处理率达到98%以上。', '石湾')).toEqual([
      ['20公里', '新建绿道', undefined],
      ['98%以上', '城市污水处理率', '2028-12-31'],
    ]);
  });
  const english = (text: string) =>
    extractFigures(text, { publishedAt: '2025-07-20' }).map((figure) => [figure.surface, figure.label]);

  it('reads a headline’s present tense (creates) as the verb and names what was created or added by the verb', () => {
    expect(english('Marrow Bay creates 7,400 urban jobs in H1')).toEqual([
      ['7,400 urban jobs', 'urban jobs created'],
    ]);
    expect(english('The county added 2.3 gigawatts of wind capacity in the first half.')).toEqual([
      ['2.3 gigawatts', 'wind capacity added'],
    ]);
  });

  it('drops a place the measure passed through, keeps a hyphenated adjective and an installed stock', () => {
    expect(
      english(
        'Soybean imports via the port fell 4.4% to 12.1 million tonnes, while gas-fired output rose 2.2%. Total installed wind capacity reached 18.5 gigawatts.',
      ),
    ).toEqual([
      ['4.4%', 'soybean imports decline'],
      ['12.1 million tonnes', 'soybean imports'],
      ['2.2%', 'gas-fired output growth'],
      ['18.5 gigawatts', 'total installed wind capacity'],
    ]);
  });

  it('keeps what a yield or a price was measured in', () => {
    expect(english('The average yield in trial plots was put at 610 kg per mu, up 1.9 percent.')).toEqual([
      ['610 kg per mu', 'average yield in trial plots'],
      ['1.9 percent', 'average yield in trial plots growth'],
    ]);
  });

  it('names an agreed investment or an enrolment of things just counted by those things, not of all schools', () => {
    expect(
      read(
        '上半年新签约招商项目41个，协议投资额380亿元；职业学校6所，招生4200人。全县共有学校96所，在校生7.2万人。',
        '石湾',
        '2025-07-20',
      ).map(([surface, label]) => [surface, label]),
    ).toEqual([
      ['41个', '新签约招商项目'],
      ['380亿元', '新签约招商项目协议投资额'],
      ['6所', '职业学校'],
      ['4200人', '职业学校招生'],
      ['96所', '学校'],
      ['7.2万人', '在校生'],
    ]);
  });

  it('gives a breakdown’s groups (分城乡看，城市居民为…) the measure the sentence before gave', () => {
    expect(
      read('全县居民体质达标率为91.3%。分城乡看，城镇居民为93.0%，农村居民为88.6%。', '石湾').map(
        ([surface, label]) => [surface, label],
      ),
    ).toEqual([
      ['91.3%', '居民体质达标率'],
      ['93.0%', '城镇居民体质达标率'],
      ['88.6%', '农村居民体质达标率'],
    ]);
  });
  it('leaves the sampled cities or outlets (百城, 重点30城, 主营加油站) and a goods market’s 市场 out of a label', () => {
    expect(
      read(
        '8月，全国轻型货车市场销售8.6万辆。百城二手住宅均价环比下跌0.4%，重点30城新房成交面积约610万平方米；主要金店足金饰品报价为每克772元。',
        undefined,
        '2025-09-03',
      ).map(([surface, label]) => [surface, label]),
    ).toEqual([
      ['8.6万辆', '轻型货车销售'],
      ['0.4%', '二手住宅均价环比下跌'],
      ['约610万平方米', '新房成交面积'],
      ['每克772元', '足金饰品报价'],
    ]);
  });
  it('reads a 截至 date given on Beijing time (截至北京时间9月2日16时) as the day it names', () => {
    expect(
      read('截至北京时间9月2日16时，国际铜期货主力合约价格报9820美元/吨。', undefined, '2025-09-03'),
    ).toEqual([['9820美元/吨', '国际铜期货主力合约价格', '2025-09-02']]);
  });
});

describe('identity of round 8', () => {
  const at = (text: string, region = 'Larkfield') =>
    extractFigures(text, { region, publishedAt: '2025-04-10', aliases: defaultAliases });

  it('reads a share verb joined by "and" to a growth verb as a share of the same subject, on its own key', () => {
    const figures = at(
      'Parcel deliveries by drone rose 18.4 percent and made up 6.1 percent of the total in March.',
    );
    expect(figures.map((figure) => [figure.surface, figure.label, figure.kind])).toEqual([
      ['18.4 percent', 'growth in parcel deliveries by drone', 'growth_rate'],
      ['6.1 percent', 'parcel deliveries by drone share', 'percent'],
    ]);
    expect(figures[0]?.metric).not.toBe(figures[1]?.metric);
    expect(figures.flatMap((figure) => figure.warnings ?? [])).toEqual([]);
  });

  it('dates a level a share rose from (由…升至…) by the period the sentence compares with, so the two do not collide', () => {
    const figures = extractFigures('与上半年抽样调查相比，三季度使用移动支付的摊贩占比由71.5%升至78.2%。', {
      region: '桐溪',
      publishedAt: '2025-10-20',
    });
    expect(figures.map((figure) => [figure.surface, figure.asOf])).toEqual([
      ['71.5%', '2025-06-30'],
      ['78.2%', '2025-09-30'],
    ]);
    expect(figures[0]?.metric).toBe(figures[1]?.metric);
    expect(figures.flatMap((figure) => figure.warnings ?? []).map((warning) => warning.code)).not.toContain(
      'collision',
    );
  });

  it('takes a headline share in tenths (三成) for the body figure it rounds, and flags one it does not round', () => {
    const restated = at(
      '桐溪夜市客流同比增长三成\n\n国庆假期，桐溪夜市接待客流46万人次，同比增长31.2%。',
      '桐溪',
    );
    expect(restated.flatMap((figure) => figure.warnings ?? [])).toEqual([]);
    expect(restated[0]?.metric).toBe(restated[2]?.metric);
    const other = at(
      '桐溪夜市客流同比增长三成\n\n国庆假期，桐溪夜市接待客流46万人次，同比增长38.5%。',
      '桐溪',
    );
    expect(other.flatMap((figure) => figure.warnings ?? []).map((warning) => warning.code)).toEqual([
      'collision',
      'collision',
    ]);
  });
});

describe('labels of round 8', () => {
  const read = labelReader('2025-10-15', defaultAliases);

  it('keeps 均 of 年均, 月均 and 日均 in a label, and drops it as 都 after a named year (今年均)', () => {
    expect(
      read('十年间，全县茶叶产值年均增长9.4%，景区日均接待游客达到1.3万人次。两个园区今年均增长6%。'),
    ).toEqual([
      ['9.4%', '茶叶产值年均增长'],
      ['1.3万人次', '景区日均接待游客'],
      ['6%', '两个园区增长'],
    ]);
  });
  it('names the total and yearly investment after a count of projects by the projects, not by the bare measure', () => {
    expect(read('今年全县安排乡村振兴项目64个，总投资38亿元，年度计划投资12亿元。', '云岭县')).toEqual([
      ['64个', '安排乡村振兴项目'],
      ['38亿元', '乡村振兴项目总投资'],
      ['12亿元', '乡村振兴项目年度计划投资'],
    ]);
  });
  it('gives a bare measure in the body (普及率) the name its headline restatement gives it, and so its change', () => {
    expect(
      read(
        '云岭县农村自来水普及率达到97%\n\n截至9月底，全县已有118个行政村通上自来水，普及率达到97%，较年初提高2.5个百分点。',
        '云岭县',
      ),
    ).toEqual([
      ['97%', '农村自来水普及率'],
      ['118个', '行政村通上自来水'],
      ['97%', '农村自来水普及率'],
      ['2.5个百分点', '农村自来水普及率较年初提高'],
    ]);
  });
  it('reads a comparative alone after its base (比上年同期低, 较上月快) as the change of the measure before', () => {
    expect(
      read(
        '全县小麦机收进度为91%，较去年同期快4个百分点；企业贷款平均利率为3.9%，比上月低12个基点。',
        '云岭县',
      ),
    ).toEqual([
      ['91%', '小麦机收进度'],
      ['4个百分点', '小麦机收进度加快'],
      ['3.9%', '企业贷款平均利率'],
      ['12个基点', '企业贷款平均利率比上月下降'],
    ]);
  });
  it('takes no population from the survey a sentence opens on (同一调查中), but the one its shares name', () => {
    expect(
      read('同一调查中，对社区食堂表示满意的受访老人占81.2%，对上门助浴服务表示满意的占64.5%。', '云岭县'),
    ).toEqual([
      ['81.2%', '对社区食堂表示满意的受访老人比例'],
      ['64.5%', '对上门助浴服务满意的受访老人比例'],
    ]);
  });
  it('names people counted after a verb of helping (帮助…人次实现就业) by what they were helped to do', () => {
    expect(read('云岭县帮助2650人次实现返乡就业。', '云岭县')).toEqual([['2650人次', '帮助返乡就业']]);
    expect(read('云岭县就业服务站今年累计举办招聘会18场，帮助2650人次实现返乡就业。', '云岭县')).toEqual([
      ['18场', '就业服务站累计举办招聘会'],
      ['2650人次', '就业服务站帮助返乡就业'],
    ]);
  });
  it('leaves a season or school term (今冬, 春季学期) and the 可 before new things out of a label', () => {
    expect(read('云岭县今冬新建口袋公园12个，春季学期可新增托管名额900个。', '云岭县')).toEqual([
      ['12个', '新建口袋公园'],
      ['900个', '新增托管名额'],
    ]);
  });
  it('names a survey sample written with an age bound or a kind of survey (在线调查), and follows the text to 受访者', () => {
    expect(
      read(
        '市青年研究会对2400名18至30岁进城务工青年的调查显示，受访者平均月收入为5120元；其中，从事快递外卖的占23.5%。',
      ),
    ).toEqual([
      ['2400名', '受访进城务工青年'],
      ['5120元', '受访者平均月收入'],
      ['23.5%', '从事快递外卖的受访者比例'],
    ]);
    expect(read('某研究院对全国3600名家长的在线调查显示，41.2%的受访家长计划增加体育培训支出。')).toEqual([
      ['3600名', '受访家长'],
      ['41.2%', '计划增加体育培训支出的受访家长比例'],
    ]);
  });
  it('keeps the channel that defines a measure (通过…实现的, 通过…销售的) in its label and in its share', () => {
    expect(
      read('全县规模以上企业通过跨境电商实现的出口额增长21.7%，占全部出口额的比重为18.5%。', '云岭县'),
    ).toEqual([
      ['21.7%', '规模以上企业通过跨境电商实现的出口额增长'],
      ['18.5%', '规模以上企业通过跨境电商实现的出口额占比'],
    ]);
  });
  it('names a measure of each thing counted (每个面积) by the things, which stay the subject of the total after it', () => {
    expect(read('今年新建口袋公园12个，每个面积不少于800平方米，总投资约900万元。', '云岭县')).toEqual([
      ['12个', '新建口袋公园'],
      ['不少于800平方米', '每个口袋公园面积'],
      ['约900万元', '新建口袋公园总投资'],
    ]);
  });
  it('names a target written inside a share of it (完成年度目标任务5万人的84%) by the measure before it', () => {
    expect(read('前三季度，云岭县农村劳动力转移就业4.2万人，完成年度目标任务5万人的84%。', '云岭县')).toEqual(
      [
        ['4.2万人', '农村劳动力转移就业'],
        ['5万人', '农村劳动力转移就业年度目标'],
        ['84%', '农村劳动力转移就业年度目标完成比例'],
      ],
    );
  });
  it('gives firms of one branch alone (其中服务业企业) the measure of the firms before them', () => {
    expect(read('受访企业员工平均流失率为11.2%，其中服务业企业高达14.3%。')).toEqual([
      ['11.2%', '受访企业员工平均流失率'],
      ['14.3%', '服务业企业员工平均流失率'],
    ]);
  });
  it('names a share an action reaches (覆盖92%的行政村) by what reached it and what it reached', () => {
    expect(read('全县建成村级卫生室210个，覆盖92%的行政村。5G网络覆盖98%的自然村。', '云岭县')).toEqual([
      ['210个', '建成村级卫生室'],
      ['92%', '村级卫生室覆盖行政村比例'],
      ['98%', '5G网络覆盖自然村比例'],
    ]);
  });
  it('names a fund by a long purpose after 用于, and gives the headline that allocates it the same name', () => {
    expect(
      read(
        '云岭县安排专项资金600万元改造农村危房\n\n云岭县今年安排专项资金600万元用于农村低收入群体危房改造加固，计划改造危房300户。',
        '云岭县',
      ),
    ).toEqual([
      ['600万元', '农村低收入群体危房改造加固专项资金'],
      ['600万元', '农村低收入群体危房改造加固专项资金'],
      ['300户', '计划改造危房'],
    ]);
  });
  it('names the number or size of what a sentence just counted (数量比上年增长) by the things counted', () => {
    expect(
      read('全县新能源汽车充电桩达到8600个，数量比上年增长42%；托育机构46家，规模同比增长15%。'),
    ).toEqual([
      ['8600个', '新能源汽车充电桩'],
      ['42%', '新能源汽车充电桩数量增长'],
      ['46家', '托育机构'],
      ['15%', '托育机构规模增长'],
    ]);
  });
  it('leaves a graduating cohort (2024届) out of a label, like a year', () => {
    expect(read('报告显示，2024届硕士毕业生毕业半年后的就业率为91.3%。')).toEqual([
      ['91.3%', '硕士毕业生毕业半年后的就业率'],
    ]);
  });
  it('gives a group alone (高职毕业生为…) the whole measure of the group before, its 的 phrase included', () => {
    expect(read('报告显示，本科毕业生毕业半年后的就业率为84.2%，高职毕业生为82.7%。')).toEqual([
      ['84.2%', '本科毕业生毕业半年后的就业率'],
      ['82.7%', '高职毕业生毕业半年后的就业率'],
    ]);
  });
  it('keeps a span after an event (毕业半年后的) that defines a measure in its label', () => {
    expect(read('硕士毕业生毕业半年后的月收入为7420元。')).toEqual([
      ['7420元', '硕士毕业生毕业半年后的月收入'],
    ]);
  });
  it('names a survey sample written before its size (调查覆盖居民1.2万名) as those asked', () => {
    expect(read('今年的公共服务满意度调查覆盖居民1.2万名。')).toEqual([['1.2万名', '受访居民']]);
  });
  it('names a share written only by work on land (小麦已播种86%) as the progress of that work', () => {
    expect(read('全县小麦已播种86%。', '云岭县')).toEqual([['86%', '小麦播种进度']]);
  });
  it('gives a bare measure in the headline (募集规模) the name of the body figure it restates', () => {
    expect(
      read(
        '上周新发理财产品210只 募集规模超300亿元\n\n上周全市场新发银行理财产品210只，合计募集规模312.5亿元。',
      ).slice(1, 2),
    ).toEqual([['超300亿元', '新发银行理财产品募集规模']]);
  });
  it('names a change per head (每人每月提高) by the standard the clause before raises', () => {
    expect(read('明年将上调困难残疾人生活补贴标准，每人每月提高30元。', '云岭县')).toEqual([
      ['30元', '困难残疾人生活补贴标准提高'],
    ]);
  });
});

describe('English of round 8', () => {
  const corran = { region: 'Corran', publishedAt: '2026-03-09', aliases: defaultAliases };
  const labels = (text: string) => extractFigures(text, corran).map((figure) => figure.label);

  it('keeps a period written as "for the nine months to September" out of a label', () => {
    expect(
      labels(
        'Velden Group said its operating profit for the nine months to September rose 3.4% to $820 million.',
      ),
    ).toEqual(['operating profit growth', 'operating profit']);
  });

  it('reads "those to" or "those from" as the noun the sentence gave that preposition before', () => {
    expect(
      labels(
        'Parcels to Canada fell 5 percent, while those to Mexico rose 12 percent. Tourists from Japan dropped 4 percent, while those from the Gulf states climbed 30 percent.',
      ),
    ).toEqual([
      'parcels to canada decline',
      'parcels to mexico growth',
      'decline in tourists from japan',
      'growth in tourists from the gulf states',
    ]);
  });

  it('drops an owned place after the measure (in the city’s west end), and reads a subject across a count inside it', () => {
    expect(
      labels(
        "Office vacancy in the city's west end averaged 14 percent. Average repair time at Corran's 9 depots fell to 40 minutes.",
      ),
    ).toEqual(['average office vacancy', 'depots', 'average repair time']);
  });

  it('names a forecast by what it expects, and the figure it is compared with without "expected"', () => {
    expect(
      labels(
        'The utility expects annual water sales to exceed 90 million cubic meters, compared with 84 million cubic meters in 2025. The zoo now expects to exceed 700,000 visitors this year.',
      ),
    ).toEqual(['expected annual water sales', 'annual water sales', 'expected visitors']);
  });

  it('reads a level after "in real terms" as the subject’s, and a share a subject handled or a participle covered', () => {
    expect(
      labels(
        'Average wages rose 2.2 percent in real terms to 6,900 yuan. Small lenders handled 18% of the region’s mortgages. Ticket sales reached $4 million, covering 35 percent of running costs.',
      ),
    ).toEqual([
      'average wage growth',
      'average wage',
      'small lenders share of mortgages',
      'ticket sales',
      'ticket sales share of running costs',
    ]);
  });

  it('names a measure of an owner’s part by the part (cloud unit revenue), a count carried or housed by what it counts', () => {
    expect(
      labels(
        'Revenue at its cloud unit rose 9%. The ferry left on Monday, carrying 340 pilgrims. The valley, home to about 2,000 people, lost its bridge.',
      ),
    ).toEqual(['cloud unit revenue growth', 'pilgrims', 'population']);
  });

  it('reads a share of a target fulfilled, the target by what was counted, and what a count has done', () => {
    expect(
      labels(
        'The county created 4,100 jobs this year, fulfilling 82 percent of its yearly target of 5,000. Some 900 midwives have completed refresher courses since May.',
      ),
    ).toEqual([
      'jobs created',
      'jobs share of yearly target',
      'jobs target',
      'midwives completed refresher courses',
    ]);
  });

  it('names TEUs handled as container throughput, and reads a port or the goods "of" the region', () => {
    const dunmore = { region: 'Dunmore', publishedAt: '2026-03-09', aliases: defaultAliases };
    expect(
      extractFigures(
        'The port of Dunmore handled 3.2 million TEUs, up 5 percent. Port of Dunmore cargo throughput rose 2 percent. Output of Dunmore mills fell 4 percent. Bulk tonnage at the port of Dunmore reached 9 million tonnes.',
        dunmore,
      ).map((figure) => figure.label),
    ).toEqual([
      'container throughput',
      'container throughput growth',
      'cargo throughput growth',
      'mill output decline',
      'bulk tonnage',
    ]);
  });

  it('keeps where routes go, what units count, a share restated with "or", and a plural abbreviation singular', () => {
    expect(
      labels(
        "The carrier now flies 35 routes to inland cities. The county finished 800 units of student housing, or 40 percent of this year's target. SUVs made up 61 percent of the dealer's sales.",
      ),
    ).toEqual([
      'routes to inland cities',
      'student housing units',
      'student housing units share of annual target',
      'suv share of sales',
    ]);
  });

  it('keeps a part of a body that owns the measure (the roads department’s), and names money a subject will receive', () => {
    expect(
      labels(
        "The libraries will receive $8 million, roughly a quarter of the total, while the roads department's budget grows by $3 million to $41 million.",
      ),
    ).toEqual([
      'library allocation',
      'library share',
      'roads department budget growth',
      'roads department budget',
    ]);
  });

  it('names rates on a route by where it goes, and a figure a subject is capped at as its cap', () => {
    expect(
      labels(
        'Ticket prices on the line to Harwick averaged $14. Daily withdrawals are capped at 500 dollars, and bus fares on routes from the airport averaged $6.',
      ),
    ).toEqual([
      'average ticket price to harwick',
      'daily withdrawals cap',
      'average bus fare from the airport',
    ]);
  });
});

describe('English of round 8b', () => {
  const selwyn = { region: 'Selwyn', publishedAt: '2026-05-04', aliases: defaultAliases };
  const labels = (text: string) => extractFigures(text, selwyn).map((figure) => figure.label);

  it('names energy a source generated by the source and its generation, not by the object or the machine', () => {
    expect(
      labels(
        'Tidal turbines generated 730 million kilowatt-hours of electricity last year, up 22.5% from a year earlier.',
      ),
    ).toEqual(['tidal power generation', 'tidal power generation growth']);
  });

  it('calls a level of unemployment in percent its rate', () => {
    expect(labels('Selwyn hiring slows while unemployment stays at 5.6%')).toEqual(['unemployment rate']);
  });

  it('carries "in real terms" into the labels a "respectively" splits, and reads a plural measure as singular', () => {
    expect(labels('In real terms, coastal and upland wages rose 2.9 and 4.4 percent, respectively.')).toEqual(
      ['real coastal wage growth', 'real upland wage growth'],
    );
  });

  it('names an amount after an owner by the noun after it, and an aim with no name by the level it targets', () => {
    expect(
      labels(
        "Council backs Selwyn's $920 million transit budget\n\nOffshore wind capacity reached 3.4 GW in April. The ministry aims for 5 GW by 2030.",
      ),
    ).toEqual(['transit budget', 'offshore wind capacity', 'offshore wind capacity target']);
  });

  it('names a share by who and what they hold or do, leaving where they are and when out', () => {
    expect(
      labels(
        "About a third of nurses at the county's clinics work weekend shifts. Nearly half of pupils at Selwyn's four academies hold library cards during term.",
      ),
    ).toEqual(['share of nurses working weekend shifts', 'share of pupils with library cards']);
  });

  it('names a bare count a verb of work did by the work, and bare units by what the brief counted in them', () => {
    expect(
      labels(
        'Selwyn plans to build 3,200 units of senior housing in 2026. In 2025 the county completed 2,750 units and repaired 38 bridges.',
      ),
    ).toEqual(['planned senior housing units', 'completed senior housing units', 'repaired bridges']);
  });
});

describe('labels of round 8b', () => {
  const read = labelReader('2025-11-20', defaultAliases);

  it('names a close with no subject (收盘报…) by the measure the sentence quoted before it', () => {
    expect(
      read('周三，5年期地方债收益率早盘一度升至2.41%，收盘报2.386%，较前一交易日上行0.8个基点。'),
    ).toEqual([
      ['2.41%', expect.any(String)],
      ['2.386%', '5年期地方债收益率'],
      ['0.8个基点', '5年期地方债收益率较前一交易日上行'],
    ]);
  });
  it('prices a tier named alone (第二、三档分别为…) in the measure of the tier before it', () => {
    expect(read('居民第一档电价为每千瓦时0.52元，第二、三档分别为0.57元和0.82元。').slice(1)).toEqual([
      ['0.57元', '第二档电价'],
      ['0.82元', '第三档电价'],
    ]);
  });
  it('names who a count reached in a clause of its own (，惠及农户…) by the action counted, without its stage', () => {
    expect(read('今年计划新建村级养老服务站48个，惠及老人5300人。', '云岭县')).toEqual([
      ['48个', '计划新建村级养老服务站'],
      ['5300人', '新建村级养老服务站惠及老人'],
    ]);
  });
  it('prefixes no action when the count before is itself of those reached (涉及楼栋…，惠及居民…)', () => {
    expect(read('棚户区改造涉及房屋860套，惠及居民2400户。', '云岭县')).toEqual([
      ['860套', '棚户区改造涉及房屋'],
      ['2400户', '惠及居民'],
    ]);
  });
  it('names a measure written with a referring word (这一比例) by the measure before it, not as 一比例', () => {
    expect(
      read('抽样显示，家庭教育支出占家庭总支出的比例平均为18.5%，这一比例高于25%的家庭占21.3%。').slice(1),
    ).toEqual([['21.3%', '家庭教育支出占比高于25%的家庭比例']]);
  });
  it('names people of whom a 的 phrase is said (其中…的有) by the people just counted, not as a bare 人数', () => {
    expect(read('今年市属医院新引进医生205名，其中具有博士学位的有37名。').slice(1)).toEqual([
      ['37名', '市属医院新引进具有博士学位医生'],
    ]);
  });
  it('keeps a bound and a change word inside the phrase that defines a share (涨幅不超过3%的受访者占)', () => {
    expect(read('问卷结果显示，期望物业费年涨幅不超过3%的受访者占64.5%。')).toEqual([
      ['64.5%', '期望物业费年涨幅不超过3%的受访者比例'],
    ]);
  });
  it('gives a bound alone (，低于20分钟的占) the measure the share before it bounded', () => {
    expect(read('在受访家长中，接送孩子单程用时低于10分钟的占35.2%，低于20分钟的占71.8%。')).toEqual([
      ['35.2%', '接送孩子单程用时低于10分钟的受访家长比例'],
      ['71.8%', '接送孩子单程用时低于20分钟的受访家长比例'],
    ]);
  });
});

describe('English of round 8c', () => {
  const labels = labelReader('2025-09-10', defaultAliases);

  it('names the level a multiple compares with (double the N …) by the measure it doubles', () => {
    expect(
      labels(
        'The county installed 540 megawatts of wind capacity this year, nearly triple the 190 megawatts built in 2023.',
      ),
    ).toEqual([
      ['540 megawatts', expect.any(String)],
      // Since round 9 a bounded multiple of a level is read as the growth it states.
      ['nearly triple', expect.any(String)],
      ['190 megawatts', labels('The county installed 540 megawatts of wind capacity this year.')[0]?.[1]],
    ]);
  });
  it('names a count an amount was given to (… in grants to N farms) by who received it', () => {
    expect(labels('The agency has paid 84 million dollars in drought grants to 1,150 farms.')).toEqual([
      ['84 million dollars', expect.any(String)],
      ['1,150 farms', 'farms receiving drought grants'],
    ]);
  });
  it('names money spent with no subject of its own (… and spent N on X) by what it was spent on', () => {
    expect(
      labels(
        'Last year the district repaved 46 kilometers of roads and spent 52 million dollars on street lighting.',
      ),
    ).toEqual([
      ['46 kilometers', expect.any(String)],
      ['52 million dollars', 'spending on street lighting'],
    ]);
  });
  it('reads "came in at" as a link, not as a preposition of the subject', () => {
    expect(labels('Quarterly wage growth came in at 3.7 percent year on year.')).toEqual([
      ['3.7 percent', 'quarterly wage growth'],
    ]);
  });
  it('names a level a subject cut or raised a measure to (Clinics cut average queue time to N) by the measure', () => {
    expect(labels('Northfield clinics cut average queue time to 11 minutes.')).toEqual([
      ['11 minutes', 'average queue time'],
    ]);
  });
  it('names an area a farming verb worked (planted N hectares of maize) as that area of the crop', () => {
    expect(labels('Co-operatives planted 640,000 hectares of maize.')).toEqual([
      ['640,000 hectares', 'maize planted area'],
    ]);
  });
  it('keeps a named month a change is counted from (N fewer than in April) in its label', () => {
    expect(
      labels('Average delivery time for parcels was 31 hours in August, 6 hours shorter than in April.'),
    ).toEqual([
      ['31 hours', expect.any(String)],
      ['6 hours', expect.stringMatching(/ from april$/)],
    ]);
  });
  it('reads a time in years written to a decimal (median tenure reached 6.4 years) as a figure', () => {
    expect(labels('Median tenure of nurses reached 6.4 years, while the plan runs for 5 years.')).toEqual([
      ['6.4 years', 'median tenure of nurses'],
    ]);
  });
  it('leaves a span of years written to a decimal (runs for 2.5 years, take 1.5 years) a duration', () => {
    expect(labels('The pilot runs for 2.5 years and the upgrade will take 1.5 years.')).toEqual([]);
  });
  it('names a share written "one in N" after a subject and its verb (barges moved one in six pallets) as done by it', () => {
    expect(labels('Trucks still dominate, but barges moved one in six pallets bound for the coast.')).toEqual(
      [['one in six', 'share of pallets moved by barges']],
    );
  });
});

describe('labels of round 8c', () => {
  const read = labelReader('2025-11-20', defaultAliases);

  it('drops the 在 a plan brings its period in with (计划在下半年…), not only the period', () => {
    expect(
      read('问卷显示，37.2%的受访家庭计划在明年上半年添置家电，打算在下半年装修住房的占11.4%。'),
    ).toEqual([
      ['37.2%', '计划添置家电的受访家庭比例'],
      ['11.4%', '打算装修住房的受访家庭比例'],
    ]);
  });
  it('reads a noun after 在 or 到 as where a share works, not as its population (约三成在外资企业工作)', () => {
    expect(read('受访毕业生中，约三成在外资企业工作，一成多到学校任教。')).toEqual([
      ['约三成', '在外资企业工作的受访毕业生比例'],
      ['一成多', '到学校任教的受访毕业生比例'],
    ]);
  });
  it('names a share of those a change word defines (涨幅在5%以上的占比) by the population the text set', () => {
    expect(read('在受访商户中，租金涨幅在5%以上的占比约四成。')).toEqual([
      ['约四成', '租金涨幅在5%以上的受访商户比例'],
    ]);
  });
  it('names a share by what its members said after a comma (认为，…), not by the bare reporting verb', () => {
    expect(read('调查显示，近四成受访者认为，社区食堂价格偏高。')).toEqual([
      ['近四成', '认为社区食堂价格偏高的受访者比例'],
    ]);
  });
  it('keeps what those asked could bear (能够承受的物业费) apart from the bare measure', () => {
    expect(read('受访业主心目中能够承受的物业费多在每平方米2元左右。')).toEqual([
      ['每平方米2元左右', '能够承受的物业费'],
    ]);
  });
  it('names a sample who have children of an age (2600户有6至12岁儿童家庭) by them, not by a bare 有', () => {
    expect(read('市妇联对2600户有6至12岁儿童家庭的问卷调查显示，约四成家庭有课外托管需求。')[0]).toEqual([
      '2600户',
      '受访有儿童家庭',
    ]);
  });
  it('leaves a trailing 拟 out of the level a planned change starts from (价格拟由…调整为…)', () => {
    expect(read('县城居民用气价格拟由每立方米2.8元调整为3.1元。')[0]).toEqual([
      '每立方米2.8元',
      '县城居民用气价格',
    ]);
  });
});

describe('labels of round 9, markets and surveys', () => {
  const read = labelReader('2025-09-15');
  it('reads a share in tenths and hundredths (七成三) as 73%, and a digit that opens a word after 成 as a word', () => {
    expect(readings('抽样显示，七成三的商户使用电子支付，四成一线城市租金回落。')).toEqual([
      { surface: '七成三', value: 73, unit: '%', qualifier: 'exact', kind: 'percent' },
      { surface: '四成', value: 40, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
  });
  it('writes basis points 个基点 whether or not the text writes 个, one series with one key', () => {
    const [written, bare] = extractFigures('1年期存款利率下调15个基点，3年期存款利率下调20基点。', {
      publishedAt: '2025-09-15',
    });
    expect([written?.unit, bare?.unit]).toEqual(['个基点', '个基点']);
    expect(read('1年期存款利率下调15个基点。')).toEqual([['15个基点', '1年期存款利率下调']]);
  });
  it('drops a base a year before written as a cohort, a holiday or a survey round (比上届, 比去年国庆, 比去年调查时)', () => {
    expect(read('应届硕士毕业生的平均起薪为8200元，比上届增长2.6%。')).toEqual([
      ['8200元', '应届硕士毕业生平均起薪'],
      ['2.6%', '应届硕士毕业生平均起薪增长'],
    ]);
    expect(read('游客人均消费960元，比去年国庆增加约7%。')[1]).toEqual(['约7%', '游客人均消费增加']);
    expect(read('35%的受访者把价格作为首要考虑因素，比去年调查时下降4个百分点。')[1]).toEqual([
      '4个百分点',
      '把价格作为首要考虑因素的受访者比例下降',
    ]);
  });
  it('keeps the population an average is of (受访家庭的月均支出), not only the measure after 的', () => {
    expect(read('受访家庭的月均育儿支出为3150元。')).toEqual([['3150元', '受访家庭月均育儿支出']]);
  });
  it('names credit that grew more or less than a year before (同比多增, 同比少增) by what grew, and 放大 a growth', () => {
    expect(read('前8个月新增住户贷款560亿元，同比多增31亿元。')[1]).toEqual(['31亿元', '新增住户贷款多增']);
    expect(read('前8个月企业存款增加210亿元，同比少增12亿元。')[1]).toEqual(['12亿元', '企业存款少增']);
    const [, grew] = extractFigures('本周日均成交48.3亿元，较前一周放大9.2%。', {
      publishedAt: '2025-09-15',
    });
    expect([grew?.label, grew?.kind]).toEqual(['日均成交额较前一周放大', 'growth_rate']);
  });
  it('names a change written with its degree (小幅收涨, 全周累计下跌) by the subject before, without the degree', () => {
    expect(read('深成指收报10320.5点，全周累计下跌0.86%。')[1]).toEqual(['0.86%', '深成指全周累计下跌']);
    expect(read('郑商所棉花主力合约报14350元/吨，小幅收跌0.4%。')).toEqual([
      ['14350元/吨', '棉花主力合约价格'],
      ['0.4%', '棉花主力合约价格下跌'],
    ]);
  });
  it('names a quote of a contract or a commodity its price, and a price level reached without the verb', () => {
    expect(read('白银现货报8.1元/克。')).toEqual([['8.1元/克', '白银现货价格']]);
    expect(read('国际现货白银盘中一度触及38美元/盎司。')).toEqual([['38美元/盎司', '国际现货白银价格']]);
    expect(read('国际油价跌至62美元/桶。')).toEqual([['62美元/桶', '国际油价']]);
    expect(read('布伦特原油盘中一度涨至88美元/桶。')).toEqual([['88美元/桶', '布伦特原油价格']]);
  });
  it('reads a price per barrel (美元/桶) as a rate, and barrels as a volume', () => {
    expect(readings('布伦特原油期货报78.4美元/桶，油田日产原油3.5万桶。')).toEqual([
      { surface: '78.4美元/桶', value: 78.4, unit: '美元/桶', qualifier: 'exact', kind: 'money' },
      { surface: '3.5万桶', value: 35000, unit: '桶', qualifier: 'exact', kind: 'volume' },
    ]);
  });
  it('names money traded (两市成交, 日均成交) its turnover, 成交额', () => {
    expect(read('沪深两市成交9860亿元。')).toEqual([['9860亿元', '沪深两市成交额']]);
  });
  it('names a bare answer (表示基本持平, 表示减少) by the question the share before asked, without its base', () => {
    expect(read('48.6%的受访商户表示客流较上月回升，30.2%表示基本持平，另有21.2%表示回落。')).toEqual([
      ['48.6%', '表示客流较上月回升的受访商户比例'],
      ['30.2%', '表示客流基本持平的受访商户比例'],
      ['21.2%', '表示客流回落的受访商户比例'],
    ]);
  });
  it('continues the subject of a market measure named bare after it (…交易量…，交易额; …库存…，调入量)', () => {
    expect(read('上月新能源二手车交易量6200辆，交易额约4.1亿元。')[1]).toEqual([
      '约4.1亿元',
      '新能源二手车交易额',
    ]);
    expect(read('北港铁矿石库存降至1320万吨，调出量25.4万吨/日。')[1]).toEqual([
      '25.4万吨/日',
      '北港铁矿石调出量',
    ]);
    expect(read('8月二手房网签5120套，为年内单月最高；新建商品住宅库存约3.2万套。')[1]).toEqual([
      '约3.2万套',
      '新建商品住宅库存',
    ]);
  });
  it('names things a 的 phrase picks out (…的有12家) by those the sentence counted with the same counter', () => {
    expect(read('在54家参评景区中，游客评分4.5分以上的有19家。')[1]).toEqual([
      '19家',
      '游客评分4.5分以上的参评景区',
    ]);
    expect(read('受访的单亲家庭共860户，其中需要课后托管的有412户。')[1]).toEqual([
      '412户',
      '需要课后托管的单亲家庭',
    ]);
  });
  it('names a share of a whole with 已 (占已签约人数的) by the part before 占, and the next share by its population', () => {
    expect(read('进入国有企业的硕士毕业生占已就业人数的36.4%，进入民营企业的占41.8%。')).toEqual([
      ['36.4%', '进入国有企业的硕士毕业生比例'],
      ['41.8%', '进入民营企业的硕士毕业生比例'],
    ]);
  });
  it('names a total share count (合计发行份额) by the new things just counted, without the verb that founded them', () => {
    expect(read('上半年全市场共成立新基金642只，合计发行份额5120.3亿份。')[1]).toEqual([
      '5120.3亿份',
      '新基金发行份额',
    ]);
  });
  it('reads a price that climbed above a mark (站上) as over it, as 突破', () => {
    expect(readings('国际银价站上40美元/盎司。')).toEqual([
      { surface: '站上40美元/盎司', value: 40, unit: '美元/盎司', qualifier: 'over', kind: 'money' },
    ]);
  });
});

describe('identity and readings of round 9', () => {
  const read = labelReader('2026-03-10', defaultAliases);

  it('reads a digit right after 成 as its tenth (七成三 → 73%), but not one that opens a count (两成五家)', () => {
    expect(readings('抽查的果园中，七成三已完成春季修剪。')).toEqual([
      { surface: '七成三', value: 73, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
    expect(readings('约两成五家门店延长了营业时间。')[0]).toMatchObject({ surface: '约两成', value: 20 });
  });
  it('reads rainfall and snow depth in 毫米 and 厘米 as measures of their own', () => {
    expect(readings('山区平均降水量41.7毫米，积雪最深处9厘米。')).toEqual([
      { surface: '41.7毫米', value: 41.7, unit: '毫米', qualifier: 'exact', kind: 'other' },
      { surface: '9厘米', value: 9, unit: '厘米', qualifier: 'exact', kind: 'other' },
    ]);
  });
  it('reads a ratio written as one number (比值缩小到1.86) in the unit of a ratio', () => {
    expect(readings('三年来，全区城乡居民收入比缩小到1.86。')).toEqual([
      { surface: '1.86', value: 1.86, unit: 'ratio', qualifier: 'exact', kind: 'ratio' },
    ]);
  });
  it('names an extreme whose clause says where it occurred (最大降水出现在…，达…) apart from the average before', () => {
    expect(read('受强对流影响，澄原县平均降水量36.4毫米，最大降水出现在北坡村，达92毫米。', '澄原')).toEqual([
      ['36.4毫米', '平均降水量'],
      ['92毫米', '最大降水量'],
    ]);
  });
  it('reads a satisfaction level written in points (满意度为88.7分) as a score, and its change too', () => {
    expect(readings('今年的测评中，全区养老机构满意度为88.7分，比上年提高1.2分。')).toEqual([
      { surface: '88.7分', value: 88.7, unit: '分', qualifier: 'exact', kind: 'other' },
      { surface: '1.2分', value: 1.2, unit: '分', qualifier: 'exact', kind: 'other' },
    ]);
  });
  it('reads a measured age (平均年龄, 预期寿命) as a figure, but an age that bounds a group as none', () => {
    expect(read('参训学员平均年龄34.5岁，其中45岁以上学员占两成。')).toEqual([
      ['34.5岁', '参训学员平均年龄'],
      ['两成', '45岁以上学员占比'],
    ]);
    expect(readings('全县人均预期寿命达到80.1岁。')[0]).toMatchObject({
      value: 80.1,
      unit: '岁',
      kind: 'other',
    });
  });
  it('reads a fraction written in words (约三分之一, 五分之二) as a share in percent to one decimal', () => {
    expect(readings('返乡创业人员中，约三分之一从事电商，五分之二从事种养殖。')).toEqual([
      { surface: '约三分之一', value: 33.3, unit: '%', qualifier: 'approx', kind: 'percent' },
      { surface: '五分之二', value: 40, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
  });
  it('counts tents in 顶 (调运帐篷260顶)', () => {
    expect(readings('救援队伍向灾区调运帐篷260顶。')).toEqual([
      { surface: '260顶', value: 260, unit: '顶', qualifier: 'exact', kind: 'count' },
    ]);
  });
  it('reads no figure in what only names the field of others: a classification, the peers of a rank, a size class, a radius', () => {
    expect(readings('全省31个制造业大类中，电子行业增速最快。')).toEqual([]);
    expect(readings('该区营商环境评价在全市12个区县中位列第2。')).toEqual([]);
    expect(readings('新引进十亿元级项目4个，建成5000吨级泊位2个。').map((figure) => figure.surface)).toEqual([
      '4个',
      '2个',
    ]);
    expect(readings('社区养老服务设施1000米覆盖率达到92%。').map((figure) => figure.surface)).toEqual([
      '92%',
    ]);
  });
  it('names a part of a set counted the clause before (…中，有N个…) by what sets it apart, then the set', () => {
    expect(read('全区156家规上服务业企业中，有98家营业收入保持增长。', '柏川')).toEqual([
      ['156家', '规上服务业企业'],
      ['98家', '营业收入增长的规上服务业企业'],
    ]);
  });
  it('reads 站上 as a bound like 突破, a price per barrel as a rate, and 放大 as a change named by its subject', () => {
    expect(readings('布伦特原油期货站上82美元/桶。')).toEqual([
      { surface: '站上82美元/桶', value: 82, unit: '美元/桶', qualifier: 'over', kind: 'money' },
    ]);
    expect(read('两市日均成交额48.3亿元，较前一周放大9.2%。')).toEqual([
      ['48.3亿元', '两市日均成交额'],
      ['9.2%', '两市日均成交额较前一周放大'],
    ]);
  });
  it("gives a headline that cuts the body's name short (总产) the body's name for the same figure", () => {
    expect(read('秋粮再获丰收 总产88.6万吨\n\n全县秋粮总产量88.6万吨，比上年增长2.4%。', '禾岭')[0]).toEqual([
      '88.6万吨',
      '秋粮总产量',
    ]);
  });
  it('names a yield per area by the crop whose amount the clause before measured (玉米产量…，每亩产量…)', () => {
    expect(read('其中玉米产量21.4万吨，每亩产量512公斤，比上年提高1.8%。', '禾岭')).toEqual([
      ['21.4万吨', '玉米产量'],
      ['512公斤', '玉米每亩产量'],
      ['1.8%', '玉米每亩产量提高'],
    ]);
  });
  it('names a part of a structure written as one character (内、外资…之比) with the rest of the last part', () => {
    expect(read('全年实际使用资金中，内、外资投资额之比为71.5：28.5。', '禾岭')).toEqual([
      ['71.5', '内资投资额占比'],
      ['28.5', '外资投资额占比'],
    ]);
  });
  it('names a gap in points that names no rate (…增速为6.1%，低于全国平均水平0.3个百分点) by the rate before', () => {
    expect(read('前8个月，全区固定资产投资增速为6.1%，低于全国平均水平0.3个百分点。', '禾岭')[1]).toEqual([
      '0.3个百分点',
      '固定资产投资增速低于全国平均水平',
    ]);
  });
});

describe('labels of round 9, local briefs and reports', () => {
  const read = labelReader('2025-09-01', defaultAliases);

  it('names the level a count was raised from (由原来的…增至…) the 原 one, and the level reached without 增至', () => {
    expect(read('河湾区图书馆阅览座位由原来的420个增至960个。', '河湾区')).toEqual([
      ['420个', '原图书馆阅览座位'],
      ['960个', '图书馆阅览座位'],
    ]);
  });
  it('leaves 扩至 and 维持 out of the level they state', () => {
    expect(read('社区食堂助餐点扩至86个，老人午餐价格维持每份12元不变。')).toEqual([
      ['86个', '社区食堂助餐点'],
      ['每份12元', '老人午餐价格'],
    ]);
  });
  it('keeps a 和 inside an item of a list separated by 、 (科学技术、节能环保和资源、城乡社区支出)', () => {
    expect(read('科学技术、节能环保和资源、城乡社区支出分别增长4.1%、7.3%和2.2%。')).toEqual([
      ['4.1%', '科学技术支出增长'],
      ['7.3%', '节能环保和资源支出增长'],
      ['2.2%', '城乡社区支出增长'],
    ]);
  });
  it('reads rainfall in 毫米 and tents in 顶 as figures, and names the peak that appeared somewhere (出现在…，达)', () => {
    expect(readings('东坪县平均降水量41.2毫米，最大降水出现在石桥乡，达138毫米，另调运帐篷260顶。')).toEqual([
      { surface: '41.2毫米', value: 41.2, unit: '毫米', qualifier: 'exact', kind: 'other' },
      { surface: '138毫米', value: 138, unit: '毫米', qualifier: 'exact', kind: 'other' },
      { surface: '260顶', value: 260, unit: '顶', qualifier: 'exact', kind: 'count' },
    ]);
    expect(read('东坪县平均降水量41.2毫米，最大降水出现在石桥乡，达138毫米。', '东坪县')).toEqual([
      ['41.2毫米', '平均降水量'],
      ['138毫米', '最大降水量'],
    ]);
  });
  it('dates a span of days that starts or ends on an hour (8月9日20时至10日8时) by its last day', () => {
    const asOf = asOfReader('2025-08-11');
    expect(asOf('8月9日20时至10日8时，东坪县平均降水量41.2毫米。')).toEqual([['41.2毫米', '2025-08-10']]);
    expect(asOf('8月9日夜间至10日，东坪县平均降水量41.2毫米。')).toEqual([['41.2毫米', '2025-08-10']]);
  });
  it("names an area before a crop being worked (8.3万亩中稻近日开镰) the crop's area, and its yields named alone by the crop", () => {
    expect(
      read(
        '东坪县8.3万亩中稻近日开镰，县农技站预计平均亩产超550公斤，总产约4.6万吨，比去年增加800吨以上。',
        '东坪县',
      ),
    ).toEqual([
      ['8.3万亩', '中稻面积'],
      ['超550公斤', '中稻预计平均亩产'],
      ['约4.6万吨', '中稻预计总产'],
      ['800吨以上', '中稻预计总产增加'],
    ]);
    expect(read('全县大豆种植面积3.1万亩，实测平均亩产182公斤，总产量5600吨。', '东坪县')).toEqual([
      ['3.1万亩', '大豆种植面积'],
      ['182公斤', '大豆实测平均亩产'],
      ['5600吨', '大豆总产量'],
    ]);
  });
  it('leaves the bureau that forecasts (县农业农村局预计) out of the forecast', () => {
    expect(read('县农业农村局预计今年茶叶产量增长6%。', '东坪县')).toEqual([['6%', '预计茶叶产量增长']]);
  });
  it('gives a measure written before a figure and its 的 (总投资…的, 全长…的, 规模为…的) to the noun after it', () => {
    expect(read('总投资4.3亿元的北郊污水处理厂日前投运，全长18公里的滨河绿道同步开放。', '东坪县')).toEqual([
      ['4.3亿元', '北郊污水处理厂总投资'],
      ['18公里', '滨河绿道全长'],
    ]);
    expect(read('区里将设立规模为2亿元的人才发展基金。', '东坪县')).toEqual([['2亿元', '人才发展基金规模']]);
  });
  it('names the other half of a pair (白天 then 夜间, 城镇 then 农村) by the measure given for the first', () => {
    expect(read('公共充电桩白天利用率约三成，夜间超过六成。', '东坪县')).toEqual([
      ['约三成', '公共充电桩白天利用率'],
      ['超过六成', '公共充电桩夜间利用率'],
    ]);
  });
  it('names a shortfall alone (缺口在…) by what was just counted', () => {
    expect(read('全县养老床位仅4200张，缺口在1500张左右。', '东坪县')).toEqual([
      ['4200张', '养老床位'],
      ['1500张左右', '养老床位缺口'],
    ]);
  });
  it("counts those reached across a place (覆盖城北片区6万名居民) by the verb, and a second count by the first one's verb", () => {
    expect(read('新建泵站可覆盖城北片区约6万名居民。', '东坪县')).toEqual([['约6万名', '覆盖居民']]);
    expect(read('改造工程可惠及沿线5个村近9000名村民。', '东坪县')).toEqual([
      ['5个', '惠及村'],
      ['近9000名', '惠及村民'],
    ]);
  });
  it('names 多增 by the count it adds to, and an action without its object (平均每天新设) by what was just counted', () => {
    expect(read('今年新增城镇就业2.3万人，比上年多增1500人。', '东坪县')).toEqual([
      ['2.3万人', '新增城镇就业'],
      ['1500人', '新增城镇就业多增'],
    ]);
    expect(read('前三季度新登记个体工商户9100户，平均每天新登记33户。', '东坪县')).toEqual([
      ['9100户', '新登记个体工商户'],
      ['33户', '平均每天新登记个体工商户'],
    ]);
  });
  it('names a group under 其中 after those an action reached (惠及…，其中农村…) as the group reached', () => {
    expect(read('临时救助惠及低收入群众8200人（其中城镇3100人）。', '东坪县')).toEqual([
      ['8200人', '临时救助惠及低收入群众'],
      ['3100人', '临时救助惠及城镇低收入群众'],
    ]);
  });
  it('reads a share written as a fraction (约占全县的三分之一) in %, to one decimal', () => {
    expect(readings('乡村旅游接待游客8.4万人次，约占全县的三分之一；四分之一的民宿已满房。')).toEqual([
      { surface: '8.4万人次', value: 84000, unit: '人次', qualifier: 'exact', kind: 'count' },
      { surface: '三分之一', value: 33.3, unit: '%', qualifier: 'approx', kind: 'percent' },
      { surface: '四分之一', value: 25, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
  });
  it('names a standard set as a share of something (补贴标准为售价的12%) by the standard', () => {
    expect(read('家电以旧换新补贴标准为成交价的12%。', '东坪县')).toEqual([['12%', '家电以旧换新补贴标准']]);
  });
  it('counts those given to (累计向…人发放) as receivers of what was given, not by a bare 向', () => {
    expect(read('今年累计向1.3万人发放临时生活补助。', '东坪县')).toEqual([
      ['1.3万人', '临时生活补助领取人数'],
    ]);
  });
  it('names a count of those a 的 phrase defines among things a clause framed (新建的驿站中，位于…的有) by both', () => {
    expect(read('新建的户外劳动者驿站中，设在公园内的有四十余个。', '东坪县')).toEqual([
      ['四十余个', '设在公园内的新建户外劳动者驿站'],
    ]);
  });
});

describe('English readings of round 9', () => {
  const asOf = asOfReader('2024-03-10');
  it('keeps residents and hectares as written, and reads mu as an area', () => {
    expect(
      readings(
        'Some 2,100 residents signed the petition, and farms in the valley cover 3.6 million mu (about 240,000 hectares).',
      ),
    ).toEqual([
      { surface: 'Some 2,100 residents', value: 2100, unit: 'residents', qualifier: 'approx', kind: 'count' },
      { surface: '3.6 million mu', value: 3600000, unit: 'mu', qualifier: 'exact', kind: 'area' },
      {
        surface: 'about 240,000 hectares',
        value: 240000,
        unit: 'hectares',
        qualifier: 'approx',
        kind: 'area',
      },
    ]);
  });
  it('reads a multiple (9.5 times forward earnings) as a ratio, like 倍', () => {
    expect(readings('The retailer trades at 9.5 times forward earnings.')).toEqual([
      { surface: '9.5 times', value: 9.5, unit: 'times', qualifier: 'exact', kind: 'ratio' },
    ]);
  });
  it('reads "edged up to" as a change reaching a level, not as an "up to" bound', () => {
    expect(readings('The vacancy rate in Brennick edged up to 6.3% in February.')).toEqual([
      { surface: '6.3%', value: 6.3, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
  });
  it('reads an estimate as approximate and keeps a rate per land area in words', () => {
    expect(
      readings(
        'Orchard yields were estimated at 21 tonnes per hectare, and flats sold for 18,900 yuan per square metre.',
      ),
    ).toEqual([
      {
        surface: 'estimated at 21 tonnes per hectare',
        value: 21,
        unit: 'tonnes per hectare',
        qualifier: 'approx',
        kind: 'other',
      },
      {
        surface: '18,900 yuan per square metre',
        value: 18900,
        unit: 'yuan per square metre',
        qualifier: 'exact',
        kind: 'money',
      },
    ]);
  });
  it('reads a dividend per share as an amount of money', () => {
    expect(readings('The board paid a final dividend of $0.42 per share.')).toEqual([
      { surface: '$0.42', value: 0.42, unit: 'USD', qualifier: 'exact', kind: 'money' },
    ]);
  });
  it('reads the earlier pace a growth slowed from as a growth rate', () => {
    expect(readings('Shipments grew 7.2% in May, slowing from 9.8% in April.').map((r) => r.kind)).toEqual([
      'growth_rate',
      'growth_rate',
    ]);
  });
  it('reads a count per so many people as a rate, and the population it is per as no figure', () => {
    expect(readings('The county has 3.1 pharmacists for every 10,000 residents.')).toEqual([
      { surface: '3.1 pharmacists', value: 3.1, unit: 'pharmacists', qualifier: 'exact', kind: 'other' },
    ]);
  });
  it('gives a bare lower bound the unit and scale written after the upper one', () => {
    expect(
      readings('The utility will build 40 to 55 kilometres of pipes and plant 2 to 3 million saplings.'),
    ).toEqual([
      {
        surface: '40 to 55 kilometres',
        value: 40,
        valueMax: 55,
        unit: 'km',
        qualifier: 'exact',
        kind: 'other',
      },
      {
        surface: '2 to 3 million saplings',
        value: 2000000,
        valueMax: 3000000,
        unit: 'saplings',
        qualifier: 'exact',
        kind: 'count',
      },
    ]);
    // A change and the level it reached are two figures, not a range.
    expect(readings('The rate rose from 10 to 12 percent.').map((r) => r.surface)).toEqual(['12 percent']);
  });
  it('reads a bounded multiple of a level as a growth, undated by the period of that level', () => {
    expect(
      asOf(
        'Wind capacity rose to 14 gigawatts, more than double the 6.5 gigawatts installed a year earlier.',
      ),
    ).toEqual([
      ['14 gigawatts', null],
      ['more than double', null],
      ['6.5 gigawatts', '2023-03-10'],
    ]);
    expect(readings('Capacity is more than double the 6.5 gigawatts of 2022.')[0]).toMatchObject({
      value: 100,
      qualifier: 'over',
      kind: 'growth_rate',
    });
  });
  it('reads a decimal number of years after "up from" as a measured level', () => {
    expect(asOf('Median age reached 41.3 years in 2023, up from 39.8 years in 2013.')).toEqual([
      ['41.3 years', '2023-12-31'],
      ['39.8 years', '2013-12-31'],
    ]);
  });
  it('reads a bare count that "the number of …" leads to, or that changed from a year ago', () => {
    expect(readings('The number of ferry crossings on the Tamsin line fell to 212.')).toEqual([
      { surface: '212', value: 212, unit: 'crossings', qualifier: 'exact', kind: 'count' },
    ]);
    expect(readings('About 1,450 clinics joined the network, over 120 more than a year ago.')[1]).toEqual({
      surface: 'over 120',
      value: 120,
      unit: '',
      qualifier: 'over',
      kind: 'count',
    });
  });
  it('reads a bounded half without "of" as a share, and not half a year', () => {
    expect(readings('Nearly half plan to move within five years.')).toEqual([
      { surface: 'Nearly half', value: 50, unit: '%', qualifier: 'approx', kind: 'percent' },
    ]);
    expect(readings('The plant ran for nearly half a year.')).toEqual([]);
  });
  it('reads no figure in a threshold that defines a class (a score below 60)', () => {
    expect(readings('A score below 60 counts as a fail.')).toEqual([]);
  });
  it('reads a decimal number of months after a verb of level as measured, and a bounded fraction before a verb', () => {
    expect(readings('Unsold stock dropped to 9.7 months of supply.')).toEqual([
      { surface: '9.7 months', value: 9.7, unit: 'months', qualifier: 'exact', kind: 'other' },
    ]);
    expect(readings('Among the anglers polled, about a third fish every weekend.')).toEqual([
      { surface: 'about a third', value: 33.3, unit: '%', qualifier: 'approx', kind: 'percent' },
    ]);
  });
});

describe('English of round 9', () => {
  const read = labelReader('2024-09-20');
  it('reads "edged up to" as the level a rate moved to, not a bound "up to"', () => {
    expect(readings('The vacancy rate in Dorrin ticked up to 7.3% in August.')).toEqual([
      { surface: '7.3%', value: 7.3, unit: '%', qualifier: 'exact', kind: 'percent' },
    ]);
    expect(readings('Each bakery may claim up to 8,000 dollars.')[0]?.qualifier).toBe('under');
  });
  it('leaves a concessive "though" out of the subject it opens', () => {
    expect(read('Piano sales fell 2.4%, although sales of digital pianos rose 11.2%.', 'Dorrin')).toEqual([
      ['2.4%', 'piano sales decline'],
      ['11.2%', 'digital piano sales growth'],
    ]);
  });
  it('names a rate "quickening from" by the growth the sentence measured before a level', () => {
    expect(
      read(
        'Hotel revenue rose 7.7% to 3.1 billion yuan in the first eight months, quickening from 6.2% in the first half.',
        'Dorrin',
      ),
    ).toEqual([
      ['7.7%', 'hotel revenue growth'],
      ['3.1 billion yuan', 'hotel revenue'],
      ['6.2%', 'hotel revenue growth'],
    ]);
  });
  it('names a change set off after a level ("…, a 9.4% decline") as the change of that level', () => {
    expect(read('Sales of used cars came to 2,310 units in August, a 9.4% decline.', 'Dorrin')).toEqual([
      ['2,310 units', 'sales of used cars'],
      ['9.4%', 'used car sales decline'],
    ]);
  });
  it('keeps "in June from May" in the label of a month-on-month change, apart from the year-on-year one', () => {
    expect(
      read(
        'Office rents in Dorrin slipped 0.6% in June from May, and were down 3.9% from a year earlier.',
        'Dorrin',
      ),
    ).toEqual([
      ['0.6%', 'office rents month-on-month decline'],
      ['3.9%', 'office rents decline'],
    ]);
  });
  it('reads what an opening count did through a preposition and its noun (moved to the coast)', () => {
    expect(read('Some 4,800 retirees moved to the coast in 2023.', 'Dorrin')[0]).toEqual([
      'Some 4,800 retirees',
      'retirees moving to the coast',
    ]);
  });
  it('keeps a plural-only noun after a modifier as written (sales of sporting goods)', () => {
    expect(read('Sales of sporting goods increased 5.5%.', 'Dorrin')).toEqual([
      ['5.5%', 'sales of sporting goods growth'],
    ]);
  });
  it('reads an English multiple as a ratio named by what follows it (oversubscribed, forward earnings)', () => {
    expect(
      read(
        'The metro bond sale was 2.9 times oversubscribed, and the operator trades at 13.2 times forward earnings.',
        'Dorrin',
      ),
    ).toEqual([
      ['2.9 times', 'metro bond sale oversubscription'],
      ['13.2 times', 'forward price-to-earnings ratio'],
    ]);
    expect(readings('The operator trades at 13.2 times forward earnings.')[0]?.kind).toBe('ratio');
  });
  it('names an amount of bonds by the bonds, past their tenor (of seven-year notes)', () => {
    expect(read('Dorrin Metro sold 800 million yuan of seven-year notes.', 'Dorrin')).toEqual([
      ['800 million yuan', 'notes sold'],
    ]);
  });
  it('names those a passive gift "was paid to" by what they received', () => {
    expect(read('Heating grants of 9 million yuan were paid to 2,250 families.', 'Dorrin')).toEqual([
      ['9 million yuan', 'heating grants'],
      ['2,250 families', 'families receiving heating grants'],
    ]);
  });
  it('names ", an average of N a day" after a total by that total, per day', () => {
    expect(
      read('The airport handled 612,000 passengers, an average of 6,800 passengers a day.', 'Dorrin')[1],
    ).toEqual(['6,800 passengers', 'average daily passengers handled']);
  });
  it('gives a share "of the total" no whole when the count before was only in units', () => {
    expect(
      read(
        'Scooter exports reached 52,000 units. Exports to Chile accounted for 12.5% of the total.',
        'Dorrin',
      )[1],
    ).toEqual(['12.5%', 'exports to chile share']);
  });
  it('names a harvest by its crop, past "a record" and a headline\'s bare "record"', () => {
    expect(
      read(
        'Dorrin tea output hits record 61,000 tonnes\n\nDorrin harvested a record 61,000 tonnes of tea last year.',
        'Dorrin',
      ),
    ).toEqual([
      ['61,000 tonnes', 'tea output'],
      ['61,000 tonnes', 'tea harvest'],
    ]);
  });
  it('reads a decimal of years after "up from" as the earlier level, not a span', () => {
    expect(readings('Healthy life expectancy was 71.4 years, up from 70.2 years.')).toEqual([
      { surface: '71.4 years', value: 71.4, unit: 'years', qualifier: 'exact', kind: 'other' },
      { surface: '70.2 years', value: 70.2, unit: 'years', qualifier: 'exact', kind: 'other' },
    ]);
  });
  it('names "N more than a year before" after a count as that count\'s increase', () => {
    expect(
      read(
        'Some 9,400 students joined the evening school, about 1,100 more than a year before.',
        'Dorrin',
      )[1],
    ).toEqual(['about 1,100', 'students joining evening school increase']);
  });
  it('puts "in urban areas" before the measure, as readers name the group', () => {
    expect(read('The vacancy rate in rural areas stood at 4.4% in June.', 'Dorrin')).toEqual([
      ['4.4%', 'rural vacancy rate'],
    ]);
  });
  it('names a statistic compared after a figure ("against an average of N for …") by that figure and the group', () => {
    expect(
      read(
        'The miner trades at 7.9 times forward earnings, against an average of 9.3 times for listed coal producers.',
        'Dorrin',
      )[1],
    ).toEqual(['9.3 times', 'average forward price-to-earnings ratio of listed coal producers']);
  });
  it('keeps residents and hectares as written, and a price per square metre in words, as a price per area is', () => {
    expect(
      readings(
        'A poll of 1,450 residents found orchards of 2,600 hectares, sold at 310 yuan per square metre.',
      ).map((figure) => figure.unit),
    ).toEqual(['residents', 'hectares', 'yuan per square metre']);
  });
  it('reads a small bare number before "more than a year ago" as a change of a count, not a stray numeral', () => {
    expect(readings('Dorrin licensed 2,140 taxis, nearly 90 more than a year ago.')[1]).toEqual({
      surface: 'nearly 90',
      value: 90,
      unit: '',
      qualifier: 'approx',
      kind: 'count',
    });
    expect(readings('The crew finished 12 more than planned.')).toEqual([]);
  });
  it('reads mu as an area and names a harvested area past its conversion in brackets', () => {
    expect(
      read('Growers had harvested 6.2 million mu (about 413,000 hectares) of maize by Friday.', 'Dorrin'),
    ).toEqual([
      ['6.2 million mu', 'maize harvested area'],
      ['about 413,000 hectares', 'maize harvested area'],
    ]);
    expect(readings('Growers had harvested 6.2 million mu of maize.')[0]?.unit).toBe('mu');
  });
  it('names an opening count by what its things now have, not by a "have" that is an auxiliary', () => {
    expect(read('Some 12,000 homes now have heat pumps in their basements.', 'Dorrin')).toEqual([
      ['Some 12,000 homes', 'homes with heat pumps'],
    ]);
    expect(read('Some 2,500 firms have said they will expand.', 'Dorrin')).toEqual([
      ['Some 2,500 firms', 'firms'],
    ]);
  });
});

describe('round 10, survey reports', () => {
  const surveyLabels = labelReader('2025-05-20');
  it('drops a base written as the year before the figure, and keeps one two years back', () => {
    expect(
      surveyLabels(
        '市卫健委发布2024年市民营养监测结果，全市居民膳食达标率为42.5%，比2023年提高2.2个百分点。',
      ),
    ).toEqual([
      ['42.5%', '居民膳食达标率'],
      ['2.2个百分点', '居民膳食达标率提高'],
    ]);
    expect(surveyLabels('今年全市居民膳食达标率为42.5%，较2023年提高2.2个百分点。')[1]).toEqual([
      '2.2个百分点',
      '居民膳食达标率较2023年提高',
    ]);
  });
  it('names the sample a survey was put to by whom it reached, past the 的 phrase or ages that describe them', () => {
    expect(
      surveyLabels('市社科院3月对全市2300户居民开展入户调查。另对1800家小微企业进行了问卷调查。'),
    ).toEqual([
      ['2300户', '受访居民'],
      ['1800家', '受访小微企业'],
    ]);
    expect(
      surveyLabels('调查于5月进行，共访问20至40岁在云溪打零工的青年1560人；另调查18岁以上常住居民900人。'),
    ).toEqual([
      ['1560人', '访问青年'],
      ['900人', '调查常住居民'],
    ]);
    expect(surveyLabels('在接受调查的860家企业中，六成表示订单回升。')[0]).toEqual([
      '860家',
      '接受调查的企业',
    ]);
  });
  const surveyAsOf = asOfReader('2024-09-20');
  it('dates a survey report by its fieldwork, sentence after sentence, after a day of its own and for shares foreseeing', () => {
    expect(
      surveyAsOf(
        '市统计局于7月开展居民消费意愿调查，共访问居民1800人。截至7月20日，已购买家电的占18.2%。受访居民月均消费支出为3200元，约三分之一的受访者每周都外出就餐。',
      ),
    ).toEqual([
      ['1800人', '2024-07-31'],
      ['18.2%', '2024-07-20'],
      ['3200元', '2024-07-31'],
      ['约三分之一', '2024-07-31'],
    ]);
    expect(
      surveyAsOf(
        '调查于6月进行，共访问租房青年2100人。受访青年月均租金为2100元。受访者平均租住面积为28.5平方米。',
      ),
    ).toEqual([
      ['2100人', '2024-06-30'],
      ['2100元', '2024-06-30'],
      ['28.5平方米', '2024-06-30'],
    ]);
    expect(
      surveyAsOf('中心一季度对900家企业开展问卷调查。企业对二季度预期乐观，预计利润增长的企业占55.3%。'),
    ).toEqual([
      ['900家', '2024-03-31'],
      ['55.3%', '2024-03-31'],
    ]);
  });
  it('dates the findings of a survey with no fieldwork by their day, and by nothing in the year under way', () => {
    expect(
      surveyAsOf(
        '市教育局对全市高校毕业生开展抽样调查。截至4月10日，毕业生签约率为55.1%。已签约毕业生平均月薪为5900元。',
      ),
    ).toEqual([
      ['55.1%', '2024-04-10'],
      ['5900元', '2024-04-10'],
    ]);
    expect(
      surveyAsOf(
        '省调查队近期对800个养殖户开展问卷调查。结果显示，今年参加保险的养殖户占64.2%。户均存栏生猪86头。',
        '2024-11-20',
      ),
    ).toEqual([
      ['800个', null],
      ['64.2%', null],
      ['86头', null],
    ]);
  });
  it('keeps a 中 that opens a word after a period (一季度中小企业), where it is no "during"', () => {
    expect(surveyLabels('二季度中小企业景气指数为50.6；3月中药材收购量为120吨。')).toEqual([
      ['50.6', '中小企业景气指数'],
      ['120吨', '中药材收购量'],
    ]);
  });
  it('gives each thing a survey rates the measure written once after the last (地铁、常规公交和出租车满意度)', () => {
    expect(surveyLabels('轮渡、城际公交和网约车满意度分别为86.1分、79.4分和74.8分。')).toEqual([
      ['86.1分', '轮渡满意度'],
      ['79.4分', '城际公交满意度'],
      ['74.8分', '网约车满意度'],
    ]);
    expect(surveyLabels('城区、郊县受访者对养老服务的满意度分别为81.2%和73.4%。')[0]).toEqual([
      '81.2%',
      '城区受访者对养老服务的满意度',
    ]);
  });
  it('names a target reached after its figure by what the sentence measured in its unit, and breaks down the measure', () => {
    expect(
      surveyLabels(
        '全县老年人体育锻炼参与率为46.3%，提前实现“十四五”规划中45%的目标。分城乡看，城镇老年人为51.2%，农村老年人为40.8%。',
      ),
    ).toEqual([
      ['46.3%', '老年人体育锻炼参与率'],
      ['45%', '老年人体育锻炼参与率目标'],
      ['51.2%', '城镇老年人体育锻炼参与率'],
      ['40.8%', '农村老年人体育锻炼参与率'],
    ]);
    expect(surveyLabels('全县化肥用量下降4.1%，完成了全年下降3%的目标。')[1]).toEqual([
      '3%',
      '化肥用量下降目标',
    ]);
  });
  it('names each part of 分别占 by its share, of the whole it names or whose make-up the sentence opened on', () => {
    expect(surveyLabels('在支出构成中，餐饮、交通和娱乐分别占42%、21%和15%。')).toEqual([
      ['42%', '餐饮占支出比例'],
      ['21%', '交通占支出比例'],
      ['15%', '娱乐占支出比例'],
    ]);
    expect(surveyLabels('门票、住宿分别占花费的36%和29%；小麦、玉米分别占12%和9%。')).toEqual([
      ['36%', '门票占花费比例'],
      ['29%', '住宿占花费比例'],
      ['12%', '小麦占比'],
      ['9%', '玉米占比'],
    ]);
  });
  it('keeps 平均 before a noun of change (平均涨幅), which names an average rise', () => {
    expect(surveyLabels('续租的受访者中，平均涨幅为4.6%；物业费平均增幅为2.1%。')).toEqual([
      ['4.6%', '平均涨幅'],
      ['2.1%', '物业费平均增幅'],
    ]);
  });
  it('gives a bare 比例 that changed the share just stated', () => {
    expect(surveyLabels('约四成受访家庭选择网上购买年货，比例较去年提高5.2个百分点。')).toEqual([
      ['约四成', '选择网上购买年货的受访家庭比例'],
      ['5.2个百分点', '选择网上购买年货的受访家庭比例提高'],
    ]);
  });
  it('reads the places a survey covered before whom it asked as no figure, and keeps a count of places elsewhere', () => {
    expect(surveyLabels('市人社局对全市15所职业院校的3200名毕业生开展问卷调查。')).toEqual([
      ['3200名', '受访毕业生'],
    ]);
    expect(surveyLabels('本次监测共调查9个乡镇（街道）的2600名居民。')).toEqual([['2600名', '调查居民']]);
    expect(surveyLabels('全市35个乡镇的1200名干部参加了培训。')[0]?.[0]).toBe('35个');
  });
  it("keeps a survey's fieldwork to the paragraph that tells of it", () => {
    expect(
      surveyAsOf(
        '区商务局5月对320家商户开展问卷调查，受访商户平均营业额增长6.1%。\n全区新建充电桩480个。新开公交线路6条。',
      ),
    ).toEqual([
      ['320家', '2024-05-31'],
      ['6.1%', '2024-05-31'],
      ['480个', null],
      ['6条', null],
    ]);
  });
});
describe('round 10, english A', () => {
  const read = labelReader('2025-05-12');
  const dated = (text: string, region?: string) =>
    extractFigures(text, {
      publishedAt: '2025-05-12',
      ...(region === undefined ? {} : { region }),
    }).map((figure) => [figure.surface, figure.label, figure.kind, figure.asOf ?? null]);
  it('leaves "from/in the northern river city of X" out of the subject it locates', () => {
    expect(
      read('Shipments from the northern river city of Velmor rose 6.2% to 41.3 billion yuan.', 'Velmor'),
    ).toEqual([
      ['6.2%', 'shipments growth'],
      ['41.3 billion yuan', 'shipments'],
    ]);
    expect(read('Car sales in the western port city of Ostrana fell 9% in April.', 'Velmor')).toEqual([
      ['9%', 'car sales decline'],
    ]);
    // A named place after "from" goes only with its noun: "arrivals from Asia" keeps where they came from.
    expect(read('Arrivals from Asia rose 14% in April.', 'Velmor')).toEqual([
      ['14%', 'growth in arrivals from asia'],
    ]);
  });
  it('keeps square meters and square kilometres as written, an area still', () => {
    expect(
      readings(
        'Builders sold 210,000 square meters of offices and cleared 3.4 square kilometres of land.',
      ).map((figure) => [figure.unit, figure.kind]),
    ).toEqual([
      ['square meters', 'area'],
      ['square kilometres', 'area'],
    ]);
    // Its key's unit family is still the one 平方米 has.
    expect(
      extractFigures('Builders sold 210,000 square meters of offices.', { publishedAt: '2025-05-12' })[0]
        ?.metric,
    ).toMatch(/:area:m2$/);
  });
  it('reads the subject past a comma-set appositive that names it again', () => {
    expect(
      read("Grain prices held steady, while sales of farm tools, the county's main export, climbed 8.4%."),
    ).toEqual([['8.4%', 'farm tool sales growth']]);
  });
  it('names a target written as a percent of a measure by that measure, a growth target as a growth rate', () => {
    expect(dated('The board kept its annual goal of 6% revenue growth, its chair said.')).toEqual([
      ['6%', 'revenue growth target', 'growth_rate', '2025-12-31'],
    ]);
    expect(dated('The bank held its full-year target of 2% inflation.')).toEqual([
      ['2%', 'inflation target', 'percent', '2025-12-31'],
    ]);
  });
  it("names a change participle after a linked clause by that clause's subject", () => {
    expect(read('Used car sales were the strongest segment, climbing 17% to 3,420 vehicles.')).toEqual([
      ['17%', 'used car sales growth'],
      ['3,420 vehicles', 'used car sales'],
    ]);
    expect(read('Office rents were under pressure, slipping 3% in April.')).toEqual([
      ['3%', 'office rents decline'],
    ]);
  });
  it('names a rate set in percent by a cut in the singular', () => {
    expect(read('The lender cut mortgage rates for young families to 2.9% last week.')).toEqual([
      ['2.9%', 'mortgage rate for young families'],
    ]);
  });
  it('counts "N charging points" as things with their noun, while points right after a number are index points', () => {
    expect(
      readings('The county has 3,100 parking points for bikes, and the index gained 42 points.').map(
        (figure) => [figure.unit, figure.kind],
      ),
    ).toEqual([
      ['parking points', 'count'],
      ['points', 'other'],
    ]);
    expect(readings('The gauge fell 2.5 index points.')[0]?.kind).toBe('other');
  });
  it('dates by a deadline still to come only its own sentence, and by "now" only its own', () => {
    expect(
      dated(
        'Water use fell 3% in the first quarter. The utility plans to fit 9,000 meters by the end of 2026. ' +
          'Leaks made up 12% of the supply lost.',
      ).map((figure) => figure[3]),
    ).toEqual(['2025-03-31', '2026-12-31', '2025-03-31']);
    expect(
      dated(
        'Water use fell 3% in the first quarter. The utility now runs 42 pumping stations. ' +
          'Leaks made up 12% of the supply lost.',
      ).map((figure) => figure[3]),
    ).toEqual(['2025-03-31', null, '2025-03-31']);
  });
  it('dates an infinitive joined to a plan by the year the plan names for it', () => {
    expect(
      dated('The county plans to open 14 clinics by 2027 and to hire about 220 nurses this year.').map(
        (figure) => figure[3],
      ),
    ).toEqual(['2027-12-31', '2025-12-31']);
  });
  it('dates nothing done "since" a month in its sentence, as a running total to now', () => {
    expect(
      dated(
        'Fares rose 2% in March, and since January the city has issued 5,300 travel passes. Tolls rose 1%.',
      ).map((figure) => figure[3]),
    ).toEqual(['2025-03-31', null, '2025-03-31']);
  });
  it('names an amount "worth a combined" N after a count as the value of what was counted', () => {
    expect(
      read('The fund has paid out 1,800 grants to artists, worth a combined 45 million yuan.')[1],
    ).toEqual(['45 million yuan', 'value of grants']);
  });
  it('reads "N months of sales" as how long a stock lasts, a measured level rather than a duration', () => {
    expect(
      readings('Grain stocks rose to 2.1 million tonnes, enough for about 14 months of consumption.')[1],
    ).toEqual({
      surface: 'about 14 months',
      value: 14,
      unit: 'months',
      qualifier: 'approx',
      kind: 'other',
    });
    expect(readings('The scheme will run for 14 months.')).toEqual([]);
  });
  it('dates an average compared year on year by the period the paragraph opened with', () => {
    expect(
      dated(
        'Car sales fell 4% in March. The average sale price slipped 1.2% year on year to 98,000 yuan. ' +
          'Average waiting times were 12 days.',
      ).map((figure) => figure[3]),
    ).toEqual(['2025-03-31', '2025-03-31', '2025-03-31', null]);
  });
  it('reads "supplied N% of" as a share verb, named by the kind of source', () => {
    expect(
      read('Coal sources supplied 44% of the heat sold, and local farms provided 9% of the grain eaten.'),
    ).toEqual([
      ['44%', 'coal share of heat sold'],
      ['9%', 'local farms share of grain eaten'],
    ]);
  });
  it('names a forecast change ("expects X to grow N%") as the expected change of X', () => {
    expect(dated('The agency expects hotel bookings to fall by about 3% this year.')).toEqual([
      ['about 3%', 'expected hotel bookings decline', 'growth_rate', '2025-12-31'],
    ]);
  });
  it('reads "versus" before a base as a comparison, not a name', () => {
    expect(read('Freight revenue was $54 million in April, versus $47 million a year earlier.')).toEqual([
      ['$54 million', 'freight revenue'],
      ['$47 million', 'freight revenue'],
    ]);
  });
  it('reads the base of a measured average span ("fell to 3.2 days from 4.1 days") as a figure too', () => {
    expect(read('The average wait for surgery fell to 5.6 days from 6.3 days.')).toEqual([
      ['5.6 days', 'average wait for surgery'],
      ['6.3 days', 'previous average wait for surgery'],
    ]);
    expect(readings('The permit lasts for 30 days from 10 days.')).toEqual([]);
  });
  it('leaves the kind of place named with the region out of a headline subject, as the body leaves it', () => {
    expect(
      read(
        'Velmor county grain output tops 2 million tonnes\n\nGrain output in Velmor county exceeded 2 million tonnes.',
        'Velmor',
      ),
    ).toEqual([
      ['tops 2 million tonnes', 'grain output'],
      ['exceeded 2 million tonnes', 'grain output'],
    ]);
    expect(read('Velmor province will train about 900 nurses by 2027.', 'Velmor')[0]?.[1]).not.toBe(
      'will train',
    );
  });
  it('keeps cubic meters as written, a volume in the family of 立方米', () => {
    const [figure] = extractFigures('Reservoirs held 95,000 cubic meters of water.', {
      publishedAt: '2025-05-12',
    });
    expect([figure?.unit, figure?.kind, figure?.metric.endsWith(':volume:m3')]).toEqual([
      'cubic meters',
      'volume',
      true,
    ]);
  });
  it("names a share of an owner's counted group by the group and what it did (share of … joining …)", () => {
    expect(read("Nearly half of the town's 4,300 fishing families joined the insurance scheme.")[0]).toEqual([
      'Nearly half',
      'share of fishing families joining the insurance scheme',
    ]);
  });
  it('reads € and £ before an amount as EUR and GBP, as $ is read as USD', () => {
    expect(
      readings('The fund raised €85 million and £12.5 million last year.').map((figure) => [
        figure.surface,
        figure.value,
        figure.unit,
        figure.kind,
      ]),
    ).toEqual([
      ['€85 million', 85000000, 'EUR', 'money'],
      ['£12.5 million', 12500000, 'GBP', 'money'],
    ]);
  });
  it('reads "against" before a base as a comparison, not a name', () => {
    expect(read('Port fees were $31 million, against $26 million a year earlier.')).toEqual([
      ['$31 million', 'port fees'],
      ['$26 million', 'port fees'],
    ]);
  });
});
describe('round 10, local briefs', () => {
  const metricsOf = (text: string) => extractFigures(text, dalian).map((figure) => figure.metric);

  it('reports a price per 斤 or per 亩 written with 每 in the currency, and keeps the rate in its key', () => {
    expect(
      readings('今年夏粮收购价为每斤1.52元，比上年提高0.04元；每亩补助60元。').map((figure) => [
        figure.surface,
        figure.unit,
      ]),
    ).toEqual([
      ['每斤1.52元', '元'],
      ['0.04元', '元'],
      ['60元', '元'],
    ]);
    // The same series written as a rate keeps its rate, and both spellings meet on one key.
    expect(readings('夏粮收购价为1.52元/斤。')[0]?.unit).toBe('元/斤');
    expect(metricsOf('夏粮收购价为每斤1.52元。')).toEqual(metricsOf('夏粮收购价为1.52元/斤。'));
  });
  it('keeps a rate whose unit a list writes once at its end, and 每吨 or 每平方米 prices as rates', () => {
    expect(readings('芹菜、土豆批发价分别为4.2、2.6元/公斤。').map((figure) => figure.unit)).toEqual([
      '元/公斤',
      '元/公斤',
    ]);
    expect(readings('柴油价格每吨上调205元。')[0]?.unit).toBe('元/吨');
    expect(readings('二手房挂牌均价为每平方米9820元。')[0]?.unit).toBe('元/平方米');
  });
  it('drops a deadline written without a number (到今年年底) and a modal 要 from a label, as it drops 将', () => {
    const read = labelReader('2025-03-04');
    expect(read('到今年年底全镇公共充电桩数量将达到860个。', '白沙镇')).toEqual([
      ['860个', '公共充电桩数量'],
    ]);
    expect(read('今年城乡低保应保尽保率要保持在98%以上。')).toEqual([['98%以上', '城乡低保应保尽保率']]);
    expect(read('年底前，这部分主要负荷要压减到12万千瓦。')[0]?.[1]).toContain('主要负荷');
  });
  it('ends a counted noun before 共 and a verb, and before the 中 that frames it ("among")', () => {
    const read = labelReader('2025-03-04');
    expect(read('全镇5家卫生院和41个村卫生室共派出巡诊医生130名。').slice(0, 2)).toEqual([
      ['5家', '卫生院'],
      ['41个', '村卫生室'],
    ]);
    expect(read('全区8所学校共组建课后服务社团260个。')[0]).toEqual(['8所', '学校']);
    expect(read('全区36个社区中已有29个建成养老驿站。')[0]).toEqual(['36个', '社区']);
    expect(read('全县12所高中已全部完成改造。')).toEqual([['12所', '高中']]);
    expect(read('街道新投放2000辆公共自行车和300辆共享单车。').map(([, label]) => label)).toEqual([
      expect.stringContaining('公共自行车'),
      expect.stringContaining('共享单车'),
    ]);
  });
  it('keeps the region that opens a quoted name (a loan product, a brand), while the region alone goes', () => {
    const read = labelReader('2025-04-10');
    expect(read('今年一季度，“临川e贷”放款规模达到8.4亿元。', '临川区')).toEqual([
      ['8.4亿元', '临川e贷放款规模'],
    ]);
    expect(read('临川区“临川惠民保”参保人数达到31万人。', '临川区')).toEqual([
      ['31万人', '临川惠民保参保人数'],
    ]);
    expect(read('临川区参保人数达到31万人。', '临川区')).toEqual([['31万人', '参保人数']]);
  });
  it('names a price written alone after a clause that opens on a price, and a price per 斤 that fell to a level', () => {
    const read = labelReader('2025-03-04');
    expect(read('牛奶价格略有回升，每公斤9.6元，环比上涨0.2元。')).toEqual([
      ['每公斤9.6元', '牛奶价格'],
      ['0.2元', '牛奶价格环比上涨'],
    ]);
    expect(read('本周土豆每斤降至1.1元。')).toEqual([['1.1元', '土豆价格']]);
  });
  it('names a share given "按N%的比例" to a support as that support\'s rate, with what it covers', () => {
    const read = labelReader('2025-03-04');
    expect(read('对参保农户的保费按60%的比例给予补贴。')).toEqual([['60%', '保费补贴比例']]);
    expect(read('企业设备更新贷款按2%予以贴息。')).toEqual([['2%', '企业设备更新贷款贴息比例']]);
  });
  it('names a support per unit after the clause that says what is supported (对…给予补贴，每亩补贴…)', () => {
    const read = labelReader('2025-03-04');
    expect(read('镇里对油菜机械化播种给予补贴，每亩补贴45元。')).toEqual([
      ['45元', '油菜机械化播种每亩补贴'],
    ]);
    expect(read('每亩补贴45元。')).toEqual([['45元', '每亩补贴']]);
  });
  it('lets a season of this year (今年秋季, 今秋) end the period before it, as 目前 does', () => {
    const asOf = asOfReader('2025-03-04');
    expect(asOf('去年，全区新增托位900个。今年秋季，全区幼儿园预计招生约3100人，比去年减少240人。')).toEqual([
      ['900个', '2024-12-31'],
      ['约3100人', null],
      ['240人', null],
    ]);
  });
  it('dates a headline share that restates no body figure by the body share nearest in value, not the first one', () => {
    const asOf = asOfReader('2024-08-05');
    expect(
      asOf('全县近八成自然村通自来水\n\n自来水普及率由去年底的64%提高到79.2%，提高了15.2个百分点。')[0],
    ).toEqual(['近八成', null]);
  });
  it('names a fund the treasury allocates (财政安排…资金) by the noun after 安排, as the labelling guide asks', () => {
    const read = labelReader('2025-03-04');
    expect(read('镇财政安排以工代赈专项资金600万元。', '白沙镇')).toEqual([['600万元', '以工代赈专项资金']]);
    expect(read('县财政已拨付农田水利建设资金900万元。')[0]?.[1]).toContain('拨付');
  });
  it('names households by what they did somewhere (在自家…安装了…), leaving out where', () => {
    const read = labelReader('2025-03-04');
    expect(read('全镇已有560余户农户在自家院内安装了沼气池。', '白沙镇')).toEqual([
      ['560余户', '安装沼气池农户'],
    ]);
  });
});
describe('round 10, market news', () => {
  const read = labelReader('2025-03-04');
  it('drops the date that follows the company a brief reports on, as it drops the company', () => {
    expect(
      read('远帆电器2月销售空调8.3万台\n\n远帆电器3月3日公布，2月共销售空调83150台，同比增长21.6%。'),
    ).toEqual([
      ['8.3万台', '销售空调'],
      ['83150台', '销售空调'],
      ['21.6%', '销售空调增长'],
    ]);
  });
  it('drops a span ending in 期内 and a holiday film season, which only say when', () => {
    expect(read('本结算周期内国际铜均价较上一周期上涨约2.8%。')).toEqual([
      ['约2.8%', '国际铜均价较上一周期上涨'],
    ]);
    expect(read('春节档全国电影总票房达58.2亿元，档期内共有9部新片上映。')).toEqual([
      ['58.2亿元', '电影总票房'],
      ['9部', '新片上映'],
    ]);
  });
  it('names a year-ago level that a figure is above or below as the same series', () => {
    expect(read('一季度全市商品房销售额达312亿元，高于去年同期的287亿元。')).toEqual([
      ['312亿元', '商品房销售额'],
      ['287亿元', '商品房销售额'],
    ]);
  });
  it('names a close given by 收盘报 the closing price, and its change against a named base by it', () => {
    expect(read('该股开盘即大涨120.3%，收盘报13.26元/股，较发行价上涨62.5%。').slice(1)).toEqual([
      ['13.26元/股', '收盘价'],
      ['62.5%', '收盘价较发行价上涨'],
    ]);
  });
  it('leaves out 完成 before an amount measured, and the port or shop a brief calls 该港 or 该店', () => {
    expect(read('一季度，该港完成货物吞吐量2.36亿吨，同比增长4.2%。')).toEqual([
      ['2.36亿吨', '货物吞吐量'],
      ['4.2%', '货物吞吐量增长'],
    ]);
    expect(read('开业首月，该店完成销售额126万元。')).toEqual([['126万元', '销售额']]);
  });
  it('drops the short name a headline opens on when the body opens on the full name of its group', () => {
    expect(
      read('南湾港一季度货物吞吐量超2亿吨\n\n南湾港务集团4月8日发布数据，一季度货物吞吐量2.36亿吨。'),
    ).toEqual([
      ['超2亿吨', '货物吞吐量'],
      ['2.36亿吨', '货物吞吐量'],
    ]);
  });
  it('names each part that 分别占 a written whole by its part and the whole, in order', () => {
    expect(read('其中，线上和线下渠道分别占总销售额的58.3%和41.7%。')).toEqual([
      ['58.3%', '线上渠道占总销售额比例'],
      ['41.7%', '线下渠道占总销售额比例'],
    ]);
  });
  it('dates the figures of a clause by the day written right before its measure, not by a day something was reported', () => {
    const asOf = asOfReader('2025-03-04');
    expect(asOf('据市场监测，3月3日全国鸡蛋批发均价为4.12元/斤，较上周下跌2.3%。')).toEqual([
      ['4.12元/斤', '2025-03-03'],
      ['2.3%', '2025-03-03'],
    ]);
    expect(asOf('3月3日上午，记者从市商务局获悉，鸡蛋批发均价为4.12元/斤。')).toEqual([['4.12元/斤', null]]);
  });
  it('dates a forecast for the whole year set off by a comma after 预计 to the end of the year under way', () => {
    const asOf = asOfReader('2025-07-10');
    expect(asOf('7月8日，运价指数报收1620点。集团预计，全年货物吞吐量有望达到2.5亿吨左右。')).toEqual([
      ['1620点', '2025-07-08'],
      ['2.5亿吨左右', '2025-12-31'],
    ]);
  });
  it('names a count of things whose measure changed by the measure, the change and the things counted before', () => {
    expect(read('全市120家酒店中，87家房价下跌，占比72.5%。')).toEqual([
      ['120家', '酒店'],
      ['87家', '房价下跌的酒店'],
      ['72.5%', '房价下跌的酒店占比'],
    ]);
  });
  it('keeps a place name that opens a company name, and gives a bare measure after it that company', () => {
    expect(read('其中，江城港务股价累计上涨18.2%，总市值突破150亿元。', '江城')).toEqual([
      ['18.2%', '江城港务股价累计上涨'],
      ['突破150亿元', '江城港务总市值'],
    ]);
    expect(read('江城今年新增就业1.2万人。', '江城')).toEqual([['1.2万人', '新增就业']]);
  });
  it('names a money gap stated by a comparative against a named base by the price before it', () => {
    expect(read('社区菜店青菜零售价为每斤2.6元，低于农贸市场约0.4元。')).toEqual([
      ['每斤2.6元', '社区菜店青菜零售价'],
      ['约0.4元', '社区菜店青菜零售价低于农贸市场'],
    ]);
  });
  it('keeps 平均 before a change noun: an average change over many things is a measure of its own', () => {
    expect(read('本月共有6只新债上市，首日平均涨幅约12.4%。')).toEqual([
      ['6只', '新债上市'],
      ['约12.4%', '首日平均涨幅'],
    ]);
  });
  it('names a target written around its figure (已完成全年N目标的) by the measure before, and the share done of it', () => {
    expect(read('1-9月，公司累计销售空调62.4万台，已完成全年80万台目标的78%。').slice(1)).toEqual([
      ['80万台', '销售空调全年目标'],
      ['78%', '销售空调全年目标完成比例'],
    ]);
  });
});
describe('round 10, english B', () => {
  const read = labelReader('2025-03-12');
  const asOf = asOfReader('2025-03-12');
  it('drops "last year" between a change and the level it led to, so the level takes the change\'s subject', () => {
    expect(read('Tourist spending in Marrow rose 14% last year to 3.4 billion yuan.', 'Marrow')).toEqual([
      ['14%', 'tourist spending growth'],
      ['3.4 billion yuan', 'tourist spending'],
    ]);
  });
  it('drops "into the coastal city of" the brief\'s own region, with a compass word before the city', () => {
    expect(read('Venture capital into the northern city of Marrow fell 9% in 2024.', 'Marrow')).toEqual([
      ['9%', 'venture capital decline'],
    ]);
  });
  it('keeps "at" a group of firms inside an output or sales measure', () => {
    expect(read('Output at small workshops rose 4.2% in February.', 'Marrow')).toEqual([
      ['4.2%', 'output at small workshops growth'],
    ]);
  });
  it("names what an aim lifts or brings below a figure as that measure's target", () => {
    expect(
      read(
        'The district aims to raise GDP to 90 billion yuan and to bring NO2 below 25 micrograms per cubic meter.',
      ),
    ).toEqual([
      ['90 billion yuan', 'gdp target'],
      ['below 25 micrograms per cubic meter', 'no2 target'],
    ]);
    expect(read('Clinics lifted nurse numbers to 1,400.')[0]?.[1]).toBe('nurse numbers');
  });
  it('keeps a concentration per cubic meter in words, as a price per square metre is', () => {
    expect(readings('Ozone averaged 96 micrograms per cubic meter.')[0]?.unit).toBe(
      'micrograms per cubic meter',
    );
  });
  it('dates nothing by the year after "since", which only says how long a record runs', () => {
    expect(
      asOf(
        'Rainfall hit 1,210 millimeters in 2024, the most since records began in 1961. Reservoirs held 3.1 billion cubic meters.',
      ),
    ).toEqual([
      ['1,210 millimeters', '2024-12-31'],
      ['3.1 billion cubic meters', '2024-12-31'],
    ]);
  });
  it('names a measure of riders on a transit system with the system before it, the region left out', () => {
    expect(read('Weekday ridership on the Marrow tram climbed to 84,000 in May.', 'Marrow')).toEqual([
      ['84,000', 'weekday tram ridership'],
    ]);
  });
  it('names a level set "against" the one before it by that series, dated by its own base', () => {
    expect(read('Rail made up 31% of freight in January, against 27% a year earlier.', 'Marrow')).toEqual([
      ['31%', 'rail share of freight'],
      ['27%', 'rail share of freight'],
    ]);
    expect(asOf('Rail made up 31% of freight in January, against 27% a year earlier.')[1]).toEqual([
      '27%',
      '2024-01-31',
    ]);
  });
  it('names an amount a measure "was cut by" or "reduced by" as its cut or reduction', () => {
    expect(
      read(
        'Diesel use was cut by 42,000 tonnes. Landfill waste was reduced by 9,500 tonnes. Fees were cut to 20 yuan.',
      ),
    ).toEqual([
      ['42,000 tonnes', 'diesel use cut'],
      ['9,500 tonnes', 'landfill waste reduction'],
      ['20 yuan', 'fees'],
    ]);
  });
  it('reads days counted by their weather or air as a count named by it, and a base compared with them', () => {
    expect(
      read(
        'The valley saw 41 days of dense smog, and there were four days of snow, down from eleven days in 2023.',
      ),
    ).toEqual([
      ['41 days', 'days of dense smog'],
      ['four days', 'days of snow'],
      ['eleven days', 'days of snow'],
    ]);
    expect(readings('The valley saw 41 days of dense smog.')[0]).toMatchObject({
      unit: 'days',
      kind: 'count',
    });
    expect(readings('The talks lasted four days. Repairs took 30 days of work.')).toEqual([]);
  });
  it('names how far a subject spans or covers by its length or area', () => {
    expect(
      read(
        'The cycle network now spans 640 km. Rice paddies cover 52,000 hectares. Insurance covers 80% of costs.',
      ),
    ).toEqual([
      ['640 km', 'cycle network length'],
      ['52,000 hectares', 'rice paddy area'],
      ['80%', 'insurance covers'],
    ]);
  });
  it('names a share of an owned, counted group that grows something by the group and what it grows', () => {
    expect(read("About 15% of the valley's 9,000 farms grow grapes.", 'Marrow')[0]).toEqual([
      'About 15%',
      'share of farms growing grapes',
    ]);
  });
  it('dates nothing by the month of an event an "after" names', () => {
    expect(
      asOf(
        'Apple prices rose 6%, after a hailstorm in July cut the crop. Orchards cover 4,000 hectares.',
        '2024-10-02',
      ),
    ).toEqual([
      ['6%', null],
      ['4,000 hectares', null],
    ]);
  });
  it('names an amount a plan is "to spend" by what it is spent on', () => {
    expect(read('The port plans to spend 800 million yuan on shore power.')).toEqual([
      ['800 million yuan', 'spending on shore power'],
    ]);
  });
  it("names people a sector employs as its employment, and a share of the workforce set off after them as the sector's", () => {
    expect(
      read("Retail employed some 210,000 people in December, about 17% of the county's workforce.", 'Marrow'),
    ).toEqual([
      ['some 210,000 people', 'retail employment'],
      ['about 17%', 'retail share of workforce'],
    ]);
  });
  it("dates a budget for this year to the year's end, and a change set off after it with it", () => {
    expect(
      asOf(
        'Ticket sales rose 4% in February, while the council has budgeted 90 million yuan for parks this year, 3% more than in 2024.',
      ),
    ).toEqual([
      ['4%', '2025-02-28'],
      ['90 million yuan', '2025-12-31'],
      ['3%', '2025-12-31'],
    ]);
  });
  it('names a share of the year restated after days counted by their air as the share of days with it', () => {
    expect(read('The town recorded 290 days of clean air, or 79.5% of the year.')).toEqual([
      ['290 days', 'days of clean air'],
      ['79.5%', 'share of days with clean air'],
    ]);
  });
  it('dates a month still to come after a verb in the past to last year, and one still expected to this year', () => {
    expect(asOf('The bridge opened in November and carried 8,000 cars a day.', '2025-05-06')[0]).toEqual([
      '8,000 cars',
      '2024-11-30',
    ]);
    expect(asOf('The bridge is expected in November to carry 9,000 cars a day.', '2025-05-06')[0]).toEqual([
      '9,000 cars',
      '2025-11-30',
    ]);
  });
  it('names a wider average a growth is compared with by its area and the same measure', () => {
    expect(read('Retail sales at malls rose 7.2%, beating the national average of 4.4%.')).toEqual([
      ['7.2%', 'retail sales at malls growth'],
      ['4.4%', 'national retail sales growth'],
    ]);
  });
  it('names deals a place signed with partners by the partners', () => {
    expect(
      read('The county signed 14 contracts with overseas buyers. It signed 3 contracts last week.'),
    ).toEqual([
      ['14 contracts', 'contracts signed with overseas buyers'],
      ['3 contracts', 'contracts'],
    ]);
  });
  it('reads no figure in a bound on each thing counted, but keeps an exact amount each', () => {
    expect(
      readings(
        'The fund backed 22 start-ups, each with more than 50 staff. Two loans, each worth $3 million, closed.',
      ).map((figure) => figure.surface),
    ).toEqual(['22 start-ups', 'Two loans', '$3 million']);
  });
  it("drops the brief's own region a flow comes from or goes into, but keeps another origin", () => {
    expect(
      read(
        'Shipments from Marrow climbed 6% in May. Investment into Marrow rose 3%. Arrivals from Europe fell 2%.',
        'Marrow',
      ),
    ).toEqual([
      ['6%', 'shipments growth'],
      ['3%', 'investment growth'],
      ['2%', 'decline in arrivals from europe'],
    ]);
  });
  it('names a change a forecast sizes as the expected measure\'s change, and a headline\'s "seen" as a forecast', () => {
    expect(
      read('Grape harvest seen up 12%\n\nThe board expects wine exports to fall 3% to 41,000 tonnes.'),
    ).toEqual([
      ['12%', 'expected grape harvest growth'],
      ['3%', 'expected wine exports decline'],
      ['41,000 tonnes', 'expected wine exports'],
    ]);
  });
  it('names what a thing sells for as its price, the region it comes from left out', () => {
    expect(
      read('Winter melons from Marrow county are selling for 6 yuan. Pears sold at 9 yuan.', 'Marrow'),
    ).toEqual([
      ['6 yuan', 'winter melon price'],
      ['9 yuan', 'pear price'],
    ]);
  });
});
