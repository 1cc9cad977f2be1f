import { describe, expect, it } from 'vitest';
import { benchPages, pageBudgetBytes } from '../../bench/pages.ts';

describe('page weight', () => {
  it('keeps every page within 150 KB gzip, all its scripts and styles included', async () => {
    const results = await benchPages();
    expect(results.map((result) => result.page).sort()).toEqual([
      'brief',
      'desk',
      'latest',
      'metric',
      'subscribe',
    ]);
    for (const result of results) expect(result.gzipBytes, result.page).toBeLessThanOrEqual(pageBudgetBytes);
  });
});
