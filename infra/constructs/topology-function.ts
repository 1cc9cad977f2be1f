// One Lambda function of the topology: its bundle, role, log group, environment and the access it declares.
import { resolve } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { readConfig } from '../../functions/config.ts';
import { serviceName } from '../../functions/service.ts';
import { projectRoot } from '../sandbox/paths.ts';
import type { FunctionName, FunctionSpec } from '../topology.ts';
import { lambdaBundling } from './bundling.ts';

/** What a function's `access` may refer to. */
export interface SharedResources {
  table: Table;
  topic: ITopic;
}

/** What every function of a stage shares. */
export interface FunctionSettings {
  logRetention: RetentionDays;
  /** Custom metrics go here, one namespace per stage, so that two stages in one account never mix them. */
  metricsNamespace: string;
  /** Whether Node maps stack traces through the source map at run time; see the stage setting. */
  runtimeSourceMaps: boolean;
}

/** Construct ids are part of the contract: `readApi` → `ReadApi`, stable as long as the topology key is. */
export function constructIdOf(name: FunctionName): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface TopologyFunctionProps {
  name: FunctionName;
  spec: FunctionSpec;
  resources: SharedResources;
  settings: FunctionSettings;
}

export class TopologyFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: TopologyFunctionProps) {
    super(scope, id);
    const { spec } = props;
    const logGroup = new LogGroup(this, 'LogGroup', { retention: props.settings.logRetention });
    // An own role instead of AWSLambdaBasicExecutionRole: writing to this log group only, not to every one.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `updates-feed ${props.name}: ${spec.description}`,
    });
    logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(projectRoot, spec.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: resolve(projectRoot, 'package-lock.json'),
      description: spec.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup,
      role: this.role,
      bundling: lambdaBundling,
      environment: {
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.settings.metricsNamespace,
        ...(props.settings.runtimeSourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        // Read from the deploying shell as the sandbox reads it, and checked by the same schema.
        NEWSROOM_TIME_ZONE: readConfig().NEWSROOM_TIME_ZONE,
      },
    });
    this.grantDeclaredAccess(spec.access, props.resources);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Resource * only for actions without resource-level permissions: xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords (active tracing), on stream consumers dynamodb:ListStreams, and for the ' +
        "editors' subscriptions sns:GetSubscriptionAttributes and sns:Unsubscribe",
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the project targets and tests (engines, esbuild target node22)',
    });
  }

  /** Each environment variable is set where its permission is granted, so neither exists without the other. */
  private grantDeclaredAccess(access: FunctionSpec['access'], { table, topic }: SharedResources): void {
    if (access.table !== undefined) {
      this.function.addEnvironment('TABLE_NAME', table.tableName);
      const grant = {
        read: () => table.grantReadData(this.function),
        write: () => table.grantWriteData(this.function),
        readWrite: () => table.grantReadWriteData(this.function),
      }[access.table];
      grant();
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${tableIndexesArnPattern(table)}]`,
        reason: "The table's own indexes (changes, metrics): the grant reaches the table and its GSIs only",
      });
    }
    if (access.topic === 'publish') {
      this.function.addEnvironment('TOPIC_ARN', topic.topicArn);
      topic.grantPublish(this.function);
    }
    if (access.topic === 'subscribe' || access.topic === 'manageSubscriptions') {
      this.function.addEnvironment('TOPIC_ARN', topic.topicArn);
      // Topic has no grantSubscribe: subscribing to this one topic, nothing else about it.
      const onTopic = access.topic === 'subscribe' ? ['sns:Subscribe'] : subscriptionManagementOnTopic;
      this.function.addToRolePolicy(new PolicyStatement({ actions: onTopic, resources: [topic.topicArn] }));
    }
    if (access.topic === 'manageSubscriptions') {
      // SNS has no resource-level permission for these two (a subscription is no IAM resource type): the code
      // only ever names subscriptions of this topic, `<topic ARN>:<id>`.
      this.function.addToRolePolicy(
        new PolicyStatement({ actions: subscriptionManagementUnscoped, resources: ['*'] }),
      );
    }
  }
}

/** What listing, reading and deleting the topic's subscriptions take, on the topic itself. */
const subscriptionManagementOnTopic = ['sns:Subscribe', 'sns:ListSubscriptionsByTopic'];
/**
 * And on every resource, as the Service Authorization Reference lists no resource type for them
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html).
 */
export const subscriptionManagementUnscoped = ['sns:GetSubscriptionAttributes', 'sns:Unsubscribe'];

/** How cdk-nag spells the table's `<arn>/index/*` resource in its finding ids. */
function tableIndexesArnPattern(table: Table): string {
  const arn = table.stack.resolve(table.tableArn) as unknown;
  const getAtt = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt === undefined) {
    throw new Error(
      `table arn must be a Fn::GetAtt of a table in the same stack, got ${JSON.stringify(arn)}`,
    );
  }
  return `<${getAtt[0]}.${getAtt[1]}>/index/*`;
}
