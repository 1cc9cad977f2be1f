// Page weight: every page built as the sandbox serves it, and the gzip bytes of its HTML, scripts and styles.
import { buildSite, gzipWeight, type PageName, pages } from '../web/site.ts';

/** The budget per page, all scripts included. */
export const pageBudgetBytes = 150 * 1024;

export interface PageBench {
  page: PageName;
  files: number;
  /** Uncompressed, every file the page loads. */
  bytes: number;
  gzipBytes: number;
}

export async function benchPages(): Promise<PageBench[]> {
  const site = await buildSite();
  return pages.map(({ name }) => {
    const files = site.filesOf(name);
    return {
      page: name,
      files: files.length,
      bytes: files.reduce((total, file) => total + Buffer.byteLength(file.body), 0),
      gzipBytes: gzipWeight(site, name),
    };
  });
}

export function markdownForPages(results: PageBench[]): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    `Each page as the sandbox serves it: its HTML and every script and stylesheet it loads (shared chunks counted`,
    `for every page that loads them), each gzipped on its own. Budget: ${kib(pageBudgetBytes)} gzip per page.`,
    '',
    '| page | files | minified | gzip |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (result) => `| ${result.page} | ${result.files} | ${kib(result.bytes)} | ${kib(result.gzipBytes)} |`,
    ),
  ].join('\n');
}
