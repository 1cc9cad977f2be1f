// What every function's wiring reads: the configuration, parsed once per cold start, and the clock.
import { type Config, readConfig } from '../config.ts';

export const config: Config = readConfig();

export const now = (): Date => new Date();
