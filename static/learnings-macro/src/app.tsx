/**
 * "Learnings from Jira": the first screen after one resolver call, more pages
 * as the reader scrolls (or presses "Load more"), search within what is
 * loaded, refresh, and a frozen copy as Confluence content or Markdown.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import SearchIcon from '@atlaskit/icon/core/search';
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../src/contract/errors';
import { call, getContext } from '../../shared/bridge-client';
import { fullDate, plural, timeAgo } from '../../shared/format';
import { LearningGroups, type Names } from '../../shared/learnings/learning-list';
import { Notice } from '../../shared/notice';
import { subtleSmall } from '../../shared/styles';
import { accountIdsToName, appendPage, firstPage, visibleGroups, type Loaded } from '../../shared/learnings/view-state';
import { copyRich, copyText } from '../../shared/clipboard';
import type { ExportFormat } from './export';

type Load = { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; loaded: Loaded };
type Copying = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'manual'; format: ExportFormat; text: string };

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [moreState, setMoreState] = useState<{ busy: boolean; error: AppErrorBody | null }>({ busy: false, error: null });
  const [search, setSearch] = useState('');
  const [names, setNames] = useState<Names>(new Map());
  const [siteUrl, setSiteUrl] = useState<string | null>(null);
  const [copying, setCopying] = useState<Copying>({ kind: 'idle' });
  const [now, setNow] = useState(() => new Date());
  const asked = useRef(new Set<string>());
  const generation = useRef(0);

  useEffect(() => {
    void getContext()
      .then((context) => {
        const url = (context as { siteUrl?: unknown }).siteUrl;
        if (typeof url === 'string') setSiteUrl(url);
      })
      .catch(() => undefined);
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  /** One `people/names` call per page, after it is on screen; ids stay as they are if it fails. */
  const nameAuthors = useCallback(async (loaded: Loaded) => {
    if (!loaded.config.show.author) return;
    const ids = accountIdsToName(loaded.cards, asked.current);
    if (ids.length === 0) return;
    ids.forEach((id) => asked.current.add(id));
    const result = await call('people/names', { accountIds: ids });
    if (result.ok) setNames((known) => new Map([...known, ...Object.entries(result.value.names)]));
  }, []);

  const loadFirst = useCallback(async () => {
    const mine = ++generation.current;
    setLoad({ kind: 'loading' });
    setMoreState({ busy: false, error: null });
    const result = await call('macro/learnings', {});
    if (mine !== generation.current) return;
    setNow(new Date());
    if (!result.ok) return setLoad({ kind: 'error', error: result.error });
    const loaded = firstPage(result.value);
    setLoad({ kind: 'ready', loaded });
    void nameAuthors(loaded);
  }, [nameAuthors]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  const loaded = load.kind === 'ready' ? load.loaded : null;
  const busyRef = useRef(false);

  const loadMore = useCallback(async () => {
    if (!loaded?.nextPageToken || busyRef.current) return;
    const mine = generation.current;
    busyRef.current = true;
    setMoreState({ busy: true, error: null });
    const result = await call('macro/learnings', { pageToken: loaded.nextPageToken });
    busyRef.current = false;
    if (mine !== generation.current) return;
    if (!result.ok) return setMoreState({ busy: false, error: result.error });
    const next = appendPage(loaded, result.value);
    setLoad({ kind: 'ready', loaded: next });
    setMoreState({ busy: false, error: null });
    void nameAuthors({ ...next, cards: result.value.cards });
  }, [loaded, nameAuthors]);

  // Scrolling near the end loads the next page. The observer's root is the
  // top-level viewport, so this works inside the auto-sized iframe too. It is
  // made afresh for every page (loadMore changes with it), and a new observer
  // reports where the end is now: a page that left the end in view loads the
  // next one, a page that pushed it out of view stops there.
  const sentinel = useRef<HTMLDivElement | null>(null);
  const failed = moreState.error !== null;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || failed || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    }, { rootMargin: '0px 0px 400px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loadMore, failed]);

  const view = useMemo(() => (loaded ? visibleGroups(loaded.cards, loaded.config.groupBy, search) : null), [loaded, search]);

  const copy = async (format: ExportFormat) => {
    if (!loaded || !view) return;
    setCopying({ kind: 'busy' });
    try {
      const { exportContent } = await import('./export');
      const cards = loaded.cards.filter((card) => view.groups.some((g) => g.cards.includes(card)));
      const { text, html } = exportContent(format, {
        title: loaded.config.title,
        cards,
        groupBy: loaded.config.groupBy,
        layout: loaded.config.layout,
        show: loaded.config.show,
        asOf: loaded.asOf,
        jql: loaded.jql,
        siteUrl,
        names: Object.fromEntries(names),
      });
      const what = `${plural(cards.length, 'issue')} as ${format === 'adf' ? 'Confluence content (ADF)' : 'Markdown'}`;
      if (await (html ? copyRich({ html, text }) : copyText(text))) setCopying({ kind: 'done', message: `Copied ${what}.` });
      else setCopying({ kind: 'manual', format, text });
    } catch {
      setCopying({ kind: 'done', message: 'Could not prepare the copy. Reload the page and try again.' });
    }
  };

  if (load.kind === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: token('space.200') }}>
        <Spinner size="medium" label="Loading learnings" />
        <span style={subtleSmall}>Loading learnings from Jira…</span>
      </div>
    );
  }

  if (load.kind === 'error') return <LoadError error={load.error} onRetry={() => void loadFirst()} />;

  const { config } = load.loaded;
  const total = load.loaded.cards.length;
  const more = load.loaded.nextPageToken !== null;

  return (
    <main aria-label={config.title || 'Learnings from Jira'} style={{ display: 'grid', gap: token('space.200'), padding: token('space.100') }}>
      <header style={{ display: 'grid', gap: token('space.100') }}>
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <h2 style={{ margin: 0, font: token('font.heading.medium'), overflowWrap: 'anywhere' }}>{config.title || 'Learnings from Jira'}</h2>
          <span style={subtleSmall}>
            As of{' '}
            <time dateTime={load.loaded.asOf} title={fullDate(load.loaded.asOf)}>
              {timeAgo(load.loaded.asOf, now)}
            </time>
            {' · '}
            <button type="button" className="ll-text-action" style={{ font: token('font.body.small') }} onClick={() => void loadFirst()}>
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.025'), verticalAlign: 'middle' }}>
                <RefreshIcon label="" size="small" />
                Refresh
              </span>
            </button>
          </span>
        </div>
        {total > 0 ? (
          <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
            <div style={{ flex: '1 1 220px', maxWidth: '420px' }}>
              <Textfield
                aria-label="Search these learnings"
                placeholder="Search these learnings"
                isCompact
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                elemBeforeInput={
                  <span style={{ display: 'flex', paddingInlineStart: token('space.075') }}>
                    <SearchIcon label="" size="small" color={token('color.icon.subtle')} />
                  </span>
                }
              />
            </div>
            <Button spacing="compact" onClick={() => void copy('adf')} isDisabled={copying.kind === 'busy'}>
              Copy as Confluence content
            </Button>
            <Button spacing="compact" onClick={() => void copy('markdown')} isDisabled={copying.kind === 'busy'}>
              Copy as Markdown
            </Button>
          </div>
        ) : null}
        {total > 0 ? (
          <p style={subtleSmall} role="status" aria-live="polite">
            {search.trim()
              ? `${plural(view?.shown ?? 0, 'issue')} of ${total} loaded match “${search.trim()}”.`
              : `${plural(total, 'issue')} with learnings${more ? ' so far' : ''}.`}
            {copying.kind === 'done' ? ` ${copying.message}` : ''}
          </p>
        ) : null}
      </header>

      {copying.kind === 'manual' ? (
        <ManualCopy text={copying.text} format={copying.format} onClose={() => setCopying({ kind: 'idle' })} />
      ) : null}

      {total === 0 ? (
        <EmptyState jql={load.loaded.jql} />
      ) : view && view.shown === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>
          Nothing loaded matches “{search.trim()}”.{more ? ' More learnings are still to load below.' : ''}
        </p>
      ) : view ? (
        <LearningGroups
          groups={view.groups}
          grouped={config.groupBy !== 'none'}
          layout={config.layout}
          show={config.show}
          siteUrl={siteUrl}
          names={names}
          now={now}
        />
      ) : null}

      <div ref={sentinel} aria-hidden="true" style={{ blockSize: '1px' }} />
      {more ? (
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
          {moreState.busy ? (
            <span role="status" style={{ display: 'inline-flex', gap: token('space.100'), alignItems: 'center' }}>
              <Spinner size="small" label="Loading more learnings" />
              <span style={subtleSmall}>Loading more…</span>
            </span>
          ) : (
            <Button onClick={() => void loadMore()}>Load more</Button>
          )}
        </div>
      ) : null}
      {moreState.error ? (
        <Notice appearance="error" role="alert" title="Could not load more learnings" actions={[{ label: 'Try again', onClick: () => void loadMore() }]}>
          <p style={{ margin: 0 }}>{moreState.error.message}</p>
        </Notice>
      ) : null}
    </main>
  );
}

function LoadError({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  const badJql = error.code === 'INVALID_INPUT';
  return (
    <div style={{ padding: token('space.100') }}>
      <Notice
        appearance={badJql ? 'warning' : 'error'}
        role="alert"
        title={badJql ? 'Jira could not run this macro’s JQL' : 'Could not load the learnings'}
        actions={[{ label: 'Try again', onClick: onRetry }]}
      >
        <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{error.message}</p>
        {badJql ? <p style={{ margin: `${token('space.100')} 0 0` }}>Edit the macro to fix the query.</p> : null}
      </Notice>
    </div>
  );
}

function EmptyState({ jql }: { jql: string }) {
  return (
    <section
      aria-label="No learnings yet"
      style={{
        display: 'grid',
        gap: token('space.100'),
        padding: token('space.200'),
        borderRadius: token('radius.medium'),
        border: `${token('border.width')} dashed ${token('color.border')}`,
      }}
    >
      <p style={{ margin: 0, font: token('font.heading.small') }}>No learnings here yet</p>
      <p style={{ margin: 0, color: token('color.text.subtle') }}>
        Learnings come from Jira: on any issue this macro’s query finds, open the <strong>Hypothesis / What we learned</strong> panel,
        write the hypothesis, and add what the team learned. They show up here the next time this page is viewed.
      </p>
      <p style={subtleSmall}>
        Query: <code style={{ font: token('font.code'), overflowWrap: 'anywhere' }}>{jql}</code>
      </p>
    </section>
  );
}

function ManualCopy({ text, format, onClose }: { text: string; format: ExportFormat; onClose: () => void }) {
  const area = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, []);
  return (
    <Notice appearance="information" title="Copy it from here" actions={[{ label: 'Close', onClick: onClose }]}>
      <p style={{ margin: `0 0 ${token('space.100')}` }}>
        This page may not use the clipboard. The {format === 'adf' ? 'Confluence content (ADF JSON)' : 'Markdown'} is selected below: press Ctrl+C (⌘C on a Mac) to copy it.
      </p>
      <textarea
        ref={area}
        readOnly
        value={text}
        aria-label={format === 'adf' ? 'Confluence content to copy' : 'Markdown to copy'}
        rows={10}
        style={{
          inlineSize: '100%',
          boxSizing: 'border-box',
          font: token('font.code'),
          color: token('color.text'),
          background: token('color.background.input'),
          border: `${token('border.width')} solid ${token('color.border.input')}`,
          borderRadius: token('radius.small'),
          padding: token('space.100'),
        }}
      />
    </Notice>
  );
}
