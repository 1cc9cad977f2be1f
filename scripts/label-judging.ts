// Blind judging of labels, for the "acceptable label" of issue 8's acceptance: exact agreement with one writer
// undercounts it (two careful readers agree on about 89% of labels), so a judge who never tuned the extractor rules
// on each label the readers and the extractor gave, without knowing who gave which.
//
//   npx tsx scripts/label-judging.ts tasks <split> <folder> [--misses]   writes <folder>/<file>.tasks.json for labels
//       not yet judged; with --misses, only for figures whose extractor label the writer's does not match
//   npx tsx scripts/label-judging.ts apply <split> <folder>   merges <folder>/<file>.verdicts.json into labeled/judged/<split>
//
// A task file lists, per figure, the brief, the figure marked in its sentence and the candidate labels in an order
// that hides their source. The judge answers {"<candidate id>": "yes" | "no", ...} for every candidate.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { defaultAliases } from '../functions/core/default-aliases.ts';
import { extractFigures } from '../functions/core/extract/index.ts';
import {
  type JudgedFile,
  type LabeledFile,
  lightLabel,
  loadJudged,
  loadSplit,
  locate,
  scoreFile,
} from '../tests/fixtures/extract/labeled.ts';

const labeledRoot = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'extract', 'labeled');
const CONTEXT_CHARS = 80;

const secondReaderSchema = z.object({
  briefs: z.array(z.object({ id: z.string(), labels: z.array(z.string()) })),
});
const verdictsSchema = z.record(z.string(), z.enum(['yes', 'no']));

interface Candidate {
  id: string;
  label: string;
}

/** Every label some reader or the extractor gave each figure: the writer's, a second reader's, the extractor's. */
function candidateLabels(split: string, file: LabeledFile, missesOnly: boolean): string[][][] {
  const secondPath = join(labeledRoot, 'second-reader', split, file.name);
  const second = existsSync(secondPath)
    ? secondReaderSchema.parse(JSON.parse(readFileSync(secondPath, 'utf8')))
    : undefined;
  const score = scoreFile(file, (text, context) =>
    extractFigures(text, { ...context, aliases: defaultAliases }),
  );
  let result = 0;
  return file.briefs.map((brief, briefIndex) =>
    brief.figures.map((figure, figureIndex) => {
      const scored = score.figures[result++];
      const found = scored?.found;
      if (missesOnly && (found === undefined || !scored?.wrong.includes('label'))) return [];
      const labels = [figure.label, second?.briefs[briefIndex]?.labels[figureIndex], found?.label];
      return labels.filter((label): label is string => label !== undefined && label.trim() !== '');
    }),
  );
}

/** A stable order that does not follow the source: sorted by a hash of the task and the label. */
const hidden = (task: string, label: string) =>
  createHash('sha256').update(`${task}\u0000${label}`).digest('hex');

function judgedOf(split: string, file: LabeledFile): JudgedFile {
  return (
    loadJudged(join(labeledRoot, 'judged', split), file.name) ?? {
      briefs: file.briefs.map((brief) => ({
        id: brief.id,
        figures: brief.figures.map(() => ({ acceptable: [], unacceptable: [] })),
      })),
    }
  );
}

function writeTasks(split: string, folder: string, missesOnly: boolean): void {
  mkdirSync(folder, { recursive: true });
  for (const file of loadSplit(join(labeledRoot, split))) {
    const judged = judgedOf(split, file);
    const candidates = candidateLabels(split, file, missesOnly);
    let pending = 0;
    const briefs = file.briefs.map((brief, briefIndex) => {
      const text = `${brief.headline}\n\n${brief.body}`;
      const spans = locate(brief);
      const figures = brief.figures.flatMap((figure, figureIndex) => {
        const verdicts = judged.briefs[briefIndex]?.figures[figureIndex];
        const done = new Set(
          [...(verdicts?.acceptable ?? []), ...(verdicts?.unacceptable ?? [])].map(lightLabel),
        );
        const task = `b${briefIndex}f${figureIndex}`;
        const seen = new Set<string>();
        const open: Candidate[] = [];
        for (const label of candidates[briefIndex]?.[figureIndex] ?? []) {
          const light = lightLabel(label);
          if (done.has(light) || seen.has(light)) continue;
          seen.add(light);
          open.push({ id: '', label });
        }
        if (open.length === 0) return [];
        open.sort((left, right) => hidden(task, left.label).localeCompare(hidden(task, right.label)));
        open.forEach((candidate, at) => {
          candidate.id = `${task}${String.fromCharCode(97 + at)}`;
        });
        pending += open.length;
        const span = spans[figureIndex];
        const at = span?.offset ?? 0;
        const end = at + (span?.length ?? 0);
        const marked = `${text.slice(Math.max(0, at - CONTEXT_CHARS), at)}【${text.slice(at, end)}】${text.slice(end, end + CONTEXT_CHARS)}`;
        return [{ task, surface: figure.surface, in: figure.in, marked, candidates: open }];
      });
      return { brief: brief.id, headline: brief.headline, body: brief.body, figures };
    });
    const target = join(folder, `${file.name.replace(/\.json$/, '')}.tasks.json`);
    writeFileSync(target, `${JSON.stringify({ file: file.name, style: file.style, briefs }, null, 2)}\n`);
    console.log(`${target}: ${pending} labels to judge`);
  }
}

function applyVerdicts(split: string, folder: string): void {
  const out = join(labeledRoot, 'judged', split);
  mkdirSync(out, { recursive: true });
  for (const file of loadSplit(join(labeledRoot, split))) {
    const stem = file.name.replace(/\.json$/, '');
    const tasksPath = join(folder, `${stem}.tasks.json`);
    const verdictsPath = join(folder, `${stem}.verdicts.json`);
    if (!existsSync(tasksPath) || !existsSync(verdictsPath)) {
      console.log(`${file.name}: no tasks or no verdicts, left as it was`);
      continue;
    }
    const tasks = JSON.parse(readFileSync(tasksPath, 'utf8')) as {
      briefs: { figures: { task: string; candidates: Candidate[] }[] }[];
    };
    const verdicts = verdictsSchema.parse(JSON.parse(readFileSync(verdictsPath, 'utf8')));
    const judged = judgedOf(split, file);
    let applied = 0;
    tasks.briefs.forEach((brief, briefIndex) => {
      for (const figure of brief.figures) {
        const figureIndex = Number(/f(\d+)$/.exec(figure.task)?.[1]);
        const target = judged.briefs[briefIndex]?.figures[figureIndex];
        if (target === undefined) throw new Error(`${file.name}: task ${figure.task} matches no figure`);
        for (const candidate of figure.candidates) {
          const verdict = verdicts[candidate.id];
          if (verdict === undefined) throw new Error(`${file.name}: no verdict for ${candidate.id}`);
          (verdict === 'yes' ? target.acceptable : target.unacceptable).push(candidate.label);
          applied++;
        }
      }
    });
    writeFileSync(join(out, file.name), `${JSON.stringify(judged, null, 2)}\n`);
    console.log(`${file.name}: ${applied} verdicts applied`);
  }
}

const [command, split, folder, option] = process.argv.slice(2);
if (split === undefined || folder === undefined || (command !== 'tasks' && command !== 'apply')) {
  console.error('usage: label-judging.ts tasks|apply <split> <folder>');
  process.exit(2);
}
if (command === 'tasks') writeTasks(split, resolve(folder), option === '--misses');
else applyVerdicts(split, resolve(folder));
