// The one subscriber each sandbox benchmark measures against, subscribed the way a downstream service would be.
import type { Sandbox } from '../infra/sandbox/sandbox.ts';

/** Subscribes an HTTP endpoint to every change, then waits until the sandbox has nothing left to do. */
export async function subscribeOverHttp(sandbox: Sandbox, endpoint: string): Promise<void> {
  const subscribed = await fetch(`${sandbox.url}/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 'http', endpoint }),
  });
  if (subscribed.status !== 201) throw new Error(`subscribing answered ${subscribed.status}`);
  await sandbox.settled();
}
