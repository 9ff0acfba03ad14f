import { callAtStart, contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

startApp({
  atStart: () => {
    // The sprint comes from the action's context, so the goals' call needs nothing from it and leaves first.
    callAtStart('goals/open', {});
    contextAtStart();
  },
  load: () => import('./root'),
});
