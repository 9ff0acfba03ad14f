import { callAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { NO_FILTERS } from './state/library-state';

startApp({
  atStart: () => {
    callAtStart('library/list', { filters: NO_FILTERS });
  },
  load: () => import('./root'),
});
