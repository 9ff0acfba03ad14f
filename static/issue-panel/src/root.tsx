import { token } from '@atlaskit/tokens';
import { mountApp } from '../../shared/mount-app';
import { PeopleNamesProvider } from '../../shared/people-names';
import { App } from './app';

/** The panel's own page rules: visited links, focus rings, and the icon-only buttons. */
const panelPageCss = `
    a:visited { color: ${token('color.link.visited')}; }
    a:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: 2px; }
    .ll-icon-button {
      display: inline-flex; align-items: center; justify-content: center;
      inline-size: 24px; block-size: 24px; padding: 0; flex: none;
      border: none; border-radius: ${token('radius.small')};
      background: transparent; color: ${token('color.icon.subtle')}; cursor: pointer;
    }
    .ll-icon-button:hover { background: ${token('color.background.neutral.subtle.hovered')}; color: ${token('color.icon')}; }
    .ll-icon-button:active { background: ${token('color.background.neutral.subtle.pressed')}; }
    .ll-text-action:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')}; }
    .ll-icon-button:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; }
`;

export function mount(): void {
  mountApp(
    <PeopleNamesProvider>
      <App />
    </PeopleNamesProvider>,
    panelPageCss,
  );
}
