// Where the pages link: one place, so that moving a route moves every link to it.
import { type ChangeFilter, query } from './api.ts';

export function metricHref(metric: string): string {
  return `/metric/${encodeURIComponent(metric)}`;
}

export function briefHref(briefId: string): string {
  return `/brief/${encodeURIComponent(briefId)}`;
}

export function subscribeHref(metric?: string): string {
  return `/subscribe${query({ metric })}`;
}

export const feedFormats = [
  { format: 'rss', name: 'RSS' },
  { format: 'atom', name: 'Atom' },
  { format: 'json', name: 'JSON Feed' },
] as const;

export function feedHref(format: (typeof feedFormats)[number]['format'], filter: ChangeFilter = {}): string {
  return `/feed.${format}${query({ ...filter })}`;
}
