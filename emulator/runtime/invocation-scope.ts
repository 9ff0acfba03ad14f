/**
 * Who is acting, in which invocation: the acting user of an invocation
 * travels in AsyncLocalStorage, as the platform's proxy token would, so
 * `asUser()` acts as whoever invoked the resolver. Also the sites (hosts)
 * started in this process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Accounting, CallRecord } from '../controls/accounting';
import type { FaultOutcome, FaultTarget } from '../controls/fault-registry';
import type { SiteSettings } from '../controls/site-settings';
import type { ContractSettings } from './contract-gate';
import type { StandInActor, StandInRequest, StandInResponse } from './stand-in-http';

/** A product stand-in as the runtime calls it. */
export interface ProductStandIn {
  handle(actor: StandInActor, req: StandInRequest): StandInResponse;
}

/** What a running site offers the runtime. */
export interface ForgeHost {
  jira: ProductStandIn;
  kvs: { handle(req: StandInRequest): StandInResponse };
  accounting: Accounting;
  /** Confluence REST (requestConfluence); 501 without it. */
  confluence?: ProductStandIn;
  /** Planted faults, applied before a stand-in sees the call. */
  faults?: { take(target: FaultTarget, req: Pick<StandInRequest, 'method' | 'path'>, provider: string): FaultOutcome | undefined };
  /** Run-time switches (e.g. asUser refusal for Confluence modules). */
  settings?: SiteSettings;
  /** api.atlassian.com (requestAtlassian): the Personal data reporting API; 501 without it. */
  atlassian?: ProductStandIn;
  /** Atlassian's contracts enforced on every call (see contract-gate.ts); none: calls go unchecked. */
  contract?: ContractSettings;
}

/** The product a module lives in: it decides the installContext and cross-product rules. */
export type ModuleProduct = 'jira' | 'confluence';

export interface InvocationScope {
  host: ForgeHost;
  accountId: string | null;
  invocationId: string | null;
  moduleKey: string | null;
  product: ModuleProduct;
  installContext: string;
  startedAt: number;
  /** How long this invocation may run (default INVOCATION_TIMEOUT_MS: a resolver's 25 s). */
  timeoutMs?: number;
  calls: CallRecord[];
}

/** Forge kills a resolver invocation after 25 s. */
export const INVOCATION_TIMEOUT_MS = 25_000;

export const scopes = new AsyncLocalStorage<InvocationScope>();
/** Sites started in this process; calls outside any invocation go to the newest. */
export const hosts: ForgeHost[] = [];

export const INSTALL_CONTEXT = 'ari:cloud:jira::site/local';
export const CONFLUENCE_INSTALL_CONTEXT = 'ari:cloud:confluence::site/local';

export const installContextOf = (product: ModuleProduct): string =>
  product === 'confluence' ? CONFLUENCE_INSTALL_CONTEXT : INSTALL_CONTEXT;

/** Confluence modules (`macro`, `confluence:*`) run in the Confluence installation; the rest in Jira's. */
export function productOfContext(context: Record<string, unknown>): ModuleProduct {
  const type = (context.extension as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' && (type === 'macro' || type.startsWith('confluence:')) ? 'confluence' : 'jira';
}

/** Runs `fn` as `accountId` outside any resolver: asUser() calls inside act as that user. */
export function runAs<T>(host: ForgeHost, accountId: string | null, fn: () => Promise<T>, product: ModuleProduct = 'jira'): Promise<T> {
  return scopes.run(
    {
      host,
      accountId,
      invocationId: null,
      moduleKey: null,
      product,
      installContext: installContextOf(product),
      startedAt: Date.now(),
      calls: [],
    },
    fn,
  );
}
