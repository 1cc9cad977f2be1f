// SNS subscription filter policies on message attributes (FilterPolicyScope MessageAttributes): validation and matching.

export interface MessageAttribute {
  DataType: string;
  StringValue?: string;
}

export type MessageAttributes = Record<string, MessageAttribute>;

type Comparison = '=' | '<' | '<=' | '>' | '>=';

type Condition =
  | { kind: 'equals'; value: string | number }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'equalsIgnoreCase'; value: string }
  | { kind: 'anythingBut'; values: (string | number)[] }
  | { kind: 'anythingButPrefix'; prefix: string }
  | { kind: 'anythingButSuffix'; suffix: string }
  | { kind: 'numeric'; bounds: { comparison: Comparison; value: number }[] }
  | { kind: 'exists'; exists: boolean };

/** Keys are ANDed; the conditions of one key are ORed; each `$or` branch is a policy of its own. */
export interface FilterPolicy {
  keys: Map<string, Condition[]>;
  anyOf: FilterPolicy[][];
}

export class FilterPolicyError extends Error {
  override name = 'FilterPolicyError';
}

export const filterPolicyLimits = { maxKeys: 5, maxCombinations: 150, maxBytes: 262_144 } as const;
/** SNS compares numbers within ±10⁹ with five decimal digits. */
const numericLimit = 1e9;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > numericLimit) {
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

function parseAnythingBut(value: unknown, where: string): Condition {
  if (typeof value === 'string') return { kind: 'anythingBut', values: [value] };
  if (typeof value === 'number') return { kind: 'anythingBut', values: [checkNumber(value, where)] };
  if (Array.isArray(value) && value.length > 0) {
    return {
      kind: 'anythingBut',
      values: value.map((item) =>
        typeof item === 'number' ? checkNumber(item, where) : checkString(item, where),
      ),
    };
  }
  if (isRecord(value) && Object.keys(value).length === 1) {
    if ('prefix' in value) return { kind: 'anythingButPrefix', prefix: checkString(value.prefix, where) };
    if ('suffix' in value) return { kind: 'anythingButSuffix', suffix: checkString(value.suffix, where) };
  }
  throw new FilterPolicyError(
    `${where}: anything-but takes a string, a number, a non-empty list of them, or {prefix} / {suffix}, received ${JSON.stringify(value)}`,
  );
}

function parseCondition(condition: unknown, where: string): Condition {
  if (typeof condition === 'string') return { kind: 'equals', value: condition };
  if (typeof condition === 'number') return { kind: 'equals', value: checkNumber(condition, where) };
  if (!isRecord(condition) || Object.keys(condition).length !== 1) {
    throw new FilterPolicyError(
      `${where}: a condition is a string, a number or an object with one operator, received ${JSON.stringify(condition)}`,
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

export function parseFilterPolicy(json: string): FilterPolicy {
  if (Buffer.byteLength(json, 'utf8') > filterPolicyLimits.maxBytes) {
    throw new FilterPolicyError(`FilterPolicy: larger than ${filterPolicyLimits.maxBytes} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new FilterPolicyError(`FilterPolicy: not valid JSON: ${json.slice(0, 200)}`, { cause: error });
  }
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
function valuesOf(attribute: MessageAttribute | undefined): (string | number)[] | undefined {
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
        (item): item is string | number => typeof item === 'string' || typeof item === 'number',
      );
    }
    default:
      return undefined;
  }
}

function compare(value: number, bound: { comparison: Comparison; value: number }): boolean {
  // Five decimal digits of precision, as SNS compares.
  const left = Math.round(value * 1e5);
  const right = Math.round(bound.value * 1e5);
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

function sameValue(left: string | number, right: string | number): boolean {
  if (typeof left === 'number' && typeof right === 'number')
    return compare(left, { comparison: '=', value: right });
  return left === right;
}

function valueMatches(condition: Condition, value: string | number): boolean {
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
    case 'anythingButSuffix':
      return typeof value === 'string' && !value.endsWith(condition.suffix);
    case 'numeric':
      return typeof value === 'number' && condition.bounds.every((bound) => compare(value, bound));
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

export function matchesFilterPolicy(policy: FilterPolicy, attributes: MessageAttributes): boolean {
  for (const [key, conditions] of policy.keys) {
    if (!keyMatches(conditions, attributes[key])) return false;
  }
  return policy.anyOf.every((branches) => branches.some((branch) => matchesFilterPolicy(branch, attributes)));
}
