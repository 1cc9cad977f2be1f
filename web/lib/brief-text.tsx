// A brief's headline and body with every figure marked in place; each mark tells what the figure was read as.
import { useState } from 'preact/hooks';
import type { FigureView } from './api.ts';
import { formatFigure, qualifierWord } from './format.ts';
import { briefSegments, type Segment } from './highlight.ts';
import { t } from './i18n.ts';
import { metricHref } from './links.ts';

/** The details' width in the stylesheet (.figure-tip). */
const tipWidth = 300;

function FigureMark({ segment }: { segment: Extract<Segment, { figure: FigureView }> }) {
  const { figure, index } = segment;
  const warnings = figure.warnings ?? [];
  const tip = `figure-tip-${index}`;
  // Hover or focus shows what the figure was read as; a tap keeps it open where there is no hover.
  const [pinned, setPinned] = useState(false);
  // Near the right edge the details open leftwards, so that they stay on screen.
  const [leftwards, setLeftwards] = useState(false);
  const place = (event: { currentTarget: HTMLElement }) =>
    setLeftwards(event.currentTarget.getBoundingClientRect().left + tipWidth > window.innerWidth - 16);
  return (
    <span
      class={['figure', pinned ? 'figure-open' : '', leftwards ? 'figure-leftwards' : ''].join(' ').trim()}
    >
      <button
        type="button"
        class="figure-trigger"
        aria-describedby={tip}
        onClick={() => setPinned(!pinned)}
        onBlur={() => setPinned(false)}
        onFocus={place}
        onMouseEnter={place}
      >
        <mark class={warnings.length > 0 ? 'has-warnings' : undefined} data-figure={index}>
          {segment.text}
        </mark>
      </button>
      <span class="figure-tip" role="tooltip" id={tip}>
        <span class="figure-tip-value">{formatFigure(figure)}</span>
        <span class="figure-tip-row">
          {t('figureLabel')}: {figure.label}
        </span>
        <span class="figure-tip-row">
          {t('figureQualifier')}: {qualifierWord(figure.qualifier) || t('qualifierNone')} · {figure.unit}
        </span>
        <span class="figure-tip-row figure-tip-metric">{figure.metric}</span>
        {warnings.map((warning) => (
          <span key={warning.code} class="figure-tip-warning">
            {warning.message}
          </span>
        ))}
      </span>
    </span>
  );
}

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, at) =>
        segment.figure === undefined ? segment.text : <FigureMark key={at} segment={segment} />,
      )}
    </>
  );
}

/** `title`: the headline is the page's title (a brief's own page), not a line in a preview. */
export function BriefText({
  brief,
  figures,
  title = false,
}: {
  brief: { headline: string; body: string };
  figures: FigureView[];
  title?: boolean;
}) {
  const { headline, body } = briefSegments(brief, figures);
  const Headline = title ? 'h1' : 'p';
  return (
    <div class="brief-text">
      <Headline class="brief-headline">
        <Segments segments={headline} />
      </Headline>
      <p class="brief-body">
        <Segments segments={body} />
      </p>
    </div>
  );
}

/**
 * Every figure of the brief with what it was read as, for scanning all of them at once. `linkMetrics` for a
 * published brief, whose metrics all have a page (a draft's new metrics do not yet).
 */
export function FigureTable({
  figures,
  linkMetrics = false,
  onCorrect,
}: {
  figures: FigureView[];
  linkMetrics?: boolean;
  /** Offers a correction of each figure's metric (the desk, where the API has the routes). */
  onCorrect?: ((figure: FigureView) => void) | undefined;
}) {
  const warned = figures.some((figure) => (figure.warnings ?? []).length > 0);
  return (
    <table class="data-table figure-table">
      <thead>
        <tr>
          <th scope="col">{t('colAsWritten')}</th>
          <th scope="col">{t('figureValue')}</th>
          <th scope="col">{t('figureLabel')}</th>
          <th scope="col">{t('figureMetric')}</th>
          {warned ? <th scope="col">{t('figureWarnings')}</th> : null}
          {onCorrect === undefined ? null : (
            <th scope="col">
              <span class="visually-hidden">{t('correct')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {figures.map((figure) => (
          <tr key={`${figure.offset}:${figure.length}`}>
            <td>{figure.surface}</td>
            <td class="number">{formatFigure(figure)}</td>
            <td>{figure.label}</td>
            <td class="metric-key">
              {linkMetrics ? <a href={metricHref(figure.metric)}>{figure.metric}</a> : figure.metric}
            </td>
            {warned ? (
              <td>
                {(figure.warnings ?? []).map((warning) => (
                  <span key={warning.code} class="warning-chip">
                    {warning.message}
                  </span>
                ))}
              </td>
            ) : null}
            {onCorrect === undefined ? null : (
              <td>
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('correctFigure', { label: figure.label })}
                  onClick={() => onCorrect(figure)}
                >
                  {t('correct')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
