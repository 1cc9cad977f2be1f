// The one description of the system's wiring: the CDK stack and the sandbox are both built from it.
import { table as tableLayout } from '../functions/adapters/dynamodb/table-layout.ts';

/** The construct id is part of the contract (renaming it replaces the table); the layout is the adapters'. */
export const table = { id: 'Table', ...tableLayout } as const;

export interface HttpRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Editors' routes: a bearer token in the sandbox, a JWT authorizer on AWS. */
  auth: boolean;
  /** API Gateway's limit for this route, per second, where the one for its kind (public, editors') is too loose. */
  throttle?: { rateLimit: number; burstLimit: number };
}

/** Matches DynamoDB stream records the way Lambda event filtering does (a subset of its pattern grammar). */
export interface StreamFilter {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** Attribute of the new image that must start with the prefix (a string attribute). */
  newImagePrefix?: { attribute: string; prefix: string };
  /** String attribute of the new image that must exist (Lambda's `exists` never matches a map). */
  newImageHas?: string;
}

export interface StreamConsumer {
  batchSize: number;
  maxBatchingWindowSeconds: number;
  retryAttempts: number;
  maxRecordAgeSeconds: number;
  bisectBatchOnError: boolean;
  parallelizationFactor: number;
  filters: StreamFilter[];
}

export interface FunctionSpec {
  /** Handler module relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  routes?: HttpRoute[];
  stream?: StreamConsumer;
  /**
   * The custom metric (a Count in the POWERTOOLS_METRICS_NAMESPACE namespace, dimension `service`) the handler
   * emits for the records it fails: an alarm watches it, long before retries run out and the failure queue fills.
   */
  failureMetric?: string;
  /** What the function may do with the table and the topic; the stack grants exactly this. */
  access: {
    table?: 'read' | 'write' | 'readWrite';
    /** `manageSubscriptions`: subscribe, and list, read and delete the topic's subscriptions. */
    topic?: 'publish' | 'subscribe' | 'manageSubscriptions';
  };
}

export const functions = {
  ingest: {
    entry: 'functions/handlers/ingest.ts',
    description: 'Validates a brief, extracts its figures and stores it as a revision',
    memoryMb: 1024,
    timeoutSeconds: 10,
    routes: [
      { method: 'POST', path: '/briefs', auth: true },
      { method: 'POST', path: '/briefs/preview', auth: true },
    ],
    access: { table: 'readWrite' },
  },
  readApi: {
    entry: 'functions/handlers/read-api.ts',
    description: 'Briefs, metrics and the change log, read-only',
    memoryMb: 512,
    timeoutSeconds: 10,
    routes: [
      { method: 'GET', path: '/briefs/{id}', auth: false },
      { method: 'GET', path: '/briefs/{id}/revisions', auth: false },
      { method: 'GET', path: '/briefs/{id}/revisions/{revision}', auth: false },
      { method: 'GET', path: '/metrics', auth: false },
      { method: 'GET', path: '/metrics/{key}', auth: false },
      { method: 'GET', path: '/changes', auth: false },
      { method: 'GET', path: '/changes/{id}', auth: false },
      { method: 'GET', path: '/healthz', auth: false },
    ],
    access: { table: 'read' },
  },
  feeds: {
    entry: 'functions/handlers/feeds.ts',
    description: 'RSS, Atom and JSON Feed of the latest changes',
    memoryMb: 512,
    timeoutSeconds: 10,
    routes: [
      { method: 'GET', path: '/feed.rss', auth: false },
      { method: 'GET', path: '/feed.atom', auth: false },
      { method: 'GET', path: '/feed.json', auth: false },
    ],
    access: { table: 'read' },
  },
  subscriptions: {
    entry: 'functions/handlers/subscriptions.ts',
    description:
      "Editors subscribe any endpoint with a filter policy, list the topic's subscriptions, delete one",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [
      { method: 'POST', path: '/subscriptions', auth: true },
      { method: 'GET', path: '/subscriptions', auth: true },
      { method: 'DELETE', path: '/subscriptions/{id}', auth: true },
    ],
    access: { topic: 'manageSubscriptions' },
  },
  emailSubscriptions: {
    entry: 'functions/handlers/email-subscriptions.ts',
    description: 'Readers subscribe an email address, confirmed by the link SNS mails (double opt-in)',
    memoryMb: 256,
    timeoutSeconds: 10,
    // Public, as readers have no account; each request can make SNS send a confirmation mail, so it takes one
    // request a second with bursts of five, all readers together, far below the public reads.
    routes: [
      {
        method: 'POST',
        path: '/email-subscriptions',
        auth: false,
        throttle: { rateLimit: 1, burstLimit: 5 },
      },
    ],
    // Its own function, so that the public route can subscribe and nothing more.
    access: { topic: 'subscribe' },
  },
  corrections: {
    entry: 'functions/handlers/corrections.ts',
    description: "Editors' aliases of labels, and metrics renamed or merged into another",
    memoryMb: 512,
    // A merge copies a metric's whole history, a few writes at a time; within API Gateway's 30 s, and one cut
    // short is completed by sending it again.
    timeoutSeconds: 25,
    routes: [
      { method: 'GET', path: '/aliases', auth: true },
      { method: 'POST', path: '/aliases', auth: true },
      { method: 'DELETE', path: '/aliases/{from}', auth: true },
      { method: 'POST', path: '/metrics/{key}/rename', auth: true },
      { method: 'POST', path: '/metrics/{key}/merge', auth: true },
    ],
    access: { table: 'readWrite' },
  },
  pipeline: {
    entry: 'functions/handlers/pipeline.ts',
    description:
      'Turns each new brief revision into observations and changes, one metric at a time, and publishes its digest',
    memoryMb: 1024,
    timeoutSeconds: 60,
    // No batching window, on either consumer: at low volume a window only adds its length to every change's
    // latency (the publisher's 1 s window was most of the sandbox's 1.1 s idle upload → subscriber time). Under load
    // records pile up while an invocation runs, and the next read takes up to batchSize of them at once: batches
    // grow with the load without a window.
    stream: {
      // A revision carries a handful of figures; 100 of them are recorded well within the 60 s timeout.
      batchSize: 100,
      maxBatchingWindowSeconds: 0,
      retryAttempts: 5,
      maxRecordAgeSeconds: 3600,
      bisectBatchOnError: true,
      // Must stay 1. These records are keyed by brief (BRIEF#id), and Lambda keeps order only per partition key
      // across concurrent batches; but per-metric order spans briefs: two briefs naming one metric must be
      // recorded in write order. The metric head's conditional write keeps concurrent writers from overwriting
      // each other, not their order: a figure.changed could become a figure.backfilled.
      parallelizationFactor: 1,
      filters: [{ eventName: 'INSERT', newImagePrefix: { attribute: 'sk', prefix: 'REV#' } }],
    },
    failureMetric: 'RevisionsFailed',
    // It publishes each revision's digest once all its observations are recorded: only it knows when that is.
    access: { table: 'readWrite', topic: 'publish' },
  },
  publisher: {
    entry: 'functions/handlers/publisher.ts',
    description: 'Publishes each recorded change to the topic',
    memoryMb: 512,
    timeoutSeconds: 30,
    stream: {
      // The handler publishes a batch's records in parallel: 50 is what one SDK client's socket pool sends at once.
      batchSize: 50,
      maxBatchingWindowSeconds: 0,
      retryAttempts: 10,
      maxRecordAgeSeconds: 6 * 3600,
      bisectBatchOnError: true,
      // Safe above 1: these records are keyed by metric (METRIC#key), so a metric's changes still leave in order,
      // and subscribers rely on none (they de-duplicate on the event id and order by the event's data). Two batches
      // in flight per shard keep one slow SNS call (3 s × 3 attempts) from holding up every other metric.
      parallelizationFactor: 2,
      filters: [{ eventName: 'INSERT', newImageHas: 'changeType' }],
    },
    failureMetric: 'ChangesNotPublished',
    // The table only to keep the records it fails for replay (failure items); it reads nothing from it.
    access: { topic: 'publish', table: 'write' },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;

export const topic = { id: 'ChangesTopic', displayName: 'updates-feed figure changes' } as const;
