/**
 * Display names for account ids, for the life of the frame. A view's own answer may bring some
 * (`learn`: the panel's open answer does); the rest are looked up lazily after the first render
 * (never on the path that opens a view), batched into one `people/lookup` call per render pass.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call } from './bridge-client';
import { nameOf } from './person-name';
import { PEOPLE_PER_LOOKUP } from '../../src/contract/limits';

export type NameLookup = (accountId: string) => string;

/** Names a view's answer brought: by account id, null for someone Jira does not show (asked, so never asked again). */
export type KnownNames = Readonly<Record<string, string | null>>;

interface PeopleState {
  names: ReadonlyMap<string, string>;
  want: (accountId: string) => void;
  learn: (known: KnownNames) => void;
}

const PeopleContext = createContext<PeopleState>({ names: new Map(), want: () => undefined, learn: () => undefined });

export function PeopleNamesProvider({ children }: { children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const state = useMemo(() => {
    const asked = new Set<string>();
    const pending: string[] = [];
    const add = (found: Record<string, string | null>) => {
      const named = Object.entries(found).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      if (named.length) setNames((current) => new Map([...current, ...named]));
    };
    const flush = async () => {
      const batch = pending.splice(0, PEOPLE_PER_LOOKUP);
      if (pending.length) queueMicrotask(() => void flush());
      if (batch.length === 0) return;
      const result = await call('people/lookup', { accountIds: batch });
      if (result.ok) add(result.value.names); // names are a nicety: on failure people stay "someone"
    };
    return {
      want: (accountId: string) => {
        if (!accountId || asked.has(accountId)) return;
        asked.add(accountId);
        pending.push(accountId);
        if (pending.length === 1) queueMicrotask(() => void flush());
      },
      learn: (known: KnownNames) => {
        Object.keys(known).forEach((accountId) => asked.add(accountId));
        add(known);
      },
    };
  }, []);
  return <PeopleContext.Provider value={{ names, ...state }}>{children}</PeopleContext.Provider>;
}

/** Hands names a view's own answer brought to the frame's directory, before its first paint asks for them. */
export function useLearnNames(): (known: KnownNames) => void {
  return useContext(PeopleContext).learn;
}

/** The person's display name once known, "you" for the viewer, a neutral "someone" until then (never the account id). */
export function usePersonName(accountId: string, viewerAccountId: string | null): string {
  const { names, want } = useContext(PeopleContext);
  const isViewer = viewerAccountId !== null && accountId === viewerAccountId;
  useEffect(() => {
    if (!isViewer) want(accountId);
  }, [accountId, isViewer, want]);
  return nameOf(accountId, viewerAccountId, names);
}

export function PersonName({ accountId, viewerAccountId }: { accountId: string; viewerAccountId: string | null }) {
  return <>{usePersonName(accountId, viewerAccountId)}</>;
}
