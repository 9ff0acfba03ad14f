import { startApp } from '../../shared/start-app';
import { startFirstOpening } from './retro-start';

startApp({
  atStart: () => {
    startFirstOpening();
  },
  load: () => import('./root'),
});
