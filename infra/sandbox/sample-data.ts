// The sample editions written for this project (data/editions/<edition>/*.json), in edition order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

export interface Edition {
  name: string;
  briefs: unknown[];
}

export function sampleEditions(directory = join(projectRoot, 'data', 'editions')): Edition[] {
  return readdirSync(directory)
    .sort()
    .map((name) => ({
      name,
      briefs: readdirSync(join(directory, name))
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => JSON.parse(readFileSync(join(directory, name, file), 'utf8')) as unknown),
    }));
}
