import { callAtStart, contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

startApp({
  atStart: () => {
    contextAtStart();
    callAtStart('library/projects');
  },
  load: () => import('./root'),
});
