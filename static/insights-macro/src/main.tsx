import { learningsPageCss } from '../../shared/learnings/page-styles';
import { contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';
import { App } from './app';

// The call needs the macro's config, which comes with the context: reading it is the first thing.
startApp(<App />, { pageCss: learningsPageCss, atStart: contextAtStart });
