// Debian's Chromium driven by playwright-core, headless, in a fresh profile; and what a page did wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'updates-feed-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 960 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Console errors, uncaught exceptions and dialogs a page produced: each one is a failure of the page. */
export interface PageTrouble {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

export async function openPage(
  browser: Browser,
  options: { lang?: 'zh' | 'en'; token?: string } = {},
): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await browser.context.newPage();
  const trouble: PageTrouble = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error')
      trouble.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Storage is set before the tab's first page script runs, as a returning reader's or a signed-in editor's
  // would be; later navigations in the tab keep what the pages stored. The profile is shared by every tab, so
  // the language is always set.
  // The script is text: it runs in the page, which this Node program has no types for.
  const prepared = JSON.stringify({ lang: options.lang ?? 'zh', token: options.token ?? null });
  await page.addInitScript({
    content: `(() => {
      const { lang, token } = ${prepared};
      if (location.protocol !== 'http:' || sessionStorage.getItem('test.prepared') !== null) return;
      sessionStorage.setItem('test.prepared', 'yes');
      localStorage.setItem('updates-feed.lang', lang);
      if (token !== null) sessionStorage.setItem('updates-feed.editor-token', token);
    })();`,
  });
  return { page, trouble };
}
