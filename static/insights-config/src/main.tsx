import { token } from '@atlaskit/tokens';
import { learningsPageCss } from '../../shared/learnings/page-styles';
import { callAtStart, contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { App } from './app';

// The config view sits in Confluence's dialog: its surface is the dialog's (an overlay), in light and dark.
const dialogSurface = `body { background: ${token('elevation.surface.overlay')}; }`;

startApp(<App />, {
  pageCss: `${learningsPageCss}\n${dialogSurface}`,
  atStart: () => {
    contextAtStart();
    callAtStart('library/projects');
  },
});
