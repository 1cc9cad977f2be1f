// The AWS Query protocol as @aws-sdk/client-sns speaks it: form-encoded parameters in, XML out.
import type { MessageAttributes } from './filter-policy.ts';

const namespace = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** An SNS error as the API reports it; `code` is what the SDK turns into an exception class. */
export class SnsApiError extends Error {
  override name = 'SnsApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  get senderFault(): boolean {
    return this.status < 500;
  }
}

export const invalidParameter = (message: string) => new SnsApiError('InvalidParameter', 400, message);

export type Params = URLSearchParams;

export function required(params: Params, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') throw invalidParameter(`Invalid parameter: ${name} is required`);
  return value;
}

/** The indices of a flattened list or map (`Prefix.member.N.`, `Prefix.entry.N.`), in order. */
function indices(params: Params, prefix: string): number[] {
  const found = new Set<number>();
  for (const key of params.keys()) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(/^(\d+)\./.exec(key.slice(prefix.length))?.[1]);
    if (Number.isSafeInteger(index)) found.add(index);
  }
  return [...found].sort((left, right) => left - right);
}

/** Each member's parameter prefix: `Entries.member.1.`, `Entries.member.2.`… */
export function listMembers(params: Params, name: string): string[] {
  return indices(params, `${name}.member.`).map((index) => `${name}.member.${index}.`);
}

/** A map of strings (`Attributes.entry.N.key` / `.value`), as Subscribe and CreateTopic send it. */
export function stringMap(params: Params, name: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const index of indices(params, `${name}.entry.`)) {
    const key = required(params, `${name}.entry.${index}.key`);
    map[key] = params.get(`${name}.entry.${index}.value`) ?? '';
  }
  return map;
}

export interface RawAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

/** Message attributes (`<prefix>MessageAttributes.entry.N.Name` / `.Value.DataType` / `.Value.StringValue`). */
export function messageAttributes(params: Params, prefix: string): Record<string, RawAttribute> {
  const attributes: Record<string, RawAttribute> = {};
  const base = `${prefix}MessageAttributes.entry.`;
  for (const index of indices(params, base)) {
    const name = required(params, `${base}${index}.Name`);
    if (name in attributes)
      throw invalidParameter(`Invalid parameter: message attribute ${name} given twice`);
    const dataType = params.get(`${base}${index}.Value.DataType`) ?? '';
    const stringValue = params.get(`${base}${index}.Value.StringValue`);
    const binaryValue = params.get(`${base}${index}.Value.BinaryValue`);
    attributes[name] = {
      DataType: dataType,
      ...(stringValue === null ? {} : { StringValue: stringValue }),
      ...(binaryValue === null ? {} : { BinaryValue: Buffer.from(binaryValue, 'base64') }),
    };
  }
  return attributes;
}

const attributeNamePattern = /^[A-Za-z0-9_.-]{1,256}$/;
const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** SNS's rules for message attributes; the result is what filter policies and subscribers see. */
export function validateMessageAttributes(attributes: Record<string, RawAttribute>): MessageAttributes {
  const valid: MessageAttributes = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const where = `message attribute ${JSON.stringify(name)}`;
    if (
      !attributeNamePattern.test(name) ||
      /^(aws\.|amazon\.)/i.test(name) ||
      name.startsWith('.') ||
      name.endsWith('.') ||
      name.includes('..')
    ) {
      throw invalidParameter(
        `Invalid parameter: ${where}: names are 1-256 letters, digits, '_', '-', '.', with no leading, trailing or doubled '.' and no AWS./Amazon. prefix`,
      );
    }
    const { DataType: dataType, StringValue: value } = attribute;
    if (dataType === 'Binary') {
      if (attribute.BinaryValue === undefined || attribute.BinaryValue.byteLength === 0) {
        throw invalidParameter(`Invalid parameter: ${where} of type Binary has no BinaryValue`);
      }
      valid[name] = {
        DataType: dataType,
        StringValue: Buffer.from(attribute.BinaryValue).toString('base64'),
      };
      continue;
    }
    if (dataType !== 'String' && dataType !== 'Number' && dataType !== 'String.Array') {
      throw invalidParameter(
        `Invalid parameter: ${where} has DataType ${JSON.stringify(dataType)}; SNS takes String, String.Array, Number or Binary`,
      );
    }
    if (value === undefined || value === '') {
      throw invalidParameter(`Invalid parameter: ${where} of type ${dataType} has no StringValue`);
    }
    if (dataType === 'Number' && (!numberPattern.test(value) || value.replace(/\D/g, '').length > 38)) {
      throw invalidParameter(
        `Invalid parameter: ${where} of type Number has the value ${JSON.stringify(value)}`,
      );
    }
    if (dataType === 'String.Array' && !isJsonArrayOfScalars(value)) {
      throw invalidParameter(
        `Invalid parameter: ${where} of type String.Array must be a JSON array of strings, numbers, true, false or null, received ${JSON.stringify(value)}`,
      );
    }
    valid[name] = { DataType: dataType, StringValue: value };
  }
  return valid;
}

function isJsonArrayOfScalars(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return (
      Array.isArray(parsed) &&
      parsed.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))
    );
  } catch {
    return false;
  }
}

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
  );
}

/** XML 1.0 cannot carry C0 controls even as references; they become U+FFFD so the SDK can parse every answer. */
export function escapeXml(text: string): string {
  return Array.from(text, (character) =>
    isXmlCharacter(character.codePointAt(0) ?? 0) ? (xmlEscapes[character] ?? character) : '\ufffd',
  ).join('');
}

/** `<Name>value</Name>` for each defined field, in the given order. */
export function xmlFields(fields: Record<string, string | boolean | undefined>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string | boolean] => entry[1] !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
}

/** A map of strings as SNS answers one (`<entry><key>…</key><value>…</value></entry>`…), the keys sorted. */
export function xmlMap(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((key) => `<entry>${xmlFields({ key, value: map[key] })}</entry>`)
    .join('');
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`. */
export function xmlResponse(action: string, result: string | undefined, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${result}</${action}Result>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>\n`;
}

export function xmlError(error: SnsApiError, requestId: string): string {
  const type = error.senderFault ? 'Sender' : 'Receiver';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>\n`;
}
