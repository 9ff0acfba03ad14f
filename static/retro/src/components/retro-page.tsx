/** The retro view's list mode: header and pickers, figures, the JQL and switches, the export, and the learnings. */
import { token } from '@atlaskit/tokens';
import type { AppErrorBody } from '../../../../src/contract/errors';
import type { RetroExport, RetroOpenPayload, RetroView } from '../../../../src/contract/retro';
import type { LearningCard } from '../../../../src/domain/search/learning-cards';
import { Notice } from '../../../shared/notice';
import { useFirstPaintLimit } from '../../../shared/learnings/use-first-paint-limit';
import { shownJql, type Scope } from '../state/retro-state';
import { NoBoard, NoSprint } from './empty-states';
import { onDemand } from '../../../shared/on-demand';
import { Figures } from './figures';
import { GoalsSection } from './goals-section';
import { JqlSearch } from './jql-search';
import { LearningItem } from './learning-item';
import { NoResults } from './no-results';
import { RetroHeader } from './retro-header';

// The export's panel (and its HTML writer) loads when an export is ready.
const ExportPanel = onDemand(() => import('./export-panel').then((m) => m.ExportPanel), 'export').View;

export type ExportState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; error: AppErrorBody } | { kind: 'ready'; result: RetroExport };

interface Props {
  view: RetroView;
  cards: LearningCard[];
  surpriseCount: number;
  scope: Scope;
  busy: boolean;
  typed: string;
  onType: (text: string) => void;
  jqlError: AppErrorBody | null;
  exported: ExportState;
  onExport: () => void;
  onCloseExport: () => void;
  open: (payload: RetroOpenPayload, scope?: Scope) => void;
  onScope: (scope: Scope) => void;
  onRunJql: () => void;
  onPresent: () => void;
}

/** The export (or why it failed), and a word when a search stopped at its cap. */
function ExportAndLimits(props: { exported: ExportState; truncated: boolean; onExport: () => void; onCloseExport: () => void }) {
  const { exported, truncated, onExport, onCloseExport } = props;
  return (
    <>
      {exported.kind === 'ready' ? <ExportPanel result={exported.result} onClose={onCloseExport} /> : null}
      {exported.kind === 'error' ? (
        <Notice appearance="error" title="Could not export" role="alert" actions={[{ label: 'Try again', onClick: onExport }]}>
          <p style={{ margin: 0 }}>{exported.error.message}</p>
        </Notice>
      ) : null}

      {truncated ? (
        <Notice appearance="warning" title="Only the first 500 issues were read">
          <p style={{ margin: 0 }}>Narrow the JQL to see the rest; the figures count what was read.</p>
        </Notice>
      ) : null}
    </>
  );
}

/** The learnings shown (a dozen in the first paint, the rest right after), and as whom they were read. */
function LearningList({ view, cards, label }: { view: RetroView; cards: LearningCard[]; label: string }) {
  const { sprint } = view;
  const limit = useFirstPaintLimit(true);
  return (
    <>
      {cards.length > 0 ? (
        <ul className="ll-list" aria-label={label} style={{ display: 'grid', gap: token('space.150') }}>
          {cards.slice(0, limit).map((card) => (
            <LearningItem key={card.issue.id} card={card} names={view.names} notes={view.notes} />
          ))}
        </ul>
      ) : null}

      {sprint ? (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtlest') }}>
          Read as you at {new Date(view.asOf).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}: only issues you can
          browse are shown.
        </p>
      ) : null}
    </>
  );
}

export function RetroPage(props: Props) {
  const {
    view,
    cards,
    surpriseCount,
    scope,
    busy,
    typed,
    onType,
    jqlError,
    exported,
    onExport,
    onCloseExport,
    open,
    onScope,
    onRunJql,
    onPresent,
  } = props;
  const { sprint, board } = view;
  const custom = !!view.query?.customJql;
  const current = { boardId: board?.id ?? null, sprintId: sprint?.id ?? null };
  const learningsInSprint = view.figures?.current.learnings ?? 0;

  return (
    <main aria-busy={busy} style={{ display: 'grid', gap: token('space.200'), padding: token('space.300'), maxWidth: '1100px' }}>
      <RetroHeader
        view={view}
        scope={scope}
        busy={busy}
        open={(payload) => {
          open(payload);
        }}
      />

      {!board ? <NoBoard projectKey={view.project.key} /> : null}
      {board && !sprint ? <NoSprint boardName={board.name} hasFuture={view.sprints.some((s) => s.state === 'future')} /> : null}

      {sprint ? <GoalsSection key={sprint.id} sprint={sprint} sprints={view.sprints} viewerAccountId={view.viewerAccountId} /> : null}

      {/* The figures are the sprint's: not shown beside the results of a person's own JQL. */}
      {sprint && view.figures && !custom ? (
        <Figures current={view.figures.current} previous={view.figures.previous} previousName={view.previousSprint?.name ?? null} />
      ) : null}

      {sprint && view.query ? (
        <JqlSearch
          typed={typed}
          onType={onType}
          shownJql={shownJql(view, scope)}
          jqlError={jqlError}
          busy={busy}
          activeScope={custom ? null : scope}
          onRun={onRunJql}
          onScope={onScope}
          // The presenter walks a sprint's surprises (its notes belong to the sprint): not a custom query's.
          surpriseCount={custom ? null : surpriseCount}
          onPresent={onPresent}
          exporting={exported.kind === 'loading'}
          onExport={onExport}
        />
      ) : null}

      <ExportAndLimits exported={exported} truncated={view.truncated} onExport={onExport} onCloseExport={onCloseExport} />

      {sprint && cards.length === 0 ? (
        <NoResults
          custom={custom}
          surprisesShown={scope === 'surprises'}
          sprintName={sprint.name}
          learningsInSprint={learningsInSprint}
          onBackToSurprises={() => {
            open(current, 'surprises');
          }}
          onEverything={() => {
            onScope('all');
          }}
        />
      ) : null}

      <LearningList view={view} cards={cards} label={scope === 'surprises' && !custom ? 'Surprises' : 'Learnings'} />
    </main>
  );
}
