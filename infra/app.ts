// The CDK app (`npx cdk synth`, `npx cdk deploy`): the stack, checked by cdk-nag's AWS Solutions rules.
import { pathToFileURL } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { UpdatesFeedStack } from './stacks/updates-feed-stack.ts';

export const stackId = 'UpdatesFeed';

/** Synthesis fails on any finding that is not acknowledged with a reason where it occurs. */
export function createApp(props: AppProps = {}): { app: App; stack: UpdatesFeedStack } {
  const app = new App(props);
  const stack = new UpdatesFeedStack(app, stackId, {
    description: 'updates-feed: newsroom briefs in, figure-change events and feeds out',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  createApp().app.synth();
}
