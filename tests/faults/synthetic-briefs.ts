// Briefs written for the fault tests: a few districts report a few indicators week by week, uploaded mostly in
// order, with late arrivals of older reports (backfills), corrected re-issues (revisions) and blind re-uploads.
import type { Brief } from '../../functions/core/brief.ts';
import type { Random } from './seeded-random.ts';

interface District {
  name: string;
  code: string;
}

interface Indicator {
  sentence(value: number): string;
  first(random: Random): number;
  /** The next week's value; sometimes the same, so that some figures cause no change. */
  following(value: number, random: Random): number;
  /** A corrected value for a revision: always different from `value`. */
  corrected(value: number, random: Random): number;
}

const districts: District[] = [
  { name: '青禾区', code: 'qinghe' },
  { name: '临江区', code: 'linjiang' },
  { name: '北塘区', code: 'beitang' },
];

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const rateSteps = [-0.08, -0.05, -0.03, -0.01, 0.01, 0.02, 0.04, 0.07];

const indicators: Indicator[] = [
  {
    sentence: (value) => `全区城镇新增就业${value}人`,
    first: (random) => random.int(800, 2000),
    following: (value, random) => (random.chance(0.15) ? value : value + random.int(50, 400)),
    corrected: (value, random) => value + random.int(1, 30),
  },
  {
    sentence: (value) => `城镇登记失业率为${value.toFixed(2)}%`,
    first: (random) => round(2.5 + random.next(), 2),
    following: (value, random) => (random.chance(0.2) ? value : round(value + random.pick(rateSteps), 2)),
    corrected: (value, random) => round(value + random.int(1, 5) / 100, 2),
  },
  {
    sentence: (value) => `规模以上工业企业复工率达${value.toFixed(1)}%`,
    first: (random) => round(70 + random.int(0, 150) / 10, 1),
    following: (value, random) =>
      random.chance(0.2) ? value : round(Math.min(99.9, value + random.int(1, 30) / 10), 1),
    corrected: (value) => round(value - 0.3, 1),
  },
  {
    sentence: (value) => `新增市场主体${value}户`,
    first: (random) => random.int(100, 600),
    following: (value, random) => (random.chance(0.15) ? value : value + random.int(10, 120)),
    corrected: (value, random) => value + random.int(1, 9),
  },
];

const dayMs = 86_400_000;

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

interface Report {
  district: District;
  week: number;
  asOf: string;
  values: Map<Indicator, number>;
}

function briefOf(report: Report, revised = false): Brief {
  const [, month, day] = report.asOf.split('-').map(Number) as [number, number, number];
  const sentences = [...report.values].map(([indicator, value]) => indicator.sentence(value));
  const published = new Date(Date.parse(`${report.asOf}T09:00:00+08:00`) + 2 * dayMs);
  return {
    id: `fault-${report.district.code}-week-${String(report.week).padStart(2, '0')}`,
    headline: `${report.district.name}发布最新就业与复工数据${revised ? '（更正）' : ''}`,
    body: `截至${month}月${day}日，${sentences.join('，')}。`,
    publishedAt: published.toISOString().replace('.000Z', '+00:00'),
    region: report.district.name,
    source: 'updates-feed fault test',
    language: 'zh',
  };
}

function moveLater<T>(items: T[], from: number, by: number): void {
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(Math.min(items.length, from + by), 0, item);
}

/**
 * The upload sequence: `weeks` reports per district, each with two to four indicators, then some moved later
 * (backfills), some re-issued with a corrected figure (revisions, same id) and some uploaded twice unchanged.
 */
export function syntheticBriefs(random: Random, weeks = 17): Brief[] {
  const start = Date.parse('2021-02-01T00:00:00Z');
  const reports: Report[] = [];
  for (const [offset, district] of districts.entries()) {
    const series = new Map(indicators.map((indicator) => [indicator, indicator.first(random)]));
    for (let week = 1; week <= weeks; week++) {
      const chosen = indicators.filter(() => random.chance(0.6));
      const reported = chosen.length >= 2 ? chosen : indicators.slice(0, 2);
      reports.push({
        district,
        week,
        asOf: isoDate(start + ((week - 1) * 7 + offset) * dayMs),
        values: new Map(reported.map((indicator) => [indicator, series.get(indicator) as number])),
      });
      for (const indicator of indicators)
        series.set(indicator, indicator.following(series.get(indicator) as number, random));
    }
  }
  reports.sort((a, b) => a.asOf.localeCompare(b.asOf));
  const uploads: { report: Report; brief: Brief }[] = reports.map((report) => ({
    report,
    brief: briefOf(report),
  }));
  for (let backfill = 0; backfill < 6; backfill++)
    moveLater(uploads, random.int(0, uploads.length - 12), random.int(4, 12));
  const originals = [...uploads];
  const reissued = new Set<Report>();
  for (let revision = 0; revision < 6; revision++) {
    const { report } = random.pick(originals.filter((upload) => !reissued.has(upload.report)));
    reissued.add(report);
    const [indicator, value] = random.pick([...report.values]);
    const values = new Map(report.values).set(indicator, indicator.corrected(value, random));
    const at = uploads.findIndex((upload) => upload.report === report) + random.int(2, 15);
    uploads.splice(Math.min(uploads.length, at), 0, { report, brief: briefOf({ ...report, values }, true) });
  }
  // Re-uploads of briefs never re-issued, so that each one is the same content as the latest revision.
  for (let again = 0; again < 4; again++) {
    const repeated = random.pick(originals.filter((upload) => !reissued.has(upload.report)));
    const at = uploads.indexOf(repeated) + random.int(1, 10);
    uploads.splice(Math.min(uploads.length, at), 0, repeated);
  }
  return uploads.map(({ brief }) => brief);
}
