// The custom metrics every HTTP function emits per route (dimensions service and route, the route key), apart from
// http.ts so that the stack's alarms can name them without loading the handlers.
export const httpMetricNames = {
  requests: 'HttpRequests',
  clientErrors: 'Http4xx',
  serverErrors: 'Http5xx',
  latency: 'HttpLatency',
} as const;
