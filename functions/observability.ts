// The Powertools logger and metrics every function shares: one instance each per cold start.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceName } from './service.ts';

export const logger = new Logger({ serviceName });
/**
 * CloudWatch metrics as EMF log lines, in the namespace POWERTOOLS_METRICS_NAMESPACE names: one per stage, which
 * the stack sets and its alarms watch. The sandbox turns them off with POWERTOOLS_METRICS_DISABLED.
 */
export const metrics = new Metrics({ serviceName });
