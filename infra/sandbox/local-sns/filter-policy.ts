// SNS subscription filter policies on message attributes (FilterPolicyScope MessageAttributes): validation and
// matching as AWS does them. Where AWS's documentation is silent, the rules follow its open-source matcher
// (aws/event-ruler) and the cases moto and LocalStack recorded against real AWS.
import { isIPv4, isIPv6 } from 'node:net';
import { filterPolicyLimits, numericMatching } from '../../../functions/adapters/sns/limits.ts';

export interface MessageAttribute {
  DataType: string;
  StringValue?: string;
}

export type MessageAttributes = Record<string, MessageAttribute>;

type Comparison = '=' | '<' | '<=' | '>' | '>=';

/** A value a policy compares with: JSON's scalars, as a String.Array attribute may hold every one of them. */
type Scalar = string | number | boolean | null;

type Condition =
  | { kind: 'equals'; value: Scalar }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'equalsIgnoreCase'; value: string }
  | { kind: 'anythingBut'; values: Scalar[] }
  | { kind: 'anythingButPrefix'; prefix: string }
  | { kind: 'numeric'; bounds: { comparison: Comparison; value: number }[] }
  | { kind: 'cidr'; family: 4 | 6; low: Uint8Array; high: Uint8Array }
  | { kind: 'exists'; exists: boolean };

/** Keys are ANDed; the conditions of one key are ORed; each `$or` branch is a policy of its own. */
export interface FilterPolicy {
  keys: Map<string, Condition[]>;
  anyOf: FilterPolicy[][];
}

export class FilterPolicyError extends Error {
  override name = 'FilterPolicyError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > numericMatching.max) {
    throw new FilterPolicyError(`${where}: expected a number within ±1e9, received ${JSON.stringify(value)}`);
  }
  return value;
}

function checkString(value: unknown, where: string): string {
  if (typeof value !== 'string') {
    throw new FilterPolicyError(`${where}: expected a string, received ${JSON.stringify(value)}`);
  }
  return value;
}

function checkScalar(value: unknown, where: string): Scalar {
  if (typeof value === 'number') return checkNumber(value, where);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new FilterPolicyError(
    `${where}: a match value is a string, a number, true, false or null, received ${JSON.stringify(value)}`,
  );
}

function parseNumericBounds(value: unknown, where: string): Condition {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 4)) {
    throw new FilterPolicyError(
      `${where}: numeric takes [operator, number] or [lower operator, number, upper operator, number], received ${JSON.stringify(value)}`,
    );
  }
  const bounds: { comparison: Comparison; value: number }[] = [];
  for (let index = 0; index < value.length; index += 2) {
    const comparison = value[index];
    if (!['=', '<', '<=', '>', '>='].includes(comparison)) {
      throw new FilterPolicyError(`${where}: unknown numeric operator ${JSON.stringify(comparison)}`);
    }
    bounds.push({ comparison: comparison as Comparison, value: checkNumber(value[index + 1], where) });
  }
  const [lower, upper] = bounds;
  if (
    upper !== undefined &&
    lower !== undefined &&
    !(
      (lower.comparison === '>' || lower.comparison === '>=') &&
      (upper.comparison === '<' || upper.comparison === '<=') &&
      lower.value < upper.value
    )
  ) {
    throw new FilterPolicyError(
      `${where}: a numeric range needs a lower bound (> or >=) below an upper bound (< or <=), received ${JSON.stringify(value)}`,
    );
  }
  return { kind: 'numeric', bounds };
}

/** The bytes of an IP address literal, or undefined for anything else (host names included). */
function ipBytes(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return Uint8Array.from(text.split('.').map(Number));
  if (!isIPv6(text)) return undefined;
  // isIPv6 has vouched for the syntax: one `::` at most, a dotted IPv4 tail only at the end.
  const dotted = /\d+\.\d+\.\d+\.\d+$/.exec(text)?.[0];
  const tail = dotted === undefined ? [] : [...(ipBytes(dotted) ?? [])];
  let hex = dotted === undefined ? text : text.slice(0, -dotted.length);
  if (hex.endsWith(':') && !hex.endsWith('::')) hex = hex.slice(0, -1);
  const words = (part: string | undefined) =>
    part === undefined || part === '' ? [] : part.split(':').map((word) => Number.parseInt(word, 16));
  const [before, after] = hex.split('::');
  const head = words(before);
  const rest = words(after);
  const zeros = Array<number>(8 - tail.length / 2 - head.length - rest.length).fill(0);
  return Uint8Array.from([
    ...[...head, ...zeros, ...rest].flatMap((word) => [word >> 8, word & 0xff]),
    ...tail,
  ]);
}

/**
 * `address/bits`, matching from the address as written up to it with every host bit set, as event-ruler does;
 * its limits too: one `/`, an integer mask under 32 (IPv4) or 128 (IPv6).
 */
function parseCidr(value: unknown, where: string): Condition {
  const cidr = checkString(value, where);
  const parts = cidr.split('/');
  if (parts.length !== 2)
    throw new FilterPolicyError(`${where}: malformed CIDR ${JSON.stringify(cidr)}, one '/' required`);
  const [address = '', maskText = ''] = parts;
  if (!/^\d+$/.test(maskText)) {
    throw new FilterPolicyError(
      `${where}: malformed CIDR ${JSON.stringify(cidr)}, mask bits must be an integer`,
    );
  }
  const low = ipBytes(address);
  if (low === undefined)
    throw new FilterPolicyError(`${where}: invalid IP address ${JSON.stringify(address)}`);
  const family = low.length === 4 ? 4 : 6;
  const mask = Number(maskText);
  if (mask >= low.length * 8) {
    throw new FilterPolicyError(
      `${where}: IPv${family} mask bits must be < ${low.length * 8}, received ${JSON.stringify(cidr)}`,
    );
  }
  const high = Uint8Array.from(low, (byte, index) => {
    const hostBits = Math.min(8, Math.max(0, low.length * 8 - mask - (low.length - 1 - index) * 8));
    return byte | ((1 << hostBits) - 1);
  });
  return { kind: 'cidr', family, low, high };
}

function parseAnythingBut(value: unknown, where: string): Condition {
  if (Array.isArray(value) && value.length > 0) {
    return { kind: 'anythingBut', values: value.map((item) => checkScalar(item, where)) };
  }
  // AWS refuses every other nested operator here, suffix and exists included.
  if (isRecord(value) && Object.keys(value).length === 1 && 'prefix' in value) {
    return { kind: 'anythingButPrefix', prefix: checkString(value.prefix, where) };
  }
  if (!Array.isArray(value) && !isRecord(value))
    return { kind: 'anythingBut', values: [checkScalar(value, where)] };
  throw new FilterPolicyError(
    `${where}: anything-but takes a value, a non-empty list of values, or {"prefix": string}, received ${JSON.stringify(value)}`,
  );
}

function parseCondition(condition: unknown, where: string): Condition {
  if (!isRecord(condition)) return { kind: 'equals', value: checkScalar(condition, where) };
  if (Object.keys(condition).length !== 1) {
    throw new FilterPolicyError(
      `${where}: a condition object has exactly one operator, received ${JSON.stringify(condition)}`,
    );
  }
  const [operator, operand] = Object.entries(condition)[0] as [string, unknown];
  switch (operator) {
    case 'prefix':
      return { kind: 'prefix', prefix: checkString(operand, where) };
    case 'suffix':
      return { kind: 'suffix', suffix: checkString(operand, where) };
    case 'equals-ignore-case':
      return { kind: 'equalsIgnoreCase', value: checkString(operand, where) };
    case 'anything-but':
      return parseAnythingBut(operand, where);
    case 'numeric':
      return parseNumericBounds(operand, where);
    case 'cidr':
      return parseCidr(operand, where);
    case 'exists':
      if (typeof operand !== 'boolean') {
        throw new FilterPolicyError(
          `${where}: exists takes true or false, received ${JSON.stringify(operand)}`,
        );
      }
      return { kind: 'exists', exists: operand };
    default:
      throw new FilterPolicyError(`${where}: unsupported operator ${JSON.stringify(operator)}`);
  }
}

function parsePolicyObject(value: unknown, where: string): FilterPolicy {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    throw new FilterPolicyError(
      `${where}: expected a non-empty JSON object, received ${JSON.stringify(value)}`,
    );
  }
  const policy: FilterPolicy = { keys: new Map(), anyOf: [] };
  for (const [key, conditions] of Object.entries(value)) {
    if (key === '$or') {
      if (!Array.isArray(conditions) || conditions.length < 2) {
        throw new FilterPolicyError(`${where}.$or: expected a list of at least two policies`);
      }
      policy.anyOf.push(
        conditions.map((branch, index) => parsePolicyObject(branch, `${where}.$or[${index}]`)),
      );
      continue;
    }
    if (!Array.isArray(conditions) || conditions.length === 0) {
      throw new FilterPolicyError(
        `${where}.${key}: attribute filter policies take a non-empty list of conditions (no nesting), received ${JSON.stringify(conditions)}`,
      );
    }
    policy.keys.set(
      key,
      conditions.map((condition, index) => parseCondition(condition, `${where}.${key}[${index}]`)),
    );
  }
  return policy;
}

function keyNames(policy: FilterPolicy, into = new Set<string>()): Set<string> {
  for (const key of policy.keys.keys()) into.add(key);
  for (const branches of policy.anyOf) for (const branch of branches) keyNames(branch, into);
  return into;
}

/** The product of the lengths of the condition lists, summed over `$or` branches, as SNS counts it. */
function combinations(policy: FilterPolicy): number {
  let product = 1;
  for (const conditions of policy.keys.values()) product *= conditions.length;
  for (const branches of policy.anyOf)
    product *= branches.reduce((sum, branch) => sum + combinations(branch), 0);
  return product;
}

/**
 * The policy of a FilterPolicy attribute; undefined for no policy at all: `""` (how AWS unsets one) and `{}`
 * (how its documentation says to remove one).
 */
export function parseFilterPolicy(json: string): FilterPolicy | undefined {
  if (json === '') return undefined;
  if (Buffer.byteLength(json, 'utf8') > filterPolicyLimits.maxBytes) {
    throw new FilterPolicyError(`FilterPolicy: larger than ${filterPolicyLimits.maxBytes} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new FilterPolicyError(`FilterPolicy: not valid JSON: ${json.slice(0, 200)}`, { cause: error });
  }
  if (isRecord(parsed) && Object.keys(parsed).length === 0) return undefined;
  const policy = parsePolicyObject(parsed, 'FilterPolicy');
  const keys = keyNames(policy);
  if (keys.size > filterPolicyLimits.maxKeys) {
    throw new FilterPolicyError(
      `FilterPolicy: at most ${filterPolicyLimits.maxKeys} keys, received ${keys.size} (${[...keys].join(', ')})`,
    );
  }
  const total = combinations(policy);
  if (total > filterPolicyLimits.maxCombinations) {
    throw new FilterPolicyError(
      `FilterPolicy: at most ${filterPolicyLimits.maxCombinations} combinations of values, received ${total}`,
    );
  }
  return policy;
}

/** The values one attribute offers to conditions; Binary attributes take no part in filtering. */
function valuesOf(attribute: MessageAttribute | undefined): Scalar[] | undefined {
  if (attribute === undefined || attribute.StringValue === undefined) return undefined;
  switch (attribute.DataType) {
    case 'String':
      return [attribute.StringValue];
    case 'Number':
      return [Number(attribute.StringValue)];
    case 'String.Array': {
      const items: unknown = JSON.parse(attribute.StringValue);
      if (!Array.isArray(items)) return undefined;
      return items.filter(
        (item): item is Scalar => item === null || ['string', 'number', 'boolean'].includes(typeof item),
      );
    }
    default:
      return undefined;
  }
}

function compare(value: number, bound: { comparison: Comparison; value: number }): boolean {
  // Five decimal digits of precision, as SNS compares.
  const scale = 10 ** numericMatching.decimals;
  const left = Math.round(value * scale);
  const right = Math.round(bound.value * scale);
  switch (bound.comparison) {
    case '=':
      return left === right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function sameValue(left: Scalar, right: Scalar): boolean {
  if (typeof left === 'number' && typeof right === 'number')
    return compare(left, { comparison: '=', value: right });
  return left === right;
}

function withinBytes(value: Uint8Array, low: Uint8Array, high: Uint8Array): boolean {
  const order = (left: Uint8Array, right: Uint8Array) => {
    for (let index = 0; index < left.length; index++) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  return order(value, low) >= 0 && order(value, high) <= 0;
}

function valueMatches(condition: Condition, value: Scalar): boolean {
  switch (condition.kind) {
    case 'equals':
      return sameValue(value, condition.value);
    case 'prefix':
      return typeof value === 'string' && value.startsWith(condition.prefix);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(condition.suffix);
    case 'equalsIgnoreCase':
      return typeof value === 'string' && value.toLowerCase() === condition.value.toLowerCase();
    case 'anythingBut':
      return !condition.values.some((excluded) => sameValue(value, excluded));
    case 'anythingButPrefix':
      return typeof value === 'string' && !value.startsWith(condition.prefix);
    case 'numeric':
      return typeof value === 'number' && condition.bounds.every((bound) => compare(value, bound));
    case 'cidr': {
      const address = typeof value === 'string' ? ipBytes(value) : undefined;
      return address?.length === condition.low.length && withinBytes(address, condition.low, condition.high);
    }
    case 'exists':
      return condition.exists;
  }
}

function keyMatches(conditions: Condition[], attribute: MessageAttribute | undefined): boolean {
  const values = valuesOf(attribute);
  return conditions.some((condition) => {
    if (values === undefined) return condition.kind === 'exists' && !condition.exists;
    if (condition.kind === 'exists') return condition.exists;
    return values.some((value) => valueMatches(condition, value));
  });
}

/** No policy matches every message. */
export function matchesFilterPolicy(
  policy: FilterPolicy | undefined,
  attributes: MessageAttributes,
): boolean {
  if (policy === undefined) return true;
  for (const [key, conditions] of policy.keys) {
    if (!keyMatches(conditions, attributes[key])) return false;
  }
  return policy.anyOf.every((branches) => branches.some((branch) => matchesFilterPolicy(branch, attributes)));
}
