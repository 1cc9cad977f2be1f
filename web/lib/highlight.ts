// Where the figures sit in a brief's headline and body, from the offsets the API gives into the brief's text.
import type { FigureView } from './shapes.ts';

/** Offsets index `headline + "\n\n" + body`, as the extractor read it (functions/core/ingest.ts, briefText). */
const separator = '\n\n';

export type Segment =
  | { text: string; figure?: undefined }
  | { text: string; figure: FigureView; index: number };

/**
 * One part of the brief's text, starting at `start` in the whole, cut into plain runs and figures; figures that
 * overlap an earlier one or fall outside the part are left out rather than shown at a wrong place.
 */
function segmentsOf(text: string, start: number, figures: readonly FigureView[]): Segment[] {
  const end = start + text.length;
  const segments: Segment[] = [];
  let at = start;
  figures.forEach((figure, index) => {
    const figureEnd = figure.offset + figure.length;
    if (figure.offset < at || figureEnd > end || figure.length <= 0) return;
    if (figure.offset > at) segments.push({ text: text.slice(at - start, figure.offset - start) });
    segments.push({ text: text.slice(figure.offset - start, figureEnd - start), figure, index });
    at = figureEnd;
  });
  if (at < end) segments.push({ text: text.slice(at - start) });
  return segments;
}

/**
 * The headline's and the body's segments; `index` is the figure's place in the API's list. The API trims both
 * before it extracts, so the offsets count from the trimmed text.
 */
export function briefSegments(
  brief: { headline: string; body: string },
  figures: readonly FigureView[],
): { headline: Segment[]; body: Segment[] } {
  const headline = brief.headline.trim();
  const body = brief.body.trim();
  const ordered = [...figures].sort((a, b) => a.offset - b.offset);
  const indexed = (segments: Segment[]) =>
    segments.map((segment) =>
      segment.figure === undefined ? segment : { ...segment, index: figures.indexOf(segment.figure) },
    );
  return {
    headline: indexed(segmentsOf(headline, 0, ordered)),
    body: indexed(segmentsOf(body, headline.length + separator.length, ordered)),
  };
}
