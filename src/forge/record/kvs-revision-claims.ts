import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { AppError } from '../../contract/errors';
import type { RevisionClaimsPort } from '../../ports/record/revision-claims.port';
import { storageKeys } from '../platform/storage-keys';

/** Longer than an invocation may run (25 s): past it, the save that made the claim is gone. */
export const CLAIM_HOLD_MS = 30_000;
/** Only to let KVS clear old claims some day: expiry is lazy (up to 48 h), so nothing depends on it. */
const CLAIM_CLEANUP_TTL = { value: 1, unit: 'DAYS' } as const;
/** Takeovers of dead claims on one revision, at most, before a save gives up. */
const MAX_GENERATIONS = 8;

/** No account id: a claim need not say who, so it holds no personal data. */
interface StoredClaim {
  saveId: string;
  /** Epoch ms after which the claim is dead and may be taken over. */
  deadline: number;
}

/**
 * Claims in Forge KVS, each an atomic create (`FAIL_IF_EXISTS`). A claim names its
 * save and its own deadline, and correctness never waits for a TTL. A dead claim is
 * taken over by creating the claim's next generation, again atomically, so two
 * saves cannot both take it over. Built per invocation: `saveId` is this save's.
 */
export class KvsRevisionClaims implements RevisionClaimsPort {
  private readonly held = new Map<string, string>();

  constructor(
    private readonly saveId: string = randomUUID(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Who claims is not stored (`_holder`): a claim holds no personal data. */
  async claim(issueId: string, revision: number, _holder?: string): Promise<boolean> {
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const key = storageKeys.revisionClaim(issueId, revision, generation);
      const mine: StoredClaim = { saveId: this.saveId, deadline: this.now() + CLAIM_HOLD_MS };
      const holder = await this.createOrRead(key, mine);
      if (holder.saveId === this.saveId) {
        this.held.set(`${issueId}:${revision}`, key);
        return true;
      }
      if (holder.deadline > this.now()) return false;
    }
    return false;
  }

  async release(issueId: string, revision: number): Promise<void> {
    const key = this.held.get(`${issueId}:${revision}`);
    if (!key) return;
    this.held.delete(`${issueId}:${revision}`);
    await kvs.delete(key).catch(() => undefined);
  }

  /** The claim that holds `key` after trying to create it: this save's, or the one already there. */
  private async createOrRead(key: string, claim: StoredClaim): Promise<StoredClaim> {
    for (let attempt = 1; ; attempt++) {
      try {
        await kvs.set(key, claim, { keyPolicy: 'FAIL_IF_EXISTS', ttl: CLAIM_CLEANUP_TTL });
        return claim;
      } catch (error) {
        // The key exists, or the outcome is unknown: what is stored says which (and may be this save's own).
        const holder = await this.read(key);
        if (holder) return holder;
        if (attempt >= 2) throw storageFailure(error);
      }
    }
  }

  private async read(key: string): Promise<StoredClaim | undefined> {
    let value: unknown;
    try {
      value = await kvs.get<unknown>(key);
    } catch (error) {
      throw storageFailure(error);
    }
    if (value === undefined) return undefined;
    const claim = value as Partial<StoredClaim>;
    // Unreadable: counts as a dead claim, to be taken over.
    return typeof claim.saveId === 'string' && typeof claim.deadline === 'number' ? (claim as StoredClaim) : { saveId: '', deadline: 0 };
  }
}

const storageFailure = (error: unknown) =>
  new AppError('JIRA_UNAVAILABLE', 'The app could not reach its storage to save safely. Try again in a moment.', {
    cause: error instanceof Error ? error.name : 'unknown',
  });
