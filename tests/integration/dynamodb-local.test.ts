import { describe, expect, inject, it } from 'vitest';

describe('test environment', () => {
  it('serves DynamoDB Local to every test file', async () => {
    const response = await fetch(inject('dynamodbEndpoint'), { method: 'POST' });
    expect(response.status).toBe(400);
  });
});
