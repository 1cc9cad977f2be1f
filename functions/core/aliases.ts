// Editors' aliases: the defaults shipped in data/aliases.json, and those editors store through the API, as one
// table the extractor applies.
import * as z from 'zod/mini';
import { cleanText } from './brief.ts';
import { ConflictError } from './errors.ts';
import type { AliasTable } from './metric-key.ts';
import type { Alias } from './ports.ts';
import { parseWith } from './validate.ts';

/** A label as a reader sees it: one line of text. */
export const labelSchema = z.pipe(
  cleanText(100),
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.regex(/^[^\t\n\r]*$/, 'must be one line')),
);

export const aliasRequestSchema = z
  .strictObject({ from: labelSchema, to: labelSchema })
  .check(z.refine((alias) => alias.from !== alias.to, { message: 'must differ from from', path: ['to'] }));

export type AliasRequest = z.output<typeof aliasRequestSchema>;

/** The `from` of DELETE /aliases/{from}, checked like the body's. */
export function parseAliasFrom(from: string): string {
  return parseWith(z.object({ from: labelSchema }), { from }, 'alias').from;
}

/** How many aliases one label may pass through before its canonical label: a chain longer than this is refused. */
const maxAliasHops = 8;

/**
 * The table the extractor applies: the defaults, overridden by the stored aliases of the same label, each alias
 * followed to its end (A → B and B → C make A → C), because the extractor looks a label up once.
 */
export function aliasTable(defaults: AliasTable, stored: readonly Alias[]): AliasTable {
  const direct = new Map([
    ...Object.entries(defaults),
    ...stored.map((alias) => [alias.from, alias.to] as const),
  ]);
  const table: AliasTable = {};
  for (const from of direct.keys()) {
    const chain = canonicalChain(direct, from);
    // A cycle (refused on input, but the defaults are a file anyone may edit) leaves its labels as they are.
    const canonical = chain.at(-1);
    if (canonical !== undefined && canonical !== from && !cycles(direct, chain)) table[from] = canonical;
  }
  return table;
}

/** `from`, then every label its aliases lead to, stopping at a label seen before. */
function canonicalChain(direct: ReadonlyMap<string, string>, from: string): string[] {
  const chain = [from];
  for (let to = direct.get(from); to !== undefined && !chain.includes(to); to = direct.get(to))
    chain.push(to);
  return chain;
}

const cycles = (direct: ReadonlyMap<string, string>, chain: readonly string[]): boolean =>
  direct.has(chain.at(-1) ?? '');

/**
 * Refuses an alias that would make labels lead to each other in a circle, or through too many aliases: the
 * extractor could then give no canonical label.
 */
export function assertAliasFits(request: AliasRequest, defaults: AliasTable, stored: readonly Alias[]): void {
  const direct = new Map([
    ...Object.entries(defaults),
    ...stored.map((alias) => [alias.from, alias.to] as const),
    [request.from, request.to] as const,
  ]);
  const chain = canonicalChain(direct, request.from);
  if (cycles(direct, chain)) {
    throw new ConflictError(
      `alias ${request.from} → ${request.to} would close a circle: ${[...chain, chain[0]].join(' → ')}`,
    );
  }
  if (chain.length - 1 > maxAliasHops) {
    throw new ConflictError(
      `alias ${request.from} → ${request.to} would lead through ${chain.length - 1} aliases, more than ${maxAliasHops}`,
    );
  }
}

/**
 * The alias table, read at most once per `ttlMs` (concurrent callers share one read): an upload then pays no
 * query for it, and an alias stored through the API applies within `ttlMs` everywhere.
 */
export function cachedAliasTable(options: {
  defaults: AliasTable;
  load: () => Promise<Alias[]>;
  ttlMs: number;
  now: () => number;
}): () => Promise<AliasTable> {
  let cached: { table: AliasTable; readAt: number } | undefined;
  let reading: Promise<AliasTable> | undefined;
  return () => {
    if (cached !== undefined && options.now() - cached.readAt < options.ttlMs)
      return Promise.resolve(cached.table);
    reading ??= (async () => {
      const readAt = options.now();
      try {
        const table = aliasTable(options.defaults, await options.load());
        cached = { table, readAt };
        return table;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };
}
