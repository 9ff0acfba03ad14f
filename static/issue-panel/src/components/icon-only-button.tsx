import type { ComponentType } from 'react';

/**
 * A small icon-only button (remove a tag, a link, a learning). Atlaskit's
 * IconButton pulls in the tooltip and popper layers (~35 KB gzip) for this;
 * a native button with a token-styled class, an aria-label and a title does
 * the same job here.
 */
export function IconOnlyButton({
  icon: Icon,
  label,
  onClick,
}: {
  icon: ComponentType<{ label: string; size?: 'small' | 'medium' }>;
  label: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="ll-icon-button" aria-label={label} title={label} onClick={onClick}>
      <Icon label="" size="small" />
    </button>
  );
}
