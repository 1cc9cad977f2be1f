// Writes the event JSON Schemas under schemas/ from the zod event schemas (npm run schema); a unit test keeps them fresh.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventJsonSchemaTexts } from '../functions/core/events.ts';

for (const [name, text] of Object.entries(eventJsonSchemaTexts())) {
  const target = fileURLToPath(new URL(`../schemas/${name}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
