import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { subscriptionManagementUnscoped } from '../../infra/constructs/topology-function.ts';
import { type FunctionName, type FunctionSpec, functions } from '../../infra/topology.ts';
import { asList, identityStatements, removeTestOutputs, synthesize } from './synth.ts';

const { stack, template } = synthesize();
afterAll(removeTestOutputs);
const statements = identityStatements(template);
const topologyEntries = Object.entries(functions) as Array<[FunctionName, FunctionSpec]>;
const deployed = new Map([...stack.api.functions, ...stack.pipeline.consumers]);

/** Actions AWS offers no resource-level permission for. */
const actionsWithoutResourceScope = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'dynamodb:ListStreams',
  ...subscriptionManagementUnscoped,
]);
const tableWrites = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

function actionsOf(name: FunctionName): Set<string> {
  const role = deployed.get(name)?.role;
  if (role === undefined) throw new Error(`function ${name} has no role in the stack`);
  const roleId = stack.getLogicalId(role.node.defaultChild as CfnElement);
  return new Set(
    statements
      .filter(({ roles, statement }) => roles.includes(roleId) && statement.Effect === 'Allow')
      .flatMap(({ statement }) => asList(statement.Action)),
  );
}

const holders = (action: string) =>
  topologyEntries.filter(([name]) => actionsOf(name).has(action)).map(([name]) => name);

describe('least privilege', () => {
  it('grants no wildcard action anywhere', () => {
    const actions = statements.flatMap(({ statement }) => asList(statement.Action));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action === '*' || action.endsWith(':*'))).toEqual([]);
  });

  it('grants on every resource only the actions that cannot be scoped', () => {
    const unscoped = statements.filter(({ statement }) => asList(statement.Resource).includes('*'));
    expect(unscoped.length).toBeGreaterThan(0);
    for (const { statement } of unscoped) {
      expect(asList(statement.Action).filter((action) => !actionsWithoutResourceScope.has(action))).toEqual(
        [],
      );
    }
  });

  it('lets the publisher (changes) and the pipeline (digests) alone publish to the topic', () => {
    expect(holders('sns:Publish')).toEqual(
      topologyEntries.filter(([, spec]) => spec.access.topic === 'publish').map(([name]) => name),
    );
    expect(holders('sns:Publish').sort()).toEqual(['pipeline', 'publisher']);
  });

  it("lets the editors' and the readers' subscription functions alone subscribe, to the changes topic only", () => {
    expect(holders('sns:Subscribe')).toEqual(['subscriptions', 'emailSubscriptions']);
    const subscribe = statements.filter(({ statement }) =>
      asList(statement.Action).includes('sns:Subscribe'),
    );
    const topicRef = { Ref: stack.getLogicalId(stack.events.topic.node.defaultChild as CfnElement) };
    expect(subscribe.map(({ statement }) => statement.Resource)).toEqual([topicRef, topicRef]);
  });

  it("lets the editors' subscription function alone list, read and delete subscriptions; the readers' only subscribe", () => {
    for (const action of ['sns:ListSubscriptionsByTopic', ...subscriptionManagementUnscoped]) {
      expect(holders(action), action).toEqual(['subscriptions']);
    }
    const sns = (name: FunctionName) => [...actionsOf(name)].filter((action) => action.startsWith('sns:'));
    expect(sns('emailSubscriptions')).toEqual(['sns:Subscribe']);
    const listing = statements.find(({ statement }) =>
      asList(statement.Action).includes('sns:ListSubscriptionsByTopic'),
    );
    expect(listing?.statement.Resource).toEqual({
      Ref: stack.getLogicalId(stack.events.topic.node.defaultChild as CfnElement),
    });
  });

  it.each(topologyEntries.filter(([, spec]) => spec.access.table === 'read'))(
    'keeps %s read-only on the table',
    (name) => {
      const actions = actionsOf(name);
      expect(actions.has('dynamodb:Query')).toBe(true);
      expect(tableWrites.filter((action) => actions.has(action))).toEqual([]);
    },
  );

  it.each(topologyEntries.filter(([, spec]) => spec.access.table === undefined))(
    'gives %s no table data access',
    (name) => {
      const dataActions = [...tableWrites, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
      expect(dataActions.filter((action) => actionsOf(name).has(action))).toEqual([]);
    },
  );

  it.each(topologyEntries.filter(([, spec]) => spec.stream === undefined))(
    'gives %s, which is not on the stream, no stream records',
    (name) => {
      expect(actionsOf(name).has('dynamodb:DescribeStream')).toBe(false);
      expect(actionsOf(name).has('dynamodb:ListStreams')).toBe(false);
    },
  );
});
