import { callAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

startApp({
  atStart: () => {
    callAtStart('macro/list', {});
  },
  load: () => import('./root'),
});
