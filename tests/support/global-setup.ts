// One DynamoDB Local (in memory) for the whole test run; tests read its endpoint with inject('dynamodbEndpoint').
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/sandbox/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamodb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return async () => {
    await dynamodb.stop();
  };
}
