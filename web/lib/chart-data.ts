// A metric's history as the chart's series: one point per as-of date, with revisions and backfills apart.
import type { HistoryEntry } from './shapes.ts';

export interface ChartSeries {
  /** As-of dates as Unix seconds (UTC midnight), ascending. */
  days: number[];
  /** The standing value at each date: its most recently published observation. */
  value: number[];
  /** At a date whose standing value is a revision: that value. */
  revised: (number | null)[];
  /** At a date with a revision: the value it replaced (the latest one replaced, when there were several). */
  superseded: (number | null)[];
  /** At a date filled in late: the backfilled value. */
  backfilled: (number | null)[];
}

export function chartSeries(history: readonly HistoryEntry[]): ChartSeries {
  const byDay = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const day = byDay.get(entry.observation.asOf) ?? [];
    day.push(entry);
    byDay.set(entry.observation.asOf, day);
  }
  const series: ChartSeries = { days: [], value: [], revised: [], superseded: [], backfilled: [] };
  for (const day of [...byDay.keys()].sort()) {
    // Observation keys sort by as-of, then publication: the last one at a date is the one that stands.
    const entries = (byDay.get(day) ?? []).sort((a, b) => a.observation.key.localeCompare(b.observation.key));
    const standing = entries.at(-1);
    if (standing === undefined) continue;
    const revised = standing.change?.type === 'figure.revised';
    const replaced = revised ? entries.at(-2) : undefined;
    const backfill = entries.findLast((entry) => entry.change?.type === 'figure.backfilled');
    series.days.push(Date.parse(`${day}T00:00:00Z`) / 1000);
    series.value.push(standing.observation.value);
    series.revised.push(revised ? standing.observation.value : null);
    series.superseded.push(replaced === undefined ? null : replaced.observation.value);
    series.backfilled.push(backfill === undefined ? null : backfill.observation.value);
  }
  return series;
}
