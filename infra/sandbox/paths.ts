import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * Where a running sandbox leaves the environment its functions run with (table, topic, local endpoints), for the
 * commands that act on it from another process: `updates-feed replay`.
 */
export const sandboxEnvironmentFile = (dataDir: string): string => resolve(dataDir, 'environment.json');
