// The CDK app (`npx cdk synth`, `npx cdk deploy -c stage=prod`): one stage's stack, checked by cdk-nag's AWS
// Solutions rules.
import { pathToFileURL } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { UpdatesFeedStack } from './stacks/updates-feed-stack.ts';
import { stageFromContext } from './stage.ts';

/** Synthesis fails on any finding that is not acknowledged with a reason where it occurs. */
export function createApp(props: AppProps = {}): { app: App; stack: UpdatesFeedStack } {
  const app = new App(props);
  const stage = stageFromContext(app.node);
  // The stack name carries the stage, so stages live side by side in one account; construct ids inside the stack
  // (and so every logical id) are the same in every stage.
  const stack = new UpdatesFeedStack(app, stage.stackName, {
    description: `updates-feed (${stage.name}): newsroom briefs in, figure-change events and feeds out`,
    stage,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  createApp().app.synth();
}
