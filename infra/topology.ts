// The one description of the system's wiring: the CDK stack and the sandbox are both built from it.
import { table as tableLayout } from '../functions/adapters/dynamodb/table-layout.ts';

/** The construct id is part of the contract (renaming it replaces the table); the layout is the adapters'. */
export const table = { id: 'Table', ...tableLayout } as const;

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Editors' routes: a bearer token in the sandbox, a JWT authorizer on AWS. */
  auth: boolean;
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
  /** What the function may do with the table and the topic; the stack grants exactly this. */
  access: { table?: 'read' | 'write' | 'readWrite'; topic?: 'publish' | 'subscribe' };
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
    description: 'Subscribes an endpoint to the topic with a filter policy',
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/subscriptions', auth: true }],
    access: { topic: 'subscribe' },
  },
  pipeline: {
    entry: 'functions/handlers/pipeline.ts',
    description: 'Turns each new brief revision into observations and changes, one metric at a time',
    memoryMb: 1024,
    timeoutSeconds: 60,
    stream: {
      batchSize: 100,
      maxBatchingWindowSeconds: 0,
      retryAttempts: 5,
      maxRecordAgeSeconds: 3600,
      bisectBatchOnError: true,
      parallelizationFactor: 1,
      filters: [{ eventName: 'INSERT', newImagePrefix: { attribute: 'sk', prefix: 'REV#' } }],
    },
    access: { table: 'readWrite' },
  },
  publisher: {
    entry: 'functions/handlers/publisher.ts',
    description: 'Publishes each recorded change to the topic',
    memoryMb: 512,
    timeoutSeconds: 30,
    stream: {
      batchSize: 50,
      maxBatchingWindowSeconds: 1,
      retryAttempts: 10,
      maxRecordAgeSeconds: 6 * 3600,
      bisectBatchOnError: true,
      parallelizationFactor: 1,
      filters: [{ eventName: 'INSERT', newImageHas: 'changeType' }],
    },
    access: { topic: 'publish' },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;

export const topic = { id: 'ChangesTopic', displayName: 'updates-feed figure changes' } as const;
