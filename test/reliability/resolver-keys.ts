/** The resolver keys the real handler serves: a new resolver without fuzz cases fails the fuzz test. */
import type { ResolverKey as ContractKey } from '../../src/contract/resolvers';
import { resolverKeys } from '../../src/resolvers';

export type ResolverKey = ContractKey;
export const ALL_RESOLVER_KEYS: readonly ResolverKey[] = resolverKeys;
