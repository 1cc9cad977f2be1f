// Rules of the layout that a review would otherwise have to catch: what Lambda bundles never reaches into infra/,
// and the core stays pure, with SNS's wire format left to its adapter.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/sandbox/paths.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)'/gms)].map(
    (match) => match[1] as string,
  );
}

describe('the functions Lambda bundles', () => {
  it('import nothing from infra/', () => {
    const reachingOut = sourceFiles('functions').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => relative(projectRoot, resolve(projectRoot, dirname(file), specifier)))
        .filter((target) => target.startsWith('infra/'))
        .map((target) => `${file} imports ${target}`),
    );
    expect(reachingOut).toEqual([]);
  });

  it('use zod/mini, never the classic zod build, which alone would add 370 KiB to every bundle', () => {
    const classic = sourceFiles('functions').filter((file) => importsOf(file).includes('zod'));
    expect(classic).toEqual([]);
  });
});

describe('functions/core', () => {
  const files = sourceFiles('functions/core');

  it('imports only zod, the feed renderer and hashing: no AWS SDK, no Lambda types, no I/O', () => {
    const allowed = new Set(['zod/mini', 'zod/locales', 'feed', 'node:crypto']);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !allowed.has(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('says nothing of SNS message attributes, message structure, data types, filter policies or PublishBatch', () => {
    const wireFormat = /message ?attributes?|MessageStructure|DataType|filter ?polic|PublishBatch|\bSNS\b/i;
    const mentions = files.filter((file) => wireFormat.test(readFileSync(join(projectRoot, file), 'utf8')));
    expect(mentions).toEqual([]);
  });
});
