import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../infra/sandbox/paths.ts';
import { isAlive } from '../../infra/sandbox/processes.ts';

describe('test environment', () => {
  it('serves DynamoDB Local to every test file', async () => {
    const response = await fetch(inject('dynamodbEndpoint'), { method: 'POST' });
    expect(response.status).toBe(400);
  });
});

/** Starts an in-memory DynamoDB Local, prints its JVM's pid, then dies of an uncaught error without stopping it. */
const crashingOwner = `
import { startDynamoDbLocal } from ${JSON.stringify(join(projectRoot, 'infra', 'sandbox', 'dynamodb-local.ts'))};
const dynamodb = await startDynamoDbLocal();
process.stdout.write(String(dynamodb.process.pid));
setTimeout(() => { throw new Error('the owner crashed'); }, 10);
`;

describe('DynamoDB Local', () => {
  it('does not outlive a process that crashes without stopping it', async () => {
    let printed = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', crashingOwner], {
        cwd: projectRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      printed = String((error as { stdout?: string }).stdout ?? '');
    }
    const pid = Number(printed);
    expect(Number.isInteger(pid) && pid > 0).toBe(true);
    try {
      for (let waited = 0; waited < 5000 && isAlive(pid); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(isAlive(pid)).toBe(false);
    } finally {
      // Were it left running, it would outlive this run too.
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
