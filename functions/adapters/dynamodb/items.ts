// Conversion between domain records and DynamoDB items, and the item size DynamoDB bills for.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, AttributeValue>;

/** Every figure is already a JavaScript double, so numbers past 2^53 lose nothing more by being stored. */
export function toItem(record: Record<string, unknown>): Item {
  return marshall(record, { removeUndefinedValues: true, allowImpreciseNumbers: true });
}

/** Numbers come back as JavaScript numbers, never as BigInt or wrapper objects. */
export function fromItem(item: Item): Record<string, unknown> {
  return unmarshall(item, { wrapNumbers: Number });
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** DynamoDB stores up to 38 significant digits at one byte per two digits, plus one byte. */
function numberBytes(text: string): number {
  const mantissa = text.replace(/^[-+]/, '').replace(/[eE].*$/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

const containerOverheadBytes = 3;
const elementOverheadBytes = 1;

function attributeValueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Bytes(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, text) => sum + utf8Bytes(text), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, text) => sum + numberBytes(text), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, bytes) => sum + bytes.byteLength, 0);
  if (value.L !== undefined) {
    return value.L.reduce(
      (sum, element) => sum + elementOverheadBytes + attributeValueBytes(element),
      containerOverheadBytes,
    );
  }
  if (value.M !== undefined) {
    return Object.entries(value.M).reduce(
      (sum, [name, element]) => sum + utf8Bytes(name) + elementOverheadBytes + attributeValueBytes(element),
      containerOverheadBytes,
    );
  }
  throw new TypeError(`attribute value of unknown type: ${JSON.stringify(Object.keys(value))}`);
}

/** The item's size as DynamoDB counts it: UTF-8 bytes of every attribute name plus its value. */
export function itemSizeBytes(item: Item): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + utf8Bytes(name) + attributeValueBytes(value),
    0,
  );
}

/** Write units of one standard write of the item (1 KB each, rounded up). */
export const writeUnits = (item: Item): number => Math.max(1, Math.ceil(itemSizeBytes(item) / 1024));

/** An element's contribution to the size of the list that holds it. */
export const listElementBytes = (value: AttributeValue): number =>
  elementOverheadBytes + attributeValueBytes(value);

/** The table key of an item, for gets and deletes. */
export function primaryKey(item: Item): Item {
  const { pk, sk } = item;
  if (pk === undefined || sk === undefined) {
    throw new TypeError(`item lacks its key attributes pk and sk: ${JSON.stringify(Object.keys(item))}`);
  }
  return { pk, sk };
}
