/** The `service` of every log line and the dimension of every custom metric: the alarms watch it. */
export const serviceName = 'updates-feed';
