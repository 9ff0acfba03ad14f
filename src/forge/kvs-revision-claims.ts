import { kvs } from '@forge/kvs';
import { AppError } from '../contract/errors';
import type { RevisionClaimsPort } from '../ports/revision-claims.port';
import { storageKeys } from './storage-keys';

/** Longer than an invocation may run (25 s), so a claim outlives the save that holds it, and no more. */
const CLAIM_TTL = { value: 60, unit: 'SECONDS' } as const;

/** Claims in Forge KVS: an atomic create (`FAIL_IF_EXISTS`) that expires by itself. */
export class KvsRevisionClaims implements RevisionClaimsPort {
  async claim(issueId: string, revision: number, accountId: string): Promise<boolean> {
    const key = storageKeys.revisionClaim(issueId, revision);
    try {
      await kvs.set(key, { accountId, at: new Date().toISOString() }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: CLAIM_TTL });
      return true;
    } catch (error) {
      // The key exists: another save holds this revision. Anything else is storage failing.
      if ((await kvs.get(key).catch(() => undefined)) !== undefined) return false;
      throw new AppError('JIRA_UNAVAILABLE', 'The app could not reach its storage to save safely. Try again in a moment.', {
        cause: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  async release(issueId: string, revision: number): Promise<void> {
    await kvs.delete(storageKeys.revisionClaim(issueId, revision)).catch(() => undefined);
  }
}
