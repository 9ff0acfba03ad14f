/** "Copy as …": the loaded cards that match the search, as Confluence content or Markdown, with a manual fallback. */
import { useState } from 'react';
import { copyRich, copyText } from '../../../shared/clipboard';
import { plural } from '../../../shared/format';
import type { Names } from '../../../shared/learnings/learning-list';
import type { Loaded, visibleGroups } from '../../../shared/learnings/view-state';
import { FORMAT_WORDS, type ExportFormat } from '../state/export-formats';

export type Copying =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'manual'; format: ExportFormat; text: string };

export function useCopy(loaded: Loaded | null, view: ReturnType<typeof visibleGroups> | null, siteUrl: string | null, names: Names) {
  const [copying, setCopying] = useState<Copying>({ kind: 'idle' });

  const copy = async (format: ExportFormat) => {
    if (!loaded || !view) return;
    setCopying({ kind: 'busy' });
    try {
      // Loaded on demand: keeps @atlaskit/adf-utils out of the first screen's bundle.
      const { exportContent } = await import('../state/export');
      const cards = loaded.cards.filter((card) => view.groups.some((g) => g.cards.includes(card)));
      const { text, html } = exportContent(format, {
        title: loaded.config.title,
        cards,
        groupBy: loaded.config.groupBy,
        layout: loaded.config.layout,
        show: loaded.config.show,
        asOf: loaded.asOf,
        // The person's query, not the one the app builds around it.
        jql: loaded.config.jql,
        siteUrl,
        names: Object.fromEntries(names),
      });
      const what = `${plural(cards.length, 'issue')} ${FORMAT_WORDS[format].copied}`;
      if (await (html ? copyRich({ html, text }) : copyText(text))) setCopying({ kind: 'done', message: `Copied ${what}.` });
      else setCopying({ kind: 'manual', format, text });
    } catch {
      setCopying({ kind: 'done', message: 'Could not prepare the copy. Reload the page and try again.' });
    }
  };

  return {
    copying,
    copy,
    closeManualCopy: () => {
      setCopying({ kind: 'idle' });
    },
  };
}
