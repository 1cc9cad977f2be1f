// `updates-feed stack-trace`: a trace logged without run-time source maps is mapped back to the sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { mapStackTrace, stackTraceCommand } from '../../bin/commands/stack-trace.ts';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { functions } from '../../infra/topology.ts';

const folder = mkdtempSync(join(tmpdir(), 'updates-feed-stack-trace-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(folder, name, 'index.mjs');
  await build({ ...esbuildOptions(resolve(projectRoot, entry), outfile), logLevel: 'error' });
  return outfile;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) },
  };
}

describe('mapping a minified stack trace', () => {
  it('names the source line of each frame that the bundle position came from', async () => {
    const outfile = await bundle('tests/fixtures/stack-trace/fails-deep.ts', 'fixture');
    // A process without --enable-source-maps, as a prod function runs: its trace points into the bundle.
    const trace = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `import { shareOfTotal } from ${JSON.stringify(pathToFileURL(outfile).href)};
         try { shareOfTotal(1, 0); } catch (error) { console.log(error.stack); }`,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    expect(trace).toMatch(/index\.mjs:\d+:\d+/);
    expect(trace).not.toContain('fails-deep.ts');

    const sourceMap = new SourceMap(JSON.parse(readFileSync(`${outfile}.map`, 'utf8')));
    const mapped = mapStackTrace(trace, sourceMap, join(folder, 'fixture'));
    expect(mapped).toContain('RangeError: a ratio needs a denominator other than 0');
    expect(mapped).toMatch(/tests\/fixtures\/stack-trace\/fails-deep\.ts:3:\d+/);
    expect(mapped).toMatch(/tests\/fixtures\/stack-trace\/fails-deep\.ts:8:\d+/);
  });

  it('leaves lines that name no bundle position as they were', () => {
    const sourceMap = new SourceMap({
      version: 3,
      file: 'index.mjs',
      sources: [],
      sourcesContent: [],
      names: [],
      mappings: '',
      sourceRoot: '',
    });
    const trace = 'Error: x\n    at node:internal/process/task_queues:95:5\n    at index.mjs:9:9';
    expect(mapStackTrace(trace, sourceMap, folder)).toBe(trace);
  });
});

describe('updates-feed stack-trace FUNCTION', () => {
  it('rebuilds the function as the stack does and maps a frame of its deployed bundle to the handler source', async () => {
    const message = 'brief revision not processed';
    const deployed = readFileSync(await bundle(functions.pipeline.entry, 'pipeline'), 'utf8');
    const before = deployed.slice(0, deployed.indexOf(JSON.stringify(message)));
    expect(before.length).toBeGreaterThan(0);
    const lines = before.split('\n');
    const position = `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
    const sourceLine =
      readFileSync(resolve(projectRoot, functions.pipeline.entry), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes(`'${message}'`)) + 1;
    expect(sourceLine).toBeGreaterThan(0);
    const { io, out, err } = capture();

    const code = await stackTraceCommand(
      ['pipeline'],
      io,
      () => `Error: ${message}\n    at Runtime.handler (file:///var/task/index.mjs:${position})\n`,
    );

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`at Runtime.handler (functions/handlers/pipeline.ts:${sourceLine}:`);
  });

  it.each([
    [[], 'no function'],
    [['nothing'], 'an unknown function'],
    [['publisher', 'pipeline'], 'two functions'],
  ])('refuses %j (%s) with exit code 2 and the usage', async (args) => {
    const { io, err } = capture();
    expect(await stackTraceCommand(args, io, () => '')).toBe(2);
    expect(err.join('\n')).toContain('usage: updates-feed stack-trace FUNCTION');
  });
});
