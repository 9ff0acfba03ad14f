/**
 * Forge KVS as @forge/kvs calls it (POST /api/v1/<operation> with a JSON
 * body), backed by the local store. One installation. As Forge: `get` is
 * strictly consistent, `query` is eventually consistent (it lags behind writes by
 * `settings.queryDelayMs`), and expiry is lazy (a key set with a TTL is still read
 * for `settings.expiryGraceMs` after it expires). See ../store/kvs-table.ts.
 */
import { STATUS_CODES } from 'node:http';
import type { StandInRequest, StandInResponse } from '../runtime/stand-in-http';
import { nestsDeeperThan } from '../shared/json-depth';
import type { KvsSpace, KvsWriteTiming, LocalStore } from '../store/local-store';
import {
  ALL_METADATA,
  asObject,
  decodeCursor,
  DEFAULT_QUERY_LIMIT,
  encodeCursor,
  expireAtOf,
  keyOf,
  KvsFailure,
  MAX_BATCH,
  MAX_QUERY_LIMIT,
  MAX_TRANSACTION_OPS,
  spaceOf,
  valueTextOf,
  withMetadata,
  type Body,
  type MetadataField,
} from './kvs-protocol';
import { defined } from '../shared/defined';

export interface KvsSettings {
  /** How long `query` keeps seeing keys as they were before a set or delete. 0: at once. */
  queryDelayMs: number;
  /** How long an expired key is still read (and still exists for FAIL_IF_EXISTS). 0: expiry is exact. */
  expiryGraceMs: number;
}

/**
 * Defaults: queries lag by 1 s (long enough that a query right after a write misses it,
 * short enough for tests that wait); expired keys linger 48 h, Forge's documented worst case.
 */
export const DEFAULT_KVS_SETTINGS: KvsSettings = { queryDelayMs: 1000, expiryGraceMs: 48 * 3_600_000 };

export class KvsStandIn {
  readonly settings: KvsSettings;

  constructor(
    private readonly store: LocalStore,
    private readonly clock: () => number = Date.now,
    settings: Partial<KvsSettings> = {},
  ) {
    this.settings = { ...DEFAULT_KVS_SETTINGS, ...settings };
  }

  private timing(now: number): KvsWriteTiming {
    return { nowMs: now, queryLagMs: this.settings.queryDelayMs };
  }

  handle(req: StandInRequest): StandInResponse {
    const path = new URL(req.path, 'http://kvs.local').pathname;
    const endpoint = `${req.method.toUpperCase()} ${path}`;
    const reply = (status: number, body: unknown): StandInResponse => ({
      status,
      statusText: STATUS_CODES[status] ?? '',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      endpoint,
    });
    try {
      if (req.method.toUpperCase() !== 'POST') throw new KvsFailure(405, 'METHOD_NOT_ALLOWED', `KVS expects POST, got ${req.method}.`);
      let body: unknown;
      if (nestsDeeperThan(req.bodyText ?? ''))
        throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid: it nests too deeply');
      try {
        body = JSON.parse(req.bodyText ?? '');
      } catch {
        throw new KvsFailure(400, 'BAD_REQUEST', 'Provided request body is invalid');
      }
      const [status, result] = this.dispatch(path, body);
      return reply(status, result);
    } catch (error) {
      if (error instanceof KvsFailure) return reply(error.status, { code: error.code, message: error.message });
      return reply(500, { code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private dispatch(path: string, raw: unknown): [number, unknown] {
    const now = this.clock();
    switch (path) {
      case '/api/v1/get':
        return this.get(asObject(raw, 'body'), 'plain', now);
      case '/api/v1/secret/get':
        return this.get(asObject(raw, 'body'), 'secret', now);
      case '/api/v1/entity/get': {
        const body = asObject(raw, 'body');
        return this.get(body, spaceOf(body.entityName), now);
      }
      case '/api/v1/set':
        return this.set(asObject(raw, 'body'), 'plain', now);
      case '/api/v1/secret/set':
        return this.set(asObject(raw, 'body'), 'secret', now);
      case '/api/v1/entity/set': {
        const body = asObject(raw, 'body');
        return this.set(body, spaceOf(body.entityName), now);
      }
      case '/api/v1/delete':
        return this.delete(asObject(raw, 'body'), 'plain', now);
      case '/api/v1/secret/delete':
        return this.delete(asObject(raw, 'body'), 'secret', now);
      case '/api/v1/entity/delete': {
        const body = asObject(raw, 'body');
        return this.delete(body, spaceOf(body.entityName), now);
      }
      case '/api/v1/query':
        return this.query(asObject(raw, 'body'), now);
      case '/api/v1/batch/get':
        return this.batchGet(raw, now);
      case '/api/v1/batch/set':
        return this.batchSet(raw, now);
      case '/api/v1/batch/delete':
        return this.batchDelete(raw, now);
      case '/api/v1/transaction':
        return this.transact(asObject(raw, 'body'), now);
      case '/api/v1/entity/query':
        throw new KvsFailure(501, 'NOT_IMPLEMENTED', 'The local KVS stand-in does not support custom entity queries yet.');
      default:
        throw new KvsFailure(404, 'NOT_FOUND', `The local KVS stand-in has no operation ${path}.`);
    }
  }

  private get(body: Body, space: KvsSpace, now: number): [number, unknown] {
    const row = this.store.kvsGet(space, keyOf(body), now, this.settings.expiryGraceMs);
    if (!row) throw new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return [200, withMetadata(row, ALL_METADATA)];
  }

  private set(body: Body, space: KvsSpace, now: number): [number, unknown] {
    const key = keyOf(body);
    const valueText = valueTextOf(body);
    const options = body.options as { keyPolicy?: string; returnValue?: string } | undefined;
    const expireAt = expireAtOf(options, now);
    return this.store.transaction(() => {
      const previous = this.store.kvsGet(space, key, now, this.settings.expiryGraceMs);
      if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
        throw new KvsFailure(409, 'KEY_ALREADY_EXISTS', 'Provided key already exists');
      }
      const written = this.store.kvsSet(space, key, valueText, now, expireAt, this.timing(now), this.settings.expiryGraceMs);
      if (options?.keyPolicy === 'OVERRIDE' && options.returnValue === 'PREVIOUS') {
        return previous ? [200, withMetadata(previous, ALL_METADATA)] : [204, undefined];
      }
      if (options?.keyPolicy === 'OVERRIDE' && options.returnValue === 'LATEST') return [200, withMetadata(written, ALL_METADATA)];
      return [204, undefined];
    });
  }

  private delete(body: Body, space: KvsSpace, now: number): [number, unknown] {
    this.store.kvsDelete(space, keyOf(body), this.timing(now));
    return [204, undefined];
  }

  private query(body: Body, now: number): [number, unknown] {
    const limit = body.limit === undefined ? DEFAULT_QUERY_LIMIT : Number(body.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
      throw new KvsFailure(400, 'BAD_REQUEST', `Provided limit must be an integer between 1 and ${MAX_QUERY_LIMIT}.`);
    }
    let prefix: string | undefined;
    const where = body.where;
    if (where !== undefined) {
      if (!Array.isArray(where) || where.length > 1) throw new KvsFailure(400, 'BAD_REQUEST', 'Provided where clause is invalid.');
      const clause = asObject(where[0], 'where clause');
      const value = (clause.values as unknown[] | undefined)?.[0];
      if (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH' || (typeof value !== 'string' && typeof value !== 'number')) {
        throw new KvsFailure(400, 'BAD_REQUEST', 'Only a BEGINS_WITH condition on "key" is supported.');
      }
      prefix = String(value);
    }
    const fields = (body.options as { metadataFields?: MetadataField[] } | undefined)?.metadataFields;
    // One extra row tells whether there is a next page.
    const { queryDelayMs: queryLagMs, expiryGraceMs } = this.settings;
    const rows = this.store.kvsScan('plain', { prefix, after: decodeCursor(body.after), limit: limit + 1, now, queryLagMs, expiryGraceMs });
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return [
      200,
      {
        data: page.map((row) => withMetadata(row, fields)),
        ...(more ? { cursor: encodeCursor(defined(page.at(-1), 'last row of a page').key) } : {}),
      },
    ];
  }

  private items(raw: unknown): Body[] {
    if (!Array.isArray(raw)) throw new KvsFailure(400, 'BAD_REQUEST', 'A batch must be an array.');
    if (raw.length > MAX_BATCH) throw new KvsFailure(400, 'BAD_REQUEST', `A batch may hold at most ${MAX_BATCH} items.`);
    return raw.map((item) => asObject(item, 'batch item'));
  }

  private batchGet(raw: unknown, now: number): [number, unknown] {
    const successfulKeys: Body[] = [];
    const failedKeys: Body[] = [];
    for (const item of this.items(raw)) {
      const key = keyOf(item);
      const entity = item.entityName === undefined ? {} : { entityName: item.entityName };
      const row = this.store.kvsGet(spaceOf(item.entityName), key, now, this.settings.expiryGraceMs);
      const fields = (item.options as { metadataFields?: MetadataField[] } | undefined)?.metadataFields;
      if (row) successfulKeys.push(withMetadata(row, fields, entity));
      else failedKeys.push({ key, ...entity, error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
    }
    return [200, { successfulKeys, failedKeys }];
  }

  private batchSet(raw: unknown, now: number): [number, unknown] {
    const successfulKeys: Body[] = [];
    const failedKeys: Body[] = [];
    this.store.transaction(() => {
      for (const item of this.items(raw)) {
        const key = keyOf(item);
        const entity = item.entityName === undefined ? {} : { entityName: item.entityName };
        try {
          this.store.kvsSet(
            spaceOf(item.entityName),
            key,
            valueTextOf(item),
            now,
            expireAtOf(item.options, now),
            this.timing(now),
            this.settings.expiryGraceMs,
          );
          successfulKeys.push({ key, ...entity });
        } catch (error) {
          if (!(error instanceof KvsFailure)) throw error;
          failedKeys.push({ key, ...entity, error: { code: error.code, message: error.message } });
        }
      }
    });
    return [200, { successfulKeys, failedKeys }];
  }

  private batchDelete(raw: unknown, now: number): [number, unknown] {
    const successfulKeys: Body[] = [];
    this.store.transaction(() => {
      for (const item of this.items(raw)) {
        const key = keyOf(item);
        this.store.kvsDelete(spaceOf(item.entityName), key, this.timing(now));
        successfulKeys.push({ key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) });
      }
    });
    return [200, { successfulKeys, failedKeys: [] }];
  }

  /** All or nothing; entity conditions are not evaluated locally, so they are refused rather than ignored. */
  private transact(body: Body, now: number): [number, unknown] {
    const sets = (body.set as Body[] | undefined) ?? [];
    const deletes = (body.delete as Body[] | undefined) ?? [];
    const checks = (body.check as Body[] | undefined) ?? [];
    if (sets.length + deletes.length + checks.length > MAX_TRANSACTION_OPS) {
      throw new KvsFailure(400, 'BAD_REQUEST', `A transaction may hold at most ${MAX_TRANSACTION_OPS} operations.`);
    }
    if (checks.length > 0 || [...sets, ...deletes].some((op) => op.conditions !== undefined)) {
      throw new KvsFailure(501, 'NOT_IMPLEMENTED', 'The local KVS stand-in does not evaluate transaction conditions yet.');
    }
    const touched = [...sets, ...deletes].map((op) => `${typeof op.entityName === 'string' ? op.entityName : ''}/${keyOf(op)}`);
    if (new Set(touched).size !== touched.length) {
      throw new KvsFailure(400, 'BAD_REQUEST', 'A transaction may touch each key only once.');
    }
    this.store.transaction(() => {
      for (const op of sets) {
        this.store.kvsSet(
          spaceOf(op.entityName),
          keyOf(op),
          valueTextOf(op),
          now,
          expireAtOf(op.options, now),
          this.timing(now),
          this.settings.expiryGraceMs,
        );
      }
      for (const op of deletes) this.store.kvsDelete(spaceOf(op.entityName), keyOf(op), this.timing(now));
    });
    return [204, undefined];
  }
}
