// Synthetic Chinese briefs, deterministic from a seed: regions report indicators whose values drift from one report
// to the next. The load benchmark sends a steady stream of them; the crash loop sends weekly reports with what a
// newsroom's weeks bring besides: late reports (backfills), corrected re-issues (revisions) and blind re-uploads.
import type { Brief } from '../../functions/core/brief.ts';
import { type Random, seededRandom } from './seeded-random.ts';

interface Indicator {
  /** The clause before the number, label included. */
  lead: string;
  unit: string;
  min: number;
  max: number;
  decimals: number;
}

const indicators: Indicator[] = [
  { lead: '全市城镇新增就业', unit: '人', min: 8000, max: 60000, decimals: 0 },
  { lead: '城镇登记失业率为', unit: '%', min: 2, max: 4.5, decimals: 2 },
  { lead: '规模以上工业企业复工率达到', unit: '%', min: 90, max: 99.9, decimals: 1 },
  { lead: '社会消费品零售总额达到', unit: '亿元', min: 80, max: 900, decimals: 1 },
  { lead: '完成造林面积', unit: '公顷', min: 300, max: 5000, decimals: 0 },
  { lead: '放流鱼苗', unit: '万尾', min: 50, max: 900, decimals: 0 },
  { lead: '棚户区改造开工', unit: '套', min: 500, max: 9000, decimals: 0 },
  { lead: '城镇居民人均可支配收入增长', unit: '%', min: 2, max: 9, decimals: 1 },
  { lead: '累计发放创业担保贷款', unit: '亿元', min: 0.5, max: 12, decimals: 1 },
  { lead: '高新技术企业数量达到', unit: '家', min: 300, max: 6000, decimals: 0 },
  { lead: '研发投入强度为', unit: '%', min: 1.2, max: 3.5, decimals: 2 },
  { lead: '固定资产投资增长', unit: '%', min: 1, max: 12, decimals: 1 },
  { lead: '进出口总额为', unit: '亿元', min: 100, max: 2000, decimals: 1 },
  { lead: '新登记市场主体', unit: '户', min: 2000, max: 40000, decimals: 0 },
  { lead: '接待游客', unit: '万人次', min: 100, max: 5000, decimals: 1 },
  { lead: '粮食播种面积为', unit: '万亩', min: 20, max: 600, decimals: 1 },
  { lead: '空气质量优良天数比例为', unit: '%', min: 70, max: 98, decimals: 1 },
  { lead: '新建充电桩', unit: '个', min: 200, max: 8000, decimals: 0 },
  { lead: '城乡居民医保参保人数为', unit: '万人', min: 100, max: 1500, decimals: 1 },
  { lead: '地区生产总值为', unit: '亿元', min: 800, max: 9000, decimals: 1 },
  { lead: '一般公共预算收入为', unit: '亿元', min: 60, max: 900, decimals: 1 },
  { lead: '农村居民人均可支配收入为', unit: '元', min: 9000, max: 30000, decimals: 0 },
];

const regions = [
  '大连',
  '沈阳',
  '青岛',
  '济南',
  '杭州',
  '宁波',
  '南京',
  '苏州',
  '成都',
  '重庆',
  '武汉',
  '长沙',
  '西安',
  '郑州',
  '合肥',
  '福州',
];
const topics = ['就业', '经济运行', '民生', '生态建设', '产业发展'];
const openings = ['市统计局发布数据显示', '市政府新闻办介绍', '据市发展改革委消息', '记者从市有关部门获悉'];
const fillers = [
  '有关负责人表示，下一步将继续加强监测分析，推动各项政策落地见效。',
  '各区县结合实际细化工作措施，重点项目建设有序推进。',
  '相关部门将持续优化营商环境，进一步激发市场主体活力。',
  '从调查情况看，居民对公共服务的满意度保持在较高水平。',
  '业内人士认为，稳中向好的基本面没有改变，全年目标有望如期完成。',
  '与此同时，基层治理能力不断提升，群众获得感明显增强。',
  '市里还将加大对中小企业的帮扶力度，稳定就业基本盘。',
  '专家提醒，外部环境依然复杂，仍需保持定力、久久为功。',
];

/** A brief as the generators make them: always with an id and a region. */
export type SyntheticBrief = Brief & { id: string; region: string };

/** One reported figure: which indicator, and its value as the brief writes it. */
interface Reading {
  indicator: Indicator;
  value: string;
}

interface Report {
  id: string;
  region: string;
  readings: Reading[];
  publishedAt: string;
  source: string;
  /** Written as 截至M月D日 before the figures, which dates them. */
  asOf?: string;
}

/**
 * The values of every (region, indicator) series: the first anywhere in the indicator's range, then the same in
 * about a quarter of reports (a figure that changes nothing), otherwise up to 5% away.
 */
class Series {
  private readonly last = new Map<string, number>();

  constructor(private readonly random: Random) {}

  reading(region: string, indicator: Indicator): Reading {
    const key = `${region}:${indicator.lead}`;
    const previous = this.last.get(key);
    const value =
      previous === undefined
        ? indicator.min + this.random.next() * (indicator.max - indicator.min)
        : this.random.next() < 0.25
          ? previous
          : previous * (1 + (this.random.next() - 0.5) * 0.1);
    const text = value.toFixed(indicator.decimals);
    this.last.set(key, Number(text));
    return { indicator, value: text };
  }
}

function briefOf(random: Random, report: Report, revised = false): SyntheticBrief {
  const clauses = report.readings.map(({ indicator, value }) => `${indicator.lead}${value}${indicator.unit}`);
  const dated =
    report.asOf === undefined
      ? ''
      : `截至${Number(report.asOf.slice(5, 7))}月${Number(report.asOf.slice(8))}日，`;
  // A dated report keeps every figure in the sentence of its date, which dates them all.
  const leading = report.asOf === undefined ? 3 : clauses.length;
  const sentences = [
    `${report.region}${random.pick(openings)}，${dated}${clauses.slice(0, leading).join('，')}。`,
  ];
  if (clauses.length > leading) sentences.push(`此外，${clauses.slice(leading).join('，')}。`);
  for (const filler of [...fillers].sort(() => random.next() - 0.5)) {
    if (sentences.join('').length >= 150 + random.next() * 120) break;
    sentences.push(filler);
  }
  return {
    id: report.id,
    headline: `${report.region}${random.pick(topics)}最新数据发布${revised ? '（更正）' : ''}`,
    body: sentences.join(''),
    publishedAt: report.publishedAt,
    region: report.region,
    source: report.source,
    language: 'zh',
  };
}

/**
 * The load benchmark's briefs: 150-400 characters, 3-8 figures each over 16 regions × 22 indicators, published
 * three hours apart (so as-of dates advance every few briefs). The same seed gives the same briefs, byte for byte,
 * so that benchmark runs stay comparable.
 */
export function loadBriefs(count: number, seed = 20200514): SyntheticBrief[] {
  const random = seededRandom(seed);
  const series = new Series(random);
  const start = Date.parse('2021-03-01T00:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    const region = random.pick(regions);
    const chosen = new Set<Indicator>();
    const figureCount = random.int(3, 8);
    while (chosen.size < figureCount) chosen.add(random.pick(indicators));
    return briefOf(random, {
      id: `load-${seed}-${String(index).padStart(5, '0')}`,
      region,
      readings: [...chosen].map((indicator) => series.reading(region, indicator)),
      // In the China time zone.
      publishedAt: `${new Date(start + index * 3 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
      source: 'updates-feed load benchmark',
    });
  });
}

const dayMs = 86_400_000;
/** Jobs, unemployment rate, resumption rate, new businesses: what a district reports every week. */
const weeklyIndicators = [0, 1, 2, 13].map((index) => indicators[index] as Indicator);
const districts = regions.slice(0, 3);

function moveLater<T>(items: T[], from: number, by: number): void {
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(Math.min(items.length, from + by), 0, item);
}

/** A different value for a re-issue: one to nine steps of the figure's last digit more. */
function corrected(random: Random, { indicator, value }: Reading): Reading {
  const step = 10 ** -indicator.decimals;
  return { indicator, value: (Number(value) + random.int(1, 9) * step).toFixed(indicator.decimals) };
}

/**
 * The crash loop's uploads: `weeks` dated reports per district, each with two to four indicators, then some moved
 * later (backfills), some re-issued with a corrected figure (revisions, same id) and some uploaded twice unchanged.
 */
export function weeklyReports(random: Random, weeks = 17): SyntheticBrief[] {
  const series = new Series(random);
  const start = Date.parse('2021-02-01T00:00:00Z');
  const reports: Report[] = [];
  for (const [offset, region] of districts.entries()) {
    for (let week = 1; week <= weeks; week++) {
      const chosen = weeklyIndicators.filter(() => random.chance(0.6));
      const reported = chosen.length >= 2 ? chosen : weeklyIndicators.slice(0, 2);
      const asOf = new Date(start + ((week - 1) * 7 + offset) * dayMs).toISOString().slice(0, 10);
      reports.push({
        id: `weekly-${offset}-week-${String(week).padStart(2, '0')}`,
        region,
        readings: reported.map((indicator) => series.reading(region, indicator)),
        asOf,
        publishedAt: new Date(Date.parse(`${asOf}T09:00:00+08:00`) + 2 * dayMs)
          .toISOString()
          .replace('.000Z', '+00:00'),
        source: 'updates-feed fault test',
      });
    }
  }
  reports.sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? ''));
  const uploads = reports.map((report) => ({ report, brief: briefOf(random, report) }));
  for (let backfill = 0; backfill < 6; backfill++)
    moveLater(uploads, random.int(0, uploads.length - 12), random.int(4, 12));
  const originals = [...uploads];
  const reissued = new Set<Report>();
  for (let revision = 0; revision < 6; revision++) {
    const { report } = random.pick(originals.filter((upload) => !reissued.has(upload.report)));
    reissued.add(report);
    const which = random.int(0, report.readings.length - 1);
    const readings = report.readings.map((reading, index) =>
      index === which ? corrected(random, reading) : reading,
    );
    const at = uploads.findIndex((upload) => upload.report === report) + random.int(2, 15);
    const brief = briefOf(random, { ...report, readings }, true);
    uploads.splice(Math.min(uploads.length, at), 0, { report, brief });
  }
  // Re-uploads of briefs never re-issued, so that each one is the same content as the latest revision.
  for (let again = 0; again < 4; again++) {
    const repeated = random.pick(originals.filter((upload) => !reissued.has(upload.report)));
    const at = uploads.indexOf(repeated) + random.int(1, 10);
    uploads.splice(Math.min(uploads.length, at), 0, repeated);
  }
  return uploads.map(({ brief }) => brief);
}
