// SNS's documented limits, shared by the publisher (to stay inside them) and the sandbox's SNS (to enforce them).

/** Message body plus message attributes, in UTF-8 bytes; also the cap on a whole PublishBatch request. */
export const maxMessageBytes = 262_144;
export const maxBatchEntries = 10;
/** Subjects must be shorter than 100 characters. */
export const maxSubjectChars = 99;
/** Numeric matching in filter policies covers -1e9..1e9 with five decimals. */
export const numericMatching = { max: 1_000_000_000, decimals: 5 } as const;
/** Keys of one policy, value combinations (the product of the lengths of its value lists), size. */
export const filterPolicyLimits = { maxKeys: 5, maxCombinations: 150, maxBytes: 262_144 } as const;

const batchEntryIdPattern = /^[A-Za-z0-9_-]{1,80}$/;

export interface AttributeValue {
  DataType?: string | undefined;
  StringValue?: string | undefined;
  BinaryValue?: Uint8Array | undefined;
}

export function isValidBatchEntryId(id: string): boolean {
  return batchEntryIdPattern.test(id);
}

/** Counts what SNS counts against the size limit: the body and each attribute's name, type and value. */
export function messageSizeBytes(message: string, attributes: Record<string, AttributeValue> = {}): number {
  let bytes = Buffer.byteLength(message, 'utf8');
  for (const [name, value] of Object.entries(attributes)) {
    bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value.DataType ?? '', 'utf8');
    bytes += value.BinaryValue?.byteLength ?? Buffer.byteLength(value.StringValue ?? '', 'utf8');
  }
  return bytes;
}

/**
 * SNS's rule for subjects: UTF-8 text with no line breaks or control characters, less than 100 characters long
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html); characters counted in UTF-16 units, the longer
 * count, and no leading space, so that a subject valid here is valid on AWS.
 */
export function isValidSubject(subject: string): boolean {
  return (
    subject.length > 0 &&
    subject.length <= maxSubjectChars &&
    subject.isWellFormed() &&
    !/[\p{Cc}\u0085\u2028\u2029]/u.test(subject) &&
    !/^\s/u.test(subject)
  );
}
