/**
 * What the KVS stand-in speaks: @forge/kvs's request bodies and answers, its limits,
 * its error codes, and the opaque query cursors.
 */
import type { KvsRow, KvsSpace } from '../store/local-store';

export const MAX_KEY_CHARS = 500;
/** 240 KiB of JSON per value. */
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_BATCH = 25;
export const MAX_TRANSACTION_OPS = 25;
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 100;
export const TTL_UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;
export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

export const asObject = (value: unknown, what: string): Body => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new KvsFailure(400, 'BAD_REQUEST', `${what} must be an object.`);
  return value as Body;
};

export const keyOf = (body: Body): string => {
  const key = body.key;
  if (typeof key !== 'string' || key.length === 0)
    throw new KvsFailure(400, 'BAD_REQUEST', 'Provided key is invalid: it must be a non-empty string.');
  if (key.length > MAX_KEY_CHARS) throw new KvsFailure(400, 'BAD_REQUEST', `Provided key is longer than ${MAX_KEY_CHARS} characters.`);
  return key;
};

export const spaceOf = (entityName: unknown, secret = false): KvsSpace => {
  if (secret) return 'secret';
  if (entityName === undefined || entityName === null) return 'plain';
  if (typeof entityName !== 'string' || !entityName) throw new KvsFailure(400, 'BAD_REQUEST', 'Provided entityName is invalid.');
  return `entity:${entityName}`;
};

export const valueTextOf = (body: Body): string => {
  if (!('value' in body) || body.value === undefined) throw new KvsFailure(400, 'BAD_REQUEST', 'Provided value is missing.');
  const text = JSON.stringify(body.value);
  if (Buffer.byteLength(text) > MAX_VALUE_BYTES)
    throw new KvsFailure(413, 'VALUE_TOO_LARGE', `Provided value is larger than ${MAX_VALUE_BYTES} bytes.`);
  return text;
};

export const expireAtOf = (options: unknown, now: number): number | null => {
  const ttl = (options as { ttl?: { value?: unknown; unit?: unknown } } | undefined)?.ttl;
  if (!ttl) return null;
  const unitMs: number | undefined = TTL_UNIT_MS[ttl.unit as keyof typeof TTL_UNIT_MS];
  if (typeof ttl.value !== 'number' || ttl.value <= 0 || !unitMs) throw new KvsFailure(400, 'BAD_REQUEST', 'Provided ttl is invalid.');
  return now + ttl.value * unitMs;
};

export const withMetadata = (row: KvsRow, fields: MetadataField[] | undefined, extra: Body = {}): Body => ({
  key: row.key,
  value: JSON.parse(row.valueText) as unknown,
  ...extra,
  ...(fields?.includes('CREATED_AT') ? { createdAt: row.createdAt } : {}),
  ...(fields?.includes('UPDATED_AT') ? { updatedAt: row.updatedAt } : {}),
  ...(fields?.includes('EXPIRE_TIME') && row.expireAt !== null ? { expireTime: new Date(row.expireAt).toISOString() } : {}),
});

export const ALL_METADATA: MetadataField[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

/** Cursors are opaque to the app: the last key returned, base64url-encoded. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const decodeCursor = (cursor: unknown): string | undefined => {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  if (typeof cursor !== 'string') throw new KvsFailure(400, 'BAD_REQUEST', 'Provided cursor is invalid.');
  return Buffer.from(cursor, 'base64url').toString('utf8');
};
