import { token } from '@atlaskit/tokens';
import { mountApp } from '../../shared/mount-app';
import { App } from './app';

/** The modal's own page rules: focus rings on the goal controls. */
const sprintGoalsPageCss = `
    .ll-text-action { text-align: start; }
    .ll-text-action:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')}; }
`;

export function mount(): void {
  mountApp(<App />, sprintGoalsPageCss);
}
