import { describe, expect, it } from 'vitest';
import {
  aliasRequestSchema,
  aliasTable,
  assertAliasFits,
  cachedAliasTable,
} from '../../functions/core/aliases.ts';
import { ConflictError, ValidationError } from '../../functions/core/errors.ts';
import { metricKey } from '../../functions/core/metric-key.ts';
import type { Alias } from '../../functions/core/ports.ts';
import { parseWith } from '../../functions/core/validate.ts';

const stored = (from: string, to: string): Alias => ({ from, to, updatedAt: '2020-07-01T00:00:00.000Z' });

describe('the alias table', () => {
  it('lets an editor’s alias override the shipped one of the same label', () => {
    const table = aliasTable({ 新增就业: '城镇新增就业' }, [stored('新增就业', '新增就业人数')]);
    expect(table.新增就业).toBe('新增就业人数');
  });

  it('follows aliases to their end, since the extractor looks a label up once', () => {
    const table = aliasTable({ 固投: '固定资产投资' }, [stored('固定资产投资', '全社会固定资产投资')]);
    expect(table.固投).toBe('全社会固定资产投资');
    expect(metricKey({ region: '大连', label: '固投', unit: '元' }, table)).toBe(
      metricKey({ region: '大连', label: '全社会固定资产投资', unit: '元' }),
    );
  });

  it('leaves labels caught in a circle as they are', () => {
    const table = aliasTable({ 甲: '乙' }, [stored('乙', '甲'), stored('丙', '丁')]);
    expect(table).toEqual({ 丙: '丁' });
  });
});

describe('a new alias', () => {
  it('is refused when it would close a circle, naming it', () => {
    expect(() => assertAliasFits({ from: '乙', to: '甲' }, { 甲: '乙' }, [])).toThrow(ConflictError);
    expect(() => assertAliasFits({ from: '丙', to: '甲' }, { 甲: '乙' }, [stored('乙', '丙')])).toThrow(
      'alias 丙 → 甲 would close a circle: 丙 → 甲 → 乙 → 丙',
    );
  });

  it('is accepted when it leads to a label that has an alias of its own', () => {
    expect(() => assertAliasFits({ from: '丙', to: '甲' }, { 甲: '乙' }, [])).not.toThrow();
  });

  it.each([
    [{ from: '新增就业', to: '' }, 'to', 'must not be empty'],
    [{ from: '新增就业', to: '新增就业' }, 'to', 'must differ from from'],
    [{ from: 'a\u0007b', to: '城镇新增就业' }, 'from', 'control character U+0007'],
    [{ from: '新增\n就业', to: '城镇新增就业' }, 'from', 'must be one line'],
    [{ from: '新增就业' }, 'to', 'received nothing'],
    [{ from: '新增就业', to: '城镇新增就业', region: '大连' }, '(root)', 'region'],
  ])('is refused with the field named: %j', (input, path, words) => {
    let error: unknown;
    try {
      parseWith(aliasRequestSchema, input, 'alias');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue?.path).toBe(path);
    expect(issue?.message).toContain(words);
  });
});

describe('the cached alias table', () => {
  function counting(initial: Alias[]) {
    const state = { reads: 0, aliases: initial, clock: 0, failNext: false };
    const table = cachedAliasTable({
      defaults: { 新增就业: '城镇新增就业' },
      load: async () => {
        state.reads++;
        if (state.failNext) {
          state.failNext = false;
          throw new Error('the table did not answer');
        }
        return state.aliases;
      },
      ttlMs: 30_000,
      now: () => state.clock,
    });
    return { state, table };
  }

  it('reads the stored aliases once while fresh, for every caller at once', async () => {
    const { state, table } = counting([stored('固投', '固定资产投资')]);
    const [first, second] = await Promise.all([table(), table()]);
    state.clock = 29_999;
    await table();
    expect(state.reads).toBe(1);
    expect(first).toEqual({ 新增就业: '城镇新增就业', 固投: '固定资产投资' });
    expect(second).toBe(first);
  });

  it('applies a new alias once the cache is older than its time to live', async () => {
    const { state, table } = counting([]);
    await table();
    state.aliases = [stored('固投', '固定资产投资')];
    state.clock = 30_000;
    expect((await table()).固投).toBe('固定资产投资');
    expect(state.reads).toBe(2);
  });

  it('keeps no failed read: the next call reads again', async () => {
    const { state, table } = counting([]);
    state.failNext = true;
    await expect(table()).rejects.toThrow('the table did not answer');
    expect(await table()).toEqual({ 新增就业: '城镇新增就业' });
    expect(state.reads).toBe(2);
  });
});
