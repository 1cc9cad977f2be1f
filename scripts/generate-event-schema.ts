// Writes schemas/change-event.schema.json from the zod event schemas (npm run schema); a unit test keeps it fresh.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { changeEventJsonSchemaText } from '../functions/core/events.ts';

const target = fileURLToPath(new URL('../schemas/change-event.schema.json', import.meta.url));
writeFileSync(target, changeEventJsonSchemaText());
console.log(`wrote ${target}`);
