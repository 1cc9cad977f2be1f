// The Powertools logger, metrics and tracer every function shares (one of each per cold start), and the wrapper
// that gives each invocation its Lambda context, its trace subsegment and its metrics flush.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { serviceName } from './service.ts';

export const logger = new Logger({ serviceName });
/**
 * CloudWatch metrics as EMF log lines, in the namespace POWERTOOLS_METRICS_NAMESPACE names: one per stage, which
 * the stack sets and its alarms watch. The sandbox and the tests turn them off with POWERTOOLS_METRICS_DISABLED.
 */
export const metrics = new Metrics({ serviceName });
/**
 * X-Ray subsegments for every SDK call of a captured client (wiring/dynamodb.ts, wiring/sns.ts). Outside Lambda
 * (the sandbox, the tests) tracing is off and capturing returns the client as it is.
 */
export const tracer = new Tracer({ serviceName });

/**
 * A Lambda handler with what every invocation needs: log lines that carry the request id and cold start, a
 * subsegment of the function's trace for the handler (errors recorded on it), and the custom metrics written out,
 * however the invocation ends. The sandbox's gateway invokes HTTP handlers without a context.
 */
export function instrumented<Event, Result>(
  handler: (event: Event) => Promise<Result>,
): (event: Event, context?: Context) => Promise<Result> {
  return async (event, context) => {
    if (context !== undefined) logger.addContext(context);
    const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    const subsegment = segment?.addNewSubsegment(`## ${context?.functionName ?? 'handler'}`);
    if (subsegment !== undefined) {
      tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      return await handler(event);
    } catch (error) {
      tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      if (segment !== undefined && subsegment !== undefined) {
        subsegment.close();
        tracer.setSegment(segment);
      }
      // Invocations that overlap in one process (the sandbox runs every function in one) share these metrics: the
      // first to end writes them all, and the next has none left to write, which is no cause for a warning.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
