// The repository stands on its own: every file the code, the tests and the docs name is in it, so a newcomer never
// follows a reference out of the clone. Runtime files (the sandbox's data dir, bundles) are not repo files and are
// named without a repo folder, so they are not checked.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../infra/sandbox/paths.ts';

const skippedFolders = new Set(['node_modules', '.git', 'cdk.out', 'coverage', 'results']);
/** Not repo folders: what `npm start` and the tests write, present or not depending on what ran before. */
const isSkipped = (name: string) => skippedFolders.has(name) || name.startsWith('.sandbox');
const checkedExtensions = new Set(['.ts', '.md', '.json']);

function textFiles(folder = ''): string[] {
  return readdirSync(join(projectRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return isSkipped(entry.name) ? [] : textFiles(path);
    const checked = checkedExtensions.has(extname(entry.name)) || path === join('.ci', 'run');
    return checked && entry.name !== 'package-lock.json' ? [path] : [];
  });
}

const files = textFiles();
const topLevel = new Set(readdirSync(projectRoot).filter((name) => !isSkipped(name)));
const baseNames = new Set(files.map((file) => file.split('/').at(-1)));

/** A path with a repo folder or a ./ or ../ start, or a bare name of a source or doc file. */
const fileToken =
  /(?<![\w.:/@-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.(?:ts|md|json|jsonl|txt|mjs))(?![\w/-])/g;
const markdownLink = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

function missingIn(file: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const here = dirname(file);
  const missing: string[] = [];
  const check = (name: string, target: string) => {
    if (!existsSync(join(projectRoot, target))) missing.push(`${file} names ${name}`);
  };
  for (const [, name = ''] of text.matchAll(fileToken)) {
    if (name.startsWith('./') || name.startsWith('../'))
      check(name, relative(projectRoot, resolve(projectRoot, here, name)));
    else if (name.includes('/')) {
      if (topLevel.has(name.split('/')[0] ?? '')) check(name, name);
    } else if (/\.(ts|md)$/.test(name) && !name.startsWith('.') && !baseNames.has(name)) {
      missing.push(`${file} names ${name}`);
    }
  }
  if (file.endsWith('.md')) {
    for (const [, target = ''] of text.matchAll(markdownLink)) {
      if (!/^[a-z]+:/.test(target)) check(target, relative(projectRoot, resolve(projectRoot, here, target)));
    }
  }
  return missing;
}

it('names no file that is not in the repository, in code, tests or docs', () => {
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap(missingIn)).toEqual([]);
});
