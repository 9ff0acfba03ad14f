import { contextAtStart } from '../../shared/bridge-client';
import { startApp } from '../../shared/start-app';

// The call needs the macro's config, which comes with the context: reading it is the first thing.
startApp({ atStart: contextAtStart, load: () => import('./root') });
