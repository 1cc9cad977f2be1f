// First render: how long each page takes, in Debian's Chromium against a seeded sandbox, from navigation to its
// content on screen (the data the page fetches drawn, not only its frame). Issue 9 asks for 1 s.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../infra/sandbox/sandbox.ts';
import { launchBrowser } from '../tests/support/browser.ts';

export const firstRenderBudgetMs = 1000;

export interface RenderBench {
  page: string;
  path: string;
  /** What must be visible for the page to count as rendered. */
  content: string;
  samples: number;
  /** Navigation start to the content visible, median and worst. */
  contentMs: { p50: number; max: number };
  /** The browser's own first-contentful-paint, median. */
  firstContentfulPaintMs: number;
}

const seededMetric = encodeURIComponent('大连:城镇新增就业:people');

/** Each page, and the element that shows it has its data: a change, the chart, a marked figure, the form. */
const visits = [
  { page: 'latest', path: '/', content: '.change' },
  { page: 'metric', path: `/metric/${seededMetric}`, content: 'canvas' },
  { page: 'brief', path: '/brief/dalian-jobs-2020-06', content: '.brief-headline mark' },
  { page: 'desk', path: '/desk', content: 'form' },
  { page: 'subscribe', path: '/subscribe', content: '.choice' },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchRender(
  options: { samples?: number; dataRoot?: string } = {},
): Promise<RenderBench[]> {
  const samples = options.samples ?? 7;
  if (!existsSync('/usr/bin/chromium')) return [];
  const dataDir = mkdtempSync(join(options.dataRoot ?? tmpdir(), 'updates-feed-render-'));
  const sandbox = await startSandbox({ port: 0, dataDir, token: 'render-benchmark-token', seed: true });
  const browser = await launchBrowser();
  try {
    const results: RenderBench[] = [];
    for (const visit of visits) {
      const contentMs: number[] = [];
      const paints: number[] = [];
      // The first visit builds the pages (the sandbox bundles them on first request) and warms the caches.
      for (let run = -1; run < samples; run++) {
        const page = await browser.context.newPage();
        const started = performance.now();
        await page.goto(`${sandbox.url}${visit.path}`, { waitUntil: 'commit' });
        await page.locator(visit.content).first().waitFor({ timeout: 30_000 });
        const elapsed = performance.now() - started;
        const paint = (await page.evaluate(
          "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1",
        )) as number;
        if (run >= 0) {
          contentMs.push(elapsed);
          if (paint >= 0) paints.push(paint);
        }
        await page.close();
      }
      results.push({
        ...visit,
        samples,
        contentMs: { p50: Math.round(median(contentMs)), max: Math.round(Math.max(...contentMs)) },
        firstContentfulPaintMs: Math.round(median(paints)),
      });
    }
    return results;
  } finally {
    await browser.close();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function markdownForRender(results: RenderBench[]): string {
  if (results.length === 0) return 'Not measured: no Chromium at /usr/bin/chromium.';
  return [
    `Each page opened ${results[0]?.samples ?? 0} times (after one warm-up visit) in headless Chromium on a seeded sandbox, from`,
    `navigation to its data on screen. Budget: ${firstRenderBudgetMs} ms.`,
    '',
    '| page | path | rendered when | content visible, p50 / max | first contentful paint, p50 | within budget |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (result) =>
        `| ${result.page} | \`${decodeURIComponent(result.path)}\` | \`${result.content}\` | ${result.contentMs.p50} / ${result.contentMs.max} ms | ${result.firstContentfulPaintMs} ms | ${result.contentMs.p50 <= firstRenderBudgetMs ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}
