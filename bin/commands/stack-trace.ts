// `updates-feed stack-trace FUNCTION`: a stack trace logged by a deployed function, mapped back to the sources.
// A stage without run-time source maps (prod: they cost each cold start) logs positions in the minified bundle;
// the bundle is rebuilt here exactly as the stack builds it, and its source map read, so the mapping holds when
// this checkout is the commit that was deployed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/constructs/bundling.ts';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { type FunctionName, functions } from '../../infra/topology.ts';
import { type CommandIo, parsedOrUsage } from './io.ts';

const functionNames = Object.keys(functions) as FunctionName[];

const usage = `usage: updates-feed stack-trace FUNCTION [--file TRACE]   (FUNCTION: ${functionNames.join(', ')}; the trace on stdin without --file)`;

/** A frame's position in the deployed bundle: Lambda runs it as /var/task/index.mjs (file URL or path). */
const bundlePosition = /(?:file:\/\/)?(?:\/var\/task\/)?index\.mjs:(\d+):(\d+)/g;

/** Sources as paths from the project root; esbuild names them relative to the source map's folder. */
function sourcePath(source: string, mapFolder: string): string {
  const absolute = source.startsWith('file:') ? fileURLToPath(source) : resolve(mapFolder, source);
  return relative(projectRoot, absolute);
}

/**
 * Each bundle position of the trace replaced by the source position it came from, with the original name where the
 * map has one; a position the map does not cover is left as it was.
 */
export function mapStackTrace(trace: string, sourceMap: SourceMap, mapFolder: string): string {
  return trace.replace(bundlePosition, (position, line: string, column: string) => {
    const origin = sourceMap.findOrigin(Number(line), Number(column));
    if (!('fileName' in origin)) return position;
    const located = `${sourcePath(origin.fileName, mapFolder)}:${origin.lineNumber}:${origin.columnNumber}`;
    return origin.name ? `${located} (${origin.name})` : located;
  });
}

/** The function's bundle built as the stack builds it, and its source map. */
export async function bundleSourceMap(name: FunctionName): Promise<{ sourceMap: SourceMap; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'updates-feed-stack-trace-'));
  try {
    const outfile = join(folder, 'index.mjs');
    await build({
      ...esbuildOptions(resolve(projectRoot, functions[name].entry), outfile),
      logLevel: 'error',
    });
    return { sourceMap: new SourceMap(JSON.parse(readFileSync(`${outfile}.map`, 'utf8'))), folder };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function parseOptions(args: string[]) {
  return parseArgs({ args, options: { file: { type: 'string' } }, allowPositionals: true, strict: true });
}

export async function stackTraceCommand(
  args: string[],
  io: CommandIo,
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  const parsed = parsedOrUsage(() => parseOptions(args), io, usage);
  if (parsed === undefined) return 2;
  const [name, ...extra] = parsed.positionals;
  if (name === undefined || extra.length > 0 || !functionNames.includes(name as FunctionName)) {
    io.stderr(
      `stack-trace takes one function name, received ${JSON.stringify(parsed.positionals)}\n${usage}`,
    );
    return 2;
  }
  let trace: string;
  try {
    trace = parsed.values.file === undefined ? readStdin() : readFileSync(parsed.values.file, 'utf8');
  } catch (error) {
    io.stderr(`cannot read the trace: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { sourceMap, folder } = await bundleSourceMap(name as FunctionName);
  io.stdout(mapStackTrace(trace.trimEnd(), sourceMap, folder));
  return 0;
}
