// Every call the pages make to the API, and the one place that knows its wire shapes: when a route changes,
// this file changes and the pages do not.
import { cloudEventOf } from '../../functions/core/event-envelope.ts';
import { type FeedExtension, feedExtension } from '../../functions/core/feeds/extension.ts';
import type { Change, Observation } from '../../functions/core/model.ts';
import { authorization } from './auth.ts';
import type {
  ChangeEvent,
  ChangeType,
  FigureView,
  HistoryEntry,
  MetricSummary,
  RevisionSummary,
  StoredBrief,
} from './shapes.ts';
import { type SiteConfig, siteConfigPath } from './site-config.ts';

export { changeTypes } from '../../functions/core/model.ts';
export type * from './shapes.ts';

export interface Issue {
  path: string;
  message: string;
}

/** A 4xx or 5xx answer, with the API's own words. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[],
  ) {
    super(message);
  }
}

type Path = `/${string}`;

export type { SiteConfig };

/** Same-origin paths only: the editors' token never leaves for another host. */
async function call<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: Path,
  options: { body?: unknown; auth?: boolean } = {},
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const credential = options.auth ? authorization() : undefined;
  if (credential !== undefined) headers.authorization = credential;
  const response = await fetch(path, {
    method,
    headers,
    // A redirect must not carry the token anywhere; a public read follows one (a merged metric's moves on).
    redirect: options.auth ? 'error' : 'follow',
    // The browser asks again (by ETag, cheap) rather than show a copy from before the editor's last publish; the
    // CDN still answers most of these from its own cache.
    cache: 'no-cache',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    // An error page from something in front of the API (a proxy, a gateway) is not JSON.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const error = (json as { error?: { code?: string; message?: string; issues?: Issue[] } } | undefined)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `${method} ${path} answered ${response.status}`,
      error?.issues ?? [],
    );
  }
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** `?a=1&b=2` of the parameters that have a value, or nothing. */
export function query(parameters: Record<string, string | undefined>): string {
  const defined = Object.entries(parameters).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined)}`;
}

export interface ChangeFilter {
  region?: string;
  type?: ChangeType;
  metric?: string;
}

/**
 * The newest changes first, one request whatever the history's length: /feed.json is the newest-first query of
 * the change log (edge-cached, and not held back like /changes, which serves consumers in commit order), and
 * each of its items carries its change as the CloudEvent the topic carried.
 */
export async function latestChanges(filter: ChangeFilter, limit: number): Promise<ChangeEvent[]> {
  const { body } = await call<{ items: Record<typeof feedExtension, FeedExtension>[] }>(
    'GET',
    `/feed.json${query({ ...filter, limit: String(limit) })}`,
  );
  return body.items.map((item) => item[feedExtension].event);
}

export async function metrics(): Promise<MetricSummary[]> {
  const all: MetricSummary[] = [];
  let after: string | undefined;
  do {
    const page = await call<{ metrics: MetricSummary[]; next?: string }>(
      'GET',
      `/metrics${query({ after, limit: '200' })}`,
    );
    all.push(...page.body.metrics);
    after = page.body.next;
  } while (after !== undefined);
  return all;
}

/** One metric with its whole history, newest first; undefined when there is no such metric. */
export async function metricHistory(
  key: string,
): Promise<{ metric: MetricSummary; history: HistoryEntry[] } | undefined> {
  let metric: MetricSummary | undefined;
  const history: HistoryEntry[] = [];
  let before: string | undefined;
  try {
    do {
      const page = await call<{
        metric: MetricSummary;
        history: { observation: Observation; change: Change | null }[];
        next?: string;
      }>('GET', `/metrics/${encodeURIComponent(key)}${query({ before, limit: '200' })}`);
      metric = page.body.metric;
      for (const entry of page.body.history)
        history.push({
          observation: entry.observation,
          change: entry.change && cloudEventOf(entry.change),
        });
      before = page.body.next;
    } while (before !== undefined);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
  return metric === undefined ? undefined : { metric, history };
}

export async function brief(id: string): Promise<StoredBrief | undefined> {
  try {
    return (await call<StoredBrief>('GET', `/briefs/${encodeURIComponent(id)}`)).body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

let config: Promise<SiteConfig> | undefined;

/** How this deployment signs editors in and which day it is for the newsroom; asked once per page. */
export function siteConfig(): Promise<SiteConfig> {
  config ??= call<SiteConfig>('GET', siteConfigPath).then(({ body }) => body);
  return config;
}

/** A brief's latest revisions, newest first; undefined when there is no such brief. */
export async function briefRevisions(id: string, limit: number): Promise<RevisionSummary[] | undefined> {
  try {
    const { body } = await call<{ revisions: RevisionSummary[] }>(
      'GET',
      `/briefs/${encodeURIComponent(id)}/revisions${query({ limit: String(limit) })}`,
    );
    return body.revisions;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** One stored revision of a brief, whole. */
export async function briefRevision(id: string, revision: number): Promise<StoredBrief> {
  return (await call<StoredBrief>('GET', `/briefs/${encodeURIComponent(id)}/revisions/${revision}`)).body;
}

/** What the editor fills in on the desk. */
export interface Draft {
  id: string;
  headline: string;
  body: string;
  /** The newspaper's day, YYYY-MM-DD. */
  date: string;
  region: string;
  source: string;
}

export type DraftField = keyof Draft;

/** Today in the newsroom's time zone, YYYY-MM-DD: the day the API reads a publication day in. */
export function newsroomToday(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The brief as POST /briefs wants it: publishedAt is the newspaper's day, which the API reads in the newsroom's time zone. */
function briefOf(draft: Draft): Record<string, string> {
  const optional = (name: string, value: string) => (value.trim() === '' ? {} : { [name]: value });
  return {
    ...optional('id', draft.id),
    headline: draft.headline,
    body: draft.body,
    ...optional('publishedAt', draft.date),
    ...optional('region', draft.region),
    ...optional('source', draft.source),
  };
}

/** The desk's fields from a stored brief, to edit it into a new revision. */
export function draftOf(stored: StoredBrief): Draft {
  return {
    id: stored.briefId,
    headline: stored.brief.headline,
    body: stored.brief.body,
    date: stored.brief.publishedAt.slice(0, 10),
    region: stored.brief.region ?? '',
    source: stored.brief.source ?? '',
  };
}

const draftFieldOfPath: Record<string, DraftField> = {
  id: 'id',
  headline: 'headline',
  body: 'body',
  publishedAt: 'date',
  region: 'region',
  source: 'source',
};

/** A refused credential: the editor has to sign in again. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** What went wrong with a form, placed: per field, and the rest. */
export interface PlacedIssues<Field extends string> {
  fields: Partial<Record<Field, string>>;
  other: string[];
}

/**
 * The API's issues placed next to the form's fields; the rest (the whole request, unknown fields, a failure
 * that is not the API's answer, such as a lost connection) apart.
 */
function placeIssues<Field extends string>(
  error: unknown,
  fieldOfPath: Record<string, Field>,
): PlacedIssues<Field> {
  const fields: Partial<Record<Field, string>> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { fields, other: [String(error)] };
  for (const issue of error.issues) {
    // An array item's issue (filter.regions.0) belongs to its list.
    const field = fieldOfPath[issue.path] ?? fieldOfPath[issue.path.replace(/\.\d+$/, '')];
    if (field === undefined) other.push(`${issue.path}: ${issue.message}`);
    else fields[field] = fields[field] === undefined ? issue.message : `${fields[field]}; ${issue.message}`;
  }
  if (error.issues.length === 0) other.push(error.message);
  return { fields, other };
}

export const draftIssues = (error: unknown) => placeIssues(error, draftFieldOfPath);

export interface Preview {
  brief: { id: string; revision: number };
  figures: FigureView[];
  changes: ChangeEvent[];
}

export async function preview(draft: Draft): Promise<Preview> {
  const { body } = await call<Omit<Preview, 'changes'> & { changes: Change[] }>('POST', '/briefs/preview', {
    body: briefOf(draft),
    auth: true,
  });
  return { ...body, changes: body.changes.map(cloudEventOf) };
}

export interface Published {
  outcome: 'created' | 'revision' | 'unchanged';
  brief: { id: string; revision: number };
}

export async function publish(draft: Draft): Promise<Published> {
  const { status, body } = await call<{ brief: { id: string; revision: number } }>('POST', '/briefs', {
    body: briefOf(draft),
    auth: true,
  });
  const outcome = status === 200 ? 'unchanged' : body.brief.revision === 1 ? 'created' : 'revision';
  return { outcome, brief: body.brief };
}

export interface EmailSubscription {
  email: string;
  regions: string[];
  metrics: string[];
  types: ChangeType[];
  minAbsChangePercent?: number;
  delivery: 'each' | 'digest';
}

export type SubscriptionField =
  | 'email'
  | 'regions'
  | 'metrics'
  | 'types'
  | 'minAbsChangePercent'
  | 'delivery';

export async function subscribeByEmail(request: EmailSubscription): Promise<void> {
  const nonEmpty = <T>(name: string, values: T[]) => (values.length === 0 ? {} : { [name]: values });
  const filter = {
    ...nonEmpty('regions', request.regions),
    ...nonEmpty('metrics', request.metrics),
    ...nonEmpty('types', request.types),
    ...(request.minAbsChangePercent === undefined
      ? {}
      : { minAbsChangePercent: request.minAbsChangePercent }),
  };
  // The readers' route: no token, and the same answer whoever subscribed; SNS mails a confirmation link.
  await call<{ status: string }>('POST', '/email-subscriptions', {
    body: {
      protocol: 'email',
      endpoint: request.email,
      ...(Object.keys(filter).length === 0 ? {} : { filter }),
      delivery: request.delivery,
    },
  });
}

const subscriptionFieldOfPath: Record<string, SubscriptionField> = {
  endpoint: 'email',
  'filter.regions': 'regions',
  'filter.metrics': 'metrics',
  'filter.types': 'types',
  'filter.minAbsChangePercent': 'minAbsChangePercent',
  delivery: 'delivery',
};

export const subscriptionIssues = (error: unknown) => placeIssues(error, subscriptionFieldOfPath);

/** An editors' alias: a label variant and the canonical label it stands for. */
export interface Alias {
  from: string;
  to: string;
}

/** The aliases editors stored, and those the project ships (data/aliases.json), which only a file edit changes. */
export async function aliases(): Promise<{ aliases: Alias[]; defaults: Alias[] }> {
  return (await call<{ aliases: Alias[]; defaults: Alias[] }>('GET', '/aliases', { auth: true })).body;
}

export async function declareAlias(alias: Alias): Promise<void> {
  await call('POST', '/aliases', { body: alias, auth: true });
}

export async function removeAlias(from: string): Promise<void> {
  await call('DELETE', `/aliases/${encodeURIComponent(from)}`, { auth: true });
}

/** Where a metric's series lives after a rename (a new label is a new key) or a merge. */
export interface Moved {
  into: string;
}

export async function renameMetric(metric: string, label: string): Promise<Moved> {
  const path: Path = `/metrics/${encodeURIComponent(metric)}/rename`;
  return (await call<Moved>('POST', path, { body: { label }, auth: true })).body;
}

export async function mergeMetric(metric: string, into: string): Promise<Moved> {
  const path: Path = `/metrics/${encodeURIComponent(metric)}/merge`;
  return (await call<Moved>('POST', path, { body: { into }, auth: true })).body;
}

export type CorrectionField = 'label' | 'into' | 'to';

export const correctionIssues = (error: unknown) =>
  placeIssues<CorrectionField>(error, { label: 'label', into: 'into', from: 'to', to: 'to' });
