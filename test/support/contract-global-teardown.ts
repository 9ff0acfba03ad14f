/** jest globalTeardown: see contract-summary.ts. */
import { globalTeardown } from './contract-summary';

export default globalTeardown;
