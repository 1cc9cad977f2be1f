import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../bin/commands/extract.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) },
    out,
    err,
  };
}

describe('updates-feed extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'extract-command-'));
  const file = join(dir, 'brief.txt');
  writeFileSync(file, '大连城镇新增就业逾4万人\n\n截至5月11日，城镇登记失业率控制在2.79%。');

  it('prints one JSON object per figure with offsets into the file, metric and as-of date', async () => {
    const { io, out } = capture();
    const code = await extractCommand(
      [file, '--region', '大连', '--published-at', '2020-05-14T08:00:00+08:00'],
      io,
    );
    expect(code).toBe(0);
    const figures = out.map((line) => JSON.parse(line));
    expect(figures).toEqual([
      expect.objectContaining({ offset: 8, length: 4, surface: '逾4万人', value: 40000, qualifier: 'over' }),
      expect.objectContaining({
        surface: '2.79%',
        metric: '大连:城镇登记失业率:percent',
        asOf: '2020-05-11',
      }),
    ]);
    expect(figures[0]).not.toHaveProperty('asOf');
  });

  it('exits 2 naming the path of a missing file', async () => {
    const { io, err } = capture();
    const missing = join(dir, 'missing.txt');
    expect(await extractCommand([missing], io)).toBe(2);
    expect(err.join('\n')).toContain(missing);
  });

  it('exits 2 on a malformed --published-at, naming the value', async () => {
    const { io, err } = capture();
    expect(await extractCommand([file, '--published-at', 'yesterday'], io)).toBe(2);
    expect(err.join('\n')).toContain('"yesterday"');
  });
});
