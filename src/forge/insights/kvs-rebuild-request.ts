/**
 * The waiting rebuild request in Forge KVS: one key, read with `kvs.get` (strictly consistent,
 * unlike a query), so the five-minute trigger sees a request the moment it is stored.
 */
import { kvs } from '@forge/kvs';
import type { RebuildRequest, RebuildRequestPort } from '../../ports/insights/rebuild-request.port';
import { callStorage } from '../platform/kvs-client';
import { storageKeys } from '../platform/storage-keys';

const REQUEST = 'the insights rebuild request';

const readRequest = (value: unknown): RebuildRequest | null =>
  typeof value === 'object' && value !== null && typeof (value as { requestedAt?: unknown }).requestedAt === 'string'
    ? { requestedAt: (value as { requestedAt: string }).requestedAt }
    : null;

export class KvsRebuildRequest implements RebuildRequestPort {
  async pending(): Promise<RebuildRequest | null> {
    return readRequest(await callStorage(REQUEST, () => kvs.get<unknown>(storageKeys.insightsRebuildRequest())));
  }

  async save(request: RebuildRequest): Promise<void> {
    await callStorage(REQUEST, () => kvs.set(storageKeys.insightsRebuildRequest(), { requestedAt: request.requestedAt }));
  }

  async clear(served: RebuildRequest): Promise<boolean> {
    // KVS has no conditional delete for plain values: read again, delete only the same request.
    // The trigger clears before it rebuilds, so a request stored in between is covered by that rebuild.
    const now = await this.pending();
    if (now?.requestedAt !== served.requestedAt) return false;
    await callStorage(REQUEST, () => kvs.delete(storageKeys.insightsRebuildRequest()));
    return true;
  }
}
