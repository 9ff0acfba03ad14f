import { learningsPageCss } from '../../shared/learnings/page-styles';
import { callAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { App } from './app';
import { NO_FILTERS } from './state/library-state';

startApp(<App />, {
  pageCss: learningsPageCss,
  atStart: () => {
    callAtStart('library/list', { filters: NO_FILTERS });
  },
});
