import { token } from '@atlaskit/tokens';
import { callAtStart, contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { App } from './app';

/** The modal's own page rules: focus rings on the goal controls. */
const sprintGoalsPageCss = `
    .ll-text-action { text-align: start; }
    .ll-text-action:focus-visible { outline: 2px solid ${token('color.border.focused')}; outline-offset: 2px; border-radius: ${token('radius.small')}; }
`;

startApp(<App />, {
  pageCss: sprintGoalsPageCss,
  atStart: () => {
    // The sprint comes from the action's context, so the goals' call needs nothing from it and leaves first.
    callAtStart('goals/open', {});
    contextAtStart();
  },
});
