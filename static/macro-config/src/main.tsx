import { learningsPageCss } from '../../shared/learnings/page-styles';
import { startApp } from '../../shared/start-app';
import { App } from './app';

startApp(<App />, { pageCss: learningsPageCss });
