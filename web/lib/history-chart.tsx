// A metric's history drawn with uPlot: the standing value by as-of date, revisions and backfills marked.
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { HistoryEntry } from './api.ts';
import { chartSeries } from './chart-data.ts';
import { formatAxisDays, formatDay, formatValue } from './format.ts';
import { lang, t } from './i18n.ts';

const height = 300;

/** The chart's colours live in the stylesheet with the rest of the palette. */
function palette(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    line: read('--chart-line'),
    grid: read('--rule'),
    axis: read('--muted'),
    revised: read('--revised'),
    superseded: read('--muted'),
    backfilled: read('--backfilled'),
    surface: read('--surface'),
  };
}

function dayOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function HistoryChart({
  history,
  unit,
  label,
}: {
  history: HistoryEntry[];
  unit: string;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [readout, setReadout] = useState('');
  const language = lang();

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const series = chartSeries(history);
    const colours = palette(element);
    const markers = (stroke: string, fill: string, size: number) => ({
      stroke,
      width: 0,
      // Markers only: no line between revisions or backfills of different dates.
      paths: () => null,
      points: { show: true, size, stroke, fill, width: 2 },
    });
    const chart = new uPlot(
      {
        width: element.clientWidth,
        height,
        legend: { show: false },
        scales: { x: { time: true } },
        // As-of dates are days, not moments: never shift them into the reader's time zone.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        axes: [
          {
            stroke: colours.axis,
            grid: { stroke: colours.grid, width: 1 },
            ticks: { stroke: colours.grid, width: 1 },
            values: (_chart, splits) => formatAxisDays(splits.map(dayOf)),
            space: 110,
          },
          {
            stroke: colours.axis,
            grid: { stroke: colours.grid, width: 1 },
            ticks: { show: false },
            size: 90,
            values: (_chart, splits) => splits.map((split) => formatValue(split, unit)),
          },
        ],
        series: [
          {},
          {
            label: t('legendValue'),
            stroke: colours.line,
            width: 2.5,
            points: { show: true, size: 8, fill: colours.surface, stroke: colours.line, width: 2 },
          },
          { label: t('legendRevised'), ...markers(colours.revised, colours.revised, 12) },
          { label: t('legendSuperseded'), ...markers(colours.superseded, colours.surface, 12) },
          { label: t('legendBackfilled'), ...markers(colours.backfilled, colours.backfilled, 12) },
        ],
        hooks: {
          setCursor: [
            (chart) => {
              const index = chart.cursor.idx;
              const day = index === null || index === undefined ? undefined : series.days[index];
              const value = index === null || index === undefined ? undefined : series.value[index];
              setReadout(
                day === undefined || value === undefined
                  ? ''
                  : `${formatDay(dayOf(day))}: ${formatValue(value, unit)}`,
              );
            },
          ],
        },
      },
      [series.days, series.value, series.revised, series.superseded, series.backfilled],
      element,
    );
    const resized = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resized.observe(element);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
    // The language is a dependency: the axes are written in it.
  }, [history, unit, language]);

  return (
    <figure class="history-chart">
      <div ref={host} class="history-chart-canvas" role="img" aria-label={t('metricChartLabel', { label })} />
      <figcaption class="chart-legend">
        <span class="legend-item legend-value">{t('legendValue')}</span>
        <span class="legend-item legend-revised">{t('legendRevised')}</span>
        <span class="legend-item legend-superseded">{t('legendSuperseded')}</span>
        <span class="legend-item legend-backfilled">{t('legendBackfilled')}</span>
        <span class="chart-readout" aria-live="off">
          {readout}
        </span>
      </figcaption>
    </figure>
  );
}
