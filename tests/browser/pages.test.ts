// The pages in headless Chromium against a seeded sandbox: what readers and editors see and can do, and that
// brief text written to attack the pages stays text. Writes the screenshots in docs/images/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { type Browser, launchBrowser, openPage, type PageTrouble } from '../support/browser.ts';
import { mailBody, mailFiles, mailSubject } from '../support/mail.ts';
import { type Harness, startHarness } from '../support/sandbox-harness.ts';

/** A page load, a debounced preview and a pipeline round on two shared cores take seconds each. */
const browserTimeout = { timeout: 120_000 };

let harness: Harness;
let browser: Browser;
const images = join(projectRoot, 'docs', 'images');

beforeAll(async () => {
  mkdirSync(images, { recursive: true });
  [harness, browser] = await Promise.all([startHarness('pages', { seed: true }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

const unemploymentRate = '大连:城镇登记失业率:percent';
/** Seeded with a backfill: the April review arrives after May's figure. */
const newJobs = '大连:城镇新增就业:people';

function metricPath(metric: string): string {
  return `/metric/${encodeURIComponent(metric)}`;
}

function expectNoTrouble(trouble: PageTrouble): void {
  expect(trouble).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [] });
}

async function screenshot(page: Page, name: string): Promise<void> {
  // Fonts first: a screenshot taken before the CJK font is in shows boxes.
  await page.evaluate('document.fonts.ready');
  // Filling a field scrolls it into view; the picture shows the page from its masthead.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(images, `${name}.png`) });
}

/** Signs in on the desk through its own form, as an editor does once per tab. */
async function signInOnDesk(page: Page): Promise<void> {
  await page.goto(`${harness.url}/desk`);
  await page.getByLabel('编辑令牌').fill(harness.token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('标题').waitFor();
}

/** Types a brief into the desk's fields; the body key by key, as an editor would. */
async function typeBrief(
  page: Page,
  brief: { headline: string; body: string; region: string; id?: string },
): Promise<void> {
  if (brief.id !== undefined) await page.getByLabel('稿件编号').fill(brief.id);
  await page.getByLabel('地区').fill(brief.region);
  await page.getByLabel('标题').fill(brief.headline);
  await page.getByLabel('正文').pressSequentially(brief.body, { delay: 5 });
}

describe('the latest changes, /', () => {
  it(
    'renders the seeded changes without console errors, each linking to its metric page',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser);
      const response = await page.goto(`${harness.url}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      const head = await fetch(`${harness.url}/desk`, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-security-policy')]).toEqual([
        200,
        expect.stringContaining("script-src 'self'"),
      ]);
      expect(await head.text()).toBe('');
      await page.locator('.change').first().waitFor();
      expect(await page.locator('.change').count()).toBeGreaterThan(10);
      await screenshot(page, 'latest-zh');

      const rate = page.locator('.change-label', { hasText: '城镇登记失业率' }).first();
      await rate.click();
      await page.waitForURL(`**${metricPath(unemploymentRate)}`);
      await expect(page.locator('h1').textContent()).resolves.toBe('城镇登记失业率');
      expectNoTrouble(trouble);
      await page.close();
    },
  );

  it('filters by type and keeps the feed links in step with the filter', browserTimeout, async () => {
    const { page, trouble } = await openPage(browser);
    await page.goto(`${harness.url}/`);
    await page.locator('.change').first().waitFor();
    await page.getByLabel('类型').selectOption('figure.revised');
    await expect
      .poll(async () => [...new Set(await page.locator('.change-type').allTextContents())])
      .toEqual(['修订']);
    await expect(page.getByRole('link', { name: 'RSS' }).first().getAttribute('href')).resolves.toBe(
      '/feed.rss?type=figure.revised',
    );
    expectNoTrouble(trouble);
    await page.close();
  });

  it('switches to English and remembers the choice on the next page', browserTimeout, async () => {
    const { page, trouble } = await openPage(browser);
    await page.goto(`${harness.url}/`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    // The switch re-renders in place: poll rather than read the heading the instant the click returns.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Latest changes');
    await page.locator('.change').first().waitFor();
    await screenshot(page, 'latest-en');
    await page.goto(`${harness.url}/subscribe`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Email subscription');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expectNoTrouble(trouble);
    await page.close();
  });
});

describe('one metric, /metric/{key}', () => {
  it(
    'draws the history chart and lists the observations, the backfill marked, with links to their briefs',
    browserTimeout,
    async () => {
      for (const lang of ['zh', 'en'] as const) {
        const { page, trouble } = await openPage(browser, { lang });
        await page.goto(`${harness.url}${metricPath(newJobs)}`);
        const canvas = page.locator('.history-chart-canvas canvas').first();
        await canvas.waitFor();
        expect((await canvas.boundingBox())?.height).toBeGreaterThan(100);
        const rows = page.locator('table.data-table tbody tr');
        await expect(rows.count()).resolves.toBe(3);
        await expect(rows.last().locator('.type-chip').textContent()).resolves.toBe(
          lang === 'zh' ? '回补' : 'Backfilled',
        );
        await expect(rows.last().locator('a').getAttribute('href')).resolves.toBe(
          '/brief/dalian-jobs-2020-04-review',
        );
        await expect(
          page
            .getByRole('link', {
              name: lang === 'zh' ? '邮件订阅此指标' : 'Subscribe to this metric by email',
            })
            .getAttribute('href'),
        ).resolves.toBe(`/subscribe?${new URLSearchParams({ metric: newJobs })}`);
        await screenshot(page, `metric-${lang}`);
        expectNoTrouble(trouble);
        await page.close();
      }
    },
  );
});

describe('the subscription page, /subscribe', () => {
  it(
    'offers the filters the API takes to any reader, no token asked, and says a confirmation mail is on its way',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser);
      await page.goto(`${harness.url}/subscribe?metric=${encodeURIComponent(unemploymentRate)}`);
      await page.getByRole('checkbox', { name: '城镇登记失业率 · 大连' }).waitFor();
      await expect(page.getByRole('checkbox', { name: '城镇登记失业率 · 大连' }).isChecked()).resolves.toBe(
        true,
      );
      await page.getByLabel('电子邮箱').fill('reader@example.com');
      await page.getByRole('checkbox', { name: '变化', exact: true }).check();
      await page.getByLabel('最小变化幅度（%）').fill('1');
      await screenshot(page, 'subscribe-zh');
      await page.getByRole('button', { name: '订阅', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: '确认邮件' }).textContent()).resolves.toContain(
        'reader@example.com',
      );
      // Through the readers' route, pending until the reader follows the confirmation mail's link.
      expect(
        harness.sandbox.sns
          .subscriptions()
          .filter((subscription) => subscription.endpoint === 'reader@example.com'),
      ).toMatchObject([{ protocol: 'email', confirmed: false }]);
      expectNoTrouble(trouble);
      await page.close();

      const english = await openPage(browser, { lang: 'en' });
      await english.page.goto(`${harness.url}/subscribe`);
      await english.page.getByRole('checkbox', { name: 'Changed', exact: true }).waitFor();
      await screenshot(english.page, 'subscribe-en');
      expectNoTrouble(english.trouble);
      await english.page.close();
    },
  );
});

describe("the editors' desk, /desk", () => {
  it(
    'marks the three figures in place and lists the changes they would cause, as the editor types',
    browserTimeout,
    async () => {
      for (const lang of ['zh', 'en'] as const) {
        const { page, trouble } = await openPage(
          browser,
          lang === 'zh' ? {} : { lang, token: harness.token },
        );
        if (lang === 'zh') await signInOnDesk(page);
        else await page.goto(`${harness.url}/desk`);
        const brief = {
          headline: '大连就业形势保持稳定',
          body: '截至7月10日，全市城镇新增就业58210人，城镇失业人员再就业6.6万人，城镇登记失业率为2.91%。',
          region: '大连',
        };
        if (lang === 'zh') await typeBrief(page, brief);
        else {
          await page.getByLabel('Region').fill(brief.region);
          await page.getByLabel('Headline').fill(brief.headline);
          await page.getByLabel('Body').fill(brief.body);
        }
        await expect.poll(() => page.locator('.brief-body mark').count(), { timeout: 10_000 }).toBe(3);
        await expect(page.locator('.brief-body mark').allTextContents()).resolves.toEqual([
          '58210人',
          '6.6万人',
          '2.91%',
        ]);
        await page.locator('.impact .change').first().waitFor();
        await expect(page.locator('.impact .change-label').allTextContents()).resolves.toEqual(
          expect.arrayContaining(['城镇新增就业', '城镇失业人员再就业', '城镇登记失业率']),
        );
        await expect(page.locator('.impact .change-before').first().textContent()).resolves.toMatch(
          /dalian-jobs-2020-06/,
        );
        // One mark's details open, as an editor checking a figure sees them.
        await page.locator('.brief-body .figure-trigger').nth(1).focus();
        await screenshot(page, `desk-${lang}`);
        expectNoTrouble(trouble);
        await page.close();
      }
    },
  );

  it(
    'publishes a brief, then shows its change on the latest changes and on the metric page',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser, { token: harness.token });
      await page.goto(`${harness.url}/desk`);
      const id = 'browser-published-rate';
      await typeBrief(page, {
        id,
        headline: '大连城镇登记失业率回落',
        body: '截至8月10日，全市城镇登记失业率为2.77%。',
        region: '大连',
      });
      await page.locator('.brief-body mark').first().waitFor();
      await page.getByRole('button', { name: '发布' }).click();
      await expect(page.getByRole('status').filter({ hasText: '已发布' }).textContent()).resolves.toContain(
        id,
      );
      // The list reloads after the publish answers: wait for the brief's entry rather than read the list at once.
      await page.locator('.recent-list li', { hasText: id }).waitFor();
      await harness.settled();

      await page.goto(`${harness.url}/`);
      const change = page.locator('.change', { has: page.locator(`a[href="/brief/${id}"]`) });
      await change.first().waitFor();
      await expect(change.first().locator('.change-value').textContent()).resolves.toBe('2.77%');

      await page.goto(`${harness.url}${metricPath(unemploymentRate)}`);
      await page.locator('table.data-table').waitFor();
      await expect(page.locator('table.data-table tbody tr').first().textContent()).resolves.toContain(id);

      // From the observation to the brief it came from, its figure marked.
      await page.locator('table.data-table tbody tr').first().getByRole('link', { name: id }).click();
      await page.waitForURL(`**/brief/${id}`);
      await expect(page.locator('h1.brief-headline').textContent()).resolves.toBe('大连城镇登记失业率回落');
      await expect(page.locator('.brief-body mark').allTextContents()).resolves.toEqual(['2.77%']);
      await screenshot(page, 'brief-zh');
      expectNoTrouble(trouble);
      await page.close();
    },
  );

  it(
    'answers created, unchanged or new revision as the editor publishes, publishes again and edits',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser, { token: harness.token });
      await page.goto(`${harness.url}/desk`);
      await typeBrief(page, {
        id: 'browser-revised-brief',
        headline: '某县城镇新增就业1300人',
        body: '截至6月30日，某县城镇新增就业1300人。',
        region: '某县',
      });
      const result = page.locator('.result');
      const publish = page.getByRole('button', { name: '发布' });
      await publish.click();
      await expect.poll(() => result.textContent()).toBe('已发布：新稿件 browser-revised-brief（第 1 版）。');
      await publish.click();
      await expect.poll(() => result.textContent()).toBe('内容与已发布的第 1 版相同，没有改动。');
      await page.getByLabel('正文').pressSequentially('其中高校毕业生400人。');
      await publish.click();
      await expect.poll(() => result.textContent()).toBe('已发布：browser-revised-brief 的第 2 版。');
      expectNoTrouble(trouble);
      await page.close();
    },
  );

  it(
    'lists a brief’s revisions newest first, opens an earlier one and publishes it as a new revision',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser, { token: harness.token });
      await page.goto(`${harness.url}/desk`);
      const id = 'browser-revisions-brief';
      const first = '截至6月30日，某镇城镇新增就业800人。';
      await page.getByLabel('稿件编号').fill(id);
      await page.getByLabel('地区').fill('某镇');
      await page.getByLabel('标题').fill('某镇城镇新增就业800人');
      await page.getByLabel('正文').fill(first);
      const result = page.locator('.result');
      const publish = page.getByRole('button', { name: '发布' });
      await publish.click();
      await expect.poll(() => result.textContent()).toContain('第 1 版');
      await page.getByLabel('正文').fill('截至6月30日，某镇城镇新增就业820人。');
      await publish.click();
      await expect.poll(() => result.textContent()).toBe(`已发布：${id} 的第 2 版。`);

      const listed = page.locator('.recent-list > li', { hasText: id });
      await expect.poll(() => listed.locator('.recent-meta').textContent()).toContain('第 2 版');
      await listed.getByRole('button', { name: '打开第 1 版' }).click();
      await expect.poll(() => page.getByLabel('正文').inputValue()).toBe(first);
      await expect(page.locator('.editing-note').textContent()).resolves.toContain('最新为第 2 版');
      await publish.click();
      await expect.poll(() => result.textContent()).toBe(`已发布：${id} 的第 3 版。`);
      await expect.poll(() => listed.locator('.recent-meta').textContent()).toContain('第 3 版');
      await expect(listed.locator('.revision-chip').allTextContents()).resolves.toEqual([
        '第 2 版',
        '第 1 版',
      ]);
      expectNoTrouble(trouble);
      await page.close();
    },
  );

  it("shows the API's message next to the field it is about", browserTimeout, async () => {
    const { page } = await openPage(browser, { token: harness.token });
    await page.goto(`${harness.url}/desk`);
    const brief = {
      id: 'not a valid id!',
      headline: '某区城镇新增就业1200人',
      body: '某区城镇新增就业1200人。',
    };
    await typeBrief(page, { ...brief, region: '某区' });
    const expected = await harness.post<{ error: { issues: { path: string; message: string }[] } }>(
      '/briefs/preview',
      { ...brief, region: '某区', publishedAt: '2020-07-01T00:00:00+08:00' },
    );
    const message = expected.body.error.issues.find((issue) => issue.path === 'id')?.message;
    expect(message).toMatch(/letters, digits/);
    await expect
      .poll(() => page.locator('[data-field="brief-id"] .field-error').textContent(), { timeout: 10_000 })
      .toBe(message);
    await expect(page.getByLabel('稿件编号').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.close();
  });
});

describe('hostile brief text', () => {
  it(
    'stays plain text on every page: no element injected, no script run, no dialog, CSP sent',
    browserTimeout,
    async () => {
      const hostile = '<img src=x onerror=alert(1)> <script>window.pwned=1</script> ]]>';
      const { page, trouble } = await openPage(browser, { token: harness.token });
      await page.goto(`${harness.url}/desk`);
      await typeBrief(page, {
        id: 'hostile-brief',
        headline: `${hostile} 城镇新增就业1500人`,
        body: `${hostile}截至6月30日，全区城镇新增就业1500人。`,
        region: '<b>区</b>',
      });
      await page.locator('.brief-body mark').first().waitFor();
      await page.getByRole('button', { name: '发布' }).click();
      await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
      await harness.settled();
      const metrics = await harness.request<{ metrics: { metric: string; region: string }[] }>(
        '/metrics?limit=200',
      );
      const metric = metrics.body.metrics.find((candidate) => candidate.region === '<b>区</b>')?.metric;
      expect(metric).toBeDefined();

      for (const path of ['/desk', '/brief/hostile-brief', '/', metricPath(metric ?? ''), '/subscribe']) {
        const response = await page.goto(`${harness.url}${path}`);
        expect(response?.headers()['content-security-policy'], path).toContain(
          "require-trusted-types-for 'script'",
        );
        if (path === '/desk') {
          await page.getByRole('button', { name: '打开编辑' }).first().click();
          await page.locator('.brief-headline mark').first().waitFor();
        } else if (path.startsWith('/brief/')) {
          await page.locator('.brief-headline mark').first().waitFor();
        } else if (path === '/subscribe') {
          await page.getByRole('checkbox', { name: '<b>区</b>', exact: true }).waitFor();
        } else {
          // The region chip of a change on /, the region above the metric's name on its page.
          await page.locator('.change-region, .eyebrow', { hasText: '<b>区</b>' }).first().waitFor();
        }
        // The desk and the brief's page show its text; the others its region (the desk has it in a field).
        const text = await page.locator('main').textContent();
        expect(text, path).toContain(path === '/desk' || path.startsWith('/brief/') ? hostile : '<b>区</b>');
        expect(await page.locator('img[src="x"], main script, main b').count(), path).toBe(0);
        expect(await page.evaluate("'pwned' in window"), path).toBe(false);
      }
      expectNoTrouble(trouble);
      // Trusted Types with no policy: the page could not put a string into an HTML sink even if it tried (the
      // browser logs the refusal, so this comes after the check for console errors).
      await expect(
        page.evaluate(
          "(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'assigned'; } catch (error) { return error.name; } })()",
        ),
      ).resolves.toBe('TypeError');
      await page.close();
    },
  );
});

describe('corrections of a metric', () => {
  it(
    'offers rename, merge and alias from a figure on the desk and on its metric page',
    browserTimeout,
    async () => {
      const { page, trouble } = await openPage(browser, { token: harness.token });
      await page.goto(`${harness.url}/desk`);
      const id = 'browser-corrections-brief';
      await page.getByLabel('稿件编号').fill(id);
      await page.getByLabel('地区').fill('更正乡');
      await page.getByLabel('标题').fill('更正乡城镇新增就业900人');
      await page.getByLabel('正文').fill('截至6月30日，更正乡城镇新增就业900人。');
      await page.locator('.figure-table').waitFor();
      const correct = page.getByRole('button', { name: '更正“城镇新增就业”' });
      await correct.first().click();
      const panel = page.locator('.corrections');
      await panel.getByLabel('“城镇新增就业”是哪个指标名的另一种说法').fill('新增就业人数');
      await panel.getByRole('button', { name: '声明别名' }).click();
      await expect.poll(() => panel.getByRole('status').textContent()).toContain('新增就业人数');
      await panel.getByRole('button', { name: '删除别名“城镇新增就业”' }).click();
      await expect.poll(() => panel.getByRole('status').textContent()).toContain('已删除');

      await page.getByRole('button', { name: '发布' }).click();
      await page.getByRole('status').filter({ hasText: '已发布' }).waitFor();
      await harness.settled();
      const metrics = await harness.request<{ metrics: { metric: string; region: string }[] }>(
        '/metrics?limit=200',
      );
      const metric = metrics.body.metrics.find((candidate) => candidate.region === '更正乡')?.metric ?? '';
      await page.goto(`${harness.url}${metricPath(metric)}`);
      const onMetric = page.locator('.corrections');
      await onMetric.getByLabel('新的指标名').fill('更正乡新增就业');
      await onMetric.getByRole('button', { name: '重命名' }).click();
      await page.waitForURL((url) => url.pathname !== metricPath(metric));
      await page.locator('.metric-head h1').waitFor();
      expectNoTrouble(trouble);
      await page.close();
    },
  );
});

describe('the digest mail', () => {
  it(
    'lists the changes of one brief revision, each with its metric page, as a mail client shows it',
    browserTimeout,
    async () => {
      const address = 'digest.reader@example.com';
      const { page, trouble } = await openPage(browser);
      await page.goto(`${harness.url}/subscribe`);
      await page.getByLabel('电子邮箱').fill(address);
      await page.getByRole('button', { name: '订阅', exact: true }).click();
      await page.getByRole('status').filter({ hasText: address }).waitFor();
      await harness.settled();
      const confirmation = mailBody(mailFiles(harness.dataDir, address)[0]);
      const link = /http:\/\/\S+Action=ConfirmSubscription\S+/.exec(confirmation)?.[0] ?? '';
      expect((await fetch(link)).status).toBe(200);
      const published = await harness.post('/briefs', {
        id: 'browser-digest-edition',
        headline: '大连城镇新增就业超过6万人',
        body: '截至9月10日，大连城镇新增就业61200人，城镇登记失业率为2.83%。',
        publishedAt: '2020-09-15',
        region: '大连',
      });
      expect(published.status, published.text).toBe(201);
      await harness.settled();

      const [digest, ...more] = mailFiles(harness.dataDir, address).slice(1);
      expect(more).toEqual([]);
      const subject = mailSubject(digest);
      const body = mailBody(digest);
      expect(subject).toBe('大连城镇新增就业超过6万人（2项变化）');
      expect(body).toContain(`${harness.url}/metric/${encodeURIComponent(newJobs)}`);
      // Shown as a mail client shows a plain-text mail: its subject, its sender, its text as written.
      await page.goto('about:blank');
      const escaped = (text: string) =>
        text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
      await page.setContent(
        `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escaped(subject)}</title></head>` +
          '<body style="margin:0;font:15px/1.6 \'Noto Sans CJK SC\',sans-serif;color:#1d2327;background:#f4f5f7">' +
          '<div style="max-width:820px;margin:24px auto;background:#fff;border:1px solid #d8dce0;border-radius:8px">' +
          `<div style="padding:16px 24px;border-bottom:1px solid #e4e7ea"><div style="font-size:19px;font-weight:600">${escaped(subject)}</div>` +
          `<div style="color:#58626b">updates-feed-changes → ${escaped(address)}</div></div>` +
          `<pre style="margin:0;padding:16px 24px;white-space:pre-wrap;word-break:break-all;font:inherit">${escaped(body)}</pre>` +
          '</div></body></html>',
      );
      await screenshot(page, 'digest-mail');
      expectNoTrouble(trouble);
      await page.close();
    },
  );
});
