/**
 * The custom metric both stream consumers emit for the failed records they keep for replay; apart from the
 * handlers so that the stack's alarm can name it without loading them.
 */
export const keptForReplayMetric = 'RecordsKeptForReplay';
