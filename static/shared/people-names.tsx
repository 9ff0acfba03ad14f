/**
 * Display names for account ids, looked up lazily after the first render
 * (never on the path that opens a view), batched into one call per render
 * pass, and cached for the life of the frame.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call } from './bridge-client';
import { nameOf } from './person-name';
import { PEOPLE_PER_LOOKUP } from '../../src/contract/limits';

export type NameLookup = (accountId: string) => string;

interface PeopleState {
  names: ReadonlyMap<string, string>;
  want: (accountId: string) => void;
}

const PeopleContext = createContext<PeopleState>({ names: new Map(), want: () => undefined });

export function PeopleNamesProvider({ children }: { children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const state = useMemo<PeopleState>(() => {
    const asked = new Set<string>();
    const pending: string[] = [];
    const flush = async () => {
      const batch = pending.splice(0, PEOPLE_PER_LOOKUP);
      if (pending.length) queueMicrotask(() => void flush());
      if (batch.length === 0) return;
      const result = await call('people/lookup', { accountIds: batch });
      if (!result.ok) return; // names are a nicety: ids stay as they are
      setNames((current) => new Map([...current, ...Object.entries(result.value.names)]));
    };
    return {
      names: new Map(),
      want: (accountId) => {
        if (!accountId || asked.has(accountId)) return;
        asked.add(accountId);
        pending.push(accountId);
        if (pending.length === 1) queueMicrotask(() => void flush());
      },
    };
  }, []);
  return <PeopleContext.Provider value={{ names, want: state.want }}>{children}</PeopleContext.Provider>;
}

/** The person's display name once known, "you" for the viewer, the account id until then. */
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
