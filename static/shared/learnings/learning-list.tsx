/** Learnings from Jira, as cards, a table or a compact list, under group headings with counts. */
import type { CardGroup, LearningCard } from '../../../src/domain/search/learning-cards';
import type { Layout } from '../../../src/domain/macro/macro-config';
import { VisuallyHidden } from '../learning-marks';
import { CompactRow } from './compact-row';
import { LearningCardView } from './learning-card';
import { TableView } from './learning-table';
import { withinLimit } from './use-first-paint-limit';
import { type Common, type Names } from './learning-parts';
import { RowBlocks } from './row-blocks';

export type { Names };

function Cards({ layout, cards, ...common }: Common & { layout: Layout; cards: LearningCard[] }) {
  if (layout === 'table') return <TableView cards={cards} {...common} />;
  if (layout === 'compact') {
    return (
      <div role="list" className="ll-blocks">
        <RowBlocks cards={cards} Row={CompactRow} className="ll-block ll-compact-block" {...common} />
      </div>
    );
  }
  return (
    <div className="ll-blocks ll-card-blocks">
      <RowBlocks cards={cards} Row={LearningCardView} className="ll-block ll-card-grid" {...common} />
    </div>
  );
}

interface GroupsProps extends Common {
  groups: CardGroup[];
  grouped: boolean;
  layout: Layout;
  /** Cards rendered in all (the first paint's share); every card when absent. Headings keep their full counts. */
  renderLimit?: number;
}

/** The groups, each under a heading with its count; one unlabelled list when not grouped. */
export function LearningGroups({ groups, grouped, layout, renderLimit = Number.POSITIVE_INFINITY, ...common }: GroupsProps) {
  if (!grouped) return <Cards layout={layout} cards={groups.flatMap((g) => g.cards).slice(0, renderLimit)} {...common} />;
  return (
    <div className="ll-groups">
      {withinLimit(groups, renderLimit).map(({ group, shown }) => {
        if (shown === 0) return null;
        const id = `ll-group-${group.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        return (
          <section key={group.key} aria-labelledby={id} className="ll-group">
            <h3 id={id} className="ll-group-heading">
              <span className="ll-group-label">{group.label}</span>
              <span className="ll-group-count">
                {group.cards.length}
                <VisuallyHidden> {group.cards.length === 1 ? 'issue' : 'issues'}</VisuallyHidden>
              </span>
            </h3>
            <Cards layout={layout} cards={shown < group.cards.length ? group.cards.slice(0, shown) : group.cards} {...common} />
          </section>
        );
      })}
    </div>
  );
}
