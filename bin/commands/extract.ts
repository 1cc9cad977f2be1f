// `updates-feed extract FILE`: the figures of a text file, one JSON object per line, offsets into the file's text.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultAliases } from '../../functions/core/default-aliases.ts';
import { type ExtractContext, extractFigures } from '../../functions/core/extract/index.ts';
import { type CommandIo, parsedOrUsage } from './io.ts';

const usage = 'usage: updates-feed extract FILE [--region R] [--published-at ISO]';

function readText(file: string): string | Error {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export async function extractCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parsedOrUsage(() => parseOptions(args), io, usage);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr(`extract takes exactly one FILE, received ${positionals.length}\n${usage}`);
    return 2;
  }
  const publishedAt = values['published-at'];
  if (publishedAt !== undefined && Number.isNaN(Date.parse(publishedAt))) {
    io.stderr(`--published-at must be an ISO datetime, received ${JSON.stringify(publishedAt)}`);
    return 2;
  }
  const text = readText(file);
  if (text instanceof Error) {
    io.stderr(`cannot read ${file}: ${text.message}`);
    return 2;
  }
  const context: ExtractContext = { aliases: defaultAliases };
  if (values.region !== undefined) context.region = values.region;
  if (publishedAt !== undefined) context.publishedAt = publishedAt;
  for (const figure of extractFigures(text, context)) {
    const { offset, length, surface, value, valueMax, unit, qualifier, label, kind, metric, asOf } = figure;
    io.stdout(
      JSON.stringify({
        offset,
        length,
        surface,
        value,
        valueMax,
        unit,
        qualifier,
        label,
        kind,
        metric,
        asOf,
      }),
    );
  }
  return 0;
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { region: { type: 'string' }, 'published-at': { type: 'string' } },
  });
}
