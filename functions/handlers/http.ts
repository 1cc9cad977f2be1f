// HTTP plumbing shared by the API handlers: body decoding, JSON answers, and the one map from errors to statuses.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { InvalidCursorError, RevisionTooLargeError } from '../adapters/dynamodb/index.ts';
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from '../core/errors.ts';
import { instrumented, logger, metrics } from '../observability.ts';
import { httpMetricNames } from './http-metrics.ts';
import { maxBodyBytes } from './limits.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const jsonType = { 'content-type': 'application/json; charset=utf-8' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { ...jsonType, ...headers }, body: JSON.stringify(body) };
}

function errorBody(code: string, message: string, issues: { path: string; message: string }[] = []) {
  return { error: { code, message, issues } };
}

/** The only place that decides which error becomes which status. */
export function errorResult(error: unknown): HttpResult {
  if (error instanceof ValidationError)
    return json(400, errorBody('invalid_request', error.message, error.issues));
  if (error instanceof InvalidCursorError) return json(400, errorBody('invalid_cursor', error.message));
  if (error instanceof NotFoundError) return json(404, errorBody('not_found', error.message));
  if (error instanceof ConflictError) return json(409, errorBody('conflict', error.message));
  if (error instanceof PayloadTooLargeError || error instanceof RevisionTooLargeError) {
    return json(413, errorBody('payload_too_large', error.message));
  }
  logger.error('request failed', { error: error as Error });
  return json(500, errorBody('internal', 'the request could not be completed; it is safe to retry'));
}

function countRequest(event: HttpEvent, result: HttpResult, startedMs: number): void {
  const status = result.statusCode ?? 200;
  metrics.addDimension('route', event.routeKey);
  metrics.addMetric(httpMetricNames.requests, MetricUnit.Count, 1);
  metrics.addMetric(httpMetricNames.clientErrors, MetricUnit.Count, status >= 400 && status < 500 ? 1 : 0);
  metrics.addMetric(httpMetricNames.serverErrors, MetricUnit.Count, status >= 500 ? 1 : 0);
  metrics.addMetric(httpMetricNames.latency, MetricUnit.Milliseconds, performance.now() - startedMs);
}

export function httpHandler(route: (event: HttpEvent) => Promise<HttpResult>) {
  return instrumented(async (event: HttpEvent): Promise<HttpResult> => {
    const startedMs = performance.now();
    let result: HttpResult;
    try {
      result = await route(event);
    } catch (error) {
      result = errorResult(error);
    }
    countRequest(event, result, startedMs);
    return result;
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The request body as JSON; refuses oversized, non-UTF-8 and malformed bodies before anything else runs. */
export function jsonBody(event: HttpEvent): unknown {
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > maxBodyBytes) {
    throw new PayloadTooLargeError(`the body is ${raw.byteLength} bytes; the limit is ${maxBodyBytes} bytes`);
  }
  if (raw.byteLength === 0) throw new ValidationError('the body is empty; send a JSON object', []);
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch (cause) {
    throw new ValidationError('the body is not valid UTF-8', [], { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ValidationError(`the body is not valid JSON: ${(cause as Error).message}`, [], { cause });
  }
}

/**
 * More than any brief id (128 characters), metric key or event id the system makes, and within DynamoDB's limit on
 * a key (1,024 bytes for a sort key, which a metric key is in the metrics index).
 */
const maxPathParameterBytes = 1000;

/**
 * A path parameter as API Gateway hands it over: already percent-decoded (decoding again would turn a key's own
 * `%` into an error). What no stored item can be keyed on is refused here rather than by DynamoDB.
 */
export function pathParameter(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw new NotFoundError(`missing path parameter ${name}`);
  const bytes = Buffer.byteLength(value, 'utf8');
  const refusal =
    bytes > maxPathParameterBytes
      ? `is ${bytes} bytes long in UTF-8; the limit is ${maxPathParameterBytes}`
      : value.isWellFormed()
        ? undefined
        : 'contains an unpaired surrogate';
  if (refusal !== undefined) {
    const received = `(received ${JSON.stringify(value.slice(0, 80))}${value.length > 80 ? '...' : ''})`;
    throw new ValidationError(`path parameter ${name} ${refusal} ${received}`, [
      { path: name, message: `${refusal} ${received}` },
    ]);
  }
  return value;
}

export function header(event: HttpEvent, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()];
}

/** The public base URL of the API, as configured or as the request reached it. */
export function baseUrlOf(event: HttpEvent, configured: string | undefined): string {
  if (configured !== undefined) return configured.replace(/\/$/, '');
  const host = header(event, 'x-forwarded-host') ?? event.requestContext.domainName;
  const protocol = header(event, 'x-forwarded-proto') ?? 'https';
  const stage =
    event.requestContext.stage && event.requestContext.stage !== '$default'
      ? `/${event.requestContext.stage}`
      : '';
  return `${protocol}://${host}${stage}`;
}

export function queryInt(event: HttpEvent, name: string, fallback: number, max: number): number {
  const raw = event.queryStringParameters?.[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ValidationError(
      `query parameter ${name} must be an integer from 1 to ${max} (received ${JSON.stringify(raw)})`,
      [{ path: name, message: `must be an integer from 1 to ${max} (received ${JSON.stringify(raw)})` }],
    );
  }
  return value;
}
