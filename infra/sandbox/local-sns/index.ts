export type { Faults, LocalSns, LocalSnsOptions, ReceivedRequest, SubscriptionView } from './server.ts';
export { startLocalSns } from './server.ts';
