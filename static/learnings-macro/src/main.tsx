import { learningsPageCss } from '../../shared/learnings/page-styles';
import { callAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { App } from './app';

startApp(<App />, {
  pageCss: learningsPageCss,
  atStart: () => {
    callAtStart('macro/list', {});
  },
});
