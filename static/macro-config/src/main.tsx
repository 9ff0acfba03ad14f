import { contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

startApp({ atStart: contextAtStart, load: () => import('./root') });
