// The editors' alias table shipped with the app; a static JSON import, so core stays free of I/O.
import aliases from '../../data/aliases.json' with { type: 'json' };
import type { AliasTable } from './metric-key.ts';

export const defaultAliases: AliasTable = aliases;
