// Topics and subscriptions of the sandbox's SNS, kept in <dataDir>/sns.json so a restart finds them again.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const subscriptionProtocols = ['http', 'https', 'email', 'email-json', 'sqs', 'lambda'] as const;
export type Protocol = (typeof subscriptionProtocols)[number];

export interface TopicRecord {
  arn: string;
  name: string;
  attributes: Record<string, string>;
}

export interface SubscriptionRecord {
  arn: string;
  topicArn: string;
  protocol: Protocol;
  endpoint: string;
  attributes: Record<string, string>;
  confirmed: boolean;
  /** What the endpoint must send back to confirm; SNS hands it out in the SubscriptionConfirmation. */
  token: string;
  createdAt: string;
}

interface StoredState {
  version: 1;
  topics: TopicRecord[];
  subscriptions: SubscriptionRecord[];
}

export class SnsStateError extends Error {
  override name = 'SnsStateError';
}

export class SnsStore {
  readonly topics = new Map<string, TopicRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'sns.json');
    if (!existsSync(this.file)) return;
    let state: StoredState;
    try {
      state = JSON.parse(readFileSync(this.file, 'utf8')) as StoredState;
    } catch (error) {
      throw new SnsStateError(`cannot read the local SNS state in ${this.file}`, { cause: error });
    }
    if (state.version !== 1) {
      throw new SnsStateError(`unknown local SNS state version ${String(state.version)} in ${this.file}`);
    }
    for (const topic of state.topics) this.topics.set(topic.arn, topic);
    for (const subscription of state.subscriptions) this.subscriptions.set(subscription.arn, subscription);
  }

  subscriptionsOf(topicArn: string): SubscriptionRecord[] {
    return [...this.subscriptions.values()].filter((subscription) => subscription.topicArn === topicArn);
  }

  /** Temp file and rename: a crash leaves either the old state or the new one, never half of one. */
  save(): void {
    const state: StoredState = {
      version: 1,
      topics: [...this.topics.values()],
      subscriptions: [...this.subscriptions.values()],
    };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}
