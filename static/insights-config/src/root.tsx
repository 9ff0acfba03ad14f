import { token } from '@atlaskit/tokens';
import { learningsPageCss } from '../../shared/learnings/page-styles';
import { mountApp } from '../../shared/mount-app';
import { App } from './app';

// The config view sits in Confluence's dialog: its surface is the dialog's (an overlay), in light and dark.
const dialogSurface = `body { background: ${token('elevation.surface.overlay')}; }`;

export function mount(): void {
  mountApp(<App />, `${learningsPageCss}\n${dialogSurface}`);
}
