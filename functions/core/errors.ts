// Errors the core raises; the HTTP layer maps each class to a status code in one place.

export interface ValidationIssue {
  path: string;
  message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The request contradicts what is stored (a metric merged elsewhere, an alias cycle, a subscription of the same endpoint with other choices); retrying will not help. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

/** Too many writers raced for the same metric or brief; the caller (a stream retry) tries again later. */
export class ContentionError extends Error {
  override name = 'ContentionError';
}
