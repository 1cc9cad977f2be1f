// POST /briefs and POST /briefs/preview.
import { type IngestDeps, previewBrief, uploadBrief } from '../core/ingest.ts';
import { ingestDependencies } from '../wiring/ingest.ts';
import { httpHandler, json, jsonBody } from './http.ts';

export function makeIngestHandler(deps: IngestDeps) {
  return httpHandler(async (event) => {
    const input = jsonBody(event);
    if (event.routeKey === 'POST /briefs/preview') return json(200, await previewBrief(input, deps));
    const { outcome, answer } = await uploadBrief(input, deps);
    return json(outcome === 'created' ? 201 : 200, answer, {
      location: `/briefs/${encodeURIComponent(answer.brief.id)}`,
    });
  });
}

export const handler = makeIngestHandler(ingestDependencies());
