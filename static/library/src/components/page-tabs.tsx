/**
 * The global page's tab list, as the WAI-ARIA tabs pattern: one tab in the Tab order (the selected
 * one), Left/Right arrows move between tabs and select them (wrapping), Home and End go to the
 * first and last. A panel is mounted when its tab is first selected and kept, hidden, afterwards,
 * so going back shows it as it was.
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export interface PageTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

function nextIndex(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function PageTabs({ tabs, label }: { tabs: readonly PageTab[]; label: string }) {
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set([0]));
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const select = (index: number) => {
    setSelected(index);
    setOpened((before) => (before.has(index) ? before : new Set([...before, index])));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const to = nextIndex(event.key, selected, tabs.length);
    if (to === null) return;
    event.preventDefault();
    select(to);
    buttons.current[to]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} style={{ display: 'flex', gap: token('space.100') }}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`ll-tab-${tab.id}`}
            aria-selected={i === selected}
            aria-controls={`ll-panel-${tab.id}`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => {
              select(i);
            }}
            onKeyDown={onKeyDown}
            style={{
              font: token('font.heading.xsmall'),
              color: i === selected ? token('color.text.selected') : token('color.text.subtle'),
              background: 'none',
              border: 'none',
              borderBlockEnd: `2px solid ${i === selected ? token('color.border.selected') : 'transparent'}`,
              padding: `${token('space.050')} ${token('space.100')}`,
              cursor: 'pointer',
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.id} role="tabpanel" id={`ll-panel-${tab.id}`} aria-labelledby={`ll-tab-${tab.id}`} hidden={i !== selected}>
          {opened.has(i) ? tab.render() : null}
        </div>
      ))}
    </>
  );
}
