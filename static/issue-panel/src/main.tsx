import { callAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

startApp({
  atStart: () => {
    callAtStart('learning/get');
  },
  load: () => import('./root'),
});
